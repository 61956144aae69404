"""schema.org JSON-LD for actors, meetings, statements and claims.

Pure functions over rows fetched with the `queries.*_for_jsonld()` QuerySets (they read only
prefetched relations, so building a document runs no query of its own). `base` is the site's
origin ("https://parley.example"), prefixed to every page path to make `@id`s absolute.

Choices (docs/formats.md, "JSON-LD"):
- kinds → types: person → Person; state → GovernmentOrganization (a state acts, attends and
  speaks through its government; schema.org's `Country` is a Place and may not be an
  attendee, creator or author), with `areaServed` naming the Country; organisation and group →
  Organization; media → NewsMediaOrganization.
- dates keep their true precision: "2019-04-25", "2019-02", "2003"; an estimated date also
  carries "parley:dateApproximate": true.
- a Quotation's `creator` is its speaker; `spokenByCharacter` is set for direct quotes only
  (the speaker's exact words), not for a reporter's paraphrase.
- a reviewed claim carries a ClaimReview whose author is the organisation "Parley" (never the
  individual editor), its rating mapped from the review status, its body the editor's note.
"""

from __future__ import annotations

from typing import Any

from actors.models import Actor, ActorKind
from events.models import Meeting, RelationKind
from statements.models import Article, Claim, ReviewStatus, Statement

from .dates import partial_iso


def parley_namespace(base: str = "") -> str:
    """Parley's own terms (`parley:reviewStatus`, …) live under the site's origin: each
    installation names its terms at its own address (docs/formats.md lists them)."""
    return f"{base}/ns#" if base else "urn:parley:ns#"


TYPES = {
    ActorKind.PERSON: "Person",
    ActorKind.STATE: "GovernmentOrganization",
    ActorKind.ORGANIZATION: "Organization",
    ActorKind.GROUP: "Organization",
    ActorKind.MEDIA: "NewsMediaOrganization",
}

# ClaimReview ratings on a 1–5 scale (5 = the attribution holds).
RATINGS = {
    ReviewStatus.CONFIRMED: (5, "Accurately attributed"),
    ReviewStatus.DISPUTED: (2, "Disputed"),
    ReviewStatus.RETRACTED: (1, "Retracted"),
}
REVIEWER = {"@type": "Organization", "name": "Parley"}

Doc = dict[str, Any]


def _doc(body: Doc, base: str) -> Doc:
    return {"@context": ["https://schema.org", {"parley": parley_namespace(base)}], **body}


def _compact(doc: Doc) -> Doc:
    """Drop empty values: JSON-LD says nothing rather than 'unknown'."""
    return {k: v for k, v in doc.items() if v not in (None, "", [], {})}


def actor_ref(actor: Actor, base: str = "") -> Doc:
    """A node reference: enough to name and link an actor inside another document."""
    url = base + actor.get_absolute_url()
    return {"@type": TYPES.get(actor.kind, "Organization"), "@id": url, "name": actor.name}


def actor_jsonld(actor: Actor, base: str = "") -> Doc:
    """Person / GovernmentOrganization / Organization / NewsMediaOrganization."""
    ref = actor_ref(actor, base)
    doc: Doc = {**ref, "url": ref["@id"], "description": actor.description}
    doc["alternateName"] = [a.name for a in actor.aliases.all() if a.name != actor.name]
    if actor.wikidata_id:
        doc["sameAs"] = [f"https://www.wikidata.org/wiki/{actor.wikidata_id}"]
    if actor.kind == ActorKind.STATE:
        doc["areaServed"] = {"@type": "Country", "name": actor.name}
    elif actor.country_id and actor.kind == ActorKind.PERSON:
        doc["nationality"] = {"@type": "Country", "name": actor.country.name}
    elif actor.country_id:
        doc["location"] = {"@type": "Country", "name": actor.country.name}
    roles = list(actor.roles.all())
    if actor.kind == ActorKind.PERSON and roles:
        doc["jobTitle"] = [r.title for r in roles]
        doc["memberOf"] = [
            _compact(
                {
                    "@type": "OrganizationRole",
                    "roleName": r.title,
                    "startDate": partial_iso(r.start_date, "day"),
                    "endDate": partial_iso(r.end_date, "day"),
                    "memberOf": actor_ref(r.organization, base) if r.organization else None,
                }
            )
            for r in roles
        ]
    return _doc(_compact(doc), base)


