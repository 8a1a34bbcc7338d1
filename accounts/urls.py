from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("accounts/sign-in/", views.SignInView.as_view(), name="login"),
    path("accounts/sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("my/", views.dashboard, name="dashboard"),
    path("my/account/", views.account, name="account"),
    path("my/account/export/", views.export_my_data, name="export"),
    path("my/account/erase/", views.erase_my_account, name="erase"),
]
