"""The expectation table of the access matrix: for every URL pattern of the site (by its
name) and every operation of the API (by method and path, as the OpenAPI schema names
them), what each role gets for each method the route accepts.

Outcomes: a status code (200, 201, 302 to somewhere that is not a sign-in page, 400 for a
form or body refused as incomplete, 404, 405, …), "login" (a redirect to the site's
sign-in page), "admin-login" (a redirect to the admin's). A denial of something the role
may not know of is 404, never 403 (README, "Denials reveal nothing").

A URL pattern, or an API operation, without an entry here fails the test by name."""

from tests.security.world import ROLES

A, L, P, OL, T, OT, C, OC, M = ROLES
LEARNERS = (L, P, OL)
TEACHERS = (T, OT)
COORDINATORS = (C, OC)


def cells(default, **by_role) -> dict:
    """Every role gets `default` unless named; `signed_in=x` sets everyone but anonymous."""
    signed_in = by_role.pop("signed_in", default)
    table = {role: (default if role == A else signed_in) for role in ROLES}
    for role, outcome in by_role.items():
        assert role in ROLES, role
        table[role] = outcome
    return table


def only(allowed: dict, *, denied=404, anonymous="login") -> dict:
    """The roles named get their outcome; everyone else signed in `denied`."""
    return cells(anonymous, signed_in=denied, **allowed)


def everyone(outcome) -> dict:
    return cells(outcome)


def no_method(anonymous=405) -> dict:
    return cells(anonymous, signed_in=405)


class Route:
    """One URL pattern: how to build its address from the world, and per method the
    expected outcome per role (with the body to send)."""

    def __init__(self, url, methods: dict, data=None, *, json=False, shows=None):
        self.url = url
        self.methods = methods
        self.data = data or (lambda w: {})
        self.json = json
        # What an allowed GET must show, per role: the person's own record, or the
        # learner's to those who look after them (`SHOWS`, below).
        self.shows = shows


def r(url, **methods):
    data = methods.pop("data", None)
    return Route(url, methods, data)


# The learner's name and essay, as seen by the people who may see them.
LEARNER_NAME = "Slepenā"
ESSAY = "Mana eseja par Rīgu"
SHOWS = {
    "quizzes:learner_results": {T: [LEARNER_NAME], M: [LEARNER_NAME]},
    "quizzes:grading": {T: [ESSAY], M: [ESSAY]},
    "courses:run_participants": {T: [LEARNER_NAME], M: [LEARNER_NAME]},
    "attendance:session": {T: [LEARNER_NAME], M: [LEARNER_NAME]},
    "attendance:run": {T: [LEARNER_NAME], M: [LEARNER_NAME]},
    "organisations:run": {C: [LEARNER_NAME], M: [LEARNER_NAME]},
    ("GET", "/api/v1/organisations/{organisation_id}/participants"): {
        C: ["learner-l"], M: ["learner-l"]},
    ("GET", "/api/v1/me/certificates"): {L: ["KOPA-"]},
}


STAFF_OK = {T: 200, OT: 200, M: 200}

