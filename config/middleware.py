"""Cross-cutting request handling."""

from __future__ import annotations

import logging

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse

log = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """When the database is unreachable (a restart, a failover), answer 503 with a short
    message and Retry-After instead of a traceback; the next request reconnects by itself
    (CONN_HEALTH_CHECKS drops the broken connection)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        if isinstance(exception, DatabaseError) and _is_data_error(exception):
            return None
        log.warning("database unavailable: %s", exception.__class__.__name__)
        message = "The database is briefly unavailable. Please retry in a few seconds."
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=503)
        else:
            response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = "5"
        return response


def _is_data_error(exception: Exception) -> bool:
    """SQLite reports some bad queries as OperationalError; those are bugs, not outages."""
    text = str(exception).lower()
    return "no such" in text or "syntax error" in text


class RequestSizeLimitMiddleware:
    """Refuse request bodies over DATA_UPLOAD_MAX_MEMORY_SIZE with 413 before anything reads
    them (Django checks the limit only for `request.body`/forms; the API's JSON parser reads
    the stream directly)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is not None and length > limit:
            message = f"Request body too large: {length:,} bytes, the limit is {limit:,}."
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=413)
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
