"""Backups of the curated knowledge base: `export_kb` writes it to a versioned JSON file and
`import_kb` restores such a file into an empty database (of either engine).

The file::

    {"format": "parley-kb", "version": 1, "exported_at": "2019-04-25T11:37:00+00:00",
     "counts": {"actors": 2, ...},
     "data": {
       "actors": [
         {"slug": "vladimir-putin", "name": "Vladimir Putin", "country": "russia", ...},
         ...
       ],
       ...
     }}

one record per line, written as it is read (`.values().iterator()`: memory stays bounded
however large the knowledge base). Rows refer to one another by natural keys, never by raw
ids, so that the file loads into a database whose ids differ:

- an actor or a meeting by its slug, an article by its slug, a claim by its fingerprint,
  a user by username;
- a statement by ``[article slug, start, end]``;
- an object that no longer exists (a merged actor, a deleted statement — still named by
  its history rows) by ``{"deleted": n}``, n numbering such objects in the order the
  file first meets them. The import gives each a fresh id above every live one and moves
  the table's id sequence past it, so no new object can ever take it over.

History rows (django-simple-history) keep their own ``history_id``; every other id is new
after an import. Reviewers, mergers and history users are matched by username; a username
the target database lacks gets an inactive placeholder account with no usable password
(listed in the import's result) so that "who reviewed this" is never lost.

The import runs in one transaction: a file that is not JSON, of an unknown format or
version, inconsistent with itself, or a target database that already holds knowledge-base
rows, leaves the database exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.db import connection, models, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from actors.models import Actor, ActorMerge, Alias, Role
from events.models import Meeting, MeetingRelation, Participation

from .models import ActorMention, Article, Claim, MeetingMention, Statement

FORMAT = "parley-kb"
VERSION = 1
BATCH_SIZE = 1000


class BackupError(Exception):
    """A backup that cannot be written or restored; the message says why."""


# --- the format -----------------------------------------------------------------------


@dataclass(frozen=True)
class RefKind:
    """How rows of one model are named in the file."""

    model: Callable[[], type[models.Model]]
    paths: tuple[str, ...]  # the natural key's lookups, relative to the model
    deletable: bool = False  # may be named as {"deleted": n} once it no longer exists

    def key(self, parts: tuple[Any, ...]) -> Any:
        return parts[0] if len(parts) == 1 else list(parts)


REF_KINDS: dict[str, RefKind] = {
    "actor": RefKind(lambda: Actor, ("slug",), deletable=True),
    "meeting": RefKind(lambda: Meeting, ("slug",), deletable=True),
    "article": RefKind(lambda: Article, ("slug",)),
    "statement": RefKind(lambda: Statement, ("article__slug", "start", "end"), deletable=True),
    "claim": RefKind(lambda: Claim, ("fingerprint",), deletable=True),
    "user": RefKind(get_user_model, ("username",)),
}


def _kind_of(model: type[models.Model]) -> str:
    for name, kind in REF_KINDS.items():
        if kind.model() is model:
            return name
    raise BackupError(f"No natural key is defined for {model.__name__}.")


@dataclass(frozen=True)
class Column:
    """One key of a record: a plain field copied as is, a foreign key written as the
    natural key of its target ("fk"), or an integer id column written the same way ("id")."""

    name: str
    field: str
    kind: str | None = None
    via: str | None = None  # "fk" | "id"


@dataclass(frozen=True)
class Section:
    name: str
    model: Callable[[], type[models.Model]]
    columns: tuple[Column, ...]
    # fields recomputed on import rather than stored (name_key, last_day)
    derived: tuple[str, ...] = ()
    # the natural key this section's rows are found by later in the file
    key_kind: str | None = None


def _plain(*names: str) -> tuple[Column, ...]:
    return tuple(Column(n, n) for n in names)


def _fk(name: str, kind: str) -> Column:
    return Column(name, name, kind, "fk")


CURATED = ("origin", "version", "created_at", "updated_at")

LIVE_SECTIONS: tuple[Section, ...] = (
    Section(
        "actors",
        lambda: Actor,
        (
            *_plain("slug", "name", "kind", "wikidata_id", "description"),
            _fk("country", "actor"),
            *_plain(*CURATED),
        ),
        derived=("name_key",),
        key_kind="actor",
    ),
    Section("aliases", lambda: Alias, (_fk("actor", "actor"), *_plain("name", "origin")), ("key",)),
    Section(
        "roles",
        lambda: Role,
        (
            _fk("actor", "actor"),
            *_plain("title"),
            _fk("organization", "actor"),
            *_plain("start_date", "end_date", "origin"),
        ),
    ),
    Section(
        "actor_merges",
        lambda: ActorMerge,
        (
            _fk("kept", "actor"),
            Column("merged", "merged_id", "actor", "id"),
            *_plain("merged_name", "merged_slug", "moved"),
            _fk("merged_by", "user"),
            *_plain("merged_at", "note"),
        ),
    ),
    Section(
        "meetings",
        lambda: Meeting,
        (
            *_plain(
                "slug",
                "title",
                "kind",
                "place",
                "start_date",
                "start_precision",
                "end_date",
                "end_precision",
                "date_approximate",
                "outcomes",
                "mentioned_only",
                "confidence",
                "cameo_code",
                *CURATED,
            ),
        ),
        derived=("last_day",),
        key_kind="meeting",
    ),
    Section(
        "participations",
        lambda: Participation,
        (_fk("meeting", "meeting"), _fk("actor", "actor"), *_plain("role", "origin")),
    ),
    Section(
        "meeting_relations",
        lambda: MeetingRelation,
        (_fk("source", "meeting"), _fk("target", "meeting"), *_plain("kind")),
    ),
    Section(
        "articles",
        lambda: Article,
        (
            *_plain("slug", "title", "content_hash", "text"),
            _fk("publisher", "actor"),
            *_plain(
                "byline",
                "published_at",
                "published_tz",
                "url",
                "body_start",
                "body_end",
                "boilerplate",
                "source_name",
                "encoding",
                "warnings",
                "imported_at",
                "updated_at",
            ),
        ),
        key_kind="article",
    ),
    Section(
        "article_authors",
        lambda: Article.authors.through,
        (_fk("article", "article"), _fk("actor", "actor")),
    ),
    Section(
        "actor_mentions",
        lambda: ActorMention,
        (
            _fk("article", "article"),
            *_plain("start", "end"),
            _fk("actor", "actor"),
            *_plain("text"),
        ),
    ),
    Section(
        "meeting_mentions",
        lambda: MeetingMention,
        (_fk("article", "article"), *_plain("start", "end"), _fk("meeting", "meeting")),
    ),
    Section(
        "statements",
        lambda: Statement,
        (
            _fk("article", "article"),
            *_plain("start", "end", "text"),
            _fk("speaker", "actor"),
            *_plain("direct"),
            _fk("reported_via", "actor"),
            _fk("meeting", "meeting"),
            *_plain(
                "date",
                "date_precision",
                "date_approximate",
                "utterance",
                "part",
                "cue_start",
                "cue_end",
                "confidence",
                "cameo_code",
                *CURATED,
            ),
        ),
        key_kind="statement",
    ),
    Section(
        "claims",
        lambda: Claim,
        (
            *_plain("fingerprint"),
            _fk("claimant", "actor"),
            _fk("subject", "actor"),
            *_plain("text", "condition"),
            _fk("reported_via", "actor"),
            *_plain("status"),
            _fk("reviewed_by", "user"),
            *_plain("reviewed_at", "review_note", "confidence", *CURATED),
        ),
        key_kind="claim",
    ),
    Section(
        "claim_evidence",
        lambda: Claim.evidence.through,
        (_fk("claim", "claim"), _fk("statement", "statement")),
    ),
)

HISTORY_MODELS: tuple[tuple[str, Callable[[], type[models.Model]]], ...] = (
    ("history_actors", lambda: Actor),
    ("history_meetings", lambda: Meeting),
    ("history_statements", lambda: Statement),
    ("history_claims", lambda: Claim),
)


def _history_section(name: str, tracked: Callable[[], type[models.Model]]) -> Section:
    """A historical model's columns, derived from its fields: the tracked object is `object`,
    foreign keys (including `history_user`) are natural keys, the rest is copied."""

    def model() -> type[models.Model]:
        return tracked().history.model

    columns: list[Column] = []
    first = ("history_id", "history_date", "history_type", "history_user", "history_change_reason")
    fields = sorted(
        model()._meta.concrete_fields,
        key=lambda f: first.index(f.name) if f.name in first else len(first),
    )
    for f in fields:
        if f.name == "id":
            columns.append(Column("object", "id", _kind_of(tracked()), "id"))
        elif f.is_relation:
            columns.append(_fk(f.name, _kind_of(f.related_model)))
        else:
            columns.append(Column(f.name, f.name))
    return Section(name, model, tuple(columns))


def sections() -> tuple[Section, ...]:
    """Every section in file order: a row's references are to rows of earlier sections."""
    return LIVE_SECTIONS + tuple(_history_section(n, m) for n, m in HISTORY_MODELS)


