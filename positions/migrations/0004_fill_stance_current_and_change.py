"""Fill Stance.is_current / is_change for the stances stored before they existed."""

from django.db import migrations


def fill(apps, schema_editor):
    from positions.current import Row, flags

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
        for stance_id, (is_current, is_change) in flags(group).items():
            if is_current or is_change:
                batch.append(Stance(pk=stance_id, is_current=is_current, is_change=is_change))

    for speaker, issue, stance, position, said_on, statement, status in rows:
        if (speaker, issue) != key and group:
            flush_group()
            group = []
        key = (speaker, issue)
        group.append(Row(stance, position, said_on, statement, status == "approved"))
        if len(batch) >= 2000:
            Stance.objects.bulk_update(batch, ["is_current", "is_change"])
            batch = []
    if group:
        flush_group()
    if batch:
        Stance.objects.bulk_update(batch, ["is_current", "is_change"])


class Migration(migrations.Migration):
    dependencies = [("positions", "0003_stance_current_and_change")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
