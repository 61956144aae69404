"""The floor: what this machine can do for the benchmark's queries with no framework at all.

A bare WSGI application (served by gunicorn, like the real one) that answers each benchmark
endpoint with hand-written SQL over one psycopg2 connection per worker process, rows
serialised with orjson (JSON), `html.escape` + `str.join` (HTML) or the csv module (CSV,
streamed from a server-side cursor). It returns the same rows and fields as Parley's API
and pages, so the ratio real/floor measures the framework's overhead, not different work.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/parley_bench \
        gunicorn -w 2 -b 127.0.0.1:8101 bench.floor:application

Routes (all GET):
    /statements?speaker=SLUG&date_from=D&date_to=D&limit=100&order=date|id
    /search?q=WORDS&limit=100&order=rank|id
    /claims?status=S&limit=100
    /meetings?limit=100                       (the API's meeting list: 3 queries)
    /timeline?limit=N                         (the HTML timeline; no limit = every meeting)
    /statements/ID                            (JSON detail)
    /statements/ID/html                       (HTML detail)
    /statements.csv?date_from=D               (every matching row, streamed)
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import os
import re
from collections import defaultdict
from urllib.parse import parse_qs

import orjson
import psycopg2
import psycopg2.extras

DSN = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/parley_bench")
_conn = None


def connection():
    """One connection per worker process, reopened after a failure."""
    global _conn
    if _conn is None or _conn.closed:
        _conn = psycopg2.connect(DSN)
        _conn.autocommit = True
    return _conn


def query(sql: str, params=()) -> list[tuple]:
    with connection().cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


_prepared: tuple = (None, set())  # (the connection, the names prepared on it)


def prepared_query(name: str, sql: str, params: list) -> list[tuple]:
    """A key lookup as a server-side prepared statement, planned once per connection — as
    Parley runs its detail pages' lookups (config/compiled.py), so that the floor stays the
    best this machine does for them."""
    global _prepared
    conn = connection()
    if _prepared[0] is not conn:
        _prepared = (conn, set())
    with conn.cursor() as cur:
        if name not in _prepared[1]:
            numbers = iter(range(1, len(params) + 1))
            cur.execute(f"PREPARE {name} AS " + re.sub("%s", lambda m: f"${next(numbers)}", sql))
            _prepared[1].add(name)
        cur.execute(f"EXECUTE {name}({', '.join(['%s'] * len(params))})", params)
        return cur.fetchall()


# --- shapes shared with the API ----------------------------------------------------------


def actor(base: str, slug, name, kind):
    if slug is None:
        return None
    return {"url": f"{base}/api/v1/actors/{slug}/", "slug": slug, "name": name, "kind": kind}


def meeting_summary(base: str, slug, title, start_date, start_precision):
    if slug is None:
        return None
    return {
        "url": f"{base}/api/v1/meetings/{slug}/",
        "slug": slug,
        "title": title,
        "start_date": start_date,
        "start_precision": start_precision,
    }


STATEMENT_COLUMNS = """
    s.id, s.text, s.start, s."end", (s.text = substr(a.text, s.start + 1, s."end" - s.start)),
    s.direct, sp.slug, sp.name, sp.kind, rv.slug, rv.name, rv.kind,
    m.slug, m.title, m.start_date, m.start_precision,
    a.slug, a.title, a.published_at, p.slug, p.name, p.kind,
    s.date, s.date_precision, s.date_approximate, s.utterance, s.part, s.confidence,
    s.origin, s.version, s.created_at, s.updated_at
"""
STATEMENT_JOINS = """
    FROM statements_statement s
    JOIN actors_actor sp ON sp.id = s.speaker_id
    LEFT JOIN actors_actor rv ON rv.id = s.reported_via_id
    LEFT JOIN events_meeting m ON m.id = s.meeting_id
    JOIN statements_article a ON a.id = s.article_id
    LEFT JOIN actors_actor p ON p.id = a.publisher_id