def kb_models() -> list[type[models.Model]]:
    """The tables a backup covers (an import needs every one of them empty)."""
    return [s.model() for s in sections()]


# --- export ---------------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


class _ExportRefs:
    """Numbers the no-longer-existing objects the file names, in the order it meets them."""

    def __init__(self) -> None:
        self.deleted: dict[str, dict[int, int]] = {k: {} for k in REF_KINDS}

    def encode(self, kind: str, raw_id: int | None, parts: tuple[Any, ...]) -> Any:
        if raw_id is None:
            return None
        if parts[0] is not None:
            return REF_KINDS[kind].key(parts)
        if not REF_KINDS[kind].deletable:
            return None  # a user or an article that is gone: nothing left to name
        numbers = self.deleted[kind]
        return {"deleted": numbers.setdefault(raw_id, len(numbers) + 1)}


def _section_rows(section: Section, refs: _ExportRefs) -> Iterator[dict[str, Any]]:
    """The section's records in primary-key order (an import inserts them in file order,
    so a re-export of the restored database lists them in the same order)."""
    model = section.model()
    qs = model._base_manager.order_by("pk")
    names: list[str] = []
    annotations: dict[str, Any] = {}
    for col in section.columns:
        if col.via is None:
            names.append(col.field)
            continue
        paths = REF_KINDS[col.kind].paths
        if col.via == "fk":
            names.append(model._meta.get_field(col.field).attname)
            names.extend(f"{col.field}__{p}" for p in paths)
        else:  # an integer id: look its natural key up in the live table
            names.append(col.field)
            target = REF_KINDS[col.kind].model()
            for i, path in enumerate(paths):
                annotations[f"_{col.name}_{i}"] = Subquery(
                    target._base_manager.filter(pk=OuterRef(col.field)).values(path)[:1]
                )
    if annotations:
        qs = qs.annotate(**annotations)
        names.extend(annotations)
    for row in qs.values(*names).iterator(chunk_size=BATCH_SIZE):
        record: dict[str, Any] = {}
        for col in section.columns:
            if col.via is None:
                record[col.name] = row[col.field]
                continue
            paths = REF_KINDS[col.kind].paths
            if col.via == "fk":
                raw = row[model._meta.get_field(col.field).attname]
                parts = tuple(row[f"{col.field}__{p}"] for p in paths)
            else:
                raw = row[col.field]
                parts = tuple(row[f"_{col.name}_{i}"] for i in range(len(paths)))
            record[col.name] = refs.encode(col.kind, raw, parts)
        yield record