SITE = {
    # --- accounts ---------------------------------------------------------------------
    "set_language": r(lambda w: "/i18n/setlang/", POST=everyone(302), GET=no_method(),
                      data=lambda w: {"language": "en", "next": "/"}),
    "health": r(lambda w: "/health/", GET=everyone(200)),
    # Someone signed in already is sent on to the home page.
    "accounts:login": r(lambda w: "/accounts/sign-in/", GET=cells(200, signed_in=302)),
    "accounts:logout": r(lambda w: "/accounts/sign-out/", POST=everyone(302)),
    "accounts:dashboard": r(lambda w: "/my/", GET=cells("login", signed_in=200)),
    "accounts:account": r(lambda w: "/my/account/", GET=cells("login", signed_in=200)),
    "accounts:export": r(lambda w: "/my/account/export/", GET=cells("login", signed_in=200)),
    "accounts:erase": r(lambda w: "/my/account/erase/", GET=cells("login", signed_in=200),
                        POST=cells("login", signed_in=400)),
    # --- groups and enrolment -----------------------------------------------------------
    "courses:run_list": r(lambda w: "/groups/", GET=everyone(200)),
    "courses:run_detail": r(lambda w: f"/groups/{w.run_a.pk}/", GET=everyone(200)),
    "courses:run_enrol": r(lambda w: f"/groups/{w.run_a.pk}/enrol/",
                           # 409: already in the group
                           POST=cells("login", signed_in=302, learner=409, peer=409),
                           GET=cells("login", signed_in=405)),
    "courses:withdraw_mine": r(lambda w: f"/my/enrolments/{w.enrol_l.pk}/withdraw/",
                               POST=only({L: 302}), GET=cells("login", signed_in=405)),
    "courses:teaching": r(lambda w: "/teach/groups/", GET=only(STAFF_OK)),
    "courses:run_participants": r(lambda w: f"/teach/groups/{w.run_a.pk}/",
                                  GET=only({T: 200, M: 200}), POST=only({T: 400, M: 400})),
    "courses:run_withdraw": r(
        lambda w: f"/teach/groups/{w.run_a.pk}/withdraw/{w.enrol_l.pk}/",
        POST=only({T: 302, M: 302}), GET=cells("login", signed_in=405)),
    # --- lessons and quizzes ------------------------------------------------------------
    "lessons:complete": r(lambda w: f"/lessons/{w.lesson.pk}/done/",
                          POST=cells("login", signed_in=302), GET=no_method()),
    "quizzes:start": r(lambda w: f"/quizzes/{w.quiz.pk}/start/",
                       POST=cells("login", signed_in=302), GET=no_method()),
    "quizzes:attempt": r(lambda w: f"/quizzes/attempts/{w.open_attempt.pk}/",
                         GET=only({L: 200}), POST=only({L: 302})),
    "quizzes:summary": r(lambda w: f"/quizzes/attempts/{w.open_attempt.pk}/summary/",
                         GET=only({L: 200})),
    "quizzes:submit": r(lambda w: f"/quizzes/attempts/{w.open_attempt.pk}/submit/",
                        POST=only({L: 302}), GET=no_method()),
    "quizzes:review": r(lambda w: f"/quizzes/attempts/{w.attempt.pk}/review/",
                        GET=only({L: 200})),
    # The quiz pages are public content, so the teaching pages refuse with 403, not 404.
    "quizzes:teaching": r(lambda w: "/quizzes/teaching/", GET=only(STAFF_OK, denied=403)),
    # The queue is made of what the person may grade: empty for everyone else.
    "quizzes:grading": r(lambda w: "/quizzes/teaching/grading/", GET=cells("login", signed_in=200)),
    "quizzes:grade": r(lambda w: f"/quizzes/teaching/answers/{w.essay.pk}/grade/",
                       POST=only({T: 302, M: 302}), GET=cells("login", signed_in=405),
                       data=lambda w: {f"a{w.essay.pk}-mark": "3"}),
    "quizzes:learner_results": r(
        lambda w: f"/quizzes/teaching/learners/{w.users['learner'].pk}/",
        GET=only({T: 200, M: 200})),
    "quizzes:results": r(lambda w: f"/quizzes/teaching/{w.quiz.pk}/results/",
                         GET=only(STAFF_OK, denied=403)),
    "quizzes:statistics": r(lambda w: f"/quizzes/teaching/{w.quiz.pk}/statistics/",
                            GET=only(STAFF_OK, denied=403)),
    # --- organisations ------------------------------------------------------------------
    # A coordinator of one organisation is taken straight to it.
    "organisations:list": r(lambda w: "/organisations/", GET=only({C: 302, OC: 302, M: 200})),
    "organisations:detail": r(lambda w: f"/organisations/{w.org_x.pk}/",
                              GET=only({C: 200, M: 200})),
    "organisations:run": r(lambda w: f"/organisations/{w.org_x.pk}/groups/{w.run_a.pk}/",
                           GET=only({C: 200, M: 200}), POST=only({C: 302, M: 302})),
    "organisations:withdraw": r(
        lambda w: f"/organisations/{w.org_x.pk}/enrolments/{w.enrol_l.pk}/withdraw/",
        POST=only({C: 302, M: 302}), GET=cells("login", signed_in=405)),
    "organisations:import": r(lambda w: f"/organisations/{w.org_x.pk}/import/",
                              GET=only({C: 200, M: 200}), POST=only({C: 400, M: 400})),
    "organisations:import_sample": r(lambda w: f"/organisations/{w.org_x.pk}/import/sample.csv",
                                     GET=only({C: 200, M: 200})),
    "organisations:import_preview": r(
        lambda w: f"/organisations/{w.org_x.pk}/import/{w.import_x.pk}/",
        GET=only({C: 200, M: 200}), POST=only({C: 302, M: 302})),
    "organisations:import_login_cards": r(
        lambda w: f"/organisations/{w.org_x.pk}/import/{w.import_x.pk}/login-cards/",
        POST=only({C: 302, M: 302}), GET=cells("login", signed_in=405)),
    "organisations:participants_file": r(
        lambda w: f"/organisations/{w.org_x.pk}/participants.xlsx", GET=only({C: 200, M: 200})),
    "organisations:login_cards": r(lambda w: f"/organisations/{w.org_x.pk}/login-cards/",
                                   POST=only({C: 302, M: 302}),
                                   GET=cells("login", signed_in=405)),
    "organisations:run_login_cards": r(lambda w: f"/teach/groups/{w.run_a.pk}/login-cards/",
                                       POST=only({T: 302, M: 302}),
                                       GET=cells("login", signed_in=405)),
    "organisations:choose_password": r(lambda w: "/my/password/", POST=only({}),
                                       GET=cells("login", signed_in=405)),
    # --- attendance ---------------------------------------------------------------------
    "attendance:home": r(lambda w: "/attendance/", GET=only(STAFF_OK)),
    "attendance:run": r(lambda w: f"/attendance/runs/{w.run_a.pk}/", GET=only({T: 200, M: 200})),
    "attendance:schedule": r(lambda w: f"/attendance/runs/{w.run_a.pk}/schedule/",
                             GET=only({T: 200, M: 200}), POST=only({T: 200, M: 200})),
    "attendance:export_csv": r(lambda w: f"/attendance/runs/{w.run_a.pk}/export.csv",
                               GET=only({T: 200, M: 200})),
    "attendance:export_xlsx": r(lambda w: f"/attendance/runs/{w.run_a.pk}/export.xlsx",
                                GET=only({T: 200, M: 200})),
    "attendance:session": r(lambda w: f"/attendance/sessions/{w.session_a.pk}/",
                            GET=only({T: 200, M: 200})),
    "attendance:session_edit": r(lambda w: f"/attendance/sessions/{w.session_a.pk}/edit/",
                                 GET=only({T: 200, M: 200}), POST=only({T: 200, M: 200})),
    "attendance:mark": r(
        lambda w: f"/attendance/sessions/{w.session_a.pk}/marks/{w.enrol_l.pk}/",
        POST=only({T: 302, M: 302}), GET=cells("login", signed_in=405),
        data=lambda w: {"status": "present"}),
    "attendance:code": r(lambda w: f"/attendance/sessions/{w.session_a.pk}/code/",
                         GET=only({T: 200, M: 200})),
    "attendance:sheet": r(lambda w: f"/attendance/sessions/{w.session_a.pk}/sign-in-sheet.pdf",
                          GET=only({T: 200, M: 200})),
    # With one session open now, a learner is taken straight to it.
    "attendance:check_in": r(lambda w: "/attendance/check-in/",
                             GET=cells("login", signed_in=200, learner=302, peer=302,
                                       other_learner=302)),
    "attendance:session_check_in": r(
        lambda w: f"/attendance/sessions/{w.session_a.pk}/check-in/",
        GET=only({L: 200, P: 200, T: 200, M: 200}),
        POST=only({L: 400, P: 400, T: 400, M: 400})),  # 400: no code typed
    "attendance:mine": r(lambda w: "/attendance/my/", GET=only({L: 200, P: 200, OL: 200})),
    "attendance:coordinator": r(lambda w: "/attendance/coordinator/",
                                GET=only({C: 200, OC: 200})),
    "attendance:calendar": r(lambda w: "/attendance/calendar/",
                             GET=cells("login", signed_in=200)),
    "attendance:calendar_reset": r(lambda w: "/attendance/calendar/reset/",
                                   POST=cells("login", signed_in=302),
                                   GET=cells("login", signed_in=405)),
    # The token is the credential (a calendar app has no session): anyone holding it.
    "attendance:feed": r(lambda w: f"/attendance/calendar/{w.feed.token}.ics",
                         GET=everyone(200)),
    # --- certificates -------------------------------------------------------------------
    "certificates:verify": r(lambda w: "/verify/", GET=everyone(200), POST=everyone(405)),
    "certificates:verify_code": r(lambda w: f"/verify/{w.certificate.code}/",
                                  GET=everyone(200), POST=everyone(405)),
    "certificates:download": r(lambda w: f"/certificates/{w.certificate.pk}/pdf/",
                               GET=only({L: 200, T: 200, M: 200}),
                               POST=cells("login", signed_in=405)),
    "certificates:run_zip": r(lambda w: f"/certificates/runs/{w.past_run.pk}/zip/",
                              GET=only({T: 200, M: 200}), POST=cells("login", signed_in=405)),
    "certificates:organisation_run_zip": r(
        lambda w: f"/organisations/{w.org_x.pk}/groups/{w.past_run.pk}/certificates.zip",
        GET=only({C: 200, M: 200})),
    # --- reports ------------------------------------------------------------------------
    "reports:participation": r(lambda w: "/reports/", GET=only({C: 200, OC: 200, M: 200})),
    "reports:export_csv": r(lambda w: "/reports/export.csv",
                            GET=only({C: 200, OC: 200, M: 200})),
    "reports:export_xlsx": r(lambda w: "/reports/export.xlsx",
                             GET=only({C: 200, OC: 200, M: 200})),
    # --- Wagtail: pages, private sections, documents ------------------------------------
    "wagtailcore_login": r(lambda w: "/_util/login/", GET=everyone(200)),
    "wagtailcore_authenticate_with_password": r(
        lambda w: f"/_util/authenticate_with_password/{w.restriction.pk}/"
                  f"{w.private_module.pk}/", GET=everyone(200)),  # Wagtail's password form
    "wagtaildocs_authenticate_with_password": r(
        lambda w: f"/documents/authenticate_with_password/{w.restriction.pk}/",
        GET=everyone(404)),
    # --- the API's own pages (its operations: API below) --------------------------------
    "api-v1:openapi-json": r(lambda w: "/api/v1/openapi.json", GET=everyone(200)),
    "api-v1:openapi-view": r(lambda w: "/api/v1/docs", GET=everyone(200)),
    "api-v1:api-root": r(lambda w: "/api/v1/", GET=everyone(404)),
    "^api/": r(lambda w: "/api/v2/anything", GET=everyone(404), POST=everyone(404)),
}

