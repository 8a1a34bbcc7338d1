"""Certificates through a real Celery worker with the configured concurrency.

Headline, measured by the wall clock: N certificates queued (as the completion listener
queues them) until every one is issued and its PDF downloadable, as certificates per
minute. Then the latency from the completing event (a teacher's sign-off) until the
learner's download link answers 200 with the PDF, polled through the real view. The worker's
CPU time per certificate, and what it would allow on free cores, is printed last and only
as a secondary figure: it is not a throughput anybody observed.

Uses the configured database and broker; removes what it made. Run alone with
`python bench/certificates.py` or through `make bench`."""

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
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from wagtail.models import Page  # noqa: E402

from accounts.models import User  # noqa: E402
from certificates.models import Certificate, CertificateEvent  # noqa: E402
from certificates.storage import private_storage  # noqa: E402
from cms.celery import app  # noqa: E402
from courses.models import CoursePage, CourseRun, Enrollment, EnrollmentEvent  # noqa: E402
from courses.services import sign_off  # noqa: E402

COUNT = int(os.environ.get("BENCH_CERTIFICATES", "150"))
LATENCY_SAMPLES = int(os.environ.get("BENCH_CERTIFICATE_LATENCY_SAMPLES", "8"))
TARGET_PER_MINUTE = 300  # the certificates issue's acceptance figure, on 2 cores


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


def wait_until_downloadable(enrollment_ids: list[int], timeout: float,
                            poll: float = 0.05) -> bool:
    """Until every certificate is issued and its PDF is in private storage. "Issued" is
    committed after the file is stored, but the files are checked as well, so the figure
    never counts a certificate nobody could download yet."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        issued = Certificate.objects.filter(enrollment_id__in=enrollment_ids,
                                            state=Certificate.State.ISSUED).count()
        if issued == len(enrollment_ids):
            names = Certificate.objects.filter(enrollment_id__in=enrollment_ids) \
                .values_list("pdf", flat=True)
            if all(name and private_storage.exists(name) for name in names):
                return True
        time.sleep(poll)
    return False


def download_status(client: Client, enrollment: Enrollment) -> int:
    """What the learner's download link answers now (404 while the PDF is being made)."""
    pk = (Certificate.objects.filter(enrollment_id=enrollment.pk)
          .values_list("pk", flat=True).first())
    if pk is None:
        return 404
    # The link as the learner's /my/ page gives it: in their language's URL.
    with translation.override(enrollment.user.preferred_language):
        url = reverse("certificates:download", args=[pk])
    response = client.get(url)
    try:
        if response.status_code == 200 and \
                not b"".join(response.streaming_content).startswith(b"%PDF"):
            return 500
        return response.status_code
    finally:
        response.close()


def time_to_download(client: Client, enrollment: Enrollment, teacher: User,
                     timeout: float = 60, poll: float = 0.01) -> float | None:
    """Seconds from the teacher's sign-off (the completing event: the course's only rule)
    until the learner's download link answers 200, or None if it never does. The worker
    does the rest: completion check, the listener's issue task, the render."""
    client.force_login(enrollment.user)
    started = time.perf_counter()
    with transaction.atomic():
        sign_off(enrollment=enrollment, by=teacher)
    deadline = started + timeout
    while time.perf_counter() < deadline:
        if download_status(client, enrollment) == 200:
            return time.perf_counter() - started
        time.sleep(poll)
    return None


def setup_line() -> str:
    return (f"worker concurrency {settings.CELERY_WORKER_CONCURRENCY}, {os.cpu_count()} CPUs, "
            f"broker {settings.CELERY_BROKER_URL.split(':')[0]}, "
            f"database {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")


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


def bench_certificates(count: int = COUNT, samples: int = LATENCY_SAMPLES) -> dict:
    """Prints the figures and returns them (per_minute, latency_median/max in seconds,
    cpu_per_certificate in seconds); an empty dict when the worker never answered."""
    tag = uuid.uuid4().hex[:8]
    course, run, teacher = make_course(tag)
    # The listener and completion use the default queue, so the bench worker consumes it;
    # stop other workers on the same broker for a clean figure.
    queue = app.conf.task_default_queue
    worker = start_worker(queue)
    figures: dict = {}
    try:
        # Not timed: the worker starting and each pool process loading fonts and styles.
        warm = make_enrollments(run, tag, 2 * settings.CELERY_WORKER_CONCURRENCY,
                                "completed", "warm")
        for enrollment in warm:
            app.send_task("certificates.issue_certificate", args=[enrollment.pk], queue=queue)
        if not wait_until_downloadable([e.pk for e in warm], timeout=120):
            print("certificates: the worker did not start; is the broker reachable?")
            return figures
        batch = make_enrollments(run, tag, count, "completed", "batch")
        load_before = os.getloadavg()[0]
        started, cpu_before = time.perf_counter(), worker_cpu_seconds(worker)
        # What the completion listener does for each completed enrolment.
        for enrollment in batch:
            app.send_task("certificates.issue_certificate", args=[enrollment.pk], queue=queue)
        done = wait_until_downloadable([e.pk for e in batch], timeout=max(120, count * 2))
        elapsed = time.perf_counter() - started
        cpu = worker_cpu_seconds(worker) - cpu_before
        if not done:
            issued = Certificate.objects.filter(enrollment__in=batch,
                                                state=Certificate.State.ISSUED).count()
            print(f"certificates: only {issued} of {count} downloadable after {elapsed:.0f} s")
            count = issued
        per_minute = count / elapsed * 60
        figures["per_minute"] = per_minute
        verdict = "meets" if per_minute >= TARGET_PER_MINUTE else "below"
        print(f"certificates: MEASURED {per_minute:.0f} per minute — {count} queued → all "
              f"issued and downloadable in {elapsed:.1f} s wall clock ({verdict} the "
              f"{TARGET_PER_MINUTE}/min target; {setup_line()}; load average "
              f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after)")

        client = Client()
        latencies = []
        for enrollment in make_enrollments(run, tag, samples, "active", "signoff"):
            latency = time_to_download(client, enrollment, teacher)
            if latency is None:
                print("certificates: a sign-off did not lead to a downloadable PDF in 60 s")
                break
            latencies.append(latency)
        client.logout()
        if latencies:
            figures["latency_median"] = statistics.median(latencies)
            figures["latency_max"] = max(latencies)
            print(f"certificates: MEASURED completing event (sign-off) → download link "
                  f"answers 200 with the PDF: median {figures['latency_median'] * 1000:.0f} ms, "
                  f"max {figures['latency_max'] * 1000:.0f} ms over {len(latencies)} "
                  f"(polled every 10 ms; load average {os.getloadavg()[0]:.1f})")

        # Secondary, derived: the machine is shared, so the worker's own CPU time per
        # certificate tells what its cores would give if nothing else ran. Not observed.
        if count:
            per_certificate = cpu / count
            figures["cpu_per_certificate"] = per_certificate
            capacity = settings.CELERY_WORKER_CONCURRENCY * 60 / per_certificate
            print(f"certificates: (derived, not measured) worker CPU "
                  f"{per_certificate * 1000:.0f} ms per certificate → at most {capacity:.0f} "
                  f"per minute on {settings.CELERY_WORKER_CONCURRENCY} otherwise idle cores, "
                  f"database and broker not counted")
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
        clean_up(course, run, tag)
    return figures


if __name__ == "__main__":
    bench_certificates()
