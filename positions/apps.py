from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PositionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "positions"
    verbose_name = "Positions"

    def ready(self) -> None:
        from positions import roles

        # Groups need the permissions of several apps, each created by its own post_migrate;
        # refreshing after every app is cheap and leaves the groups complete at the end.
        post_migrate.connect(roles.ensure_roles_after_migrate, dispatch_uid="positions-roles")