# Wagtail serves every page through one pattern; each kind of page is probed for real.
PAGES = {
    "home": r(lambda w: w.home.url, GET=everyone(200)),
    "catalogue": r(lambda w: w.index.url, GET=everyone(200)),
    "course": r(lambda w: w.course.url, GET=everyone(200)),
    "module": r(lambda w: w.module.url, GET=everyone(200)),
    "lesson": r(lambda w: w.lesson.url, GET=everyone(200)),
    "quiz": r(lambda w: w.quiz.url, GET=everyone(200)),
    # A private section open to one Django group (group A's learners); staff who edit it.
    "private module": r(lambda w: w.private_module.url,
                        GET=only({L: 200, P: 200}, denied="login")),
    "private lesson": r(lambda w: w.private_lesson.url,
                        GET=only({L: 200, P: 200}, denied="login")),
    "missing page": r(lambda w: "/courses/nav-tadas-lapas/", GET=everyone(404)),
    "public document": r(lambda w: w.public_doc.url, GET=everyone(200)),
    "private document": r(lambda w: w.private_doc.url,
                          GET=only({L: 200, P: 200, T: 200, OT: 200, M: 200}, anonymous=404)),
}
SERVED_BY_PAGES = {"wagtail_serve": ("home", "catalogue", "course", "module", "lesson", "quiz",
                                     "private module", "private lesson", "missing page"),
                   "wagtaildocs_serve": ("public document", "private document")}


