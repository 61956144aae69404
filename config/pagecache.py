"""Rendered pages kept in this process, each under the version of the rows it was made from.

A page's key holds a *version* read from the database on every request (for the statement
page: `Statement.objects.page_version`, one prepared query of PostgreSQL row versions), so an
entry is never served after anything on it changed, whatever made the change — the admin, the
loader, a `QuerySet.update()`, raw SQL, another server process. Nothing has to be invalidated,
and nothing is shared between processes: an entry whose rows changed is simply never asked
for again and falls out of the bounded LRU (`PARLEY_PAGE_CACHE_ENTRIES`, 0 turns it off).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

# A page larger than this is rendered every time rather than kept (a statement page is
# about 10 kB; an article page with its whole text can be far larger).
MAX_BODY_BYTES = 256 * 1024


class PageCache:
    """A bounded least-recently-used map of page keys to response bodies, safe across the
    threads of one process."""

    def __init__(self, entries: int) -> None:
        self.entries = entries
        self._bodies: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._bodies)

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            body = self._bodies.get(key)
            if body is not None:
                self._bodies.move_to_end(key)
            return body

    def put(self, key: Hashable, body: bytes) -> None:
        if self.entries <= 0 or len(body) > MAX_BODY_BYTES:
            return
        with self._lock:
            self._bodies[key] = body
            self._bodies.move_to_end(key)
            while len(self._bodies) > self.entries:
                self._bodies.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._bodies.clear()


pages = PageCache(settings.PARLEY_PAGE_CACHE_ENTRIES)


@receiver(setting_changed)
def _settings_changed(setting, value, **kwargs):
    if setting == "PARLEY_PAGE_CACHE_ENTRIES":
        pages.clear()
        pages.entries = value if value is not None else 0
