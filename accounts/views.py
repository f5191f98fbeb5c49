import segno
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login

from cohesion_portal.views import PortalViewMixin, add_service_error

from . import two_factor
from .forms import CodeForm
from .middleware import forget_two_factor_state


class PasswordChangeView(PortalViewMixin, auth_views.PasswordChangeView):
    title = gettext_lazy("Change password")


class PasswordChangeDoneView(PortalViewMixin, auth_views.PasswordChangeDoneView):
    title = gettext_lazy("Password changed")


TWO_FACTOR_CRUMB = (gettext_lazy("Two-factor sign-in"), reverse_lazy("two_factor"))


class TwoFactorView(PortalViewMixin, TemplateView):
    """The user's two-factor sign-in: on or off, recovery codes left; renew them, turn it off."""

    title = gettext_lazy("Two-factor sign-in")
    template_name = "accounts/two_factor.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            enabled=two_factor.enabled_for(user),
            required=two_factor.required_for(user),
            codes_left=two_factor.recovery_codes_left(user),
            **kwargs,
        )

    def post(self, request):
        if "off" in request.POST:
            two_factor.two_factor_off(user=request.user)
            forget_two_factor_state(request)
            messages.success(request, _("Two-factor sign-in is off."))
            return redirect("two_factor")
        codes = two_factor.recovery_codes_renew(user=request.user)
        return render_recovery_codes(request, codes)


class TwoFactorSetupView(PortalViewMixin, FormView):
    """Set up the authenticator app: scan the QR code (or type the secret), enter a code."""

    title = gettext_lazy("Set up two-factor sign-in")
    template_name = "accounts/two_factor_setup.html"
    form_class = CodeForm

    def get_breadcrumbs(self):
        return [TWO_FACTOR_CRUMB]

    def get_context_data(self, **kwargs):
        device = two_factor.pending_app(self.request.user)
        qr = segno.make(device.config_url, error="m")
        return super().get_context_data(
            qr_svg=mark_safe(qr.svg_inline(scale=4, dark="#0f172a")),  # (segno escapes it)
            secret=two_factor.secret_of(device),
            required=two_factor.required_for(self.request.user),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            device, codes = two_factor.app_confirm(
                user=self.request.user, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        otp_login(self.request, device)
        forget_two_factor_state(self.request)
        messages.success(self.request, _("Two-factor sign-in is on."))
        return render_recovery_codes(self.request, codes)


def render_recovery_codes(request, codes):
    """The new recovery codes, shown this once (they are kept hashed nowhere but in use)."""
    return render(
        request,
        "accounts/recovery_codes.html",
        {
            "title": _("Your recovery codes"),
            "breadcrumbs": [TWO_FACTOR_CRUMB, (_("Your recovery codes"), None)],
            "codes": codes,
        },
    )


class TwoFactorVerifyView(PortalViewMixin, FormView):
    """The second step of signing in: the app's code, or a recovery code."""

    title = gettext_lazy("Enter your sign-in code")
    template_name = "accounts/two_factor_verify.html"
    form_class = CodeForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            enabled=two_factor.enabled_for(self.request.user),
            next=self.request.GET.get("next", ""),
            **kwargs,
        )

    def form_valid(self, form):
        device = two_factor.verify(user=self.request.user, code=form.cleaned_data["code"])
        if device is None:
            form.add_error(
                "code",
                _(
                    "The code is wrong or has expired. Each wrong code makes the next try "
                    "wait longer."
                ),
            )
            return self.form_invalid(form)
        otp_login(self.request, device)
        if two_factor.recovery_codes_left(self.request.user) <= 3:
            messages.warning(
                self.request,
                _("Few recovery codes are left: make new ones on the two-factor page."),
            )
        return redirect(self.next_url())

    def next_url(self):
        target = self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            return target or reverse("home")
        return reverse("home")
