"""The personal data of feedback on barriers, for the retention purge and the requests of data subjects.

After the retention period (settings "Aufbewahrung": ``accessibility_feedback_days``) name and e-mail
address are emptied; the description of the barrier and the editors' note stay. A data subject's
erasure deletes the whole feedback, their description included.
"""

from cms.core.personal_data import PersonalData


class FeedbackData(PersonalData):
    def erase(self, queryset):
        count = queryset.count()
        queryset.delete()
        return count


ACCESSIBILITY_FEEDBACK = FeedbackData(
    key="accessibility_feedback",
    label="Rückmeldungen zur Barrierefreiheit",
    model_label="accessibility.AccessibilityFeedback",
    date_field="created_at",
    personal_fields=("name", "email"),
    export_fields=("page_url", "message"),
    purpose="Bearbeitung Ihrer Rückmeldung zu einer Barriere und, wenn Sie es wünschen, eine Antwort.",
    legal_basis=(
        "Art. 6 Abs. 1 lit. f DSGVO (berechtigtes Interesse an einer barrierefreien Website und an "
        "einer Antwort auf Ihre Meldung)"
    ),
    recipients="Die Redaktion der Geschäftsstelle.",
    kept="Die Beschreibung der Barriere und der Vermerk der Redaktion, ohne Name und E-Mail-Adresse",
    order=30,
)
