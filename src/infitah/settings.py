"""One settings module, driven by the environment only.

Production is the default: DEBUG off, HTTPS-only cookies and redirects. The demo and the tests turn
HTTPS off explicitly (INFITAH_HTTPS=false) because they serve plain HTTP on the loopback.
"""

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
from django.conf.locale import LANG_INFO
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent


def env_flag(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATA_DIR = Path(os.environ.get("INFITAH_DATA_DIR", "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key():
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    # A key generated once per data directory keeps sessions valid across restarts without a
    # secret ever being committed; several app processes must share SECRET_KEY via the environment.
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()


def _key_in_data_dir(name, make):
    """A key the embedded default keeps in the data directory, made once by `make()`. Created exclusively: processes
    starting together must all end up with the one key written first."""
    key_file = DATA_DIR / name
    try:
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(descriptor, "w") as handle:
            handle.write(make())
    for _attempt in range(100):  # another process may have created the file and not yet written it
        key = key_file.read_text().strip()
        if key:
            return key
        import time

        time.sleep(0.01)
    raise RuntimeError(f"{key_file} is empty: delete it or set the key in the environment")


def _field_encryption_keys():
    """Fernet keys for personal data encrypted at rest (core.crypto): the first encrypts, all decrypt, so a key is
    rotated by putting the new one first. Kept apart from SECRET_KEY, whose rotation must not make data unreadable.
    Production sets INFITAH_FIELD_KEYS (shared by every process, backed up with the database); the embedded default
    generates one key per data directory."""
    if os.environ.get("INFITAH_FIELD_KEYS"):
        return env_list("INFITAH_FIELD_KEYS")
    import base64

    return [_key_in_data_dir("field_key", lambda: base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())]


FIELD_ENCRYPTION_KEYS = _field_encryption_keys()
# The key of the keyed hash (HMAC) by which a national ID number is counted once per petition without being kept
# (core.identity.identity_hash). Never rotated while petitions collect: a new key would let a person sign twice.
IDENTITY_HASH_KEY = os.environ.get("INFITAH_IDENTITY_HASH_KEY") or _key_in_data_dir(
    "identity_hash_key", lambda: secrets.token_urlsafe(48)
)
DEBUG = env_flag("DEBUG")
HTTPS = env_flag("INFITAH_HTTPS", default=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "infitah.core.errors.csrf_failure"

INSTALLED_APPS = [
    "infitah.core",
    "infitah.territories",
    "infitah.accounts",
    "infitah.participation",
    "infitah.api",
    # Capabilities: each one line (docs/adding-a-capability.md).
    "infitah.programs",
    "infitah.bodies",
    "infitah.events",
    "infitah.consultations",
    "infitah.monitoring",
    "infitah.evaluation",
    "infitah.information",
    "infitah.petitions",
    "infitah.budgets",
    "infitah.search",
    "infitah.practices",
    "infitah.resources",
    "infitah.training",
    "infitah.news",
    "infitah.forum",
    "infitah.opendata",
    "infitah.council",
    "infitah.backups",
    "infitah.core.admin.InfitahAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "django_tasks",
    "django_tasks_db",
    # Listed so that the API docs page (Swagger UI) is served from ninja's own static files, not from a CDN.
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "infitah.core.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "infitah.core.middleware.PreferredLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "infitah.core.middleware.InterfaceFallbackMiddleware",
    "django.middleware.common.CommonMiddleware",
    "infitah.core.security.RequestTooLargeMiddleware",
    "infitah.core.security.NulCharacterMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "infitah.urls"
WSGI_APPLICATION = "infitah.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "infitah.core.context_processors.interface",
                # After Django's own csrf processor: a page kept for a signed-in person carries a placeholder token.
                "infitah.core.signedincache.form_token",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'infitah.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed while one writer commits; IMMEDIATE takes the write lock at BEGIN so
    # concurrent writers queue instead of failing with "database is locked" mid-transaction.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    # Connections are kept between requests (DATABASE_CONN_MAX_AGE) here too: opening one, with the PRAGMAs above
    # and Django's SQL functions, costs ~3 ms, more than answering a page from the page cache (docs/performance.md).
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("INFITAH_CACHE_PREFIX", "infitah"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Without Redis the cache lives in the database, so that every app process shares it: the login throttle
    # (accounts/throttle.py) and allauth's rate limits then hold across workers. A per-process memory cache
    # would give each worker its own counters; a file cache would be shared on one machine only and has no
    # transactions. The table is created by `migrate` (accounts' migration 0002).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "infitah_cache",
            "OPTIONS": {"MAX_ENTRIES": 10000},
        }
    }
    SESSION_ENGINE = "infitah.accounts.sessions"

# Anonymous public pages from a cache (core/pagecache.py): entries in "pages" (Redis when configured, else this
# process's memory), their version stamps in the shared default cache. An entry lives at most this many seconds,
# the bound on what changes with time alone (a consultation closing at its date); 0 turns the page cache off.
INFITAH_PAGE_CACHE_SECONDS = int(os.environ.get("INFITAH_PAGE_CACHE_SECONDS", "60"))
if REDIS_URL:
    CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": CACHES["default"]["KEY_PREFIX"] + "-pages"}
else:
    CACHES["pages"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "infitah-pages",
        "OPTIONS": {"MAX_ENTRIES": 3000},
    }
# Before sessions, authentication, locale and CSRF: a hit runs none of them.
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1, "infitah.core.pagecache.PageCacheMiddleware"
)
# A signed-in person's pages, kept for them (core/signedincache.py): the stamps are read before the session is, the
# page answered once the person, the language and the view are known.
MIDDLEWARE.insert(
    MIDDLEWARE.index("infitah.core.pagecache.PageCacheMiddleware") + 1, "infitah.core.signedincache.ReadStampsFirst"
)
MIDDLEWARE.append("infitah.core.signedincache.SignedInPageCacheMiddleware")
# Inside it: a public page not yet kept for a person without power is completed from the copy they all share.
MIDDLEWARE.append("infitah.core.sharedpages.SharedPageMiddleware")

AUTH_USER_MODEL = "accounts.User"
# One backend: allauth's (a ModelBackend that finds the account by e-mail, also for the admin's login form) behind
# the login throttle. With Django's ModelBackend listed too, every failed login hashed the password twice.
AUTHENTICATION_BACKENDS = ["infitah.accounts.backends.ThrottledAuthenticationBackend"]
# Argon2id with Django's own parameters: not Django's default only because it needs a third-party library (Django's
# documentation, which cites the Password Hashing Competition's advice to use it); ~0.25 s of CPU here against
# ~0.45 s for PBKDF2's 1,000,000 iterations (docs/performance.md). PBKDF2 stays listed so that existing passwords still
# work: each is re-hashed with Argon2 at its owner's next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "core:home"

# django-allauth: e-mail is the login, and it must be verified before the first login.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_UNIQUE_EMAIL = True
# Sign-up and password reset look the same whether or not an address has an account; the owner of an address
# that has one is told by e-mail instead (someone tried to sign up with it).
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "infitah.accounts.forms.SignupProfileForm"
ACCOUNT_ADAPTER = "infitah.accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
# Failed logins: see accounts/throttle.py (per address, per address and account, per account; shared cache).
INFITAH_LOGIN_LIMITS = {
    "per_address": int(os.environ.get("INFITAH_LOGIN_LIMIT_ADDRESS", "30")),
    "per_address_and_account": int(os.environ.get("INFITAH_LOGIN_LIMIT_ADDRESS_ACCOUNT", "5")),
    "per_account": int(os.environ.get("INFITAH_LOGIN_LIMIT_ACCOUNT", "10")),
    "window_seconds": int(os.environ.get("INFITAH_LOGIN_WINDOW_SECONDS", "900")),
}
# Signatures per account and per client address in an hour (petitions/signing_limits.py; shared cache).
INFITAH_SIGNING_LIMITS = {
    "per_account": int(os.environ.get("INFITAH_SIGNING_LIMIT_ACCOUNT", "10")),
    "per_address": int(os.environ.get("INFITAH_SIGNING_LIMIT_ADDRESS", "30")),
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Infitah] "

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Infitah <no-reply@infitah.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Languages: Arabic first. Tamazight in Tifinagh is not among Django's languages, so it is declared here.
LANG_INFO.setdefault(
    "zgh", {"bidi": False, "code": "zgh", "name": "Standard Moroccan Tamazight", "name_local": "ⵜⴰⵎⴰⵣⵉⵖⵜ"}
)
LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("fr", _("French")),
    ("en", _("English")),
    ("zgh", _("Tamazight")),
]
LANGUAGE_NAMES_LOCAL = {"ar": "العربية", "fr": "Français", "en": "English", "zgh": "ⵜⴰⵎⴰⵣⵉⵖⵜ"}
# Order in which stored content is looked up when a field has no text in the requested language.
CONTENT_FALLBACKS = {
    "ar": ["ar", "fr", "en", "zgh"],
    "fr": ["fr", "ar", "en", "zgh"],
    "en": ["en", "fr", "ar", "zgh"],
    "zgh": ["zgh", "ar", "fr", "en"],
}
# Interface strings of a partly translated language fall back to this language, marked with its lang and dir
# (core.translation.install_interface_fallbacks); the others follow Django (the default language, unmarked).
INTERFACE_FALLBACKS = {"zgh": "ar"}
FORMAT_MODULE_PATH = ["infitah.formats"]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
TIME_ZONE = "Africa/Casablanca"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": os.environ.get("INFITAH_STATIC_STORAGE", "whitenoise.storage.CompressedManifestStaticFilesStorage")
    },
}
# Uploads and generated documents in an S3-compatible bucket when INFITAH_S3_BUCKET is set (backups/object_storage.py).
from infitah.backups.object_storage import s3_storage  # noqa: E402 - read here, before Django is set up

