"""Rendered pages kept in this process, each with the version of the rows it was made from.

Every request reads the page's current *version* from the database (for the statement page:
`Statement.objects.page`, one prepared query of PostgreSQL row versions, which sends the rows
only when the version differs from the kept one), and a kept page is sent only when the two
are equal. So an entry is never served after anything on it changed, whatever made the
change — the admin, the loader, a `QuerySet.update()`, raw SQL, another server process.
Nothing has to be invalidated, and nothing is shared between processes: a page rendered again
replaces its entry, and the bounded LRU (`PARLEY_PAGE_CACHE_ENTRIES`, 0 turns it off) drops
pages not read for a while.
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
# However many entries are allowed, the kept bodies of one process stay under this.
MAX_TOTAL_BYTES = 64 * 1024 * 1024


class PageCache:
    """A least-recently-used map of page keys to (version, response body), bounded in
    entries and in bytes, safe across the threads of one process."""

    def __init__(self, entries: int, max_bytes: int = MAX_TOTAL_BYTES) -> None:
        self.entries = entries
        self.max_bytes = max_bytes
        self.bytes = 0
        self._bodies: OrderedDict[Hashable, tuple[str, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._bodies)

    def get(self, key: Hashable) -> tuple[str, bytes] | None:
        """The kept (version, body) of the page, or None."""
        with self._lock:
            kept = self._bodies.get(key)
            if kept is not None:
                self._bodies.move_to_end(key)
            return kept

    def put(self, key: Hashable, version: str, body: bytes) -> None:
        if self.entries <= 0 or len(body) > min(MAX_BODY_BYTES, self.max_bytes):
            return
        with self._lock:
            old = self._bodies.pop(key, None)
            if old is not None:
                self.bytes -= len(old[1])
            self._bodies[key] = (version, body)
            self.bytes += len(body)
            while len(self._bodies) > self.entries or self.bytes > self.max_bytes:
                self.bytes -= len(self._bodies.popitem(last=False)[1][1])

    def clear(self) -> None:
        with self._lock:
            self._bodies.clear()
            self.bytes = 0


pages = PageCache(settings.PARLEY_PAGE_CACHE_ENTRIES)


@receiver(setting_changed)
def _settings_changed(setting, value, **kwargs):
    if setting == "PARLEY_PAGE_CACHE_ENTRIES":
        pages.clear()
        pages.entries = value if value is not None else 0
