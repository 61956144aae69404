"""W3C Web Annotation of a statement's span, and the span check on read."""

from __future__ import annotations

import json

import pytest

from statements.formats.annotation import statement_annotation
from statements.models import Statement
from tests import factories

from .conftest import ARTICLE_TEXT

pytestmark = pytest.mark.urls("tests.formats.urls")


def test_annotation_shape(client, world, django_assert_num_queries):
    url = f"/api/v1/statements/{world.statement.pk}/annotation.json"
    with django_assert_num_queries(1):
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    doc = json.loads(response.content)
    assert doc["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "Annotation"
    assert doc["id"].endswith(f"/statements/{world.statement.pk}/annotation.json")
    assert doc["body"]["value"] == "Vladimir Putin (reported speech)"
    target = doc["target"]
    assert target["source"] == f"http://testserver/articles/{world.article.slug}/"
    assert target["scope"] == "https://www.npr.org/2019/04/25/kim-putin"
    position, quote = target["selector"]
    start, end = world.statement.start, world.statement.end
    assert position == {"type": "TextPositionSelector", "start": start, "end": end}
    assert quote["type"] == "TextQuoteSelector"
    assert quote["exact"] == "If given guarantees, Kim would be willing to disarm"
    assert quote["prefix"] == "Leaders meet\n\n"  # all there is before it (< 32)
    assert quote["suffix"] == ARTICLE_TEXT[end : end + 32]
    assert len(quote["suffix"]) == 32
    assert "parley:spanMismatch" not in doc


def test_prefix_and_suffix_are_32_characters(db):
    text = "x" * 40 + "The words." + "y" * 40
    article = factories.ArticleFactory(text=text)
    statement = factories.StatementFactory(article=article, start=40, end=50)
    quote = statement_annotation(statement)["target"]["selector"][1]
    assert (quote["prefix"], quote["exact"], quote["suffix"]) == ("x" * 32, "The words.", "y" * 32)


def test_prefix_is_short_at_the_start_of_the_text(db):
    article = factories.ArticleFactory(text="Hello world, he said.")
    statement = factories.StatementFactory(article=article, start=0, end=11)
    quote = statement_annotation(statement)["target"]["selector"][1]
    assert (quote["prefix"], quote["exact"], quote["suffix"]) == ("", "Hello world", ", he said.")


def test_a_span_that_no_longer_matches_is_refused(client, world):
    # the stored words and the span drift apart (as a buggy edit could make them)
    Statement.objects.filter(pk=world.statement.pk).update(text="Kim would never disarm")
    response = client.get(f"/api/v1/statements/{world.statement.pk}/annotation.json")
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json; charset=utf-8"
    problem = response.json()
    assert problem["type"] == "span-mismatch"
    assert problem["annotation"]["parley:spanMismatch"] is True
    assert problem["annotation"]["parley:storedText"] == "Kim would never disarm"


def test_mismatch_flag_in_the_builder(world):
    world.statement.end -= 1
    assert statement_annotation(world.statement)["parley:spanMismatch"] is True


def test_unknown_statement_is_404(client, db):
    assert client.get("/api/v1/statements/999/annotation.json").status_code == 404
