from django.urls import path

from . import (
    views,
    views_congress,
    views_coverage,
    views_disclosure,
    views_offers,
    views_performance,
    views_scans,
)

app_name = "contracts"
urlpatterns = [
    path("", views.ContractListView.as_view(), name="list"),
    path("new/", views.ContractCreateView.as_view(), name="create"),
    path("uncovered/", views_coverage.UncoveredEnterpriseListView.as_view(), name="uncovered"),
    path("<int:pk>/", views.ContractDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.ContractUpdateView.as_view(), name="edit"),
    path("<int:pk>/scan/", views_scans.ContractScanView.as_view(), name="scan"),
    path(
        "<int:pk>/checks/new/",
        views_performance.PerformanceCheckAddView.as_view(),
        name="check_create",
    ),
    path(
        "checks/<int:pk>/edit/",
        views_performance.PerformanceCheckUpdateView.as_view(),
        name="check_edit",
    ),
    path("offers/", views_offers.OfferListView.as_view(), name="offer_list"),
    path("offers/new/", views_offers.OfferCreateView.as_view(), name="offer_create"),
    path("offers/<int:pk>/", views_offers.OfferDetailView.as_view(), name="offer_detail"),
    path("offers/<int:pk>/edit/", views_offers.OfferUpdateView.as_view(), name="offer_edit"),
    path("offers/<int:pk>/rounds/", views_offers.OfferRoundAddView.as_view(), name="offer_round"),
    path("congresses/", views_congress.CongressListView.as_view(), name="congress_list"),
    path("congresses/new/", views_congress.CongressCreateView.as_view(), name="congress_create"),
    path(
        "congresses/<int:pk>/", views_congress.CongressDetailView.as_view(), name="congress_detail"
    ),
    path(
        "congresses/<int:pk>/edit/",
        views_congress.CongressUpdateView.as_view(),
        name="congress_edit",
    ),
    path(
        "congresses/<int:pk>/sessions/",
        views_congress.SessionAddView.as_view(),
        name="congress_session",
    ),
    path("disclosures/", views_disclosure.DisclosureListView.as_view(), name="disclosure_list"),
    path(
        "disclosures/new/",
        views_disclosure.DisclosureCreateView.as_view(),
        name="disclosure_create",
    ),
    path(
        "disclosures/<int:pk>/",
        views_disclosure.DisclosureDetailView.as_view(),
        name="disclosure_detail",
    ),
    path(
        "disclosures/<int:pk>/edit/",
        views_disclosure.DisclosureUpdateView.as_view(),
        name="disclosure_edit",
    ),
]
