"""Reads about people."""

from django.db.models import QuerySet

from accounts.models import User


def active_users() -> QuerySet[User]:
    return User.objects.filter(is_active=True)


def find_user_by_login(login: str) -> User | None:
    login = login.strip()
    return (User.objects.filter(username__iexact=login).first()
            or User.objects.filter(email__iexact=login).first())
