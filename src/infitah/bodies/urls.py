app_name = "bodies"

urlpatterns = []
