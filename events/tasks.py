"""Background tasks of the events app (django-tasks; in production run by `make worker`)."""

import logging

from django_tasks import task

from events import csv_import

logger = logging.getLogger("cms.events")


@task()
def run_csv_import(job_id):
    """Run the CSV import job ``job_id`` (events.csv_import.run_job); returns its final status."""
    return csv_import.run_job(job_id)


def start_csv_import(job):
    """Enqueue the job. With the database backend the task row is written in the caller's
    transaction, so the worker sees it only once the job is committed; the immediate backend (dev,
    tests) runs it at once."""
    try:
        run_csv_import.enqueue(job.pk)
    except Exception:  # a queue that is down must not lose the upload: the job stays queued
        logger.exception("CSV-Import %s konnte nicht gestartet werden.", job.pk)
