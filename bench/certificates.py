"""Certificates through a real Celery worker with the configured concurrency: how many are
issued per minute, and how long from the completing event (a teacher's sign-off) to the
PDF being downloadable. Uses the configured database and broker; removes what it made.

Run alone with `python bench/certificates.py` or through `make bench`."""

import os
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402

from accounts.models import User  # noqa: E402
from certificates.models import Certificate, CertificateEvent  # noqa: E402
from certificates.storage import private_storage  # noqa: E402
from cms.celery import app  # noqa: E402
from courses.models import CoursePage, CourseRun, Enrollment, EnrollmentEvent  # noqa: E402
from courses.services import sign_off  # noqa: E402

COUNT = int(os.environ.get("BENCH_CERTIFICATES", "150"))
LATENCY_SAMPLES = int(os.environ.get("BENCH_CERTIFICATE_LATENCY_SAMPLES", "8"))


def make_course(tag: str) -> tuple[CoursePage, CourseRun, User]:
    root = Page.get_first_root_node()
    course = CoursePage(title=f"Bench kurss {tag}", slug=f"bench-certificates-{tag}",
                        academic_hours=28, completion_requires_signoff=True)
    root.add_child(instance=course)
    today = timezone.localdate()
    run = CourseRun.objects.create(course=course, title=f"Bench grupa {tag}", starts_on=today,
                                   ends_on=today, city="Rīga", language="ru")
    teacher = User.objects.create(username=f"bench-{tag}-teacher")
    run.teachers.add(teacher)
    return course, run, teacher


def make_enrollments(run: CourseRun, tag: str, count: int, state: str,
                     label: str) -> list[Enrollment]:
    unusable = make_password(None)
    names = ["Ērika Šķēle", "Олена Коваленко", "مریم احمدی", "محمد عبد الله"]
    users = User.objects.bulk_create([
        User(username=f"bench-{tag}-{label}-{i}", display_name=f"{names[i % 4]} {i}",
             preferred_language=["lv", "ru", "uk", "en"][i % 4], password=unusable)
        for i in range(count)])
    users = list(User.objects.filter(username__startswith=f"bench-{tag}-{label}-"))
    now = timezone.now()
    Enrollment.objects.bulk_create([
        Enrollment(user=user, run=run, state=state, activated_at=now,
                   completed_at=now if state == Enrollment.State.COMPLETED else None)
        for user in users])
    return list(run.enrollments.filter(user__in=users))


def start_worker(queue: str) -> subprocess.Popen:
    env = {**os.environ, "CELERY_TASK_ALWAYS_EAGER": "0", "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "cms", "worker", "-Q", queue,
         f"--concurrency={settings.CELERY_WORKER_CONCURRENCY}", "--without-gossip",
         "--without-mingle", "--without-heartbeat", "-l", "WARNING"],
        cwd=ROOT, env=env, start_new_session=True)


def worker_cpu_seconds(worker: subprocess.Popen) -> float:
    """CPU time used so far by the worker and its pool processes (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if worker.pid in (pid, ppid):
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def wait_until_issued(enrollment_ids: list[int], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        issued = Certificate.objects.filter(enrollment_id__in=enrollment_ids,
                                            state=Certificate.State.ISSUED).count()
        if issued == len(enrollment_ids):
            return True
        time.sleep(0.1)
    return False


def clean_up(course: CoursePage, run: CourseRun, tag: str) -> None:
    certificates = Certificate.objects.filter(enrollment__run=run)
    for name in certificates.exclude(pdf="").values_list("pdf", flat=True):
        if private_storage.exists(name):
            private_storage.delete(name)
    CertificateEvent.objects.filter(certificate__in=certificates).delete()
    certificates.delete()
    EnrollmentEvent.objects.filter(enrollment__run=run).delete()
    run.enrollments.all().delete()
    run.certificate_batches.all().delete()
    run.delete()
    User.objects.filter(username__startswith=f"bench-{tag}-").delete()
    course.delete()


def bench_certificates(count: int = COUNT, samples: int = LATENCY_SAMPLES) -> None:
    tag = uuid.uuid4().hex[:8]
    course, run, teacher = make_course(tag)
    # The listener and completion use the default queue, so the bench worker consumes it;
    # stop other workers on the same broker for a clean figure.
    queue = app.conf.task_default_queue
    worker = start_worker(queue)
    try:
        warm = make_enrollments(run, tag, 2 * settings.CELERY_WORKER_CONCURRENCY,
                                "completed", "warm")
        for enrollment in warm:
            app.send_task("certificates.issue_certificate", args=[enrollment.pk], queue=queue)
        if not wait_until_issued([e.pk for e in warm], timeout=120):
            print("certificates: the worker did not start; is the broker reachable?")
            return
        batch = make_enrollments(run, tag, count, "completed", "batch")
        started, cpu_before = time.perf_counter(), worker_cpu_seconds(worker)
        # What the completion listener does for each completed enrolment.
        for enrollment in batch:
            app.send_task("certificates.issue_certificate", args=[enrollment.pk], queue=queue)
        done = wait_until_issued([e.pk for e in batch], timeout=max(120, count))
        elapsed = time.perf_counter() - started
        cpu = worker_cpu_seconds(worker) - cpu_before
        if not done:
            print(f"certificates: not all {count} issued within the time limit")
        per_minute = count / elapsed * 60
        print(f"certificates: {count} issued in {elapsed:.1f} s = {per_minute:.0f} per minute "
              f"(worker concurrency {settings.CELERY_WORKER_CONCURRENCY}, "
              f"{os.cpu_count()} CPUs, broker {settings.CELERY_BROKER_URL.split(':')[0]}, "
              f"database {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, "
              f"load average {os.getloadavg()[0]:.1f})")
        # The machine may be busy with other work; the worker's own CPU time per
        # certificate tells what its cores would give if they were free.
        per_certificate = cpu / count
        capacity = settings.CELERY_WORKER_CONCURRENCY * 60 / per_certificate
        print(f"certificates: worker CPU {per_certificate * 1000:.0f} ms per certificate = "
              f"{capacity:.0f} per minute on {settings.CELERY_WORKER_CONCURRENCY} free cores "
              f"(database and broker servers not counted)")

        latencies = []
        for enrollment in make_enrollments(run, tag, samples, "active", "signoff"):
            with transaction.atomic():
                sign_off(enrollment=enrollment, by=teacher)
            enrollment.refresh_from_db()
            if not wait_until_issued([enrollment.pk], timeout=60):
                print("certificates: a sign-off did not lead to a certificate in 60 s")
                break
            certificate = Certificate.objects.get(enrollment=enrollment)
            latencies.append((certificate.issued_at - enrollment.signed_off_at).total_seconds())
        if latencies:
            print(f"certificates: completing event (sign-off) to downloadable PDF: median "
                  f"{statistics.median(latencies) * 1000:.0f} ms, max "
                  f"{max(latencies) * 1000:.0f} ms over {len(latencies)}")
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
        clean_up(course, run, tag)


if __name__ == "__main__":
    bench_certificates()