@dataclass
class ExportResult:
    counts: dict[str, int]
    exported_at: str


def export_kb(out: IO[str]) -> ExportResult:
    """Write the whole knowledge base to `out`, record by record, from one consistent
    snapshot of the database."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            # One snapshot for every query, so the counts and the rows agree.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        all_sections = sections()
        counts = {s.name: s.model()._base_manager.count() for s in all_sections}
        exported_at = timezone.now().isoformat()
        out.write(
            f'{{"format": {_dumps(FORMAT)}, "version": {VERSION}, '
            f'"exported_at": {_dumps(exported_at)},\n"counts": {_dumps(counts)},\n"data": {{'
        )
        refs = _ExportRefs()
        for n, section in enumerate(all_sections):
            out.write(f"{',' if n else ''}\n{_dumps(section.name)}: [")
            written = 0
            for record in _section_rows(section, refs):
                out.write(f"{',' if written else ''}\n{_dumps(record)}")
                written += 1
            out.write("\n]" if written else "]")
            if written != counts[section.name]:
                raise BackupError(
                    f"{section.name}: counted {counts[section.name]}, wrote {written}."
                )
        out.write("\n}}\n")
    return ExportResult(counts, exported_at)


def export_kb_to_path(path: Path) -> ExportResult:
    """Write to `path` through a temporary file beside it, renamed into place only when
    complete: a crash mid-export never leaves a truncated backup under the final name.
    A name ending in .gz is gzip-compressed."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as raw:
            binary: IO[bytes] = gzip.GzipFile(fileobj=raw, mode="wb") if _gz(path) else raw
            with io.TextIOWrapper(binary, encoding="utf-8", newline="\n") as text:
                result = export_kb(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return result


def _gz(path: Path) -> bool:
    return path.suffix == ".gz"


# --- reading the file -----------------------------------------------------------------


class _Reader:
    """A streaming reader for the file's layout: the top-level object's small members are
    decoded whole, `data`'s arrays one record at a time, whatever the whitespace."""

    CHUNK = 1 << 16

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.buf = ""
        self.pos = 0
        self.consumed = 0  # characters dropped from the front of buf
        self.eof = False
        self.decoder = json.JSONDecoder()

    def _fill(self) -> bool:
        if self.eof:
            return False
        try:
            chunk = self.stream.read(self.CHUNK)
        except UnicodeDecodeError as exc:
            raise BackupError(f"The file is not UTF-8 text ({exc.reason}).") from exc
        except (OSError, EOFError) as exc:  # a damaged gzip stream
            raise BackupError(f"The file cannot be read: {exc}.") from exc
        if not chunk:
            self.eof = True
            return False
        if self.pos > self.CHUNK:
            self.consumed += self.pos
            self.buf = self.buf[self.pos :]
            self.pos = 0
        self.buf += chunk
        return True

    def _error(self, what: str) -> BackupError:
        return BackupError(
            f"The file is not valid JSON: {what} at character {self.consumed + self.pos}."
        )

    def peek(self) -> str:
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf) or not self._fill():
                return self.buf[self.pos] if self.pos < len(self.buf) else ""

    def expect(self, char: str) -> None:
        found = self.peek()
        if found != char:
            raise self._error(f"expected {char!r}, found {found or 'the end of the file'!r}")
        self.pos += 1

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if self._fill():
                    continue
                raise self._error(exc.msg) from None
            if end == len(self.buf) and self._fill():
                continue  # a number may go on in the next chunk
            self.pos = end
            return value

    def members(self) -> Iterator[str]:
        """The keys of an object, leaving the reader at each member's value."""
        self.expect("{")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            key = self.value()
            if not isinstance(key, str):
                raise self._error("expected a member name")
            self.expect(":")
            yield key
            if self.peek() == ",":
                self.pos += 1
                continue
            self.expect("}")
            return

    def items(self) -> Iterator[Any]:
        self.expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            if self.peek() == ",":
                self.pos += 1
                continue
            self.expect("]")
            return

    def end(self) -> None:
        if self.peek() != "":
            raise self._error("unexpected data after the end of the backup")


