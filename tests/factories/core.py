import factory
import wagtail_factories
from django.core.files.base import ContentFile

from cms.core.models import Contact, CustomDocument, GoodPracticeCriterion, Organisation, Person

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.COMPANY


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = factory.Sequence(lambda n: f"Vorname{n}")
    last_name = factory.Sequence(lambda n: f"Nachname{n}")
    organisation = factory.SubFactory(OrganisationFactory)
    role = "Referentin"


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    label = factory.Sequence(lambda n: f"Kontakt {n}")
    email = "info@example.org"
    phone = "030 123456"


class GoodPracticeCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPracticeCriterion

    name = factory.Sequence(lambda n: f"Kriterium {n}")


class DocumentFactory(wagtail_factories.DocumentFactory):
    class Meta:
        model = CustomDocument

    title = factory.Sequence(lambda n: f"Präsentation {n}")
    file = factory.LazyFunction(lambda: ContentFile(MINIMAL_PDF, name="praesentation.pdf"))


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = "core.CustomImage"