"""


def statement_json(base: str, r: tuple) -> dict:
    return {
        "url": f"{base}/api/v1/statements/{r[0]}/",
        "id": r[0],
        "text": r[1],
        "span": {"start": r[2], "end": r[3]},
        "span_valid": r[4],
        "direct": r[5],
        "speaker": actor(base, r[6], r[7], r[8]),
        "reported_via": actor(base, r[9], r[10], r[11]),
        "meeting": meeting_summary(base, r[12], r[13], r[14], r[15]),
        "article": {
            "url": f"{base}/api/v1/articles/{r[16]}/",
            "slug": r[16],
            "title": r[17],
            "publisher": actor(base, r[19], r[20], r[21]),
            "published_at": r[18],
        },
        "date": r[22],
        "date_precision": r[23],
        "date_approximate": r[24],
        "utterance": r[25],
        "part": r[26],
        "confidence": r[27],
        "origin": r[28],
        "version": r[29],
        "created_at": r[30],
        "updated_at": r[31],
    }


def date_from_clause(value: str) -> tuple[str, list]:
    """The API's date_from: month/year-precision dates count when their period reaches it."""
    d = dt.date.fromisoformat(value)
    return (
        "(s.date >= %s OR (s.date_precision = 'month' AND s.date >= %s)"
        " OR (s.date_precision = 'year' AND s.date >= %s))",
        [d, d.replace(day=1), d.replace(month=1, day=1)],
    )


def page(base: str, rows: list, results: list, limit: int, path: str) -> bytes:
    # the API's page envelope; "next" is present when there is more (one row more fetched)
    nxt = f"{base}{path}?cursor=next" if len(rows) > limit else None
    return orjson.dumps({"next": nxt, "previous": None, "results": results})


# --- endpoints ----------------------------------------------------------------------------


def statements(env, qs, base):
    where, params = [], []
    if "speaker" in qs:
        # Resolve the slug first: with the id as a literal the planner knows how many rows
        # the speaker has and walks statement_speaker_date_idx (a join or a subquery on the
        # slug hides that and it reads every statement of the speaker: 1.5 ms vs 850 ms).
        found = query("SELECT id FROM actors_actor WHERE slug = %s", [qs["speaker"]])
        where.append("s.speaker_id = %s")
        params.append(found[0][0] if found else -1)
    if "date_from" in qs:
        clause, extra = date_from_clause(qs["date_from"])
        where.append(clause)
        params += extra
    if "date_to" in qs:
        where.append("s.date <= %s")
        params.append(dt.date.fromisoformat(qs["date_to"]))
    limit = int(qs.get("limit", 100))
    order = "s.date DESC, s.id DESC" if qs.get("order") == "date" else "s.id DESC"
    if qs.get("order") == "id_asc":
        order = "s.id"
    sql = f"SELECT {STATEMENT_COLUMNS} {STATEMENT_JOINS}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = query(sql + f" ORDER BY {order} LIMIT %s", [*params, limit + 1])
    return json_response(
        page(base, rows, [statement_json(base, r) for r in rows[:limit]], limit, env["PATH_INFO"])
    )


