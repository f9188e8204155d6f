"""python manage.py rebuild_positions — recompute every actor's current stance and changes."""

from django.core.management.base import BaseCommand

from positions import current


class Command(BaseCommand):
    help = (
        "Recompute Stance.is_current and Stance.is_change from the approved statements, after a "
        "bulk import that bypassed the services (which keep them up to date otherwise)."
    )

    def handle(self, *args: object, **options: object) -> None:
        changed = current.rebuild_all()
        self.stdout.write(f"{changed} stance(s) updated.")
