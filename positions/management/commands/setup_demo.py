"""python manage.py setup_demo — load the demo data and create the demo accounts (idempotent)."""

from django.core.management.base import BaseCommand

from positions import demo
from positions.models import Statement


class Command(BaseCommand):
    help = "Load the demo articles and statements and create demo accounts; safe to run again."

    def handle(self, *args: object, **options: object) -> None:
        for name, report in demo.load_demo_data():
            if report.statements_created:
                self.stdout.write(f"  {name}: {report.statements_created} statement(s) loaded")
        results = demo.ingest_unlabelled_articles()
        new = [r for r in results if r.outcome == "new"]
        pending = Statement.objects.pending().count()
        self.stdout.write(
            f"  {len(new)} unlabelled article(s) ingested and extracted, "
            f"{len(results) - len(new)} already there; {pending} statement(s) await review."
        )
        for failed in (r for r in results if r.outcome == "failed"):
            self.stderr.write(f"  {failed.source}: {failed.reason}")
        accounts = demo.ensure_demo_accounts()
        self.stdout.write("")
        if accounts:
            self.stdout.write(self.style.SUCCESS("Demo accounts (passwords are shown only now):"))
            for account in accounts:
                self.stdout.write(
                    f"  {account.username:<8} ({account.role})  password: {account.password}"
                )
        else:
            self.stdout.write(
                "Demo accounts admin, curator and analyst exist already; their passwords were "
                "printed when they were made. Set a new one with: "
                ".venv/bin/python manage.py changepassword admin"
            )
        self.stdout.write("Log in at /accounts/login/ (site) or /admin/ (curation).")
