"""Users of every role at work on the portal: dashboards, lists, details and forms.

Run by bench/load.sh against a portal served by gunicorn on 127.0.0.1 only.
"""

import os
import random
import re

import gevent
from locust import HttpUser, between, events, task

PASSWORD = "cohesion2026"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MEMBER_LINK = re.compile(r'href="(/unions/members/\d+/)"')
UNION_LINK = re.compile(r'href="(/unions/\d+/)"')


WARM_UP_SECONDS = int(os.environ.get("WARM_UP_SECONDS", "20"))


@events.test_start.add_listener
def forget_the_warm_up(environment, **kwargs):
    """Count from WARM_UP_SECONDS on: the figures are the steady state, not the 50 logins of
    the first seconds (Argon2, slow by design) nor the cold caches."""

    def reset():
        gevent.sleep(WARM_UP_SECONDS)
        environment.stats.reset_all()

    gevent.spawn(reset)


class PortalUser(HttpUser):
    abstract = True
    wait_time = between(1, 5)  # a person reads a page before the next click
    username = ""

    def on_start(self):
        page = self.client.get("/accounts/login/", name="login page")
        token = CSRF.search(page.text).group(1)
        response = self.client.post(
            "/accounts/login/",
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="log in",
        )
        response.raise_for_status()
        self.members = MEMBER_LINK.findall(
            self.client.get("/unions/members/", name="member list").text
        )
        self.unions = UNION_LINK.findall(self.client.get("/unions/", name="union tree").text)

    @task(3)
    def workbench(self):
        self.client.get("/", name="workbench")

    @task(3)
    def member_list(self):
        page = random.randint(1, 40)
        self.client.get(
            f"/unions/members/?status=active&sort=-joined_on&page={page}",
            name="member list, page n",
        )

    @task(2)
    def member_search(self):
        self.client.get(f"/unions/members/?q={random.randint(1000, 9999)}", name="member search")

    @task(2)
    def member_page(self):
        if self.members:
            self.client.get(random.choice(self.members), name="member page")

    @task(2)
    def union_page(self):
        if self.unions:
            self.client.get(random.choice(self.unions), name="union page")

    @task(2)
    def enterprise_list(self):
        self.client.get(
            "/unions/enterprises/?unionized=true&sort=-headcount", name="enterprise list"
        )

    @task(1)
    def tree(self):
        self.client.get("/unions/", name="union tree")

    @task(1)
    def monthly_reports(self):
        self.client.get("/reports/monthly/", name="monthly report list")

    @task(1)
    def ranking(self):
        self.client.get("/standards/ranking/", name="ranking")


class IndustryStaff(PortalUser):
    weight = 2
    username = "qf_staff"

    @task(1)
    def submission_status(self):
        self.client.get("/reports/monthly/status/", name="monthly report status")

    @task(1)
    def excel_reports(self):
        self.client.get("/reports/exports/", name="monthly Excel reports")


class AreaCadre(PortalUser):
    weight = 1
    username = "qf_cadre"


class Officer(PortalUser):
    weight = 3
    username = "officer"

    @task(1)
    def enrol_form(self):
        self.client.get("/unions/members/new/", name="enrol form")

    @task(1)
    def monthly_report_form(self):
        self.client.get("/reports/monthly/fill/", name="monthly report form")


class Leadership(PortalUser):
    weight = 1
    username = "leader"
