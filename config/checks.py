"""Deployment checks of our own, run by `manage.py check --deploy`."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Throttle counts (and cached fragments) must be shared by every worker process; Django's
    local-memory cache is per process, so N workers would allow N times the rate."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend.endswith("LocMemCache"):
        return [
            Warning(
                "The default cache is per-process memory, so API throttles are not shared "
                "between workers.",
                hint="Set REDIS_URL (e.g. redis://127.0.0.1:6379/1).",
                id="parley.W001",
            )
        ]
    return []
