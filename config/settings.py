"""Parley's settings: one module, driven by the environment, with safe local defaults.

Production safety is switched on by the environment (see README, "Production"), never by
editing this file.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
# The local default key is only good for a laptop; production sets DJANGO_SECRET_KEY.
SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY", "django-insecure-local-only-parley-key-change-me-in-production"
)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "actors",
    "events",
    "statements",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
    "config.middleware.RequestSizeLimitMiddleware",
    "config.middleware.CSPMiddleware",
    "config.routers.ReadYourWritesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns locked-out logins into a clear refusal.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Streaming replicas for reads (comma-separated URLs); writes always go to DATABASE_URL.
for _n, _url in enumerate(env_list("DATABASE_REPLICA_URLS", ""), 1):
    DATABASES[f"replica_{_n}"] = {
        **dj_database_url.parse(
            _url,
            conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        ),
        "TEST": {"MIRROR": "default"},
    }
# PostgreSQL through a thin subclass of Django's backend whose health check needs no round
# trip while the connection is quiet (config/postgresql/base.py).
for _db in DATABASES.values():
    if _db.get("ENGINE") == "django.db.backends.postgresql":
        _db["ENGINE"] = "config.postgresql"
DATABASE_ROUTERS = ["config.routers.PrimaryReplicaRouter"] if len(DATABASES) > 1 else []
# How long a client that just wrote keeps reading from the primary (read-your-writes).
PARLEY_PIN_SECONDS = int(os.environ.get("PARLEY_PIN_SECONDS", "15"))
# Key lookups (detail pages) run as server-side prepared statements on PostgreSQL, planned
# once per connection (config/compiled.py). Turn off behind a pooler in transaction mode
# (PgBouncer's pool_mode=transaction), where SQL-level PREPAREs do not follow a client.
PARLEY_PREPARED_STATEMENTS = env_bool("PARLEY_PREPARED_STATEMENTS", True)
# Rendered statement pages kept per server process, each checked against the versions of
# its rows on every request (config/pagecache.py; PostgreSQL only). 0 turns it off.
PARLEY_PAGE_CACHE_ENTRIES = int(os.environ.get("PARLEY_PAGE_CACHE_ENTRIES", "2000"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins after repeated failures
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("PARLEY_LOGIN_THROTTLE", True)
AXES_FAILURE_LIMIT = int(os.environ.get("PARLEY_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("PARLEY_LOGIN_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"] if (BASE_DIR / "static").is_dir() else []
# Production runs `collectstatic` and serves hashed, compressed files through whitenoise;
# locally whitenoise serves straight from the apps' static folders.
STATIC_MANIFEST = env_bool("DJANGO_STATIC_MANIFEST", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST

# --- Security: switched on by the environment (README, "Production") ---
HTTPS = env_bool("DJANGO_HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("PARLEY_MAX_REQUEST_BYTES", str(1024 * 1024)))

# Content-Security-Policy (django-csp): no inline script anywhere, no third-party origins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # Django's admin still sets a few style attributes; styles cannot run code.
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

SEEDS_DIR = Path(os.environ.get("PARLEY_SEEDS_DIR", BASE_DIR / "seeds"))
# Import files larger than this are refused with a clear error (bytes).
IMPORT_MAX_BYTES = int(os.environ.get("PARLEY_IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Scripts send `Authorization: Token <key>`; the browser uses its session (with CSRF).
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Anyone reads; writes need the model's change permission (change_claim, …).
    "DEFAULT_PERMISSION_CLASSES": ["config.api_base.ModelPermissionsOrAnonReadOnly"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["config.api_base.AnonThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("PARLEY_ANON_RATE", "1000/hour")},
    "URL_FORMAT_OVERRIDE": "format",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Parley API",
    "DESCRIPTION": (
        "Diplomatic meetings, statements and claims, traced to their source words.\n\n"
        "**Reading** is open to anyone (anonymous clients are throttled: 429 with "
        "Retry-After). **Writing** (PATCH/PUT on claims and statements) needs a user with "
        "the model's change permission — `Authorization: Token <key>` or a session — and "
        "an `If-Match` header carrying the ETag of the version edited (428 without it, 412 "
        "when someone saved since).\n\n"
        "**Paging**: statements and claims use cursors (`cursor`, stable while data "
        "changes); the other lists use `offset`. `page_size` is capped at 500. Each page is "
        "`{next, previous, results}`; no total count is computed.\n\n"
        "**CSV**: every list answers `?format=csv` or `Accept: text/csv` with the *whole* "
        "filtered, ordered set as flattened columns, streamed row by row; paging parameters "
        "are ignored. Cells starting with = + - @, tab or carriage return get a leading `'` "
        "so spreadsheets do not run them as formulas.\n\n"
        "**Search**: `q` is PostgreSQL full-text search (ranked; actors and meetings list the "
        "best matches first unless `ordering` is given) or, on SQLite, an accent- and "
        "case-insensitive match of every word.\n\n"
        "A malformed filter value, ordering, page size or cursor is a 400 whose body names "
        "the parameter."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "OriginEnum": "actors.models.Origin",
        "PrecisionEnum": "events.models.Precision",
        "ReviewStatusEnum": "statements.models.ReviewStatus",
        "ActorKindEnum": "actors.models.ActorKind",
        "MeetingKindEnum": "events.models.MeetingKind",
        "ParticipantRoleEnum": "events.models.ParticipantRole",
        "RelationKindEnum": "events.models.RelationKind",
    },
}

# --- API throttling cache ---
# The anonymous API throttle counts requests in the default cache. With several server
# processes the count is shared only through Redis: set REDIS_URL (for example
# redis://127.0.0.1:6379/1). Without it, Django's default local-memory cache counts per process.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