STORAGES["default"] = s3_storage(os.environ) or STORAGES["default"]

SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_flag("INFITAH_BEHIND_PROXY") else None
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Background tasks (django-tasks): queued in the database, run by `infitah db_worker` (`infitah demo` and
# `infitah serve --with-worker` start one). The same backend serves the demo (SQLite) and production
# (PostgreSQL); the tests run tasks immediately (tests/conftest.py).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("INFITAH_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": [],
    }
}

# With Redis, tasks queue in Redis and run on RQ workers (django-tasks-rq); `infitah worker` starts the worker of the
# configured backend. INFITAH_TASK_BACKEND, when set, wins (e.g. the immediate backend on a small install).
RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 3600}}
if REDIS_URL and "INFITAH_TASK_BACKEND" not in os.environ:
    INSTALLED_APPS.append("django_rq")
    TASKS["default"]["BACKEND"] = "django_tasks_rq.RQBackend"
# A report whose worker gave no sign of life for this long is queued again for another (core/document_leases.py).
INFITAH_DOCUMENT_LEASE_SECONDS = int(os.environ.get("INFITAH_DOCUMENT_LEASE_SECONDS", "60"))
# Behind N proxies (nginx: 1) the client's address is the N-th from the end of X-Forwarded-For: the login throttle and
# the rate limits then count per visitor, not per proxy. 0 (the default) trusts no forwarded address.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("INFITAH_TRUSTED_PROXY_COUNT", "0"))
# Long PDF reports are laid out this many lines per WeasyPrint pass, each pass written to a temporary file and let
# go (core.pdf.render_pdf_parts): the worker's memory is one part's, whatever the report's length.
REPORT_PDF_LINES_PER_PART = int(os.environ.get("INFITAH_REPORT_PDF_LINES_PER_PART", "500"))

# Datasets with more rows than this are exported in the background into storage, then served from there
# (opendata/prepared.py); smaller ones are streamed as they are written.
INFITAH_OPEN_DATA_BACKGROUND_ROWS = int(os.environ.get("INFITAH_OPEN_DATA_BACKGROUND_ROWS", "100000"))

# Who answers questions and requests about personal data (law 09-08), shown on the privacy notice.
INFITAH_PRIVACY_EMAIL = os.environ.get("INFITAH_PRIVACY_EMAIL", "")

# The platform's public address, for the links in e-mails written outside a request (notifications, digests).
SITE_URL = os.environ.get("INFITAH_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Response clocks (days): a consultation's contributions are answered within this many days of its close (each
# consultation may set its own); an advisory body's opinion is answered within this many days of its submission.
INFITAH_CONSULTATION_RESPONSE_DAYS = int(os.environ.get("INFITAH_CONSULTATION_RESPONSE_DAYS", "30"))
INFITAH_OPINION_RESPONSE_DAYS = int(os.environ.get("INFITAH_OPINION_RESPONSE_DAYS", "60"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
