app_name = "openness_index"

urlpatterns: list = []
