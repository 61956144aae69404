"""The site in a real browser (Debian's Chromium through Playwright): order, filters,
highlights, axe-core accessibility checks and no sideways scrolling at phone width.

Skipped, with a message, where /usr/bin/chromium is not installed (`apt-get install chromium`;
`.ci/run` installs it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.urls import reverse

from .factories import build_world

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]


def axe_script() -> Path:
    import axe_core_python

    path = Path(axe_core_python.__file__).parent / "axe.min.js"
    assert path.exists(), "axe-core-python should ship axe.min.js"
    return path


@pytest.fixture(scope="module")
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # around it are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def world(transactional_db):
    return build_world()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def urls(world) -> dict[str, str]:
    return {
        "timeline": reverse("home"),
        "meeting": world.vladivostok.get_absolute_url(),
        "range meeting": world.six_party.get_absolute_url(),
        "actor": world.putin.get_absolute_url(),
        "article": world.article.get_absolute_url(),
        "statement": world.above_all.get_absolute_url(),
        "claim": world.claim.get_absolute_url(),
        "search": reverse("search") + "?q=putin",
        "not found": "/no/such/page/",
    }


def titles(page) -> list[str]:
    return page.locator(".tl-title a").all_inner_texts()


def test_timeline_in_order_and_a_filter_narrows_it(page, live_server, world):
    page.goto(live_server.url + "/")
    assert titles(page) == [
        "Six-party talks",
        "Second Trump–Kim summit",
        "Putin–Kim talks on Russky Island",
        "A future round of talks",
    ]
    assert page.title() == "Timeline of meetings · Parley"
    page.select_option("#f-actor", ["kim-jong-un", "vladimir-putin"])
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/?*actor=*")
    assert titles(page) == ["Putin–Kim talks on Russky Island"]
    assert "actor=kim-jong-un" in page.url and "actor=vladimir-putin" in page.url
    # the shared address reproduces the view
    page.goto(page.url)
    assert titles(page) == ["Putin–Kim talks on Russky Island"]
    page.get_by_role("link", name="Clear filters").click()
    assert len(titles(page)) == 4
    # a year range keeps the 2003–2009 series that overlaps it
    page.fill("#f-from", "2005")
    page.fill("#f-to", "2007")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/?*from=2005*")
    assert titles(page) == ["Six-party talks"]


def test_an_article_highlight_leads_to_its_statement_and_keyboard_use(page, live_server, world):
    page.goto(live_server.url + world.article.get_absolute_url())
    mark = page.locator(f"#statement-{world.above_all.pk}")
    assert "Above all, he focuses" in mark.inner_text()
    assert "Vladimir Putin" in mark.locator("xpath=following-sibling::span[1]").inner_text()
    mark.get_by_role("link").click()
    page.wait_for_url(f"**{world.above_all.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "What Vladimir Putin said"
    # and from the statement to its claim
    page.get_by_role("link", name=world.claim.text).click()
    page.wait_for_url(f"**{world.claim.get_absolute_url()}")
    chain = page.locator(".chain-link a").all_inner_texts()
    assert chain == ["Kim Jong Un", "Vladimir Putin", "The Associated Press", "NPR"]
    # keyboard: the skip link is the first stop, its focus ring shows, and it works
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_every_page_passes_axe_keeps_to_the_csp_and_fits_a_phone(browser, live_server, world):
    """No serious or critical axe-core violations; nothing the Content-Security-Policy blocks
    (no inline script or style on our pages); no sideways scrolling 375 px wide. One test, so
    that the live server's database is set up once for all three."""
    script = axe_script()
    failures = {}
    # axe is injected as an inline script, which our own CSP rightly refuses: bypass it here.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for name, url in urls(world).items():
        page.goto(live_server.url + url)
        page.add_script_tag(path=str(script))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        bad = [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if bad:
            failures[name] = bad
    context.close()
    assert not failures, failures

    csp_errors: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    page.on(
        "console",
        lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    for url in urls(world).values():
        response = page.goto(live_server.url + url)
        assert "script-src 'self'" in response.headers.get("content-security-policy", "")
    context.close()
    assert csp_errors == []

    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    wide = {}
    for name, url in urls(world).items():
        page.goto(live_server.url + url)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            wide[name] = width
    context.close()
    assert wide == {}
