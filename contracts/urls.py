from django.urls import path

from .views import congress, contracts, coverage, disclosure, offers, performance, scans

app_name = "contracts"
urlpatterns = [
    path("", contracts.ContractListView.as_view(), name="list"),
    path("new/", contracts.ContractEditView.as_view(), name="create"),
    path("uncovered/", coverage.UncoveredEnterpriseListView.as_view(), name="uncovered"),
    path("<int:pk>/", contracts.ContractDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", contracts.ContractEditView.as_view(), name="edit"),
    path("<int:pk>/scan/", scans.ContractScanView.as_view(), name="scan"),
    path(
        "<int:pk>/checks/new/",
        performance.PerformanceCheckAddView.as_view(),
        name="check_create",
    ),
    path(
        "checks/<int:pk>/edit/",
        performance.PerformanceCheckUpdateView.as_view(),
        name="check_edit",
    ),
    path("offers/", offers.OfferListView.as_view(), name="offer_list"),
    path("offers/new/", offers.OfferEditView.as_view(), name="offer_create"),
    path("offers/<int:pk>/", offers.OfferDetailView.as_view(), name="offer_detail"),
    path("offers/<int:pk>/edit/", offers.OfferEditView.as_view(), name="offer_edit"),
    path("offers/<int:pk>/rounds/", offers.OfferRoundAddView.as_view(), name="offer_round"),
    path("congresses/", congress.CongressListView.as_view(), name="congress_list"),
    path("congresses/new/", congress.CongressEditView.as_view(), name="congress_create"),
    path("congresses/<int:pk>/", congress.CongressDetailView.as_view(), name="congress_detail"),
    path(
        "congresses/<int:pk>/edit/",
        congress.CongressEditView.as_view(),
        name="congress_edit",
    ),
    path(
        "congresses/<int:pk>/sessions/",
        congress.SessionAddView.as_view(),
        name="congress_session",
    ),
    path("disclosures/", disclosure.DisclosureListView.as_view(), name="disclosure_list"),
    path(
        "disclosures/new/",
        disclosure.DisclosureEditView.as_view(),
        name="disclosure_create",
    ),
    path(
        "disclosures/<int:pk>/",
        disclosure.DisclosureDetailView.as_view(),
        name="disclosure_detail",
    ),
    path(
        "disclosures/<int:pk>/edit/",
        disclosure.DisclosureEditView.as_view(),
        name="disclosure_edit",
    ),
]
