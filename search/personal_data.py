"""The search log (Wagtail's search terms report: term and number of searches per day).

It holds no IP address, no cookie and no user, only what was typed; someone may have typed their
own e-mail address, so a data subject's request finds such terms. After the retention period
(settings "Aufbewahrung": ``search_log_days``) the daily counts are deleted, and terms without any
count left (and without an editors' recommendation) with them.
"""

from wagtail.contrib.search_promotions.models import Query

from cms.core.personal_data import PersonalData


class SearchLogData(PersonalData):
    def not_yet_removed(self):
        return self.model.objects.select_related("query")

    def purge(self, queryset):
        count = queryset.count()
        queryset.delete()
        Query.garbage_collect()
        return count

    def for_email(self, email):
        if not email:
            return self.model.objects.none()
        return self.not_yet_removed().filter(query__query_string__icontains=email)

    def fields(self, record):
        return {
            "Suchbegriff": record.query.query_string,
            "Datum": record.date,
            "Anzahl der Suchen": record.hits,
        }


SEARCH_LOG = SearchLogData(
    key="search_log",
    label="Suchbegriffe",
    model_label="wagtailsearchpromotions.QueryDailyHits",
    date_field="date",
    personal_fields=(),
    email_field=None,
    purpose=(
        "Verbesserung der Suche: Welche Begriffe wie oft am Tag gesucht wurden. Gespeichert werden nur "
        "der Suchbegriff und die Zahl der Suchen pro Tag, keine IP-Adresse und kein Cookie."
    ),
    legal_basis="Art. 6 Abs. 1 lit. f DSGVO (berechtigtes Interesse an einer guten Suche)",
    recipients="Die Redaktion der Geschäftsstelle.",
    kept="Nichts",
    order=90,
)
