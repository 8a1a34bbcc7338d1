import factory

from accounts.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name", locale="lv_LV")
    last_name = factory.Faker("last_name", locale="lv_LV")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.lv")
    preferred_language = "lv"
    password = factory.django.Password("a-long-test-password")
