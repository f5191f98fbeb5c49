"""Screenshots of the main pages, laptop and phone, for a person to look at.

.venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:8000] [--out test-artifacts/shots]
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = [
    ("home", "/"),
    ("tree", "/unions/"),
    ("enterprises", "/unions/enterprises/"),
    ("enterprise-new", "/unions/enterprises/new/"),
    ("members", "/unions/members/"),
    ("member-new", "/unions/members/new/"),
    ("roster", "/unions/members/import/"),
    ("applications", "/unions/applications/"),
    ("transfers", "/unions/transfers/"),
    ("contracts", "/contracts/"),
    ("offers", "/contracts/offers/"),
    ("congresses", "/contracts/congresses/"),
    ("contract-new", "/contracts/new/"),
    ("disclosures", "/contracts/disclosures/"),
    ("disclosure-new", "/contracts/disclosures/new/"),
    ("assistance-overview", "/assistance/"),
    ("hardship-files", "/assistance/files/"),
    ("hardship-import", "/assistance/files/import/"),
    ("hardship-file-new", "/assistance/files/new/"),
    ("hardship-review", "/assistance/files/review/"),
    ("aid", "/assistance/aid/"),
    ("aid-new", "/assistance/aid/new/"),
    ("campaigns", "/assistance/campaigns/"),
    ("stations", "/assistance/stations/"),
    ("job-help", "/assistance/jobs/"),
    ("legal-aid", "/assistance/legal/workstations/"),
    ("legal-cases", "/assistance/legal/"),
    ("book-rooms", "/competitions/book-rooms/"),
    ("titles", "/competitions/titles/"),
    ("station-new", "/assistance/stations/new/"),
    ("appeals", "/assistance/appeals/"),
    ("appeal-new", "/assistance/appeals/new/"),
    ("appeal-public", "/appeal/"),
    ("appeal-track", "/appeal/track/"),
    ("reminders", "/reminders/"),
    ("dashboard", "/reports/dashboard/"),
    ("ranking", "/standards/ranking/"),
    ("inspections", "/standards/inspections/"),
    ("surveys", "/standards/surveys/"),
    ("plans", "/standards/plans/"),
    ("schemes", "/standards/schemes/"),
    ("history", "/reports/history/"),
    ("two-factor", "/accounts/two-factor/"),
    ("two-factor-setup", "/accounts/two-factor/setup/"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="test-artifacts/shots")
    parser.add_argument("--user", default="qf_staff")
    parser.add_argument("--password", default="cohesion2026")
    parser.add_argument("--lang", default="zh-hans")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for device, viewport in (
            ("laptop", {"width": 1366, "height": 860}),
            ("phone", {"width": 390, "height": 844}),
        ):
            context = browser.new_context(viewport=viewport, locale="zh-CN", device_scale_factor=1)
            page = context.new_page()
            page.goto(f"{args.base}/accounts/login/")
            page.screenshot(path=out / f"{device}-login.png")
            page.fill("#id_username", args.user)
            page.fill("#id_password", args.password)
            page.click("button[type=submit]")
            page.wait_for_url(f"{args.base}/")
            for name, url in PAGES:
                page.goto(args.base + url)
                page.screenshot(path=out / f"{device}-{name}.png", full_page=True)
            page.goto(f"{args.base}/unions/")
            page.locator("main .tree-row a").first.click()
            page.wait_for_load_state()
            page.screenshot(path=out / f"{device}-union.png", full_page=True)
            for name, listing in (
                ("scorecard", "/standards/ranking/"),
                ("inspection", "/standards/inspections/"),
                ("plan", "/standards/plans/"),
                ("scheme", "/standards/schemes/"),
                ("survey", "/standards/surveys/"),
                ("appeal", "/assistance/appeals/?overdue=true"),
            ):
                page.goto(args.base + listing)
                link = page.locator("main table tbody a")
                if link.count():
                    link.first.click()
                    page.wait_for_load_state()
                    page.screenshot(path=out / f"{device}-{name}.png", full_page=True)
            page.goto(f"{args.base}/contracts/?state=in_force")
            page.locator("main table tbody a").first.click()
            page.wait_for_load_state()
            page.screenshot(path=out / f"{device}-contract.png", full_page=True)
            page.goto(f"{args.base}/unions/members/")
            page.locator("main table tbody a").first.click()
            page.wait_for_load_state()
            page.screenshot(path=out / f"{device}-member.png", full_page=True)
            page.goto(f"{args.base}/unions/applications/")
            poster = page.locator("main a[href*=join-poster]")
            if poster.count():
                poster.first.click()
                page.wait_for_load_state()
                page.screenshot(path=out / f"{device}-poster.png", full_page=True)
                join_url = page.locator("#join-url a").get_attribute("href")
                page.goto(join_url)
                page.screenshot(path=out / f"{device}-join.png", full_page=True)
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
