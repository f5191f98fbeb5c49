from django.contrib.auth import views as auth_views
from django.urls import path

from .forms import LoginForm
from .views import (
    PasswordChangeDoneView,
    PasswordChangeView,
    TwoFactorSetupView,
    TwoFactorVerifyView,
    TwoFactorView,
)

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("two-factor/", TwoFactorView.as_view(), name="two_factor"),
    path("two-factor/setup/", TwoFactorSetupView.as_view(), name="two_factor_setup"),
    path("two-factor/verify/", TwoFactorVerifyView.as_view(), name="two_factor_verify"),
]
