"""A synthetic knowledge base at scale, for benchmarks and load tests.

`generate_corpus(statements=N, seed=S)` fills the database with actors (people, states,
media, groups), meetings over five decades (participants, day/month/year/approximate/unknown
dates, some ranges), articles, statements and claims (with evidence and review states).
Distributions are skewed the way news is: a few actors say most things (Zipf weights), the
recent decades hold more articles than the 1970s.

Every statement points at real words: an article's text is built by concatenating its
statements' sentences with attribution words ("…," Amara Lind said, Reuters reported.), and
each statement's (start, end) is recorded while the text is built, so
`article.text[start:end] == statement.text` always holds. `content_hash` is the sha256 of the
text, as the loader computes it.

Speed and memory: rows are generated one batch of statements at a time (default 10,000) and
written with PostgreSQL's COPY (one COPY per table per batch) or, on other databases, with
`bulk_create`; nothing but the small actor and meeting pools is held across batches. Ids are
assigned here (after the tables' current maximum) so that a batch's rows can reference one
another without reading anything back; sequences are moved past them at the end. The
generated `search` tsvector columns (migration statements/0002) are computed by PostgreSQL
and never listed in COPY. History tables (django-simple-history) are not filled: generated
rows have no editor history, like freshly imported ones before any edit.

Deterministic: the same `seed` and `statements` give the same rows (ids included, when the
tables start empty); only `created_at`/`updated_at`/`imported_at` carry the time of the run.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import io
import itertools
import json
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import connection, models, transaction
from django.utils import timezone

from actors.models import Actor, ActorKind, Origin
from events.models import Meeting, MeetingKind, ParticipantRole, Participation, Precision
from events.models import period_end as _period_end

from .models import Article, Claim, ReviewStatus, Statement

# --- reference vocabulary (general words, no records copied from any article) ---------------

STATES = [
    "Russia", "China", "Japan", "North Korea", "South Korea", "United States", "France",
    "Germany", "United Kingdom", "India", "Pakistan", "Iran", "Israel", "Turkey", "Egypt",
    "Saudi Arabia", "Brazil", "Mexico", "Canada", "Australia", "Indonesia", "Vietnam",
    "Ukraine", "Poland", "Italy", "Spain", "Nigeria", "South Africa", "Kenya", "Ethiopia",
    "Argentina", "Chile", "Norway", "Sweden", "Finland", "Qatar", "Oman", "Jordan",
    "Switzerland", "Austria", "Singapore", "Malaysia", "Thailand", "Philippines", "Mongolia",
    "Kazakhstan", "Georgia", "Armenia", "Azerbaijan", "Serbia", "Greece", "Cyprus",
    "Colombia", "Venezuela", "Cuba", "Morocco", "Algeria", "Libya", "Sudan", "Iraq",
]  # fmt: skip
CITIES = [
    "Geneva", "Vienna", "Helsinki", "Reykjavik", "Singapore", "Hanoi", "Vladivostok",
    "Beijing", "Seoul", "Tokyo", "Panmunjom", "Camp David", "Oslo", "Doha", "Muscat",
    "Astana", "Minsk", "Istanbul", "Sochi", "Anchorage", "Paris", "Brussels", "New York",
    "Washington", "Moscow", "Cairo", "Riyadh", "Jakarta", "Nairobi", "Addis Ababa",
]  # fmt: skip
MEDIA = [
    "The Associated Press", "Reuters", "Agence France-Presse", "NPR", "BBC", "USA Today",
    "The Washington Post", "The New York Times", "The Japan Times", "Yonhap", "Kyodo",
    "TASS", "Interfax", "Xinhua", "Al Jazeera", "Deutsche Welle", "Le Monde", "El País",
    "The Guardian", "Financial Times", "Bloomberg", "CNN", "NHK", "Russian state TV",
]  # fmt: skip
GROUPS = [
    "analysts", "diplomats", "officials", "negotiators", "observers", "experts",
    "lawmakers", "military officials", "aid workers", "protesters",
]  # fmt: skip
FIRST = [
    "Amara", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Giulia", "Hiroshi", "Ines",
    "Jonas", "Kwame", "Leila", "Mikhail", "Nadia", "Omar", "Park", "Rania", "Sergei",
    "Tomas", "Yuki", "Zara", "Ahmed", "Bianca", "Carlos", "Dae", "Emeka", "Fatima", "Goran",
    "Hana", "Ivan", "Jae", "Katarina", "Lars", "Mei", "Nikolai", "Olga", "Pedro", "Qiang",
    "Rosa", "Sven", "Tariq", "Ulla", "Viktor", "Wen", "Xavier", "Yasmin", "Zoltan",
]  # fmt: skip
LAST = [
    "Lind", "Okafor", "Tanaka", "Petrov", "Moreau", "Haddad", "Rossi", "Sato", "Kovac",
    "Schmidt", "Mensah", "Nasser", "Volkov", "Ibrahim", "Kim", "Lee", "Choi", "Novak",
    "Andersen", "Silva", "Yilmaz", "Chowdhury", "Nguyen", "Wang", "Li", "Zhang", "Ivanova",
    "Kowalski", "Fischer", "Dubois", "Costa", "Mendes", "Herrera", "Kaur", "Singh", "Abe",
    "Suzuki", "Park", "Jung", "Osei", "Bakr", "Rahman", "Farah", "Eriksen", "Horvat",
]  # fmt: skip
TITLES = ["President", "Prime Minister", "Foreign Minister", "Defense Minister",
          "Ambassador", "Envoy", "Spokesperson", "Chancellor", "Secretary of State"]  # fmt: skip
TOPICS = [
    "the nuclear programme", "sanctions relief", "the border dispute", "new trade tariffs",
    "a lasting ceasefire", "security guarantees", "fishing rights", "the gas pipeline",
    "climate finance", "a prisoner exchange", "the peace plan", "humanitarian corridors",
    "missile tests", "the grain deal", "visa rules", "debt restructuring", "arms control",
    "the disputed islands", "joint military exercises", "refugee returns", "energy prices",
    "the port agreement", "cyber attacks", "denuclearization", "troop withdrawals",
]  # fmt: skip
DIRECT = [
    "We are ready to discuss {t}", "We will never accept {t}", "There is no alternative to {t}",
    "Our position on {t} has not changed", "We have made real progress on {t}",
    "Nobody should doubt our commitment to {t}", "The talks on {t} were candid and useful",
    "It is too early to speak about {t}", "We expect concrete steps on {t}",
    "The door remains open on {t}",
]  # fmt: skip
INDIRECT = [
    "the talks on {t} had made progress", "{s} would not give up on {t}",
    "a deal on {t} was within reach", "the other side had broken its promises on {t}",
    "{s} was willing to discuss {t}", "more time was needed to settle {t}",
    "{s} had rejected the latest proposal on {t}", "the meeting on {t} had been postponed",
]  # fmt: skip
CONDITIONS = ["if given security guarantees", "if sanctions are lifted",
              "once the troops withdraw", "provided the talks resume"]  # fmt: skip
FILLER = [
    "The talks took place behind closed doors in {p}.",
    "Officials from both delegations declined to comment further.",
    "No joint statement was issued after the meeting.",
    "The two sides last met several months ago.",
    "Security was tight around the venue in {p}.",
    "The meeting lasted longer than originally planned.",
    "Observers said the atmosphere had been tense at times.",
    "A signing ceremony planned for the afternoon was cancelled.",
]  # fmt: skip
SAID = ["said", "told reporters", "said in a statement", "said on state television", "added"]
MEETING_WORDS = {
    MeetingKind.SUMMIT: "summit",
    MeetingKind.BILATERAL: "talks",
    MeetingKind.MULTILATERAL: "conference",
    MeetingKind.VISIT: "visit",
    MeetingKind.CALL: "phone call",
    MeetingKind.NEGOTIATION: "negotiation round",
    MeetingKind.SERIES: "talks series",
    MeetingKind.OTHER: "meeting",
}
REVIEW_MIX = [  # (status, weight): most claims are never reviewed
    (ReviewStatus.UNREVIEWED, 70),
    (ReviewStatus.CONFIRMED, 18),
    (ReviewStatus.DISPUTED, 8),
    (ReviewStatus.RETRACTED, 4),
]
FIRST_YEAR, LAST_YEAR = 1975, 2025
ZIPF_EXPONENT = 1.1


@dataclass
class CorpusResult:
    counts: dict[str, int] = field(default_factory=dict)
    batches: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        parts = ", ".join(f"{n:,} {name}" for name, n in self.counts.items())
        rate = self.counts.get("statements", 0) / self.seconds if self.seconds else 0
        return f"{parts} in {self.seconds:.1f}s ({rate:,.0f} statements/s, {self.batches} batches)"


# --- writing rows ---------------------------------------------------------------------------


class RowWriter:
    """Writes rows (dicts keyed by field attname) of one model at a time: COPY on
    PostgreSQL, `bulk_create` elsewhere. Missing keys take the field's default."""

    def __init__(self, now: dt.datetime) -> None:
        self.copy = connection.vendor == "postgresql"
        self.now = now
        self._specs: dict[type[models.Model], list[tuple[str, str, object]]] = {}

    def _spec(self, model: type[models.Model]) -> list[tuple[str, str, object]]:
        if model not in self._specs:
            spec = []
            for f in model._meta.concrete_fields:
                if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                    default: object = self.now
                elif f.has_default():
                    default = f.get_default()
                else:
                    default = None
                spec.append((f.attname, f.column, default))
            self._specs[model] = spec
        return self._specs[model]

    def write(self, model: type[models.Model], rows: list[dict]) -> int:
        if not rows:
            return 0
        spec = self._spec(model)
        if not self.copy:
            objs = [model(**{a: row.get(a, d) for a, _, d in spec}) for row in rows]
            model.objects.bulk_create(objs, batch_size=500)
            return len(rows)
        buf = io.StringIO()
        out = buf.write
        for row in rows:
            out("\t".join(_copy_value(row.get(a, d)) for a, _, d in spec))
            out("\n")
        buf.seek(0)
        table = model._meta.db_table
        columns = ", ".join(f'"{c}"' for _, c, _ in spec)
        sql = f'COPY "{table}" ({columns}) FROM STDIN'
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(sql, buf)
        # COPY bypasses Django's cursor wrapper; record it so that query counts see it.
        if connection.queries_logged:
            connection.queries_log.append(
                {"sql": sql, "time": f"{time.perf_counter() - started:.3f}"}
            )
        return len(rows)


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_value(value: object) -> str:
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):  # dates and datetimes
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value).translate(_ESCAPES)
    return str(value).translate(_ESCAPES)