def search(env, qs, base):
    """Ordered by rank: one query. Ordered by id, as Parley's API does: PostgreSQL's estimates
    (one EXPLAIN) pick where the page's ids come from — the GIN matches sorted, or the walk
    along the primary key — by the rule of `statements.search.sort_gin_matches`, then one
    query joins those ids' rows."""
    limit = int(qs.get("limit", 100))
    q = qs.get("q", "")[:200]
    if qs.get("order") == "rank":
        sql = (
            f"SELECT {STATEMENT_COLUMNS} {STATEMENT_JOINS}"
            " WHERE s.search @@ websearch_to_tsquery('english', %s)"
            " ORDER BY ts_rank(s.search, websearch_to_tsquery('english', %s)) DESC, s.id DESC"
            " LIMIT %s"
        )
        rows = query(sql, [q, q, limit + 1])
    else:
        ((plan,),) = query(
            "EXPLAIN (FORMAT JSON) SELECT 1 FROM statements_statement"
            " WHERE search @@ websearch_to_tsquery('english', %s)"
            " UNION ALL SELECT 1 FROM statements_statement",
            [q],
        )
        matches, table_rows = (p["Plan Rows"] for p in plan[0]["Plan"]["Plans"])
        key = "id + 0" if matches * matches * 4.5 < (limit + 1) * table_rows else "id"
        direction = " DESC" if qs.get("order") == "id_desc" else ""
        sql = (
            "WITH page AS MATERIALIZED (SELECT id FROM statements_statement"
            " WHERE search @@ websearch_to_tsquery('english', %s)"
            f" ORDER BY {key}{direction} LIMIT %s)"
            f" SELECT {STATEMENT_COLUMNS} {STATEMENT_JOINS}"
            f" WHERE s.id IN (SELECT id FROM page) ORDER BY s.id{direction}"
        )
        rows = query(sql, [q, limit + 1])
    return json_response(
        page(base, rows, [statement_json(base, r) for r in rows[:limit]], limit, env["PATH_INFO"])
    )


def claims(env, qs, base):
    limit = int(qs.get("limit", 100))
    statuses = qs.get("status", "").split(",") if qs.get("status") else None
    sql = """
        SELECT c.id, c.text, c.condition, c.status, c.reviewed_at, c.review_note, c.confidence,
               c.origin, c.version, c.created_at, c.updated_at,
               cl.slug, cl.name, cl.kind, su.slug, su.name, su.kind, rv.slug, rv.name, rv.kind,
               u.username
        FROM statements_claim c
        JOIN actors_actor cl ON cl.id = c.claimant_id
        LEFT JOIN actors_actor su ON su.id = c.subject_id
        LEFT JOIN actors_actor rv ON rv.id = c.reported_via_id
        LEFT JOIN auth_user u ON u.id = c.reviewed_by_id
    """
    params: list = []
    if statuses:
        sql += " WHERE c.status = ANY(%s)"
        params.append(statuses)
    rows = query(sql + " ORDER BY c.id DESC LIMIT %s", [*params, limit + 1])
    ids = [r[0] for r in rows[:limit]]
    evidence = defaultdict(list)
    if ids:
        for e in query(
            """
            SELECT ce.claim_id, s.id, s.text, s.start, s."end", s.direct,
                   sp.slug, sp.name, sp.kind, rv.slug, rv.name, rv.kind,
                   a.slug, a.title, a.published_at, p.slug, p.name, p.kind
            FROM statements_claim_evidence ce
            JOIN statements_statement s ON s.id = ce.statement_id
            JOIN actors_actor sp ON sp.id = s.speaker_id
            LEFT JOIN actors_actor rv ON rv.id = s.reported_via_id
            JOIN statements_article a ON a.id = s.article_id
            LEFT JOIN actors_actor p ON p.id = a.publisher_id
            WHERE ce.claim_id = ANY(%s) ORDER BY s.article_id, s.start
            """,
            [ids],
        ):
            evidence[e[0]].append(e)
    results = []
    for r in rows[:limit]:
        ev = evidence[r[0]]
        claim_rv = actor(base, r[17], r[18], r[19])
        rv = claim_rv or next((actor(base, e[9], e[10], e[11]) for e in ev if e[9]), None)
        publisher = next((actor(base, e[15], e[16], e[17]) for e in ev if e[15]), None)
        chain = [
            {"role": role, "actor": a}
            for role, a in (
                ("subject", actor(base, r[14], r[15], r[16])),
                ("claimant", actor(base, r[11], r[12], r[13])),
                ("reported_via", rv),
                ("publisher", publisher),
            )
            if a is not None
        ]
        results.append(
            {
                "url": f"{base}/api/v1/claims/{r[0]}/",
                "id": r[0],
                "text": r[1],
                "claimant": actor(base, r[11], r[12], r[13]),
                "subject": actor(base, r[14], r[15], r[16]),
                "condition": r[2],
                "has_condition": bool(r[2]),
                "reported_via": claim_rv,
                "status": r[3],
                "reviewed_by": r[20],
                "reviewed_at": r[4],
                "note": r[5],
                "confidence": r[6],
                "evidence": [
                    {
                        "url": f"{base}/api/v1/statements/{e[1]}/",
                        "id": e[1],
                        "text": e[2],
                        "span": {"start": e[3], "end": e[4]},
                        "direct": e[5],
                        "speaker": actor(base, e[6], e[7], e[8]),
                        "article": {
                            "url": f"{base}/api/v1/articles/{e[12]}/",
                            "slug": e[12],
                            "title": e[13],
                            "publisher": actor(base, e[15], e[16], e[17]),
                            "published_at": e[14],
                        },
                    }
                    for e in ev
                ],
                "attribution_chain": chain,
                "origin": r[7],
                "version": r[8],
                "created_at": r[9],
                "updated_at": r[10],
            }
        )
    return json_response(page(base, rows, results, limit, env["PATH_INFO"]))


