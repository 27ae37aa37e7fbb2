from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import Association, User
from infitah.core.translation import MULTILINE_MAX_LENGTH, TranslatedFormField, tr
from infitah.territories.models import Collectivity, CollectivityKind


def residence_field():
    return forms.ModelChoiceField(
        label=_("Commune of residence"),
        required=False,
        queryset=Collectivity.objects.filter(kind=CollectivityKind.COMMUNE),
        empty_label=_("— not given —"),
        help_text=_("Optional. Lets you follow what your commune does."),
    )


class SignupProfileForm(forms.Form):
    """Extra fields of allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        required=False,
        help_text=_("Optional. Shown when you speak for an association or take part in a consultation."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def signup(self, request, user):
        user.full_name = self.cleaned_data.get("full_name", "")
        user.preferred_language = (translation.get_language() or "ar").split("-")[0]
        # Part of the account's creation (allauth saved it a moment ago): like the creation, it changes no public
        # page (QuietCreations), so it is written without the save signal that would empty the page cache.
        User.objects.filter(pk=user.pk).update(full_name=user.full_name, preferred_language=user.preferred_language)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "preferred_language", "residence", "gender", "age_band"]
        widgets = {"full_name": forms.TextInput(attrs={"autocomplete": "name"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each language under its own name, so anyone can find theirs whatever the page's language.
        self.fields["preferred_language"].choices = [
            (code, settings.LANGUAGE_NAMES_LOCAL.get(code, name)) for code, name in settings.LANGUAGES
        ]
        self.fields["preferred_language"].help_text = _("Pages and e-mails come in this language.")
        self.fields["residence"] = residence_field()
        self.fields["residence"].queryset = self.fields["residence"].queryset.ordered_by_name(
            translation.get_language()
        )
        self.fields["gender"].choices = [("", _("Prefer not to say")), *self.fields["gender"].choices[1:]]
        self.fields["age_band"].choices = [("", _("Prefer not to say")), *self.fields["age_band"].choices[1:]]


class DeleteAccountForm(forms.Form):
    """Deleting one's account asks for the password: a session left open on a shared computer is not enough."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        max_length=4096,  # Django's own ceiling for a password
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To confirm that it is you who deletes the account."),
    )

    def __init__(self, request, *args, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        # Through the authentication backend, so that guesses here count against the login throttle too.
        confirmed = authenticate(self.request, email=self.request.user.email, password=password)
        if confirmed is None or confirmed.pk != self.request.user.pk:
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return password


class SeatChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        label = f"{tr(obj.name)} — {obj.kind_label}"
        if obj.parent_id:
            label += f" ({tr(obj.parent.name)})"
        return label


class AssociationForm(forms.ModelForm):
    """What a citizen fills in to register an association; staff verify it afterwards."""

    name = TranslatedFormField(
        label=_("Name of the association"),
        max_length=300,
        required_languages=["ar", "fr"],
        help_text=_("As written in the association's statutes, in Arabic or French (or both)."),
    )
    description = TranslatedFormField(
        label=_("What the association does"),
        multiline=True,
        required=False,
        max_length=MULTILINE_MAX_LENGTH,
        help_text=_("Optional. Its purpose, fields of action and the people it works with."),
    )
    seat = SeatChoiceField(
        label=_("Seat"),
        queryset=Collectivity.objects.none(),
        empty_label=_("— choose the collectivity where the association has its seat —"),
        help_text=_("The commune (or province or region) where the association's seat is registered."),
    )
    title = forms.CharField(
        label=_("Your position in the association"),
        max_length=100,
        required=False,
        help_text=_("Optional, e.g. president or secretary general."),
    )

    class Meta:
        model = Association
        fields = ["name", "registration_date", "seat", "description"]
        widgets = {"registration_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seat"].queryset = Collectivity.objects.select_related("parent").ordered_by_name(
            translation.get_language()
        )
        self.fields["registration_date"].help_text = _(
            "Date of the final receipt of the legal declaration (récépissé définitif)."
        )

    def clean_registration_date(self):
        registered = self.cleaned_data["registration_date"]
        if registered > timezone.localdate():
            raise forms.ValidationError(
                _("The registration date cannot be in the future."), code="registration_date_in_future"
            )
        return registered


class AssociationFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"), required=False)
    seat = forms.ChoiceField(label=_("Seat"), required=False)

    def __init__(self, *args, regions=(), seats=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.regions = {region.code: region for region in regions}
        self.seats = {seat.code: seat for seat in seats}
        self.fields["region"].choices = [("", _("All regions"))] + [(r.code, tr(r.name)) for r in regions]
        self.fields["seat"].choices = [("", _("All seats"))] + [(s.code, tr(s.name)) for s in seats]

    def selected(self):
        if not (self.is_bound and self.is_valid()):
            return None, None
        return self.regions.get(self.cleaned_data["region"]), self.seats.get(self.cleaned_data["seat"])
