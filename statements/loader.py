"""Map one `Extraction` onto the models, in one transaction.

Identity: an article by its content hash; actors by slug (from the canonical name) or alias;
meetings by slug (from the title); statements by (article, start, end); claims by a
fingerprint of claimant, subject and proposition. A re-run of the same article changes
nothing. With `refresh=True` the pipeline's current output is reconciled with what is
stored: new records are added, extracted ones updated, and anything an editor entered or
corrected is kept as the editor left it.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import connections, router, transaction
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history as _simple_history_bulk_create

from actors.models import Actor, ActorKind, Alias, Role
from events.models import Meeting, MeetingKind, MeetingRelation, Participation, Precision

from .extraction import types as x
from .formats.cameo import meeting_cameo, statement_cameo
from .models import ActorMention, Article, Claim, MeetingMention, Statement


@dataclass
class LoadResult:
    status: str  # created | unchanged | updated
    article: Article
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def summary(self) -> str:
        def fmt(counts: dict[str, int]) -> str:
            return ", ".join(f"{n} {k}" for k, n in counts.items() if n) or "nothing"

        parts = [self.status]
        if self.created:
            parts.append(f"created {fmt(self.created)}")
        if any(self.updated.values()):
            parts.append(f"updated {fmt(self.updated)}")
        if any(self.kept.values()):
            parts.append(f"kept {fmt(self.kept)} (curated by an editor)")
        return "; ".join(parts)


@functools.cache
def _history_model(model):
    # `model.history` builds a new manager class on each access (0.5–1 ms here)
    return model.history.model


# PostgreSQL takes at most 65,535 parameters in one statement.
_MAX_PARAMS = 65_535


def insert_rows(model, objs: list, *, ignore_conflicts: bool = False) -> None:
    """`model.objects.bulk_create(objs, ignore_conflicts=…)` for new rows, on PostgreSQL
    written as one `INSERT … VALUES … RETURNING id` per batch by hand: the ORM compiled the
    insert field by field and row by row, about a tenth of an article's load
    (docs/performance.md, seventh round). Each value is prepared by its own field, as the ORM
    prepares it (`pre_save`, so `auto_now` fields are set, then `get_db_prep_save`); the new
    primary keys are set on the objects, which are then saved instances of `using` —
    everything the loader reads back. Other databases use `bulk_create`."""
    if not objs:
        return
    using = router.db_for_write(model)
    connection = connections[using]
    if connection.vendor != "postgresql":
        model._default_manager.using(using).bulk_create(objs, ignore_conflicts=ignore_conflicts)
        return
    opts = model._meta
    pk = opts.pk
    fields = [f for f in opts.concrete_fields if not f.generated and f is not pk]
    qn = connection.ops.quote_name
    head = f"INSERT INTO {qn(opts.db_table)} ({', '.join(qn(f.column) for f in fields)}) VALUES "
    row_sql = "(" + ", ".join(["%s"] * len(fields)) + ")"
    tail = " ON CONFLICT DO NOTHING" if ignore_conflicts else f" RETURNING {qn(pk.column)}"
    per_batch = max(_MAX_PARAMS // max(len(fields), 1), 1)
    for start in range(0, len(objs), per_batch):
        batch = objs[start : start + per_batch]
        params = []
        for obj in batch:
            obj._prepare_related_fields_for_save(operation_name="bulk_create")
            params += [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
        with connection.cursor() as cursor:
            cursor.execute(head + ", ".join([row_sql] * len(batch)) + tail, params)
            ids = [] if ignore_conflicts else cursor.fetchall()
        for obj, (value,) in zip(batch, ids, strict=False):
            setattr(obj, pk.attname, value)
        for obj in batch:
            obj._state.adding = False
            obj._state.db = using


def bulk_create_with_history(objs: list, model, default_change_reason: str) -> None:
    """Insert `objs` and their "created" history rows, as django-simple-history's
    `bulk_create_with_history` does — but the history rows are copied by the database
    (`INSERT … SELECT` from the rows just inserted) rather than built in Python one
    historical instance per row, which took about a fifth of an article's load
    (docs/performance.md, fifth round). Same columns, date, reason, type and user."""
    using = router.db_for_write(model)
    connection = connections[using]
    if not connection.features.can_return_rows_from_bulk_insert:
        _simple_history_bulk_create(objs, model, default_change_reason=default_change_reason)
        return
    history = _history_model(model)
    with transaction.atomic(using=using, savepoint=False):
        insert_rows(model, objs)
        qn = connection.ops.quote_name
        columns = ", ".join(qn(f.column) for f in history.tracked_fields)
        pk = qn(model._meta.pk.column)
        user = history.get_default_history_user(objs[0])
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {qn(history._meta.db_table)} ({columns}, history_date,"
                " history_change_reason, history_type, history_user_id)"
                f" SELECT {columns}, %s, %s, '+', %s FROM {qn(model._meta.db_table)}"
                f" WHERE {pk} IN ({', '.join(['%s'] * len(objs))}) ORDER BY {pk}",
                [
                    connection.ops.adapt_datetimefield_value(timezone.now()),
                    default_change_reason,
                    getattr(user, "pk", None),
                    *(obj.pk for obj in objs),
                ],
            )


def actor_slug(name: str) -> str:
    """'Kim Jong Un' → 'kim-jong-un'; names with no Latin letters get a stable hash slug."""
    slug = slugify(name)[:200]
    if not slug:
        slug = "actor-" + hashlib.sha1(name.encode()).hexdigest()[:12]
    return slug


def meeting_slug(title: str) -> str:
    slug = slugify(title)[:300]
    return slug or "meeting-" + hashlib.sha1(title.encode()).hexdigest()[:12]


def claim_fingerprint(claimant: str, subject: str | None, text: str, condition: str | None) -> str:
    def norm(value: str | None) -> str:
        return re.sub(r"\W+", " ", (value or "").casefold()).strip()

    key = "|".join([norm(claimant), norm(subject), norm(text), norm(condition)])
    return hashlib.sha256(key.encode()).hexdigest()


def _article_slug(meta: x.ArticleMeta, content_hash: str) -> str:
    return f"{slugify(meta.title)[:100] or 'article'}-{content_hash[:8]}"


def _fuzzy(value: x.FuzzyDate | None) -> tuple:
    if value is None:
        return None, Precision.DAY, False
    return value.value, str(value.precision), value.approximate


_MEETING_KINDS = set(MeetingKind.values)


class _Actors:
    """Resolves canonical names to Actor rows, creating what is missing in bulk."""

    def __init__(self, extraction: x.Extraction, counts: dict[str, int]) -> None:
        self.extraction = extraction
        self.counts = counts
        self.by_name: dict[str, Actor] = {}

    def load(self) -> None:
        ex = self.extraction
        declared = {a.name: a for a in ex.actors}
        names = set(declared)
        names.update(s.speaker for s in ex.statements)
        names.update(s.reported_via for s in ex.statements if s.reported_via)
        names.update(c.claimant for c in ex.claims)
        names.update(c.subject for c in ex.claims if c.subject)
        names.update(c.reported_via for c in ex.claims if c.reported_via)
        names.update(p.actor for m in ex.meetings for p in m.participants)
        names.update(a.country for a in ex.actors if a.country)
        names.update(r.organization for a in ex.actors for r in a.roles if r.organization)
        if ex.article.publisher:
            names.add(ex.article.publisher)
        names.update(ex.article.authors)
        names.discard("")

        slugs = {name: actor_slug(name) for name in names}
        existing = {a.slug: a for a in Actor.objects.filter(slug__in=set(slugs.values()))}
        new: list[Actor] = []
        for name in sorted(names):
            slug = slugs[name]
            if slug in existing:
                self.by_name[name] = existing[slug]
                continue
            decl = declared.get(name)
            kind = str(decl.kind) if decl else self._guess_kind(name)
            actor = Actor(name=name, name_key=name.casefold(), slug=slug, kind=kind)
            existing[slug] = actor
            self.by_name[name] = actor
            new.append(actor)
        if new:
            bulk_create_with_history(new, Actor, default_change_reason="Imported")
            # Some backends do not hand primary keys back from a bulk insert.
            if any(a.pk is None for a in new):
                ids = dict(
                    Actor.objects.filter(slug__in=[a.slug for a in new]).values_list("slug", "pk")
                )
                for actor in new:
                    actor.pk = actor.id = ids[actor.slug]
        self.counts["actors"] = len(new)
        self._countries(declared, {a.pk for a in new})
        self._aliases(declared)
        self._roles(declared)

    def _guess_kind(self, name: str) -> str:
        if name == self.extraction.article.publisher:
            return ActorKind.MEDIA
        return ActorKind.PERSON if name in self.extraction.article.authors else ActorKind.GROUP

    def _countries(self, declared: dict[str, x.Actor], new_ids: set[int]) -> None:
        changed = []
        for name, decl in declared.items():
            actor = self.by_name[name]
            if decl.country and actor.pk in new_ids and actor.country_id is None:
                country = self.by_name.get(decl.country)
                if country is not None and country.pk != actor.pk:
                    actor.country = country
                    changed.append(actor)
        if changed:
            Actor.objects.bulk_update(changed, ["country"])

    def _aliases(self, declared: dict[str, x.Actor]) -> None:
        wanted: dict[tuple[int, str], Alias] = {}
        for name, decl in declared.items():
            actor = self.by_name[name]
            for alias in decl.aliases:
                alias = alias.strip()[:200]
                if alias and alias != actor.name:
                    wanted[(actor.pk, alias)] = Alias(actor=actor, name=alias, key=alias.casefold())
        if not wanted:
            return
        have = set(
            Alias.objects.filter(actor__in={k[0] for k in wanted}).values_list("actor_id", "name")
        )
        new = [a for k, a in wanted.items() if k not in have]
        insert_rows(Alias, new, ignore_conflicts=True)
        self.counts["aliases"] = len(new)

    def _roles(self, declared: dict[str, x.Actor]) -> None:
        wanted: dict[tuple, Role] = {}
        for name, decl in declared.items():
            actor = self.by_name[name]
            for role in decl.roles:
                org = self.by_name.get(role.organization) if role.organization else None
                key = (actor.pk, role.title[:200], org.pk if org else None)
                wanted[key] = Role(actor=actor, title=role.title[:200], organization=org)
        if not wanted:
            return
        have = set(
            Role.objects.filter(actor__in={k[0] for k in wanted}).values_list(
                "actor_id", "title", "organization_id"
            )
        )
        new = [r for k, r in wanted.items() if k not in have]
        insert_rows(Role, new, ignore_conflicts=True)
        self.counts["roles"] = len(new)


def load_extraction(
    extraction: x.Extraction, *, source_name: str = "", refresh: bool = False
) -> LoadResult:
    """Store one article's extraction. One transaction: the database holds the whole
    article or none of it."""
    with transaction.atomic():
        article = Article.objects.filter(content_hash=extraction.content_hash).first()
        if article is not None and not refresh:
            return LoadResult("unchanged", article, warnings=extraction.warnings)
        created: dict[str, int] = {}
        updated: dict[str, int] = {}
        kept: dict[str, int] = {}
        actors = _Actors(extraction, created)
        actors.load()
        is_new = article is None
        if is_new:
            article = _create_article(extraction, actors.by_name, source_name)
            created["articles"] = 1
        _mentions(extraction, article, actors.by_name, created, is_new)
        meetings = _meetings(extraction, article, actors.by_name, created)
        statements = _statements(
            extraction, article, actors.by_name, meetings, created, updated, kept, is_new
        )
        _claims(extraction, actors.by_name, statements, created, updated, kept)
        status = (
            "created"
            if is_new
            else ("updated" if any(updated.values()) or any(created.values()) else "unchanged")
        )
        return LoadResult(status, article, created, updated, kept, extraction.warnings)


def _create_article(ex: x.Extraction, by_name: dict[str, Actor], source_name: str) -> Article:
    meta = ex.article
    published = meta.published
    tz_name = ""
    if published is not None and isinstance(published.tzinfo, ZoneInfo):
        tz_name = published.tzinfo.key
    elif published is not None and published.tzinfo is not None:
        tz_name = published.tzname() or ""
    body = meta.body or x.Span(0, len(ex.text))
    article = Article.objects.create(
        slug=_article_slug(meta, ex.content_hash),
        title=(meta.title or source_name or "Untitled")[:500],
        text=ex.text,
        content_hash=ex.content_hash,
        publisher=by_name.get(meta.publisher) if meta.publisher else None,
        byline=", ".join(meta.authors)[:500],
        published_at=published,
        published_tz=tz_name[:64],
        url=(meta.url or "")[:1000],
        body_start=body.start,
        body_end=body.end,
        boilerplate=[[s.start, s.end] for s in meta.boilerplate],
        source_name=source_name[:500],
        warnings=list(ex.warnings),
    )
    authors = [by_name[a] for a in meta.authors if a in by_name]
    if authors:
        article.authors.add(*authors)
    return article


def _mentions(
    ex: x.Extraction,
    article: Article,
    by_name: dict[str, Actor],
    created: dict,
    is_new: bool = False,
) -> None:
    # A new article has no mentions yet: no need to ask.
    have = (
        set()
        if is_new
        else set(ActorMention.objects.filter(article=article).values_list("start", "end"))
    )
    rows = [
        ActorMention(
            article=article, actor=by_name[m.actor], start=m.start, end=m.end, text=m.text[:300]
        )
        for m in ex.mentions
        if m.actor in by_name and 0 <= m.start < m.end and (m.start, m.end) not in have
    ]
    if rows:
        insert_rows(ActorMention, rows, ignore_conflicts=True)
    created["mentions"] = len(rows)


def _meetings(
    ex: x.Extraction, article: Article, by_name: dict[str, Actor], created: dict
) -> dict[str, Meeting]:
    if not ex.meetings:
        return {}
    slugs = {m.title: meeting_slug(m.title) for m in ex.meetings}
    existing = {m.slug: m for m in Meeting.objects.filter(slug__in=set(slugs.values()))}
    new: list[Meeting] = []
    by_title: dict[str, Meeting] = {}
    for m in ex.meetings:
        slug = slugs[m.title]
        if slug in existing:
            by_title[m.title] = existing[slug]
            continue
        start, start_p, approx = _fuzzy(m.start)
        end, end_p, _ = _fuzzy(m.end)
        meeting = Meeting(
            title=m.title[:300],
            slug=slug,
            kind=m.kind if m.kind in _MEETING_KINDS else MeetingKind.OTHER,
            place=(m.place or "")[:300],
            start_date=start,
            start_precision=start_p,
            end_date=end if start is not None else None,
            end_precision=end_p,
            date_approximate=approx,
            outcomes=list(m.outcomes),
            mentioned_only=m.mentioned_only,
        )
        if meeting.end_date is not None and meeting.end_date < meeting.start_date:
            meeting.end_date = None
        meeting.cameo_code = _meeting_cameo(ex, m)
        meeting.last_day = meeting.compute_last_day()
        existing[slug] = meeting
        by_title[m.title] = meeting
        new.append(meeting)
    if new:
        bulk_create_with_history(new, Meeting, default_change_reason="Imported")
        if any(m.pk is None for m in new):
            ids = dict(
                Meeting.objects.filter(slug__in=[m.slug for m in new]).values_list("slug", "pk")
            )
            for meeting in new:
                meeting.pk = meeting.id = ids[meeting.slug]
    created["meetings"] = len(new)

    participations = [
        Participation(meeting=by_title[m.title], actor=by_name[p.actor], role=p.role)
        for m in ex.meetings
        for p in m.participants
        if p.actor in by_name
    ]
    insert_rows(Participation, participations, ignore_conflicts=True)
    relations = [
        MeetingRelation(source=by_title[m.title], target=by_title[m.follows], kind="follows")
        for m in ex.meetings
        if m.follows and m.follows in by_title and by_title[m.follows].pk != by_title[m.title].pk
    ]
    if relations:
        insert_rows(MeetingRelation, relations, ignore_conflicts=True)
    mentions = [
        MeetingMention(article=article, meeting=by_title[m.title], start=s.start, end=s.end)
        for m in ex.meetings
        for s in m.evidence
        if 0 <= s.start < s.end
    ]
    if mentions:
        insert_rows(MeetingMention, mentions, ignore_conflicts=True)
    return by_title


def _meeting_cameo(ex: x.Extraction, m: x.Meeting) -> str:
    """043 host a visit / 044 third location / … from what the extraction says of the
    meeting: a recorded host, and whether the place names a participant's country."""
    host = True if any(p.role == "host" for p in m.participants) else None
    at_home: bool | None = None
    if m.place:
        declared = {a.name: a for a in ex.actors}
        countries = set()
        for p in m.participants:
            actor = declared.get(p.actor)
            if actor is None:
                continue
            country = actor.name if actor.kind == x.ActorKind.STATE else actor.country
            if country:
                countries.add(country)
        names = {
            n.casefold()
            for c in countries
            for n in (c, *(declared[c].aliases if c in declared else ()))
        }
        place = m.place.casefold()
        states = {
            a.name for a in ex.actors if a.kind == x.ActorKind.STATE and a.name.casefold() in place
        }
        if names and any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", place) for n in names):
            at_home = True
        elif states:
            at_home = False
    return meeting_cameo(m.kind, host, at_home)


