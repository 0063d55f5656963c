# Copyright 2026 bexio-odoo contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the bexio jobs ask queue_job: is this a job, how many tries are left, may it commit.

queue_job is the one retry mechanism: a transient failure raises ``RetryableJobError``
without ``seconds`` (except a 429, whose reset bexio tells), and the job function's
``retry_pattern`` decides when the next attempt runs (``data/queue_job_data.xml``).
"""

import psycopg2

from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.queue_job.job import Job

from bexio_api import errors

# Tries of a job before queue_job gives up (its default of 5 would cut the retry patterns
# short): an outbox item is tried for about three hours, an import for about two.
OUTBOX_MAX_RETRIES = 12
SYNC_MAX_RETRIES = 8

# PostgreSQL refusing one of two transactions that met: the same work succeeds later.
CONCURRENCY_ERRORS = (
    psycopg2.errors.SerializationFailure,
    psycopg2.errors.DeadlockDetected,
    psycopg2.errors.LockNotAvailable,
)


def is_transient(exc):
    """Whether the same call may succeed later without anyone changing anything."""
    if isinstance(exc, errors.BexioError):
        return exc.transient
    return isinstance(exc, CONCURRENCY_ERRORS)


def current_job(env):
    """The queue.job running now in ``env`` (empty outside a job)."""
    uuid = env.context.get("job_uuid")
    Job_ = env["queue.job"].sudo()
    return Job_.search([("uuid", "=", uuid)], limit=1) if uuid else Job_


def attempt(env):
    """(this attempt, attempts allowed) of the running job; (0, 0) outside a job.

    The stored ``retry`` counts the attempts before this one (queue_job raises it in
    memory while the job runs); 0 allowed means no limit.
    """
    job = current_job(env)
    if not job:
        return 0, 0
    return job.retry + 1, job.max_retries


def retries_left(env):
    """Whether queue_job runs the job again after a RetryableJobError of this attempt."""
    number, allowed = attempt(env)
    return bool(number) and (not allowed or number < allowed)


def is_last_attempt(env):
    """Whether this is the running job's last attempt (False outside a job)."""
    number, allowed = attempt(env)
    return bool(number) and bool(allowed) and number >= allowed


def retry_seconds(exc):
    """The wait bexio asked for (429), else None: the job function's pattern decides."""
    if isinstance(exc, errors.RateLimited) and exc.retry_after:
        return int(exc.retry_after) + 1
    return None


def next_retry_in(env, seconds=None):
    """Seconds until queue_job runs the current job again after a retryable error.

    Asks queue_job's own rule (the job function's retry pattern), so what the outbox shows
    is what the job runner does. None outside a job.
    """
    job = current_job(env)
    if not job:
        return None
    loaded = Job.load(env, job.uuid)
    loaded.retry = job.retry + 1  # as queue_job counts while it runs the attempt
    return loaded._get_retry_seconds(seconds)


def may_commit(env):
    """Whether the running job may commit: its job function allows it (``allow_commit``),
    so queue_job runs it in a cursor of its own, apart from the job's lock."""
    job = current_job(env)
    return bool(job and job.job_function_id.allow_commit)


def retry_later(message, exc):
    """The RetryableJobError that hands ``exc`` back to queue_job's retry pattern."""
    return RetryableJobError(message, seconds=retry_seconds(exc))
