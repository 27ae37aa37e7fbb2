from django.urls import path

from infitah.news import feeds, staff_views, views

app_name = "news"

urlpatterns = [
    path("", views.news_list, name="list"),
    path("feed.atom", feeds.NewsFeed(), name="feed"),
    path("collectivities/<int:pk>/feed.atom", feeds.CollectivityNewsFeed(), name="collectivity_feed"),
    path("<int:pk>/", views.news_detail, name="detail"),
    path("<int:pk>/image", views.news_image, name="image"),
    path("manage/", staff_views.manage, name="manage"),
    path("manage/add/<str:publisher>/", staff_views.add_item, name="add"),
    path("manage/<int:pk>/edit/", staff_views.edit_item, name="edit"),
    path("manage/<int:pk>/<str:act>/", staff_views.change_status, name="change_status"),
]