def a(method, url, expected, data=None):
    return Route(url, {method: expected}, data, json=True)


def upload(w) -> dict:
    """A multipart body: an import file (a dry run)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.organisations.conftest import xlsx_bytes

    return {"file": SimpleUploadedFile("x.xlsx", xlsx_bytes(
        [("Jauna", "Persona", "", "", "lv", "", "", "", "")])), "dry_run": "true"}


API_SIGNED_IN = cells(401, signed_in=200)


def api_only(allowed: dict, denied=404) -> dict:
    return cells(401, signed_in=denied, **allowed)


API = {
    ("GET", "/api/v1/me"): a("GET", lambda w: "/api/v1/me", API_SIGNED_IN),
    ("PATCH", "/api/v1/me"): a("PATCH", lambda w: "/api/v1/me", API_SIGNED_IN,
                               lambda w: {"preferred_language": "en"}),
    ("GET", "/api/v1/courses"): a("GET", lambda w: "/api/v1/courses", everyone(200)),
    ("GET", "/api/v1/courses/{course_id}"): a(
        "GET", lambda w: f"/api/v1/courses/{w.course.pk}", everyone(200)),
    ("GET", "/api/v1/runs"): a("GET", lambda w: "/api/v1/runs", everyone(200)),
    ("POST", "/api/v1/runs/{run_id}/enroll"): a(
        "POST", lambda w: f"/api/v1/runs/{w.run_a.pk}/enroll",
        cells(401, signed_in=201, learner=409, peer=409)),
    ("GET", "/api/v1/me/enrollments"): a("GET", lambda w: "/api/v1/me/enrollments",
                                         API_SIGNED_IN),
    ("POST", "/api/v1/enrollments/{enrollment_id}/withdraw"): a(
        "POST", lambda w: f"/api/v1/enrollments/{w.enrol_l.pk}/withdraw",
        api_only({L: 200, T: 200, M: 200})),
    ("POST", "/api/v1/lessons/{lesson_id}/complete"): a(
        "POST", lambda w: f"/api/v1/lessons/{w.lesson.pk}/complete", API_SIGNED_IN),
    ("POST", "/api/v1/quizzes/{quiz_id}/attempts"): a(
        "POST", lambda w: f"/api/v1/quizzes/{w.quiz.pk}/attempts",
        # Teachers and managers may try a quiz of a course they teach (a preview).
        api_only({L: 200, P: 201, OL: 201, T: 201, OT: 201, M: 201}, denied=403)),
    ("GET", "/api/v1/attempts/{attempt_id}"): a(
        "GET", lambda w: f"/api/v1/attempts/{w.attempt.pk}", api_only({L: 200})),
    ("PUT", "/api/v1/attempts/{attempt_id}/answers/{slot}"): a(
        "PUT", lambda w: f"/api/v1/attempts/{w.open_attempt.pk}/answers/1",
        api_only({L: 200}), lambda w: {"response": None}),
    ("POST", "/api/v1/attempts/{attempt_id}/submit"): a(
        "POST", lambda w: f"/api/v1/attempts/{w.open_attempt.pk}/submit", api_only({L: 200})),
    ("PUT", "/api/v1/attempt-answers/{answer_id}/grade"): a(
        "PUT", lambda w: f"/api/v1/attempt-answers/{w.essay.pk}/grade",
        api_only({T: 200, M: 200}), lambda w: {"mark": "3", "comment": ""}),
    ("GET", "/api/v1/organisations"): a("GET", lambda w: "/api/v1/organisations",
                                        API_SIGNED_IN),
    ("GET", "/api/v1/organisations/{organisation_id}/participants"): a(
        "GET", lambda w: f"/api/v1/organisations/{w.org_x.pk}/participants",
        api_only({C: 200, M: 200})),
    ("GET", "/api/v1/organisations/{organisation_id}/runs"): a(
        "GET", lambda w: f"/api/v1/organisations/{w.org_x.pk}/runs", api_only({C: 200, M: 200})),
    ("GET", "/api/v1/organisations/{organisation_id}/enrollments"): a(
        "GET", lambda w: f"/api/v1/organisations/{w.org_x.pk}/enrollments",
        api_only({C: 200, M: 200})),
    ("POST", "/api/v1/organisations/{organisation_id}/enrollments"): a(
        "POST", lambda w: f"/api/v1/organisations/{w.org_x.pk}/enrollments",
        api_only({C: 201, M: 201}),
        lambda w: {"run_id": w.past_run.pk, "user_ids": [w.users["peer"].pk]}),
    ("POST", "/api/v1/organisations/{organisation_id}/enrollments/{enrollment_id}/withdraw"): a(
        "POST", lambda w: f"/api/v1/organisations/{w.org_x.pk}/enrollments/{w.enrol_l.pk}/withdraw",
        api_only({C: 200, M: 200})),
    ("POST", "/api/v1/organisations/{organisation_id}/imports"): a(
        "POST", lambda w: f"/api/v1/organisations/{w.org_x.pk}/imports",
        api_only({C: 200, M: 200}), upload),
    ("GET", "/api/v1/organisations/{organisation_id}/imports/{import_id}"): a(
        "GET", lambda w: f"/api/v1/organisations/{w.org_x.pk}/imports/{w.import_x.pk}",
        api_only({C: 200, M: 200})),
    ("POST", "/api/v1/organisations/{organisation_id}/imports/{import_id}/commit"): a(
        "POST", lambda w: f"/api/v1/organisations/{w.org_x.pk}/imports/{w.import_x.pk}/commit",
        api_only({C: 201, M: 201})),
    ("GET", "/api/v1/runs/{run_id}/sessions"): a(
        "GET", lambda w: f"/api/v1/runs/{w.run_a.pk}/sessions",
        api_only({L: 200, P: 200, T: 200, M: 200})),
    ("GET", "/api/v1/runs/{run_id}/attendance"): a(
        "GET", lambda w: f"/api/v1/runs/{w.run_a.pk}/attendance",
        api_only({T: 200, M: 200, L: 403, P: 403})),  # the group's own learners know it
    ("GET", "/api/v1/sessions/{session_id}/marks"): a(
        "GET", lambda w: f"/api/v1/sessions/{w.session_a.pk}/marks",
        api_only({T: 200, M: 200, L: 403, P: 403})),
    ("PUT", "/api/v1/sessions/{session_id}/marks"): a(
        "PUT", lambda w: f"/api/v1/sessions/{w.session_a.pk}/marks",
        api_only({T: 200, M: 200, L: 403, P: 403}),
        lambda w: {"marks": [{"enrollment_id": w.enrol_l.pk, "status": "present"}]}),
    ("POST", "/api/v1/sessions/{session_id}/check-in"): a(
        "POST", lambda w: f"/api/v1/sessions/{w.session_a.pk}/check-in",
        api_only({L: 422, P: 422, T: 403, M: 403}), lambda w: {"code": "000000"}),
    ("GET", "/api/v1/me/attendance"): a("GET", lambda w: "/api/v1/me/attendance",
                                        API_SIGNED_IN),
    ("GET", "/api/v1/me/certificates"): a("GET", lambda w: "/api/v1/me/certificates",
                                          API_SIGNED_IN),
    ("GET", "/api/v1/certificates/verify/{code}"): a(
        "GET", lambda w: f"/api/v1/certificates/verify/{w.certificate.code}", everyone(200)),
    ("GET", "/api/v1/runs/{run_id}/certificates"): a(
        "GET", lambda w: f"/api/v1/runs/{w.past_run.pk}/certificates",
        api_only({T: 200, M: 200})),
    ("POST", "/api/v1/runs/{run_id}/certificates"): a(
        "POST", lambda w: f"/api/v1/runs/{w.past_run.pk}/certificates",
        api_only({T: 202, M: 202})),
    ("GET", "/api/v1/reports/participation"): a(
        "GET", lambda w: "/api/v1/reports/participation",
        api_only({C: 200, OC: 200, M: 200}, denied=403)),  # no object: a plain refusal
}


# --- the admin: Kopā's own views, and a representative set of Wagtail's -----------------
# Without admin access (anonymous, learners, coordinators) every admin URL sends to the
# admin's sign-in page: test_admin_matrix.py asserts that for every admin URL pattern.
# (WAGTAILADMIN_LOGIN_URL is the site's sign-in page.)
NO_ADMIN = {A: "login", L: "login", P: "login", OL: "login", C: "login", OC: "login"}


def admin(teacher, other_teacher, manager) -> dict:
    return {**NO_ADMIN, T: teacher, OT: other_teacher, M: manager}


# Sessions and attendance rules are kept by teachers on the site (attendance/) and by
# managers in the admin too (attendance.permissions.grant_role_permissions); teachers' admin
# listings send them back to the admin's home, and pages of a missing rule answer 404.
ADMIN_VIEWS = {
    "wagtailadmin_home": r(lambda w: "/admin/", GET=admin(200, 200, 200)),
    # Managers make and edit accounts (not delete them: erasure is its own service).
    "wagtailusers_users:index": r(lambda w: "/admin/users/", GET=admin(302, 302, 200)),
    "certificates_admin:index": r(lambda w: "/admin/certificates/", GET=admin(200, 200, 200)),
    "certificates_admin:run": r(lambda w: f"/admin/certificates/run/{w.past_run.pk}/",
                                GET=admin(200, 404, 200)),
    "certificates_admin:issue_run": r(
        lambda w: f"/admin/certificates/run/{w.past_run.pk}/issue/",
        POST=admin(302, 404, 302)),
    "certificates_admin:reissue_run": r(
        lambda w: f"/admin/certificates/run/{w.past_run.pk}/reissue/",
        POST=admin(302, 404, 302)),
    "certificates_admin:revoke_run": r(
        lambda w: f"/admin/certificates/run/{w.past_run.pk}/revoke/",
        POST=admin(302, 404, 302)),
    "certificates_admin:batch": r(lambda w: "/admin/certificates/batch/999999/",
                                  GET=admin(404, 404, 404)),
    "certificates_admin:issue_one": r(
        lambda w: f"/admin/certificates/enrollment/{w.completed.pk}/issue/",
        POST=admin(302, 404, 302)),
    "certificates_admin:sign_off": r(
        lambda w: f"/admin/certificates/enrollment/{w.completed.pk}/sign-off/",
        POST=admin(302, 404, 302)),
    "certificates_admin:certificate": r(
        lambda w: f"/admin/certificates/certificate/{w.certificate.pk}/",
        GET=admin(200, 404, 200)),
    "certificates_admin:reissue_one": r(
        lambda w: f"/admin/certificates/certificate/{w.certificate.pk}/reissue/",
        POST=admin(302, 404, 302)),
    "certificates_admin:revoke_one": r(
        lambda w: f"/admin/certificates/certificate/{w.certificate.pk}/revoke/",
        POST=admin(302, 404, 302)),
    "quizzes_admin:import": r(lambda w: "/admin/question-bank/import/",
                              GET=admin(200, 200, 200)),
    "quizzes_admin:export": r(lambda w: "/admin/question-bank/export/",
                              GET=admin(200, 200, 200)),
    "course_runs:index": r(lambda w: "/admin/course_runs/", GET=admin(302, 302, 200)),
    "enrollments:index": r(lambda w: "/admin/enrollments/", GET=admin(302, 302, 200)),
    "course_editors:index": r(lambda w: "/admin/course_editors/", GET=admin(302, 302, 200)),
    "wagtailsnippets_certificates_certificatetemplate:list": r(
        lambda w: "/admin/snippets/certificates/certificatetemplate/", GET=admin(302, 302, 200)),
    "wagtailsnippets_quizzes_essayquestion:list": r(
        lambda w: "/admin/snippets/quizzes/essayquestion/", GET=admin(200, 200, 200)),
    "wagtailsnippets_quizzes_essayquestion:edit": r(
        lambda w: f"/admin/snippets/quizzes/essayquestion/edit/{w.essay.question_id}/",
        GET=admin(200, 200, 200)),
    "course_runs:edit": r(lambda w: f"/admin/course_runs/edit/{w.run_a.pk}/",
                          GET=admin(302, 302, 200)),
    "enrollments:add": r(lambda w: "/admin/enrollments/new/", GET=admin(302, 302, 200)),
    "enrollments:edit": r(lambda w: f"/admin/enrollments/edit/{w.enrol_l.pk}/",
                          GET=admin(302, 302, 200)),
    "class_sessions:index": r(lambda w: "/admin/attendance/sessions/",
                              GET=admin(302, 302, 200)),
    "class_sessions:index_results": r(lambda w: "/admin/attendance/sessions/results/",
                                      GET=admin(302, 302, 200)),
    "class_sessions:add": r(lambda w: "/admin/attendance/sessions/new/",
                            GET=admin(302, 302, 200)),
    "class_sessions:edit": r(lambda w: f"/admin/attendance/sessions/edit/{w.session_a.pk}/",
                             GET=admin(302, 302, 200)),
    "class_sessions:delete": r(
        lambda w: f"/admin/attendance/sessions/delete/{w.session_a.pk}/",
        GET=admin(302, 302, 200)),
    "class_sessions:copy": r(lambda w: f"/admin/attendance/sessions/copy/{w.session_a.pk}/",
                             GET=admin(302, 302, 200)),
    "class_sessions:history": r(
        lambda w: f"/admin/attendance/sessions/history/{w.session_a.pk}/",
        GET=admin(302, 302, 200)),
    "class_sessions:history_results": r(
        lambda w: f"/admin/attendance/sessions/history-results/{w.session_a.pk}/",
        GET=admin(302, 302, 200)),
    "class_sessions:usage": r(lambda w: f"/admin/attendance/sessions/usage/{w.session_a.pk}/",
                              GET=admin(302, 302, 200)),
    "attendance_rules:index": r(lambda w: "/admin/attendance/rules/", GET=admin(302, 302, 200)),
    "attendance_rules:index_results": r(lambda w: "/admin/attendance/rules/results/",
                                        GET=admin(302, 302, 200)),
    "attendance_rules:add": r(lambda w: "/admin/attendance/rules/new/",
                              GET=admin(302, 302, 200)),
    "attendance_rules:edit": r(lambda w: "/admin/attendance/rules/edit/999999/",
                               GET=admin(302, 302, 404)),
    "attendance_rules:delete": r(lambda w: "/admin/attendance/rules/delete/999999/",
                                 GET=admin(404, 404, 404)),
    "attendance_rules:history": r(lambda w: "/admin/attendance/rules/history/999999/",
                                  GET=admin(404, 404, 404)),
    "attendance_rules:history_results": r(
        lambda w: "/admin/attendance/rules/history-results/999999/",
        GET=admin(404, 404, 404)),
    "attendance_rules:usage": r(lambda w: "/admin/attendance/rules/usage/999999/",
                                GET=admin(404, 404, 404)),
    "attendance_rules:copy": r(lambda w: "/admin/attendance/rules/copy/999999/",
                               GET=admin(302, 302, 404)),
}


# --- mismatched pairs: an object one may manage with another one may not -----------------
# The same URL patterns, each id of the pair from a different group or organisation: a
# teacher's own group with another group's enrolment, a coordinator's own organisation
# with another organisation's group or person. Nobody but a manager may act, and where the
# pair itself does not belong together, not even a manager.
PROBES = {
    "courses:run_withdraw (group A, enrolment of group B)": r(
        lambda w: f"/teach/groups/{w.run_a.pk}/withdraw/{w.enrol_o.pk}/", POST=only({})),
    "attendance:mark (session of A, enrolment of B)": r(
        lambda w: f"/attendance/sessions/{w.session_a.pk}/marks/{w.enrol_o.pk}/",
        POST=only({}), data=lambda w: {"status": "present"}),
    "organisations:withdraw (organisation X, enrolment of Y's person)": r(
        lambda w: f"/organisations/{w.org_x.pk}/enrolments/{w.enrol_o.pk}/withdraw/",
        POST=only({})),
    "organisations:run (organisation X, group open only to Y)": r(
        lambda w: f"/organisations/{w.org_x.pk}/groups/{w.run_b.pk}/", GET=only({})),
    "certificates:organisation_run_zip (organisation X, group open only to Y)": r(
        lambda w: f"/organisations/{w.org_x.pk}/groups/{w.run_b.pk}/certificates.zip",
        GET=only({})),
    "organisations:import_preview (organisation Y, import of X)": r(
        lambda w: f"/organisations/{w.org_y.pk}/import/{w.import_x.pk}/",
        GET=only({OC: 404}), POST=only({})),
}
API_PROBES = {
    "withdraw (organisation X, enrolment of Y's person)": a(
        "POST", lambda w: f"/api/v1/organisations/{w.org_x.pk}/enrollments/{w.enrol_o.pk}/withdraw",
        api_only({})),
    "marks (session of A, enrolment of B)": a(
        "PUT", lambda w: f"/api/v1/sessions/{w.session_a.pk}/marks",
        api_only({T: 422, M: 422, L: 403, P: 403}),  # 422: not an enrolment of this group
        lambda w: {"marks": [{"enrollment_id": w.enrol_o.pk, "status": "present"}]}),
    # A person of another organisation reads exactly as an id no one has (was 403 against
    # 404: a coordinator could tell which accounts exist).
    "enrol (organisation X, Y's person)": a(
        "POST", lambda w: f"/api/v1/organisations/{w.org_x.pk}/enrollments",
        api_only({C: 404, M: 404}),
        lambda w: {"run_id": w.run_a.pk, "user_ids": [w.users["other_learner"].pk]}),
    "import (organisation Y, import of X)": a(
        "GET", lambda w: f"/api/v1/organisations/{w.org_y.pk}/imports/{w.import_x.pk}",
        api_only({})),
}
