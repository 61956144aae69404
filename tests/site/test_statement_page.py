"""The statement page is written in Python (statements/pages.py); `site/statement.html` is
its reference. For statements of every shape the page served must be the reference template's
output byte for byte."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template.loader import render_to_string

from config.pagecache import pages
from statements.models import Precision, Statement
from tests import factories as f

from .factories import build_world, span

pytestmark = pytest.mark.django_db


def reference(statement: Statement, request) -> str:
    """The page as `site/statement.html` renders it from objects the ORM fetched."""
    fetched = Statement.objects.for_page().prefetch_related("article__authors").get(pk=statement.pk)
    parts = []
    if fetched.utterance:
        parts = list(
            Statement.objects.filter(
                article_id=fetched.article_id, utterance=fetched.utterance
            ).order_by("part", "start")
        )
    context = {"statement": fetched, "parts": parts}
    return render_to_string("site/statement.html", context, request=request)


@pytest.fixture
def shapes():
    """The world's statements plus one of each shape the page draws differently."""
    pages.clear()
    world = build_world()
    text = (
        'A <b>tagged</b> & "quoted" headline\n\n'
        "'It's <script>alert(1)</script> & more,' said the envoy at length, "
        + "and went on for a very long time about nothing in particular. " * 6
        + "\nA second paragraph follows here.\n"
    )
    article = f.ArticleFactory(
        title='A <title> & a "very" long headline that goes well beyond fifty characters',
        text=text,
        publisher=None,
        body_end=len(text),
    )
    article.authors.add(f.ActorFactory(name="Zed <Author>"), f.ActorFactory(name="Ann Author"))
    envoy = f.ActorFactory(name="An envoy & 'friend'")
    first = span(text, "It's <script>alert(1)</script> & more,")
    second = span(text, "and went on for a very long time about nothing in particular.")
    tricky = f.StatementFactory(
        article=article, speaker=envoy, start=first[0], end=first[1],
        text=text[first[0]:first[1]], direct=True, utterance="u-1", part=1,
        date=dt.date(2019, 2, 1), date_precision=Precision.MONTH, date_approximate=True,
    )  # fmt: skip
    f.StatementFactory(
        article=article, speaker=envoy, start=second[0], end=second[1],
        text=text[second[0]:second[1]], direct=False, utterance="u-1", part=2, date=None,
        reported_via=world.ap, meeting=world.hanoi,
    )  # fmt: skip
    for n, (condition, subject) in enumerate(
        [("", None), ("unless <talks> fail", world.kim), ("if asked", None)]
    ):
        claim = f.ClaimFactory(
            claimant=envoy, subject=subject, condition=condition, text=f"Claim <{n}> & so on"
        )
        claim.evidence.add(tricky)
    return world


def test_every_statement_page_is_the_reference_template_byte_for_byte(client, shapes):
    statements = list(Statement.objects.order_by("pk"))
    assert len(statements) >= 5
    seen = set()
    for statement in statements:
        response = client.get(statement.get_absolute_url())
        assert response.status_code == 200
        page = response.content.decode()
        assert page == reference(statement, response.wsgi_request), statement.pk
        seen.update(
            name
            for name, shown in [
                ("parts", "Parts of the same quote" in page),
                ("no claims", "not evidence for any claim yet" in page),
                ("claims", '<ul class="claims">' in page),
                ("reported speech", "Reported speech" in page),
                ("approximate", "c. " in page),
                ("escaped", "&lt;script&gt;" in page),
                ("condition", 'class="condition"' in page),
            ]
            if shown
        )
    # the statements above reach every branch of the page
    assert seen == {
        "parts", "no claims", "claims", "reported speech", "approximate", "escaped", "condition"
    }  # fmt: skip


def test_a_second_view_is_the_same_page(client, shapes):
    """The page is the same whether rendered or, on PostgreSQL, sent from the page cache."""
    statement = Statement.objects.get(utterance="u-1", part=1)
    first = client.get(statement.get_absolute_url())
    second = client.get(statement.get_absolute_url())
    assert first.content == second.content
    assert first.content.decode() == reference(statement, second.wsgi_request)