def meeting_jsonld(meeting: Meeting, base: str = "") -> Doc:
    """Event with attendees (hosts also as organizer), location and partial dates."""
    url = base + meeting.get_absolute_url()
    participations = list(meeting.participations.all())
    doc: Doc = {
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": meeting.title,
        "startDate": partial_iso(meeting.start_date, meeting.start_precision),
        "endDate": partial_iso(meeting.end_date, meeting.end_precision),
        "location": {"@type": "Place", "name": meeting.place} if meeting.place else None,
        "attendee": [actor_ref(p.actor, base) for p in participations],
        "organizer": [actor_ref(p.actor, base) for p in participations if p.role == "host"],
        "description": "; ".join(str(o) for o in meeting.outcomes or []),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode"
        if meeting.kind != "call"
        else "https://schema.org/OnlineEventAttendanceMode",
        "superEvent": [
            {"@type": "Event", "@id": base + r.target.get_absolute_url(), "name": r.target.title}
            for r in meeting.relations_out.all()
            if r.kind == RelationKind.PART_OF
        ],
        "subEvent": [
            {"@type": "Event", "@id": base + r.source.get_absolute_url(), "name": r.source.title}
            for r in meeting.relations_in.all()
            if r.kind == RelationKind.PART_OF
        ],
        "parley:dateApproximate": True if meeting.date_approximate else None,
        "parley:cameoCode": meeting.cameo_code,
    }
    return _doc(_compact(doc), base)


def article_jsonld(article: Article, base: str = "") -> Doc:
    """NewsArticle: headline, publisher, authors, datePublished, url (the original address
    where known; `@id` is always Parley's copy, the text every span counts into)."""
    page = base + article.get_absolute_url()
    return _compact(
        {
            "@type": "NewsArticle",
            "@id": page,
            "headline": article.title,
            "url": article.url or page,
            "publisher": actor_ref(article.publisher, base) if article.publisher_id else None,
            "author": [actor_ref(a, base) for a in article.authors.all()],
            "datePublished": article.published_at.isoformat() if article.published_at else None,
        }
    )


def statement_jsonld(statement: Statement, base: str = "") -> Doc:
    """Quotation: the words, their speaker, the article it is based on, the meeting."""
    url = base + statement.get_absolute_url()
    speaker = actor_ref(statement.speaker, base)
    doc: Doc = {
        "@type": "Quotation",
        "@id": url,
        "url": url,
        "text": statement.text,
        "creator": speaker,
        "spokenByCharacter": speaker if statement.direct else None,
        "dateCreated": partial_iso(statement.date, statement.date_precision),
        "isBasedOn": article_jsonld(statement.article, base),
        "recordedAt": {
            "@type": "Event",
            "@id": base + statement.meeting.get_absolute_url(),
            "name": statement.meeting.title,
        }
        if statement.meeting_id
        else None,
        "parley:directQuote": statement.direct,
        "parley:reportedVia": actor_ref(statement.reported_via, base)
        if statement.reported_via_id
        else None,
        "parley:dateApproximate": True if statement.date_approximate else None,
        "parley:cameoCode": statement.cameo_code,
    }
    return _doc(_compact(doc), base)


def claim_review_jsonld(claim: Claim, base: str = "") -> Doc | None:
    """The ClaimReview of a reviewed claim (None while unreviewed)."""
    if claim.status not in RATINGS:
        return None
    value, name = RATINGS[claim.status]
    return _compact(
        {
            "@type": "ClaimReview",
            "claimReviewed": claim.text,
            "author": REVIEWER,
            "datePublished": claim.reviewed_at.isoformat() if claim.reviewed_at else None,
            "reviewBody": claim.review_note,
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": value,
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": name,
            },
            "itemReviewed": {"@type": "Claim", "@id": base + claim.get_absolute_url()},
        }
    )


def claim_jsonld(claim: Claim, base: str = "") -> Doc:
    """Claim: its claimant (author), subject (about), the articles it appears in (the
    earliest published as firstAppearance), its evidence quotations and any ClaimReview."""
    url = base + claim.get_absolute_url()
    evidence = list(claim.evidence.all())
    articles: dict[int, Article] = {}
    for statement in evidence:
        articles.setdefault(statement.article_id, statement.article)
    appearances = [article_jsonld(a, base) for a in articles.values()]
    dated = [a for a in articles.values() if a.published_at is not None]
    first = min(dated, key=lambda a: a.published_at) if dated else None
    doc: Doc = {
        "@type": "Claim",
        "@id": url,
        "url": url,
        "text": claim.text,
        "author": actor_ref(claim.claimant, base),
        "about": actor_ref(claim.subject, base) if claim.subject_id else None,
        "appearance": appearances,
        "firstAppearance": article_jsonld(first, base) if first else None,
        "parley:condition": claim.condition,
        "parley:reportedVia": actor_ref(claim.reported_via, base)
        if claim.reported_via_id
        else None,
        "parley:evidence": [
            {"@type": "Quotation", "@id": base + s.get_absolute_url(), "text": s.text}
            for s in evidence
        ],
        "parley:reviewStatus": claim.status,
        "review": claim_review_jsonld(claim, base),
    }
    return _doc(_compact(doc), base)


def document_for(obj: object, base: str = "") -> Doc:
    """The JSON-LD of any of the four kinds of record (for the template tag)."""
    if isinstance(obj, Actor):
        return actor_jsonld(obj, base)
    if isinstance(obj, Meeting):
        return meeting_jsonld(obj, base)
    if isinstance(obj, Statement):
        return statement_jsonld(obj, base)
    if isinstance(obj, Claim):
        return claim_jsonld(obj, base)
    raise TypeError(f"No JSON-LD for {type(obj).__name__}")