def _check_header(header: dict[str, Any], *, partial: bool = False) -> None:
    """Refuse anything but this format and version (`partial`: only what was read so far)."""
    if (not partial or "format" in header) and header.get("format") != FORMAT:
        raise BackupError(
            f"Not a Parley knowledge-base backup: format is {header.get('format')!r}, "
            f"expected {FORMAT!r}."
        )
    if (not partial or "version" in header) and header.get("version") != VERSION:
        raise BackupError(
            f"Unsupported backup version {header.get('version')!r}: this Parley reads "
            f"version {VERSION}."
        )


# --- import ---------------------------------------------------------------------------


@dataclass
class ImportResult:
    counts: dict[str, int] = field(default_factory=dict)
    exported_at: str = ""
    placeholder_users: list[str] = field(default_factory=list)
    dry_run: bool = False


class _Rollback(Exception):
    pass


class _ImportRefs:
    """Natural key → new primary key for everything loaded so far; fresh ids for objects
    that no longer exist; users by username (placeholders for the missing)."""

    def __init__(self, result: ImportResult) -> None:
        self.live: dict[str, dict[Any, int]] = {k: {} for k in REF_KINDS}
        self.deleted: dict[str, dict[int, int]] = {k: {} for k in REF_KINDS}
        self.base: dict[str, int] = {}
        self.result = result

    def add(self, kind: str, key: Any, pk: int) -> None:
        if kind in self.base:
            raise BackupError(f"{kind} rows appear after rows that refer to deleted ones.")
        self.live[kind][_hashable(key)] = pk

    def resolve(self, kind: str, value: Any, where: str) -> int | None:
        if value is None:
            return None
        if isinstance(value, dict):
            n = value.get("deleted")
            if not REF_KINDS[kind].deletable or not isinstance(n, int) or n < 1:
                raise BackupError(f"{where}: {value!r} is not a valid {kind} reference.")
            if kind not in self.base:
                model = REF_KINDS[kind].model()
                self.base[kind] = model._base_manager.aggregate(m=models.Max("pk"))["m"] or 0
            self.deleted[kind][n] = self.base[kind] + n
            return self.base[kind] + n
        try:
            return self.live[kind][_hashable(value)]
        except (KeyError, TypeError):
            raise BackupError(
                f"{where}: {kind} {value!r} is not in the file (or comes after its first use)."
            ) from None

    def users(self, usernames: set[str]) -> None:
        """Look up a batch's usernames at once, creating inactive placeholders for the
        missing (no usable password: nobody can log in as one)."""
        wanted = {u for u in usernames if u not in self.live["user"]}
        if not wanted:
            return
        user_model = get_user_model()
        found = dict(
            user_model._base_manager.filter(username__in=wanted).values_list("username", "pk")
        )
        missing = sorted(wanted - set(found))
        if missing:
            placeholders = []
            for name in missing:
                user = user_model(username=name, is_active=False)
                user.set_unusable_password()
                placeholders.append(user)
            user_model._base_manager.bulk_create(placeholders)
            found.update(
                user_model._base_manager.filter(username__in=missing).values_list("username", "pk")
            )
            self.result.placeholder_users.extend(missing)
        self.live["user"].update(found)


