"""Screenshots of the reader's site for the README, at desktop and phone width.

Run against a server with the seed loaded, using the same database settings:

    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_seeds
    .venv/bin/python manage.py runserver 127.0.0.1:8000 &
    .venv/bin/python docs/screenshots/take.py --base http://127.0.0.1:8000

The pages are chosen from the database: Vladimir Putin (or the actor in most meetings), the
article with most statements, and the claim with the longest attribution chain.
Needs Debian's Chromium at /usr/bin/chromium (`apt-get install chromium`).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
WIDTHS = {"desktop": (1280, 900), "phone": (375, 740)}


def pages() -> dict[str, str]:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.db.models import Count

    from actors.models import Actor
    from statements.models import Article, Claim

    actor = (
        Actor.objects.filter(slug="vladimir-putin").first()
        or Actor.objects.annotate(n=Count("participations")).order_by("-n").first()
    )
    article = Article.objects.annotate(n=Count("statements")).order_by("-n").first()
    claims = Claim.objects.for_page().exclude(subject=None)
    claim = max(
        claims,
        key=lambda c: (c.reported_via_id is not None, c.evidence.count() > 0, -c.pk),
        default=None,
    )
    found = {"timeline": "/"}
    if actor:
        found["actor"] = actor.get_absolute_url()
    if article:
        found["article"] = article.get_absolute_url()
    if claim:
        found["claim"] = claim.get_absolute_url()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default=str(HERE))
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    targets = pages()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for size, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, path in targets.items():
                page.goto(options.base.rstrip("/") + path)
                out = Path(options.out) / f"{name}-{size}.png"
                page.screenshot(path=str(out), full_page=True)
                print(out.relative_to(ROOT) if out.is_relative_to(ROOT) else out)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
