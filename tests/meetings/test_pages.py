"""Meeting and forum page types: tree rules, admin create/edit/preview with their inline panels."""

import datetime

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from meetings.models import ForumIndexPage, ForumTopicPage, MeetingIndexPage, MeetingPage
from regions.models import InitiativeIndexPage, RegionIndexPage
from tests.factories.core import ContactFactory, DocumentFactory, OrganisationFactory, PersonFactory
from tests.factories.home import make_site_root
from tests.factories.meetings import (
    ForumIndexPageFactory,
    ForumSessionFactory,
    ForumTopicPageFactory,
    MeetingIndexPageFactory,
    MeetingPageFactory,
    MeetingPresentationFactory,
    MeetingSpeakerFactory,
)
from tests.factories.regions import RegionIndexPageFactory, RegionPageFactory
from tests.support.pages import assert_edit_publishes, edit_form_data


def meeting_form_data(**overrides):
    data = {
        "title": "Treffen im Frühjahr 2017",
        "number": "3",
        "date": "2017-04-05",
        "venue": "DIHK, Berlin",
        "host": "",
        "summary": "Rund 60 Teilnehmende tauschten sich aus.",
        "body": streamfield([("paragraph", rich_text("<p>Der Bericht.</p>"))]),
        "speakers": inline_formset([]),
        "presentations": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


class MeetingPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_site_root()
        cls.meeting_index = MeetingIndexPageFactory(parent=cls.home, intro="<p>Alle Berichte.</p>")
        cls.forum_index = ForumIndexPageFactory(parent=cls.home, contact=ContactFactory())
        cls.meeting = MeetingPageFactory(parent=cls.meeting_index, host=OrganisationFactory(name="DIHK"))
        MeetingSpeakerFactory(page=cls.meeting)
        MeetingPresentationFactory(page=cls.meeting)
        cls.topic = ForumTopicPageFactory(parent=cls.forum_index, number=1)
        ForumSessionFactory(page=cls.topic, date=datetime.date(2017, 3, 14))

    def setUp(self):
        self.user = self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(MeetingIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(MeetingIndexPage, {MeetingPage})
        self.assertAllowedParentPageTypes(MeetingPage, {MeetingIndexPage})
        self.assertAllowedSubpageTypes(MeetingPage, set())
        self.assertAllowedParentPageTypes(ForumIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ForumIndexPage, {ForumTopicPage})
        self.assertAllowedParentPageTypes(ForumTopicPage, {ForumIndexPage})
        self.assertAllowedSubpageTypes(ForumTopicPage, set())
        self.assertCanCreateAt(MeetingIndexPage, MeetingPage)
        self.assertCanNotCreateAt(HomePage, MeetingPage)
        self.assertCanNotCreateAt(ForumIndexPage, MeetingPage)
        self.assertCanNotCreateAt(StandardPage, MeetingIndexPage)
        self.assertCanCreateAt(ForumIndexPage, ForumTopicPage)
        self.assertCanNotCreateAt(MeetingIndexPage, ForumTopicPage)
        self.assertCanNotCreateAt(RegionIndexPage, ForumTopicPage)
        self.assertCanNotCreateAt(InitiativeIndexPage, MeetingPage)

    def test_index_pages_are_singletons(self):
        self.assertFalse(MeetingIndexPage.can_create_at(self.home))
        self.assertFalse(ForumIndexPage.can_create_at(self.home))

    def test_can_create_index_pages_when_none_exist(self):
        self.meeting_index.delete()
        self.forum_index.delete()
        self.assertCanCreate(
            self.home,
            MeetingIndexPage,
            nested_form_data({"title": "Treffen", "intro": rich_text("<p>x</p>")}),
        )
        self.assertCanCreate(
            self.home,
            ForumIndexPage,
            nested_form_data(
                {"title": "Forum", "intro": rich_text("<p>x</p>"), "body": streamfield([]), "contact": ""}
            ),
        )

    def test_can_create_meeting_with_speakers_and_presentations(self):
        host = OrganisationFactory(name="DIHK")
        speaker = PersonFactory(first_name="Anna", last_name="Schmidt")
        guest = PersonFactory(first_name="Ben", last_name="Wolf")
        other_org = OrganisationFactory(name="IG Metall")
        document = DocumentFactory(title="Folien Schmidt")
        regions = RegionIndexPageFactory(parent=self.home)
        region = RegionPageFactory(parent=regions, title="Stuttgart")
        data = meeting_form_data(
            host=host.pk,
            speakers=inline_formset(
                [
                    {
                        "person": speaker.pk,
                        "organisation": "",
                        "role": "",
                        "talk_title": "Regionale Bündnisse",
                    },
                    {"person": guest.pk, "organisation": other_org.pk, "role": "Sekretär", "talk_title": ""},
                ]
            ),
            presentations=inline_formset([{"document": document.pk, "title": "", "speaker": speaker.pk}]),
        )
        data["related_regions"] = [region.pk]
        self.assertCanCreate(self.meeting_index, MeetingPage, data)
        meeting = MeetingPage.objects.get(slug="treffen-im-fruhjahr-2017")
        self.assertEqual(meeting.host, host)
        speakers = list(meeting.speakers.all())
        self.assertEqual([s.person for s in speakers], [speaker, guest])
        self.assertEqual(speakers[0].speaker_organisation, speaker.organisation)
        self.assertEqual(speakers[1].speaker_organisation, other_org)
        self.assertEqual(speakers[0].speaker_role, "Referentin")
        self.assertEqual(speakers[1].speaker_role, "Sekretär")
        presentation = meeting.presentations.get()
        self.assertEqual(presentation.display_title, "Folien Schmidt")
        self.assertEqual(list(meeting.related_regions.all()), [region])

    def test_meeting_without_date_is_refused(self):
        from django.urls import reverse

        url = reverse("wagtailadmin_pages:add", args=["meetings", "meetingpage", self.meeting_index.pk])
        data = meeting_form_data(date="")
        data.update({"slug": "ohne-datum", "action-publish": "action-publish"})
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("date", response.context["form"].errors)
        self.assertFalse(MeetingPage.objects.filter(slug="ohne-datum").exists())

    def test_can_create_forum_topic_with_sessions_and_documents(self):
        document = DocumentFactory(title="Empfehlung Fachkräfte")
        data = nested_form_data(
            {
                "title": "Fachkräfte sichern",
                "number": "2",
                "status": "discussion",
                "recommendation": "Ausbildung in der Region stärken.",
                "body": streamfield([]),
                "sessions": inline_formset(
                    [
                        {"date": "2017-03-14", "time": "10:00", "venue": "Berlin", "note": ""},
                        {"date": "", "time": "", "venue": "", "note": "geplant für Herbst"},
                    ]
                ),
                "documents": inline_formset([{"document": document.pk}]),
            }
        )
        self.assertCanCreate(self.forum_index, ForumTopicPage, data)
        topic = ForumTopicPage.objects.get(slug="fachkrafte-sichern")
        self.assertEqual([str(s) for s in topic.sessions.all()], ["14.03.2017", "Termin folgt"])
        self.assertEqual(topic.documents.get().document, document)

    def test_pages_render(self):
        for page in (self.meeting_index, self.meeting, self.forum_index, self.topic):
            with self.subTest(page=page):
                self.assertPageIsRenderable(page)

    def test_pages_are_editable_and_previewable(self):
        body = streamfield([("heading", {"text": "Ergebnisse", "level": "h2"})])
        for page in (self.meeting_index, self.meeting, self.forum_index, self.topic):
            with self.subTest(page=page):
                data = edit_form_data(self.client, page, body=body)
                self.assertPageIsEditable(page, post_data=data)
                self.assertPageIsPreviewable(page, post_data=data)
                assert_edit_publishes(self, page, data, self.user)
        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.body[0].value["text"], "Ergebnisse")
        self.assertEqual(self.meeting.speakers.count(), 1)
        self.assertEqual(self.meeting.presentations.count(), 1)
        self.assertEqual(self.topic.sessions.count(), 1)