def _statements(
    ex: x.Extraction,
    article: Article,
    by_name: dict[str, Actor],
    meetings: dict[str, Meeting],
    created: dict,
    updated: dict,
    kept: dict,
    is_new: bool = False,
) -> list[Statement]:
    """Returns the stored statement for each extracted one, index for index. A new article
    has no statements yet, so they are not looked up."""
    existing = (
        {} if is_new else {(s.start, s.end): s for s in Statement.objects.filter(article=article)}
    )
    parts: dict[int, int] = {}
    result: list[Statement] = []
    new: list[Statement] = []
    changed: list[Statement] = []
    n_kept = 0
    for s in ex.statements:
        date, precision, approx = _fuzzy(s.date)
        part = 1
        if s.utterance is not None:
            parts[s.utterance] = part = parts.get(s.utterance, 0) + 1
        values = {
            "text": s.text,
            "speaker": by_name[s.speaker],
            "direct": s.direct,
            "reported_via": by_name.get(s.reported_via) if s.reported_via else None,
            "meeting": meetings.get(s.meeting) if s.meeting else None,
            "date": date,
            "date_precision": precision,
            "date_approximate": approx,
            "utterance": f"{ex.content_hash[:12]}-{s.utterance}" if s.utterance is not None else "",
            "part": part,
            "cue_start": s.cue.start if s.cue else None,
            "cue_end": s.cue.end if s.cue else None,
            "confidence": round(s.confidence, 4),
            "cameo_code": statement_cameo(
                ex.text[s.cue.start : s.cue.end] if s.cue else "", s.text, s.direct
            ),
        }
        row = existing.get((s.start, s.end))
        if row is None:
            row = Statement(article=article, start=s.start, end=s.end, **values)
            existing[(s.start, s.end)] = row
            new.append(row)
        elif row.is_curated:
            n_kept += 1
        elif any(_differs(getattr(row, f), v) for f, v in values.items()):
            for f, v in values.items():
                setattr(row, f, v)
            changed.append(row)
        result.append(row)
    if new:
        bulk_create_with_history(new, Statement, default_change_reason="Imported")
        if any(s.pk is None for s in new):
            ids = {
                (st, en): pk
                for st, en, pk in Statement.objects.filter(article=article).values_list(
                    "start", "end", "pk"
                )
            }
            for row in new:
                row.pk = row.id = ids[(row.start, row.end)]
    for row in changed:
        row.version += 1
        row._change_reason = "Re-imported"
        row.save()
    created["statements"] = len(new)
    updated["statements"] = len(changed)
    kept["statements"] = n_kept
    return result