MEETING_SQL = """
    SELECT m.id, m.slug, m.title, m.kind, m.place, m.start_date, m.start_precision, m.end_date,
           m.end_precision, m.date_approximate, m.last_day, m.outcomes, m.mentioned_only,
           m.confidence, m.origin, m.version, m.created_at, m.updated_at
    FROM events_meeting m
    ORDER BY m.start_date ASC NULLS LAST, m.title, m.id
"""


def participants_of(ids: list[int]) -> dict[int, list[tuple]]:
    found = defaultdict(list)
    if ids:
        for r in query(
            """
            SELECT pa.meeting_id, pa.role, a.slug, a.name, a.kind
            FROM events_participation pa JOIN actors_actor a ON a.id = pa.actor_id
            WHERE pa.meeting_id = ANY(%s) ORDER BY pa.role, a.name
            """,
            [ids],
        ):
            found[r[0]].append(r)
    return found


def format_fuzzy(value, precision: str, approximate: bool = False) -> str:
    if value is None:
        return "date unknown"
    if precision == "year":
        text = f"{value.year}"
    elif precision == "month":
        text = value.strftime("%b %Y")
    else:
        text = f"{value.day} {value.strftime('%b %Y')}"
    return f"c. {text}" if approximate else text


def meetings(env, qs, base):
    limit = int(qs.get("limit", 100))
    rows = query(MEETING_SQL + " LIMIT %s", [limit + 1])
    ids = [r[0] for r in rows[:limit]]
    people = participants_of(ids)
    relations = defaultdict(list)
    if ids:
        for r in query(
            """
            SELECT mr.source_id, mr.kind, t.slug, t.title, t.start_date, t.start_precision
            FROM events_meetingrelation mr JOIN events_meeting t ON t.id = mr.target_id
            WHERE mr.source_id = ANY(%s)
            """,
            [ids],
        ):
            relations[r[0]].append(r)
    results = []
    for r in rows[:limit]:
        display = format_fuzzy(r[5], r[6], r[9])
        if r[7] and r[7] != r[5]:
            display += " – " + format_fuzzy(r[7], r[8])
        results.append(
            {
                "url": f"{base}/api/v1/meetings/{r[1]}/",
                "slug": r[1],
                "title": r[2],
                "kind": r[3],
                "place": r[4],
                "start_date": r[5],
                "start_precision": r[6],
                "end_date": r[7],
                "end_precision": r[8],
                "date_approximate": r[9],
                "last_day": r[10],
                "date_display": display,
                "participants": [
                    {"role": p[1], "actor": actor(base, p[2], p[3], p[4])} for p in people[r[0]]
                ],
                "outcomes": r[11],
                "mentioned_only": r[12],
                "related": [
                    {"kind": x[1], "meeting": meeting_summary(base, *x[2:])}
                    for x in relations[r[0]]
                ],
                "confidence": r[13],
                "origin": r[14],
                "version": r[15],
                "created_at": r[16],
                "updated_at": r[17],
            }
        )
    return json_response(page(base, rows, results, limit, env["PATH_INFO"]))


