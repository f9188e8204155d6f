"""Forms used by the admin's intermediate pages."""

from django import forms
from django.core.exceptions import ValidationError

from positions import services
from positions.models import Actor, Statement


class MergeActorsForm(forms.Form):
    """Pick which of the selected actors the others are merged into."""

    target = forms.ModelChoiceField(
        queryset=Actor.objects.none(),
        widget=forms.RadioSelect,
        label="Keep this actor; merge the others into it",
    )

    def __init__(self, *args: object, actors: list[Actor], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Actor.objects.filter(pk__in=[a.pk for a in actors])


class StatementAdminForm(forms.ModelForm):
    """The statement form; the span is checked against the article before anything is saved."""

    class Meta:
        model = Statement
        fields = [
            "speaker",
            "speaker_affiliation",
            "text",
            "kind",
            "review_status",
            "article",
            "start",
            "end",
            "via",
            "said_on",
            "said_on_precision",
            "confidence",
            "is_demo",
            "note",
        ]

    def clean(self) -> dict[str, object]:
        cleaned = super().clean()
        if cleaned.get("text"):
            try:
                services.check_span(
                    article=cleaned.get("article"),
                    text=cleaned["text"],
                    start=cleaned.get("start"),
                    end=cleaned.get("end"),
                )
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned
