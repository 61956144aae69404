"""reverse() for the site's hottest links, from a path reversed once per process.

`reverse()` resolves the route and checks the argument against its pattern on every call,
about 0.07 ms; a page links to its records (and the navigation) a few dozen times. Here each
route is reversed once per URLconf and script prefix with a placeholder, and later links are
the placeholder replaced. Values the route's pattern might not accept (anything but a plain
slug or a non-negative integer) still go through reverse(), so errors stay the same.
"""

from __future__ import annotations

import re

from django.urls import get_script_prefix, get_urlconf, reverse

_PLACEHOLDER_INT = 918273645
_PLACEHOLDER_SLUG = "parley-slug-placeholder"
_PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z").match
_split: dict[tuple, tuple[str, str]] = {}
_constant: dict[tuple, str] = {}


def url_for(name: str, value: int | str) -> str:
    """`reverse(name, args=[value])` for a route taking one slug or integer."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        placeholder: int | str = _PLACEHOLDER_INT
    elif isinstance(value, str) and _PLAIN_SLUG(value):
        placeholder = _PLACEHOLDER_SLUG
    else:
        return reverse(name, args=[value])
    key = (name, type(placeholder), get_urlconf(), get_script_prefix())
    split = _split.get(key)
    if split is None:
        prefix, found, suffix = reverse(name, args=[placeholder]).partition(str(placeholder))
        if not found:
            return reverse(name, args=[value])
        split = _split[key] = (prefix, suffix)
    return f"{split[0]}{value}{split[1]}"


def url_named(name: str) -> str:
    """`reverse(name)` for a route without arguments."""
    key = (name, get_urlconf(), get_script_prefix())
    url = _constant.get(key)
    if url is None:
        url = _constant[key] = reverse(name)
    return url