def _next_id(model: type[models.Model]) -> int:
    return (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1


def _reset_sequences(models_: Iterable[type[models.Model]]) -> None:
    if connection.vendor != "postgresql":
        return  # SQLite's autoincrement follows the largest id by itself
    with connection.cursor() as cursor:
        for model in models_:
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f'COALESCE((SELECT MAX(id) FROM "{table}"), 1))'
            )


# --- the generator --------------------------------------------------------------------------


class Zipf:
    """Draws from `items` with weight 1/rank^s: the first few items get most draws."""

    def __init__(self, items: Sequence, exponent: float = ZIPF_EXPONENT) -> None:
        self.items = list(items)
        weights = [1.0 / (rank**exponent) for rank in range(1, len(self.items) + 1)]
        self.cum = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random):
        return self.items[bisect.bisect_left(self.cum, rng.random() * self.cum[-1])]


def _slugify(text: str) -> str:
    out = []
    for ch in text.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


@dataclass
class _Actor:
    id: int
    name: str
    slug: str
    kind: str


@dataclass
class _Meeting:
    id: int
    title: str
    date: dt.date | None
    place: str
    participants: list[_Actor]


class CorpusGenerator:
    def __init__(self, *, statements: int, seed: int = 1, batch: int = 10_000) -> None:
        if statements < 0:
            raise ValueError("statements must be >= 0")
        self.n_statements = statements
        self.seed = seed
        self.batch = max(1, batch)
        self.rng = random.Random(seed)
        self.now = timezone.now()
        self.writer = RowWriter(self.now)
        self.result = CorpusResult(counts={})

    # sizes grow with the corpus, with floors so that a small corpus is still varied
    @property
    def n_people(self) -> int:
        return max(40, self.n_statements // 250)

    @property
    def n_meetings(self) -> int:
        return max(60, self.n_statements // 60)

    def run(self, progress: Callable[[str], None] | None = None) -> CorpusResult:
        started = time.perf_counter()
        with transaction.atomic():
            self._make_pools()
        done = 0
        while done < self.n_statements:
            size = min(self.batch, self.n_statements - done)
            with transaction.atomic():
                self._write_batch(size)
            done += size
            self.result.batches += 1
            if progress:
                elapsed = time.perf_counter() - started
                progress(f"{done:,}/{self.n_statements:,} statements, {elapsed:.0f}s")
        through = [Article.authors.through, Claim.evidence.through]
        _reset_sequences([Actor, Meeting, Participation, Article, Statement, Claim, *through])
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.result.seconds = time.perf_counter() - started
        return self.result

    def _count(self, name: str, n: int) -> None:
        self.result.counts[name] = self.result.counts.get(name, 0) + n

    # --- pools: actors, meetings, the reviewer ---------------------------------------------

    def _make_pools(self) -> None:
        rng = self.rng
        actor_id = _next_id(Actor)
        rows: list[dict] = []

        def add(name: str, kind: str, country: _Actor | None = None, description: str = ""):
            nonlocal actor_id
            actor = _Actor(actor_id, name, f"{_slugify(name)}-{actor_id}", kind)
            rows.append(
                {
                    "id": actor.id,
                    "name": name,
                    "name_key": name.casefold(),
                    "slug": actor.slug,
                    "kind": kind,
                    "country_id": country.id if country else None,
                    "description": description,
                }
            )
            actor_id += 1
            return actor

        self.states = [add(name, ActorKind.STATE) for name in STATES]
        self.media = [add(name, ActorKind.MEDIA) for name in MEDIA]
        self.groups = [add(name.capitalize(), ActorKind.GROUP) for name in GROUPS]
        people = []
        for _ in range(self.n_people):
            country = rng.choice(self.states)
            title = rng.choice(TITLES)
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            people.append(add(name, ActorKind.PERSON, country, f"{title} of {country.name}"))
        self.journalists = [
            add(f"{rng.choice(FIRST)} {rng.choice(LAST)}", ActorKind.PERSON)
            for _ in range(max(10, self.n_people // 20))
        ]
        self._count("actors", self.writer.write(Actor, rows))

        # Speakers: mostly people, some states (a ministry speaking for it) and groups
        # ("analysts said"), ranked in a shuffled order and drawn with Zipf weights.
        speakers = people + self.states[:20] + self.groups
        rng.shuffle(speakers)
        self.speakers = Zipf(speakers)
        self.subjects = Zipf(self.states + people[:200])
        self.outlets = Zipf(self.media, exponent=0.8)

        meeting_rows, participation_rows = [], []
        meeting_id, participation_id = _next_id(Meeting), _next_id(Participation)
        self.meetings: list[_Meeting] = []
        kinds = list(MEETING_WORDS)
        for _ in range(self.n_meetings):
            kind = rng.choice(kinds)
            a, b = rng.sample(self.states, 2)
            topic = rng.choice(TOPICS)
            place = rng.choice(CITIES)
            start, precision, approximate = self._fuzzy_date(rng, _year(rng))
            end, end_precision = None, Precision.DAY
            if start is not None and (kind == MeetingKind.SERIES or rng.random() < 0.03):
                end = start + dt.timedelta(days=rng.randint(1, 2000))
                end_precision = rng.choice([Precision.DAY, Precision.MONTH, Precision.YEAR])
                end = _first_of_period(end, end_precision)
                if end < start:
                    end = None
            year = f" ({start.year})" if start else ""
            title = f"{a.name}–{b.name} {MEETING_WORDS[kind]} on {topic} in {place}{year}"
            last_day = (
                _period_end(end, end_precision)
                if end
                else (_period_end(start, precision) if start else None)
            )
            meeting_rows.append(
                {
                    "id": meeting_id,
                    "title": title,
                    "slug": f"{_slugify(title)[:280]}-{meeting_id}",
                    "kind": kind,
                    "place": f"{place}",
                    "start_date": start,
                    "start_precision": precision,
                    "end_date": end,
                    "end_precision": end_precision,
                    "date_approximate": approximate,
                    "last_day": last_day,
                    "outcomes": ["no major agreements"] if rng.random() < 0.2 else [],
                    "mentioned_only": rng.random() < 0.1,
                }
            )
            participants = [a, b] + [
                self.speakers.draw(rng) for _ in range(rng.choice([0, 0, 1, 2, 3]))
            ]
            seen: set[int] = set()
            unique = [p for p in participants if not (p.id in seen or seen.add(p.id))]
            for n, actor in enumerate(unique):
                role = ParticipantRole.HOST if n == 0 else ParticipantRole.GUEST
                if n > 1:
                    role = ParticipantRole.PARTICIPANT
                participation_rows.append(
                    {
                        "id": participation_id,
                        "meeting_id": meeting_id,
                        "actor_id": actor.id,
                        "role": role,
                    }
                )
                participation_id += 1
            self.meetings.append(_Meeting(meeting_id, title, start, place, unique))
            meeting_id += 1
        self._count("meetings", self.writer.write(Meeting, meeting_rows))
        self._count("participations", self.writer.write(Participation, participation_rows))
        # dated meetings in time order, to pick the meeting an article is about
        self.dated = sorted((m for m in self.meetings if m.date), key=lambda m: m.date)
        self.dated_keys = [m.date for m in self.dated]

        user_model = get_user_model()
        self.reviewer, _ = user_model.objects.get_or_create(
            username="corpus-reviewer", defaults={"is_staff": True}
        )
        self.ids = {
            "article": _next_id(Article),
            "author": _next_id(Article.authors.through),
            "statement": _next_id(Statement),
            "claim": _next_id(Claim),
            "evidence": _next_id(Claim.evidence.through),
        }

    def _fuzzy_date(self, rng: random.Random, year: int) -> tuple[dt.date | None, str, bool]:
        """A date with the precision mix of real reporting: mostly days, some months and
        years, a few approximate, a few unknown."""
        r = rng.random()
        day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        if r < 0.70:
            return day, Precision.DAY, False
        if r < 0.84:
            return day.replace(day=1), Precision.MONTH, False
        if r < 0.92:
            return day.replace(month=1, day=1), Precision.YEAR, False
        if r < 0.97:
            return day.replace(day=1), Precision.MONTH, True
        return None, Precision.DAY, False

    # --- one batch of articles, statements and claims ---------------------------------------

    def _write_batch(self, size: int) -> None:
        rng, ids = self.rng, self.ids
        articles, authors, statements, claims, evidence = [], [], [], [], []
        made = 0
        while made < size:
            per_article = min(size - made, rng.randint(4, 16))
            article, rows = self._article(rng, per_article)
            articles.append(article)
            statements.extend(rows)
            made += len(rows)
            if rng.random() < 0.6:
                authors.append(
                    {
                        "id": ids["author"],
                        "article_id": article["id"],
                        "actor_id": rng.choice(self.journalists).id,
                    }
                )
                ids["author"] += 1
            for row in rows:
                if rng.random() >= 0.2:
                    continue
                claim = self._claim(rng, row)
                claims.append(claim)
                evidence.append(
                    {"id": ids["evidence"], "claim_id": claim["id"], "statement_id": row["id"]}
                )
                ids["evidence"] += 1
                if rng.random() < 0.2:  # a second statement of the article backs it too
                    other = rng.choice(rows)
                    if other is not row:
                        evidence.append(
                            {
                                "id": ids["evidence"],
                                "claim_id": claim["id"],
                                "statement_id": other["id"],
                            }
                        )
                        ids["evidence"] += 1
        w = self.writer
        self._count("articles", w.write(Article, articles))
        self._count("article authors", w.write(Article.authors.through, authors))
        self._count("statements", w.write(Statement, statements))
        self._count("claims", w.write(Claim, claims))
        self._count("evidence links", w.write(Claim.evidence.through, evidence))

    def _article(self, rng: random.Random, n: int) -> tuple[dict, list[dict]]:
        ids = self.ids
        article_id = ids["article"]
        ids["article"] += 1
        meeting: _Meeting | None = None
        if self.dated and rng.random() < 0.5:
            # about a meeting: published within days of it
            year = _year(rng)
            i = bisect.bisect_left(self.dated_keys, dt.date(year, 1, 1))
            meeting = self.dated[min(i + rng.randrange(3), len(self.dated) - 1)]
            assert meeting.date is not None
            published = meeting.date + dt.timedelta(days=rng.randint(0, 3))
        else:
            published = dt.date(_year(rng), 1, 1) + dt.timedelta(days=rng.randrange(365))
        publisher = self.outlets.draw(rng)
        place = meeting.place if meeting else rng.choice(CITIES)
        cast = [self.speakers.draw(rng) for _ in range(rng.randint(1, 4))]
        if meeting:
            cast += [p for p in meeting.participants if p.kind == ActorKind.PERSON][:2]
        topic = rng.choice(TOPICS)
        headline = (
            f"{cast[0].name} says {rng.choice(['talks', 'progress', 'deal', 'dispute'])} "
            f"on {topic} {rng.choice(['continues', 'stalls', 'is near', 'is in doubt'])}"
        )
        if meeting:
            headline += f" after {meeting.title.split(' (')[0]}"
        parts: list[str] = [headline, "\n\n", f"{place}, {published:%B} {published.day}, "]
        parts.append(f"{published.year} ({publisher.name})\n\n")
        length = sum(len(p) for p in parts)
        body_start = length
        rows: list[dict] = []
        previous_speaker: _Actor | None = None
        for k in range(n):
            speaker = rng.choice(cast)
            t = rng.choice(TOPICS) if rng.random() < 0.3 else topic
            direct = rng.random() < 0.6
            via = self.outlets.draw(rng) if rng.random() < 0.15 else None
            said = rng.choice(SAID)
            name = "he" if speaker is previous_speaker and speaker.kind == "person" else None
            who = name or speaker.name
            if direct:
                words = rng.choice(DIRECT).format(t=t)
                if rng.random() < 0.2:
                    words += f" {rng.choice(CONDITIONS)}"
                lead = '"'
                tail = f'," {who} {said}'
            else:
                words = rng.choice(INDIRECT).format(t=t, s=rng.choice(self.states).name)
                lead = f"{who[0].upper()}{who[1:]} {said} that "
                tail = ""
            tail += f", {via.name} reported." if via else "."
            start = length + len(lead)
            end = start + len(words)
            sentence = lead + words + tail
            if k and rng.random() < 0.35:
                filler = rng.choice(FILLER).format(p=place)
                parts.append(filler + " ")
                length += len(filler) + 1
                start += len(filler) + 1
                end += len(filler) + 1
            parts.append(sentence)
            length += len(sentence)
            sep = "\n\n" if rng.random() < 0.4 else " "
            parts.append(sep)
            length += len(sep)
            date, precision, approximate = self._statement_date(rng, published)
            at_meeting = meeting if meeting and rng.random() < 0.6 else None
            if at_meeting is None and rng.random() < 0.05:
                at_meeting = rng.choice(self.meetings)  # an earlier meeting recalled
            rows.append(
                {
                    "id": self.ids["statement"],
                    "article_id": article_id,
                    "start": start,
                    "end": end,
                    "text": words,
                    "speaker_id": speaker.id,
                    "direct": direct,
                    "reported_via_id": via.id if via else None,
                    "meeting_id": at_meeting.id if at_meeting else None,
                    "date": date,
                    "date_precision": precision,
                    "date_approximate": approximate,
                    "confidence": round(0.5 + rng.random() / 2, 3),
                }
            )
            self.ids["statement"] += 1
            previous_speaker = speaker
        ref = f"Ref. {publisher.slug.rsplit('-', 1)[0].upper()[:6]}-{self.seed}-{article_id}\n"
        parts.append("\n" + ref)
        length += 1 + len(ref)
        body_end = length - len(ref)
        text = "".join(parts)
        content_hash = hashlib.sha256(text.encode()).hexdigest()
        published_at = dt.datetime.combine(
            published, dt.time(rng.randrange(24), rng.randrange(60)), tzinfo=dt.UTC
        )
        article = {
            "id": article_id,
            "slug": f"{_slugify(headline)[:100]}-{content_hash[:8]}",
            "title": headline,
            "text": text,
            "content_hash": content_hash,
            "publisher_id": publisher.id,
            "published_at": published_at,
            "published_tz": "UTC",
            "url": f"https://news.example.org/{publisher.slug}/{article_id}",
            "body_start": body_start,
            "body_end": body_end,
            "source_name": f"corpus-{self.seed}-{article_id}.txt",
            "encoding": "utf-8",
            "imported_at": self.now,
            "updated_at": self.now,
        }
        return article, rows

    def _statement_date(self, rng: random.Random, published: dt.date):
        r = rng.random()
        if r < 0.75:
            return published - dt.timedelta(days=rng.choice([0, 0, 0, 1, 2])), Precision.DAY, False
        if r < 0.85:
            return published.replace(day=1), Precision.MONTH, rng.random() < 0.3
        if r < 0.90:
            return published.replace(month=1, day=1), Precision.YEAR, False
        if r < 0.95:
            return published - dt.timedelta(days=rng.randint(30, 90)), Precision.DAY, True
        return None, Precision.DAY, False

    def _claim(self, rng: random.Random, statement: dict) -> dict:
        claim_id = self.ids["claim"]
        self.ids["claim"] += 1
        subject = self.subjects.draw(rng) if rng.random() < 0.9 else None
        status = rng.choices([s for s, _ in REVIEW_MIX], weights=[w for _, w in REVIEW_MIX])[0]
        reviewed = status != ReviewStatus.UNREVIEWED
        words = statement["text"]
        condition = ""
        for cond in CONDITIONS:
            if words.endswith(cond):
                words, condition = words[: -len(cond)].rstrip(), cond
        proposition = f"{subject.name if subject else 'It'} — {words[0].lower()}{words[1:]}"
        return {
            "id": claim_id,
            "claimant_id": statement["speaker_id"],
            "subject_id": subject.id if subject else None,
            "text": proposition,
            "condition": condition,
            "reported_via_id": statement["reported_via_id"],
            "fingerprint": hashlib.sha256(f"corpus|{self.seed}|{claim_id}".encode()).hexdigest(),
            "status": status,
            "reviewed_by_id": self.reviewer.pk if reviewed else None,
            "reviewed_at": self.now if reviewed else None,
            "review_note": "Checked against the source." if reviewed else "",
            "confidence": round(0.4 + rng.random() * 0.6, 3),
            "origin": Origin.CORRECTED if reviewed and rng.random() < 0.3 else Origin.EXTRACTED,
        }


def _year(rng: random.Random) -> int:
    """A year between 1975 and 2025, recent years more likely (more news is recent)."""
    span = LAST_YEAR - FIRST_YEAR
    return FIRST_YEAR + int(span * (rng.random() ** 0.6))


def _first_of_period(value: dt.date, precision: str) -> dt.date:
    if precision == Precision.YEAR:
        return value.replace(month=1, day=1)
    if precision == Precision.MONTH:
        return value.replace(day=1)
    return value


def generate_corpus(
    *,
    statements: int,
    seed: int = 1,
    batch: int = 10_000,
    progress: Callable[[str], None] | None = None,
) -> CorpusResult:
    """Fill the database with `statements` synthetic statements and everything around them."""
    return CorpusGenerator(statements=statements, seed=seed, batch=batch).run(progress)


# --- plain article files for import benchmarks ----------------------------------------------


def article_files(count: int, seed: int = 1) -> Iterable[tuple[str, str]]:
    """(file name, text) of `count` plausible news articles in the raw form the importer
    reads (headline, dateline, byline, paragraphs with quotes and reported speech)."""
    rng = random.Random(seed)
    people = [f"{rng.choice(TITLES)} {rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(200)]
    for n in range(count):
        state_a, state_b = rng.sample(STATES, 2)
        a, b = rng.sample(people, 2)
        topic = rng.choice(TOPICS)
        place = rng.choice(CITIES)
        day = dt.date(_year(rng), 1, 1) + dt.timedelta(days=rng.randrange(365))
        outlet = rng.choice(MEDIA)
        lines = [
            f"{state_a} and {state_b} discuss {topic} in {place}",
            "",
            f"{day:%B} {day.day}, {day.year} {rng.randrange(1, 12)}:{rng.randrange(60):02d} AM ET",
            f"By {rng.choice(FIRST)} {rng.choice(LAST)}",
            "",
        ]
        for _ in range(rng.randint(4, 9)):
            speaker = rng.choice([a, b])
            short = speaker.split()[-1]
            t = rng.choice(TOPICS)
            sentences = [
                f'"{rng.choice(DIRECT).format(t=t)}," {speaker} said.',
                f"{short} said that {rng.choice(INDIRECT).format(t=t, s=state_a)}, {outlet} reported.",
                rng.choice(FILLER).format(p=place),
            ]
            rng.shuffle(sentences)
            lines.append(" ".join(sentences))
            lines.append("")
        yield f"{n:04d}_{_slugify(state_a)}_{_slugify(topic)[:30]}.txt", "\n".join(lines)
