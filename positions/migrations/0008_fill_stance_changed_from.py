"""Fill Stance.changed_from / changed_from_on for the changes stored before they existed."""

from django.db import migrations


def fill(apps, schema_editor):
    from positions.current import Row, derive

    Stance = apps.get_model("positions", "Stance")
    rows = (
        Stance.objects.order_by("statement__speaker_id", "issue_id")
        .values_list(
            "statement__speaker_id",
            "issue_id",
            "id",
            "position",
            "statement__said_on",
            "statement_id",
            "statement__review_status",
        )
        .iterator(chunk_size=5000)
    )
    group, key, batch = [], None, []

    def flush_group():
        for stance_id, derived in derive(group).items():
            if derived.is_change:
                batch.append(
                    Stance(
                        pk=stance_id,
                        changed_from=derived.changed_from,
                        changed_from_on=derived.changed_from_on,
                    )
                )

    for speaker, issue, stance, position, said_on, statement, status in rows:
        if (speaker, issue) != key and group:
            flush_group()
            group = []
        key = (speaker, issue)
        group.append(Row(stance, position, said_on, statement, status == "approved"))
        if len(batch) >= 2000:
            Stance.objects.bulk_update(batch, ["changed_from", "changed_from_on"])
            batch = []
    if group:
        flush_group()
    if batch:
        Stance.objects.bulk_update(batch, ["changed_from", "changed_from_on"])


class Migration(migrations.Migration):
    dependencies = [("positions", "0007_stance_changed_from")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
