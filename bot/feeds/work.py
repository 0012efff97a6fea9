"""Fetch one item's page for the poller: the job comes back with markup or a reason."""

from __future__ import annotations

from dataclasses import replace

from bot.feeds.pages import PageJob
from bot.net import FetchError, Guard, Limits, get

PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


def fetch_page(job: PageJob, guard: Guard, limits: Limits) -> PageJob:
    """The job with the page's markup, or with why the page could not be used."""
    if not job.link:
        return job
    try:
        response = get(job.link, guard, limits, {}, PAGE_ACCEPT)
    except FetchError as error:
        return replace(job, page_error=f"page {error.reason}")
    if response.content_type and "html" not in response.content_type:
        return replace(job, page_error=f"page is {response.content_type}")
    return replace(job, markup=response.text())