MEETING_SQL_NEWEST = MEETING_SQL.replace(
    "ORDER BY m.start_date ASC NULLS LAST, m.title, m.id",
    "ORDER BY m.start_date DESC NULLS FIRST, m.title DESC, m.id DESC",
)


def timeline(env, qs, base):
    """The HTML timeline as Parley pages it: the 100 most recent meetings (undated last) in
    time order, grouped by year, the actor list = the participants shown; `?all=1` renders
    every meeting with every participant in the list (the page before it was paged)."""
    e = html.escape
    if qs.get("all"):
        choices = query(
            "SELECT a.slug, a.name FROM actors_actor a WHERE EXISTS (SELECT 1 FROM "
            "events_participation pa WHERE pa.actor_id = a.id) ORDER BY a.name"
        )
        rows = query(MEETING_SQL)
        people = participants_of([r[0] for r in rows])
    else:
        rows = query(MEETING_SQL_NEWEST + " LIMIT 101")[:100][::-1]
        people = participants_of([r[0] for r in rows])
        choices = sorted({(p[2], p[3]) for ps in people.values() for p in ps}, key=lambda c: c[1])
    out = [
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Timeline</title>"
        "</head><body><form><select name=actor multiple>"
    ]
    out += [f"<option value={e(s)}>{e(n)}</option>" for s, n in choices]
    out.append("</select></form><main>")
    sentinel = year = object()
    for r in rows:
        y = r[5].year if r[5] else None
        if y != year:
            if year is not sentinel:
                out.append("</ol></section>")
            out.append(f"<section><h2>{y or 'Date unknown'}</h2><ol>")
            year = y
        who = ", ".join(f'<a href="/actors/{e(p[2])}/">{e(p[3])}</a>' for p in people[r[0]])
        out.append(
            f'<li><a href="/meetings/{e(r[1])}/">{e(r[2])}</a> '
            f"<time>{e(format_fuzzy(r[5], r[6], r[9]))}</time> {e(r[4])} <p>{who}</p></li>"
        )
    out.append("</ol></section></main></body></html>")
    return html_response("".join(out))


def statement_detail(env, qs, base, pk: int):
    sql = f"SELECT {STATEMENT_COLUMNS} {STATEMENT_JOINS} WHERE s.id = %s"
    rows = prepared_query("floor_statement", sql, [pk])
    if not rows:
        return not_found()
    return json_response(orjson.dumps(statement_json(base, rows[0])), etag=f'"{rows[0][29]}"')


def statement_page(env, qs, base, pk: int):
    e = html.escape
    sql = f"SELECT {STATEMENT_COLUMNS}, a.text {STATEMENT_JOINS} WHERE s.id = %s"
    rows = prepared_query("floor_statement_page", sql, [pk])
    if not rows:
        return not_found()
    r = rows[0]
    claims_rows = prepared_query(
        "floor_statement_claims",
        """
        SELECT c.id, c.text, c.status, cl.name, su.name
        FROM statements_claim_evidence ce JOIN statements_claim c ON c.id = ce.claim_id
        JOIN actors_actor cl ON cl.id = c.claimant_id
        LEFT JOIN actors_actor su ON su.id = c.subject_id
        WHERE ce.statement_id = %s ORDER BY c.id
        """,
        [pk],
    )
    text, start, end = r[32], r[2], r[3]
    before = text[max(0, start - 300) : start]
    after = text[end : end + 300]
    out = [
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{e(r[7])}: "
        f"{e(r[1][:60])}</title></head><body><main><h1>{e(r[7])}</h1>",
        f"<blockquote>{e(before)}<mark>{e(text[start:end])}</mark>{e(after)}</blockquote>",
        f'<p>In <a href="/articles/{e(r[16])}/">{e(r[17])}</a> ({e(r[20] or "")})</p>',
        "<ul>",
    ]
    out += [f'<li><a href="/claims/{c[0]}/">{e(c[1])}</a> {e(c[2])}</li>' for c in claims_rows]
    out.append("</ul></main></body></html>")
    return html_response("".join(out))


