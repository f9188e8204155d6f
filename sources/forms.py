"""Input shapes for the ingestion pages."""

from django import forms
from django.core.exceptions import ValidationError

from sources.models import Outlet


class SubmitForm(forms.Form):
    """A web address to fetch, or text (plain, HTML or the corpus format) to store as it is."""

    url = forms.URLField(
        label="Web address", required=False, max_length=2000, assume_scheme="https"
    )
    text = forms.CharField(
        label="Or paste the article",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=2_000_000,
        help_text="Plain text, HTML, or the corpus format (title:, outlet:, date:, url: lines, "
        "a blank line, then the body).",
    )
    title = forms.CharField(label="Title", required=False, max_length=1000)
    outlet = forms.ModelChoiceField(
        queryset=Outlet.objects.order_by("name"),
        required=False,
        help_text="Leave empty to match the outlet by the address's domain.",
    )

    def clean(self) -> dict:
        data = super().clean()
        has_url, has_text = bool(data.get("url")), bool((data.get("text") or "").strip())
        if has_url == has_text:
            raise ValidationError("Give either a web address or pasted text (one, not both).")
        return data