def _hashable(key: Any) -> Any:
    return tuple(key) if isinstance(key, list) else key


class _SectionLoader:
    """Turns one section's records into model instances and inserts them in batches."""

    def __init__(self, section: Section, refs: _ImportRefs) -> None:
        self.section = section
        self.refs = refs
        self.model = section.model()
        self.by_name = {c.name: c for c in section.columns}
        auto = [
            f
            for f in self.model._meta.concrete_fields
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        ]
        # bulk_create stamps auto_now fields with "now": the file's values go back after.
        self.stamped = [f for f in auto if f.name in self.by_name]
        self.batch: list[dict[str, Any]] = []
        self.count = 0
        self.deferred_countries: list[tuple[str, Any]] = []  # (slug, country ref)

    def add(self, record: Any) -> None:
        if not isinstance(record, dict):
            raise BackupError(f"{self.section.name}: every record must be a JSON object.")
        unknown = set(record) - set(self.by_name)
        if unknown:
            raise BackupError(
                f"{self.section.name}: unknown field(s) {', '.join(sorted(unknown))} "
                f"(record {self.count + len(self.batch) + 1})."
            )
        self.batch.append(record)
        if len(self.batch) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        users = {
            record[c.name]
            for record in self.batch
            for c in self.section.columns
            if c.kind == "user" and isinstance(record.get(c.name), str)
        }
        self.refs.users(users)
        objs = [self._instance(record, self.count + i + 1) for i, record in enumerate(self.batch)]
        stamps = [{f.attname: getattr(o, f.attname) for f in self.stamped} for o in objs]
        self.model._base_manager.bulk_create(objs)
        if self.stamped:
            for obj, values in zip(objs, stamps, strict=True):
                for name, value in values.items():
                    setattr(obj, name, value)
            self.model._base_manager.bulk_update(objs, [f.name for f in self.stamped])
        if self.section.key_kind:
            kind = REF_KINDS[self.section.key_kind]
            for obj, record in zip(objs, self.batch, strict=True):
                if obj.pk is None:  # pragma: no cover - both supported engines return ids
                    raise BackupError("The database did not return the new rows' ids.")
                key = kind.key(tuple(self._key_part(record, p) for p in kind.paths))
                self.refs.add(self.section.key_kind, key, obj.pk)
        self.count += len(objs)
        self.batch = []

    def _key_part(self, record: dict[str, Any], path: str) -> Any:
        return record[path.split("__")[0]]

    def _instance(self, record: dict[str, Any], number: int) -> models.Model:
        where = f"{self.section.name} record {number}"
        values: dict[str, Any] = {}
        for col in self.section.columns:
            if col.name not in record:
                continue
            value = record[col.name]
            if col.via is None:
                f = self.model._meta.get_field(col.field)
                try:
                    values[f.attname] = None if value is None else f.to_python(value)
                except Exception as exc:
                    raise BackupError(f"{where}: {col.name}: {exc}") from None
            elif col.via == "fk":
                attname = self.model._meta.get_field(col.field).attname
                if self.section.name == "actors" and col.name == "country":
                    # may name an actor later in the file: set once all are in
                    if value is not None:
                        self.deferred_countries.append((record.get("slug"), value))
                    continue
                values[attname] = self.refs.resolve(col.kind, value, where)
            else:
                values[col.field] = self.refs.resolve(col.kind, value, where)
        obj = self.model(**values)
        if hasattr(obj, "name_key"):
            obj.name_key = obj.name.casefold()
        if isinstance(obj, Alias):
            obj.key = obj.name.casefold()
        if isinstance(obj, Meeting):
            obj.last_day = obj.compute_last_day()
        return obj

    def finish(self) -> None:
        self.flush()
        if self.deferred_countries:
            changed = [
                Actor(
                    pk=self.refs.resolve("actor", slug, "actors"),
                    country_id=self.refs.resolve("actor", value, f"actors: {slug}'s country"),
                )
                for slug, value in self.deferred_countries
            ]
            Actor.objects.bulk_update(changed, ["country"], batch_size=BATCH_SIZE)
            self.deferred_countries = []