def _differs(current, new) -> bool:
    if hasattr(current, "pk") or hasattr(new, "pk"):
        return getattr(current, "pk", None) != getattr(new, "pk", None)
    return current != new


def _claims(
    ex: x.Extraction,
    by_name: dict[str, Actor],
    statements: list[Statement],
    created: dict,
    updated: dict,
    kept: dict,
) -> None:
    if not ex.claims:
        return
    prints = [claim_fingerprint(c.claimant, c.subject, c.text, c.condition) for c in ex.claims]
    existing = {c.fingerprint: c for c in Claim.objects.filter(fingerprint__in=prints)}
    new: list[Claim] = []
    rows: list[Claim] = []
    n_kept = 0
    for c, fp in zip(ex.claims, prints, strict=True):
        row = existing.get(fp)
        if row is None:
            row = Claim(
                claimant=by_name[c.claimant],
                subject=by_name.get(c.subject) if c.subject else None,
                text=c.text,
                condition=c.condition or "",
                reported_via=by_name.get(c.reported_via) if c.reported_via else None,
                fingerprint=fp,
                confidence=round(c.confidence, 4),
            )
            existing[fp] = row
            new.append(row)
        elif row.is_curated:
            n_kept += 1
        rows.append(row)
    if new:
        bulk_create_with_history(new, Claim, default_change_reason="Imported")
        if any(c.pk is None for c in new):
            ids = dict(
                Claim.objects.filter(fingerprint__in=[c.fingerprint for c in new]).values_list(
                    "fingerprint", "pk"
                )
            )
            for row in new:
                row.pk = row.id = ids[row.fingerprint]
    links = {
        (row.pk, statements[i].pk)
        for c, row in zip(ex.claims, rows, strict=True)
        for i in c.evidence
        if 0 <= i < len(statements)
    }
    through = Claim.evidence.through
    insert_rows(
        through,
        [through(claim_id=cid, statement_id=sid) for cid, sid in sorted(links)],
        ignore_conflicts=True,
    )
    created["claims"] = len(new)
    kept["claims"] = n_kept
