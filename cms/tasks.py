from celery import shared_task
from django.utils.dateparse import parse_datetime

from cms import services


@shared_task(name="cms.record_worker_heartbeat")
def record_worker_heartbeat(token: str, queued_at: str) -> None:
    services.record_heartbeat(token=token, queued_at=parse_datetime(queued_at))


@shared_task(name="cms.publish_scheduled")
def publish_scheduled() -> None:
    services.publish_scheduled()


@shared_task(name="cms.deliver_effect")
def deliver_effect_task(effect_id: int) -> None:
    services.deliver_effect(effect_id=effect_id)


@shared_task(name="cms.queue_due_effects")
def queue_due_effects_task() -> int:
    return services.queue_due_effects()


@shared_task(name="cms.prune_delivered_effects")
def prune_delivered_effects_task() -> int:
    return services.prune_delivered_effects()
