"""The petition pages (agent, signer, bureau). Names are the contract with public_urls (see urls.py)."""

from django.urls import path

from infitah.petitions import agent_views, bureau_views, signing_views, views

urlpatterns = [
    path("new/", views.new, name="new"),
    path("mine/", views.mine, name="mine"),
    path("bureau/", bureau_views.bureau, name="bureau"),
    path("<int:pk>/", views.petition_view, name="petition"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/open/", views.open_signing, name="open"),
    path("<int:pk>/sign/", signing_views.sign, name="sign"),
    path("<int:pk>/unsign/", signing_views.unsign, name="unsign"),
    path("<int:pk>/eligibility/", agent_views.eligibility, name="eligibility"),
    path("<int:pk>/deposit/", agent_views.deposit, name="deposit"),
    path("<int:pk>/receipt/", agent_views.receipt, name="receipt"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/rule/", bureau_views.rule, name="rule"),
    path("<int:pk>/decide/", bureau_views.decide, name="decide"),
    path("<int:pk>/signatures/", bureau_views.signatures, name="signatures"),
    path("<int:pk>/signatures.csv", bureau_views.signatures_csv, name="signatures_csv"),
]
