"""Copy each statement's date onto its stances (Stance.said_on, kept by positions.current)."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    Stance = apps.get_model("positions", "Stance")
    Statement = apps.get_model("positions", "Statement")
    said_on = Statement.objects.filter(pk=OuterRef("statement_id")).values("said_on")[:1]
    Stance.objects.update(said_on=Subquery(said_on))


class Migration(migrations.Migration):
    dependencies = [("positions", "0005_stance_said_on")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
