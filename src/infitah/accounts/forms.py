from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from infitah.accounts.models import User
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

    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)

    def signup(self, request, user):
        user.full_name = self.cleaned_data.get("full_name", "")
        user.preferred_language = (translation.get_language() or "ar").split("-")[0]
        user.save(update_fields=["full_name", "preferred_language"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "preferred_language", "residence", "gender", "age_band"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["residence"] = residence_field()
        self.fields["residence"].queryset = self.fields["residence"].queryset.ordered_by_name(
            translation.get_language()
        )
        self.fields["gender"].choices = [("", _("Prefer not to say")), *self.fields["gender"].choices[1:]]
        self.fields["age_band"].choices = [("", _("Prefer not to say")), *self.fields["age_band"].choices[1:]]
