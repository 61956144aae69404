"""The statement page's blocks, written in Python.

A million statement pages are mostly read once each, so the page cache
(config/pagecache.py) rarely helps them. For such a first view the template engine was a
third of the request: about forty variable lookups, a dozen filters and an include per claim.
`statement_blocks` gives the same title, breadcrumbs and content that `site/statement.html`
renders, from the same objects; `site/statement_page.html` puts them into `base.html`.
`site/statement.html` stays as the reference: tests/site/test_statement_page.py renders both
for statements of every shape and compares them byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape as esc

from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import truncatechars
from django.utils.safestring import SafeString, mark_safe

from statements.templatetags.parley import condition_text, in_context


@dataclass(frozen=True)
class StatementBlocks:
    """What `site/statement_page.html` fills `base.html`'s blocks with (all escaped)."""

    title: SafeString
    breadcrumbs: SafeString
    content: SafeString


def statement_blocks(statement, parts: list) -> StatementBlocks:
    """The blocks of `site/statement.html` for `statement` (fetched with
    `Statement.objects.for_page()`, its claims prefetched) and the parts of its quote."""
    speaker, article = statement.speaker, statement.article
    speaker_url = esc(speaker.get_absolute_url())
    speaker_name = esc(speaker.name)
    article_url = esc(article.get_absolute_url())
    article_title = esc(article.title)
    own_url = esc(statement.get_absolute_url())
    pk = statement.pk
    text = esc(statement.text)
    direct = statement.direct

    title = f"{speaker_name}: “{esc(truncatechars(statement.text, 60))}”"
    breadcrumbs = (
        f'<li><a href="{article_url}">{esc(truncatechars(article.title, 50))}</a></li>'
        f'<li><a href="{own_url}" aria-current="page">Statement {pk}</a></li>'
    )

    facts = [
        f'<div><dt>Speaker</dt><dd><a href="{speaker_url}">{speaker_name}</a></dd></div>\n    '
    ]
    outlet = statement.reported_via
    if outlet:
        facts.append(
            f'<div><dt>Reported by</dt><dd><a href="{esc(outlet.get_absolute_url())}">'
            f"{esc(outlet.name)}</a></dd></div>"
        )
    facts.append("\n    ")
    publisher = article.publisher
    facts.append(
        f'<div><dt>Source</dt><dd><a href="{article_url}#statement-{pk}">{article_title}</a>'
        + (f" — {esc(publisher.name)}" if publisher else "")
        + f' <span class="hint">(characters {statement.start}–{statement.end})</span></dd>'
        "</div>\n    "
    )
    meeting = statement.meeting
    if meeting:
        facts.append(
            f'<div><dt>At or about</dt><dd><a href="{esc(meeting.get_absolute_url())}">'
            f"{esc(meeting.title)}</a></dd></div>"
        )
    facts.append("\n    ")
    day = statement.date
    if day:
        approximate = "c. " if statement.date_approximate else ""
        facts.append(
            f'<div><dt>When</dt><dd><time datetime="{esc(date_filter(day, "Y-m-d"))}">'
            f"{approximate}{esc(date_filter(day, 'j M Y'))}</time></dd></div>"
        )
    facts.append(
        f"\n    <div><dt>Obtained</dt><dd>{esc(str(statement.get_origin_display()))}</dd></div>\n"
    )

    c = in_context(statement)
    kind = "quote" if direct else "reported"
    context = (
        f'<p class="context">{esc(c.before)}<mark class="hl hl-{kind}">{esc(c.quote)}</mark>'
        f"{esc(c.after)}</p>\n"
    )

    parts_html = ""
    if len(parts) > 1:
        items = []
        for part in parts:
            if part.pk == pk:
                items.append(f"<li><strong>“{esc(part.text)}” (this part)</strong></li>")
            else:
                items.append(
                    f'<li><a href="{esc(part.get_absolute_url())}">“{esc(part.text)}”</a></li>'
                )
        parts_html = (
            '\n  <section aria-labelledby="h-parts">\n'
            '    <h2 id="h-parts">Parts of the same quote</h2>\n'
            f"    <ol>{''.join(items)}</ol>\n"
            "  </section>\n  "
        )

    claims = statement.claims.all()
    if claims:
        claims_html = '<ul class="claims">' + "".join(map(claim_item, claims)) + "</ul>\n    "
    else:
        claims_html = '<p class="empty">This statement is not evidence for any claim yet.</p>'

    content = (
        '\n<article class="record">\n'
        "  <header>\n"
        f'    <p class="eyebrow">{"Direct quote" if direct else "Reported speech"}</p>\n'
        f'    <h1>What <a href="{speaker_url}">{speaker_name}</a> said</h1>\n'
        "  </header>\n"
        '  <blockquote class="big-quote"><p>'
        f"{f'“{text}”' if direct else text}</p></blockquote>\n"
        '  <dl class="facts">\n'
        f"    {''.join(facts)}"
        "  </dl>\n\n"
        '  <section aria-labelledby="h-context">\n'
        '    <h2 id="h-context">In context</h2>\n'
        "    \n"
        f"    {context}"
        "    \n"
        f'    <p><a href="{article_url}#statement-{pk}">Read it in the whole article</a></p>\n'
        "  </section>\n\n"
        f"  {parts_html}\n\n"
        '  <section aria-labelledby="h-claims">\n'
        '    <h2 id="h-claims">Claims it supports</h2>\n'
        "    \n"
        f"    {claims_html}\n"
        "    \n"
        "  </section>\n"
        "</article>\n"
    )
    # safe: every value from the database above is escaped
    return StatementBlocks(mark_safe(title), mark_safe(breadcrumbs), mark_safe(content))


def claim_item(claim) -> str:
    """A claim's `<li>`, as `site/_claim_item.html` renders it."""
    condition = ""
    if claim.condition:
        condition = f' <span class="condition">— {esc(condition_text(claim.condition))}</span>'
    subject = f", about {esc(claim.subject.name)}" if claim.subject else ""
    return (
        f'<li class="claim-item"><a href="{esc(claim.get_absolute_url())}">{esc(claim.text)}</a>'
        f"{condition}\n"
        f'  <span class="claim-meta">claimed by {esc(claim.claimant.name)}{subject} · '
        f'<span class="status status-{esc(str(claim.status))}">'
        f"{esc(str(claim.get_status_display()))}</span></span></li>\n"
    )
