"""Production safety that the environment switches on, and clean failure when the DB is gone."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from config.middleware import DatabaseUnavailableMiddleware

ROOT = Path(__file__).resolve().parents[2]


def deploy_check(env: dict[str, str]) -> subprocess.CompletedProcess:
    """`manage.py check --deploy --fail-level WARNING` in a child process with `env`."""
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_with_the_documented_production_environment(tmp_path):
    # Browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; production never does.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **env,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "parley.example.org",
        "DJANGO_DEBUG": "false",
        "DJANGO_HTTPS": "true",
        "DJANGO_STATIC_MANIFEST": "true",
        "REDIS_URL": "redis://127.0.0.1:6379/1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    result = deploy_check(env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_fails_with_the_local_defaults(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'deploy.sqlite3'}"
    result = deploy_check(env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr + result.stdout
    assert "parley.W001" in result.stderr + result.stdout  # throttles not shared


@pytest.mark.django_db
def test_security_headers_on_every_response(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in csp
        and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    )
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_the_cached_policy_is_django_csps_policy(client, settings):
    """config.middleware.CSPMiddleware builds the site-wide policy once; it must be the header
    django-csp would write, follow a change of the settings, and leave per-response policies
    (a view's csp_update) to django-csp."""
    from csp.middleware import CSPMiddleware as Original
    from django.http import HttpResponse

    from config.middleware import CSPMiddleware

    def both(response_factory, path="/x"):
        request = RequestFactory().get(path)
        ours = CSPMiddleware(lambda r: None).process_response(request, response_factory())
        request = RequestFactory().get(path)
        theirs = Original(lambda r: None).process_response(request, response_factory())
        return {k: v for k, v in ours.items() if "Security" in k}, {
            k: v for k, v in theirs.items() if "Security" in k
        }

    ours, theirs = both(HttpResponse)
    assert ours == theirs and "frame-ancestors 'none'" in ours["Content-Security-Policy"]
    assert (
        client.get("/api/v1/claims/")["Content-Security-Policy"]
        == theirs["Content-Security-Policy"]
    )
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"img-src": ["https:"]}}
    ours, theirs = both(HttpResponse)
    assert ours == theirs and "img-src https:" in ours["Content-Security-Policy-Report-Only"]

    def updated():
        response = HttpResponse()
        response._csp_update = {"img-src": ["https://maps.example.org"]}
        return response

    ours, theirs = both(updated)
    assert ours == theirs and "maps.example.org" in ours["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/api/v1/claims/", "/meetings/x/"])
def test_database_outage_is_a_short_503_not_a_traceback(path):
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get(path)
    response = middleware.process_exception(
        request, OperationalError("could not connect to server: Connection refused")
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert b"briefly unavailable" in response.content
    assert b"Traceback" not in response.content and b"Connection refused" not in response.content


def test_other_errors_are_not_hidden():
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get("/")
    assert middleware.process_exception(request, ValueError("bug")) is None
    assert middleware.process_exception(request, OperationalError("no such table: x")) is None


def test_anonymous_throttle_counts_in_redis_shared_by_all_workers(
    client, settings, db, monkeypatch
):
    """With REDIS_URL the throttle's counter lives in Redis, where every worker sees it."""
    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/15"
    server = redis.Redis.from_url(url)
    try:
        server.ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("PARLEY_REQUIRE_REDIS") == "1":
            raise
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    from django.core.cache import caches

    from config.api_base import AnonThrottle

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    }
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"},
    }
    server.flushdb()
    # DRF binds the cache object at import; point the throttle at the Redis-backed one.
    monkeypatch.setattr(AnonThrottle, "cache", caches["default"])
    try:
        statuses = [client.get("/api/v1/actors/").status_code for _ in range(3)]
        assert statuses == [200, 200, 429]
        assert any(b"throttle_anon" in key for key in server.keys("*"))
    finally:
        server.flushdb()
