"""Demo accounts; the password is for the demo only and is printed by seed_demo."""

from django.contrib.auth.models import Group

from accounts.models import User
from accounts.services import ensure_role_groups

DEMO_PASSWORD = "kopa-demo"

DEMO_USERS = [
    # username, first, last, e-mail, language, staff, superuser, groups
    ("admin", "Admin", "Kopā", "admin@kopa.example", "lv", True, True, []),
    ("manager", "Māra", "Kalniņa", "manager@kopa.example", "lv", True, False, ["Managers"]),
    ("teacher", "Jānis", "Ozoliņš", "teacher@kopa.example", "lv", True, False, ["Teachers"]),
    ("coordinator", "Olena", "Kovalenko", "coordinator@kopa.example", "uk", False, False,
     ["Coordinators"]),
    ("learner", "Ahmad", "Rahimi", None, "en", False, False, []),
]


def ensure_groups() -> dict[str, Group]:
    return ensure_role_groups()


def load(context: dict) -> None:
    groups = ensure_groups()
    users = {}
    for (username, first, last, email, language, staff, superuser,
         group_names) in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username)
            user.set_password(DEMO_PASSWORD)
        user.first_name, user.last_name, user.email = first, last, email
        user.preferred_language = language
        user.is_staff, user.is_superuser = staff, superuser
        user.save()
        user.groups.add(*(groups[name] for name in group_names))
        users[username] = user
    context["users"] = users
    context.setdefault("summary", []).append(
        f"Demo accounts ({', '.join(users)}), password: {DEMO_PASSWORD}")
