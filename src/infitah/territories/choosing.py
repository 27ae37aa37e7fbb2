"""Choosing a collectivity by its name, in Arabic or French and however it is spelt, with its official code as a
fallback — for every filter that asks "which collectivity?".

Names are compared through the Arabic normaliser (`core.arabic.normalise`: alef and hamza variants, taa marbuta,
alef maqsura, diacritics, digits), which also folds French accents and case: "جهة مراكش آسفي", "جهة مراكش اسفي",
"marrakech-safi" and "Marrakech-Safi" find the same region. The field works without JavaScript; a `<datalist>`
offers the names as people type.
"""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from infitah.core.arabic import normalise
from infitah.core.translation import tr
from infitah.territories.models import Collectivity

# How many collectivities an ambiguous name lists at most.
MAX_LISTED = 8


def match(query, candidates):
    """The candidates `query` names (pure): a code, else the exact name (in any language), else every candidate
    whose name holds all the words typed.

    `candidates`: (key, code, {language: name}) tuples. Returns the list of matching keys (one when it is clear).
    """
    text = (query or "").strip()
    if not text:
        return []
    by_code = [key for key, code, _names in candidates if code.casefold() == text.casefold()]
    if by_code:
        return by_code
    wanted = normalise(text)
    exact = [key for key, _code, names in candidates if wanted in {normalise(name) for name in names.values() if name}]
    if exact:
        return exact
    words = wanted.replace("-", " ").split()
    return [
        key
        for key, _code, names in candidates
        if any(all(word in normalise(name).replace("-", " ") for word in words) for name in names.values() if name)
    ]


class CollectivityInput(forms.TextInput):
    """A text input with a datalist of the names people are likely to look for (no JavaScript needed)."""

    template_name = "territories/widgets/collectivity_input.html"

    def __init__(self, attrs=None, suggestions=None):
        super().__init__({"autocomplete": "off", "dir": "auto", **(attrs or {})})
        self.suggestions = suggestions  # a callable giving the collectivities to suggest

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        suggested = self.suggestions() if self.suggestions else []
        context["widget"]["options"] = [(str(tr(c.name)), c.code) for c in suggested]
        context["widget"]["attrs"]["list"] = f"{context['widget']['attrs'].get('id', name)}-choices"
        context["widget"]["datalist_id"] = context["widget"]["attrs"]["list"]
        return context


class CollectivityField(forms.CharField):
    """Cleans to a Collectivity (or None when left empty) from its name in any language, or its code."""

    def __init__(self, *, suggestions=None, **kwargs):
        kwargs.setdefault("label", _("Collectivity"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault(
            "help_text", _("Its name in Arabic or French (e.g. Marrakech-Safi, مراكش آسفي), or its official code.")
        )
        kwargs.setdefault("widget", CollectivityInput(suggestions=suggestions))
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        exact = Collectivity.objects.filter(code__iexact=text.strip()).first()
        if exact is not None:
            return exact
        rows = self._candidates(text)
        keys = match(text, [(row.pk, row.code, row.name or {}) for row in rows])
        if len(keys) == 1:
            return next(row for row in rows if row.pk == keys[0])
        if not keys:
            raise forms.ValidationError(
                gettext("No territorial collectivity is named or coded “%(text)s”.") % {"text": text}
            )
        chosen = sorted((row for row in rows if row.pk in keys), key=lambda row: row.code)
        listed = "; ".join(f"{tr(row.name)} ({row.code})" for row in chosen[:MAX_LISTED])
        if len(chosen) > MAX_LISTED:
            listed += "; …"
        raise forms.ValidationError(
            gettext("Several collectivities match “%(text)s”: %(choices)s. Type the full name or the code of one.")
            % {"text": text, "choices": listed}
        )

    @staticmethod
    def _candidates(text):
        """Collectivities whose search key holds every word typed (the key folds names like `match` does)."""
        rows = Collectivity.objects.all()
        for word in normalise(text).replace("-", " ").split():
            rows = rows.filter(search_key__contains=word)
        return list(rows.only("pk", "code", "name", "kind")[:200])