CSV_COLUMNS = [
    "id", "article", "start", "end", "span_valid", "text", "speaker", "speaker_name", "direct",
    "reported_via", "meeting", "publisher", "date", "date_precision", "date_approximate",
    "confidence", "origin", "version", "updated_at",
]  # fmt: skip


class _Echo:
    def write(self, value):
        return value


def csv_cell(value) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    text = value if isinstance(value, str) else str(value)
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


def statements_csv(env, qs, base):
    where, params = "", []
    if "date_from" in qs:
        where, params = date_from_clause(qs["date_from"])
        where = "WHERE " + where
    sql = f"""
        SELECT s.id, a.slug, s.start, s."end",
               (s.text = substr(a.text, s.start + 1, s."end" - s.start)), s.text,
               sp.slug, sp.name, s.direct, rv.slug, m.slug, p.slug, s.date, s.date_precision,
               s.date_approximate, s.confidence, s.origin, s.version, s.updated_at
        {STATEMENT_JOINS} {where} ORDER BY s.id
    """

    def rows():
        writer = csv.writer(_Echo())
        yield writer.writerow(CSV_COLUMNS).encode()
        # a named (server-side) cursor streams in chunks; it needs a transaction
        conn = psycopg2.connect(DSN)
        try:
            with conn, conn.cursor(name="csv") as cur:
                cur.itersize = 2000
                cur.execute(sql, params)
                chunk = []
                for r in cur:
                    row = [csv_cell(v) for v in r]
                    row[18] = r[18].isoformat()
                    chunk.append(writer.writerow(row))
                    if len(chunk) == 1000:
                        yield "".join(chunk).encode()
                        chunk = []
                if chunk:
                    yield "".join(chunk).encode()
        finally:
            conn.close()

    return "200 OK", [("Content-Type", "text/csv; charset=utf-8")], rows()


# --- WSGI -------------------------------------------------------------------------------------


def json_response(body: bytes, etag: str | None = None):
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    if etag:
        headers.append(("ETag", etag))
    return "200 OK", headers, [body]


def html_response(text: str):
    body = text.encode()
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))]
    return "200 OK", headers, [body]


def not_found():
    return "404 Not Found", [("Content-Type", "application/json")], [b'{"detail":"Not found."}']


ROUTES = {
    "/statements": statements,
    "/search": search,
    "/claims": claims,
    "/meetings": meetings,
    "/timeline": timeline,
    "/statements.csv": statements_csv,
}
DETAIL = re.compile(r"^/statements/(\d+)(/html)?/?$")


def application(env, start_response):
    global _conn
    qs = {k: v[0] for k, v in parse_qs(env.get("QUERY_STRING", "")).items()}
    base = f"http://{env.get('HTTP_HOST', '127.0.0.1')}"
    path = env.get("PATH_INFO", "/")
    try:
        handler = ROUTES.get(path.rstrip("/") or "/")
        if handler is not None:
            status, headers, body = handler(env, qs, base)
        elif match := DETAIL.match(path):
            view = statement_page if match.group(2) else statement_detail
            status, headers, body = view(env, qs, base, int(match.group(1)))
        else:
            status, headers, body = not_found()
    except (psycopg2.OperationalError, psycopg2.InterfaceError):
        if _conn is not None:
            _conn.close()
        _conn = None
        status, headers = "503 Service Unavailable", [("Content-Type", "application/json")]
        body = [b'{"detail":"The database is briefly unavailable."}']
    start_response(status, headers)
    return body
