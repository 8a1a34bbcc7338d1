from celery import shared_task

from organisations import services


@shared_task(name="organisations.clear_stale_import_rows")
def clear_stale_import_rows() -> int:
    return services.clear_stale_import_rows()