def nonempty_tables() -> list[str]:
    """The knowledge-base tables that hold rows (an import needs them all empty)."""
    return [m._meta.db_table for m in kb_models() if m._base_manager.exists()]


def import_kb(stream: IO[str], *, dry_run: bool = False) -> ImportResult:
    """Restore a backup into an empty database, all or nothing."""
    result = ImportResult(dry_run=dry_run)
    try:
        with transaction.atomic():
            _import(stream, result)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    return result


def _import(stream: IO[str], result: ImportResult) -> None:
    full = nonempty_tables()
    if full:
        raise BackupError(
            "The database already holds knowledge-base rows (in "
            + ", ".join(full)
            + "); import_kb restores into an empty database only."
        )
    reader = _Reader(stream)
    header: dict[str, Any] = {}
    by_name = {s.name: s for s in sections()}
    order = {name: i for i, name in enumerate(by_name)}
    refs = _ImportRefs(result)
    seen_data = False
    for key in reader.members():
        if key != "data":
            header[key] = reader.value()
            _check_header(header, partial=True)  # refuse a wrong file before loading it
            continue
        seen_data = True
        for name in reader.members():
            if name not in by_name:
                raise BackupError(f"Unknown section {name!r} in the backup.")
            if name in result.counts:
                raise BackupError(f"Section {name!r} appears twice.")
            earlier = [n for n in by_name if order[n] < order[name] and n not in result.counts]
            if earlier:
                raise BackupError(
                    f"Section {earlier[0]!r} must come before {name!r}: rows refer to earlier "
                    "sections (was the file re-sorted?)."
                )
            loader = _SectionLoader(by_name[name], refs)
            for record in reader.items():
                loader.add(record)
            loader.finish()
            result.counts[name] = loader.count
    reader.end()
    _check_header(header)
    if not seen_data:
        raise BackupError("The backup has no data.")
    absent = [n for n in by_name if n not in result.counts]
    if absent:
        raise BackupError(f"The backup is incomplete: no {', '.join(absent)} section.")
    expected = header.get("counts")
    if isinstance(expected, dict):
        loaded = {name: result.counts.get(name, 0) for name in expected}
        if loaded != expected:
            diff = ", ".join(
                f"{k}: {loaded[k]} loaded, {v} expected"
                for k, v in expected.items()
                if loaded[k] != v
            )
            raise BackupError(f"The backup is incomplete or inconsistent ({diff}).")
    result.exported_at = str(header.get("exported_at", ""))
    result.placeholder_users.sort()
    _advance_sequences(refs)


