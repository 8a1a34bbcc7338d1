"""Building blocks for tests and the demo: organisations, their participants and the
groups open to them."""

import factory

from accounts.factories import UserFactory
from organisations.models import Organisation, OrganisationRun, Participant


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Biedrība Nr. {n}")
    slug = factory.Sequence(lambda n: f"biedriba-{n}")

    @factory.post_generation
    def coordinators(self, create, extracted, **kwargs):
        if create and extracted:
            self.coordinators.add(*extracted)

    @factory.post_generation
    def runs(self, create, extracted, **kwargs):
        if create and extracted:
            for run in extracted:
                OrganisationRun.objects.get_or_create(organisation=self, run=run)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    citizenship = "UA"
    region = "riga"
