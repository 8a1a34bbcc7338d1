"""What the outbox holds: how many effects wait, fail or were given up on, by kind; with
--retry, those given up on are tried again (after the cause, e.g. the mail server, is
fixed). Lists ids, kinds, keys and error class names only: no personal data."""

from django.core.management.base import BaseCommand
from django.db.models import Count, Q

from cms.models import Effect
from cms.services import retry_given_up


class Command(BaseCommand):
    help = "Show waiting, failing and given-up side effects; --retry tries given-up ones again."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--retry", action="store_true",
                            help="Try the effects given up on again from the start.")
        parser.add_argument("--kind", default="", help="Only effects of this kind.")

    def handle(self, *args, retry: bool, kind: str, **options) -> None:
        effects = Effect.objects.filter(kind=kind) if kind else Effect.objects.all()
        if retry:
            self.stdout.write(f"{retry_given_up(kind=kind or None)} effect(s) to be tried again")
        waiting = Q(delivered_at__isnull=True, gave_up_at__isnull=True)
        rows = (effects.values("kind").order_by("kind").annotate(
            waiting=Count("pk", filter=waiting),
            failing=Count("pk", filter=waiting & Q(attempts__gt=0)),
            given_up=Count("pk", filter=Q(gave_up_at__isnull=False, delivered_at__isnull=True)),
            delivered=Count("pk", filter=Q(delivered_at__isnull=False))))
        self.stdout.write(f"{'kind':32} {'waiting':>8} {'failing':>8} {'given up':>8} "
                          f"{'delivered':>10}")
        for row in rows:
            self.stdout.write(f"{row['kind']:32} {row['waiting']:>8} {row['failing']:>8} "
                              f"{row['given_up']:>8} {row['delivered']:>10}")
        for effect in effects.filter(gave_up_at__isnull=False,
                                     delivered_at__isnull=True).order_by("pk")[:100]:
            self.stdout.write(f"given up: #{effect.pk} {effect.key} after {effect.attempts} "
                              f"tries ({effect.last_error}) at {effect.gave_up_at:%Y-%m-%d %H:%M}")
