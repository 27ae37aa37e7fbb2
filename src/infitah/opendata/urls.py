"""The open-data catalogue (namespace "opendata", under open-data/): catalogue, dataset (key), download (key,
format in csv|json|xlsx) and the DCAT catalogue (JSON-LD). Other apps link to these names."""

from django.urls import path

from infitah.opendata import views

app_name = "opendata"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("catalogue.jsonld", views.dcat_catalogue, name="dcat"),
    path("<slug:key>/", views.dataset_page, name="dataset"),
    path("<slug:key>/<slug:fmt>/", views.download, name="download"),
]