def _advance_sequences(refs: _ImportRefs) -> None:
    """Move each id sequence past the ids the import chose itself (history rows keep their
    history_id; deleted objects got fresh ids), so new rows never collide with them."""
    targets: dict[type[models.Model], int] = {}
    for kind, ids in refs.deleted.items():
        if ids:
            targets[REF_KINDS[kind].model()] = max(ids.values())
    for _, tracked in HISTORY_MODELS:
        hist = tracked().history.model
        top = hist._base_manager.aggregate(m=models.Max("pk"))["m"]
        if top:
            targets[hist] = top
    with connection.cursor() as cursor:
        for model, value in targets.items():
            table, column = model._meta.db_table, model._meta.pk.column
            if connection.vendor == "postgresql":
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence(%s, %s), GREATEST(%s, "
                    f"(SELECT COALESCE(MAX({connection.ops.quote_name(column)}), 1) "
                    f"FROM {connection.ops.quote_name(table)})))",
                    [table, column, value],
                )
            elif connection.vendor == "sqlite":
                cursor.execute(
                    "UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = %s",
                    [value, table],
                )
                if cursor.rowcount == 0:
                    cursor.execute(
                        "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, value]
                    )


def open_backup(path: Path) -> IO[str]:
    """Open a backup for reading as text (gzip-compressed when the name ends in .gz)."""
    path = Path(path)
    try:
        if _gz(path):
            return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
        return open(path, encoding="utf-8")
    except OSError as exc:
        raise BackupError(f"Cannot open {path}: {exc.strerror or exc}.") from exc


def import_kb_from_path(path: Path, *, dry_run: bool = False) -> ImportResult:
    with open_backup(path) as stream:
        return import_kb(stream, dry_run=dry_run)
