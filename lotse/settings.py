"""Lotse settings: one module, configured from environment variables.

Every secret can also come from a file: for a variable X, X_FILE names a file
whose content is used (Docker/systemd credentials). Nothing else is read.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("LOTSE_VAR_DIR", BASE_DIR / "var"))


def env(name: str, default: str = "") -> str:
    """The variable NAME, or the content of the file named by NAME_FILE."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name, "1" if default else "0").strip().lower()
    return value in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("LOTSE_DEBUG")


def _local_secret_key() -> str:
    """A key made once for this installation and kept in var/ (mode 0600)."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        import secrets

        VAR_DIR.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it a moment ago
            pass
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(secrets.token_urlsafe(50))
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = env("LOTSE_SECRET_KEY") or _local_secret_key()

ALLOWED_HOSTS = env_list("LOTSE_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("LOTSE_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # Django's widget templates for FORM_RENDERER below
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rules",
    "django_htmx",
    "django_tasks_db",
    "lotse.core",
    "lotse.accounts",
    "lotse.audit",
    "lotse.people",
    "lotse.cases",
    "lotse.contacts",
    "lotse.appointments",
    "lotse.consents",
    "lotse.directory",
    "lotse.referrals",
    "lotse.documents",
    "lotse.letters",
    "lotse.conferences",
    "lotse.barriers",
    "lotse.caseload",
    "lotse.residence",
    "lotse.naturalisation",
    "lotse.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lotse.accounts.middleware.RefreshIdleSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "lotse.accounts.middleware.RequireMFAMiddleware",
    "lotse.cases.middleware.ClosedCaseMiddleware",
]

# Widgets render through the project's templates, so lotse/templates may override one
# (the select, for speed).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "lotse.urls"
WSGI_APPLICATION = "lotse.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lotse" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # {% url %} with a fast path for links by id, and |short_date, in every template
            "builtins": ["lotse.core.templatetags.links", "lotse.core.templatetags.dates"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lotse.core.context_processors.lotse",
            ],
        },
    },
]

if not env("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the embedded SQLite file lives here

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'lotse.sqlite3'}",
        conn_max_age=int(env("LOTSE_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the task worker read while the other writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
elif (
    DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    and env("LOTSE_DB_PREPARED", "1") == "1"
):
    # Parameters bound by the server and statements prepared from their second use on a
    # connection: PostgreSQL plans each page's queries once instead of on every request
    # (about a third of its CPU per page). Set LOTSE_DB_PREPARED=0 behind a connection
    # pooler in transaction mode, which cannot keep prepared statements.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=2
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# Rights come from the rules (role and organisation), not from Django's model permissions.
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "lotse.accounts.backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts are created by a municipality's administrator; nobody signs up.
ACCOUNT_ADAPTER = "lotse.accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": env("LOTSE_LOGIN_RATE_LIMIT", "10/m/ip,5/5m/key"),
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Lotse"
# One 30-second step either side (RFC 6238, 5.2): a code typed as it turns over, or on a
# phone whose clock is a few seconds off, still works; a used code cannot be used again.
MFA_TOTP_TOLERANCE = 1
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:start"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"

# Sessions end after a period without activity (default 30 minutes).
SESSION_ENGINE = "lotse.accounts.sessions"  # Django's database sessions, read prepared
SESSION_IDLE_MINUTES = int(env("LOTSE_SESSION_IDLE_MINUTES", "30"))
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
# Activity extends the session: RefreshIdleSessionMiddleware saves it at most once a
# minute (not on every request), so the idle limit holds to within that minute.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

HTTPS = env_bool("LOTSE_HTTPS", default=not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("LOTSE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Shared across web workers: login rate limits and used TOTP codes live here.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "lotse_cache",
    }
}

TASKS = {
    "default": {
        "BACKEND": env("LOTSE_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("fa", _("Persian (Farsi/Dari)")),
    ("uk", _("Ukrainian")),
    ("tr", _("Turkish")),
]
# Languages written right to left; the base template sets dir from this list.
LANGUAGES_RTL = {"ar", "fa"}
# Languages in which the staff interface is complete (the rest serve clients).
UI_LANGUAGES = ["de", "en"]
# The house wording first (it replaces an app's own wording), then the catalogue of
# the core app and the shared templates; each other app has its own (scripts/messages).
LOCALE_PATHS = [BASE_DIR / "lotse" / "overrides" / "locale", BASE_DIR / "lotse" / "locale"]
TIME_ZONE = "Europe/Berlin"
# Date formats of our own where Django's do not suit (English: day first, 24-hour clock).
FORMAT_MODULE_PATH = ["lotse.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "lotse" / "static"]
# Uploaded documents live outside the web root and are served only by views
# that check permissions; there is deliberately no MEDIA_URL route.
MEDIA_ROOT = Path(env("LOTSE_DOCUMENTS_DIR", str(VAR_DIR / "documents")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

DEFAULT_FROM_EMAIL = env("LOTSE_FROM_EMAIL", "lotse@localhost")
_EMAIL_BACKEND = env(
    "LOTSE_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
_SMTP_OPTIONS = {
    "host": env("LOTSE_EMAIL_HOST", "localhost"),
    "port": int(env("LOTSE_EMAIL_PORT", "25")),
    "username": env("LOTSE_EMAIL_USER"),
    "password": env("LOTSE_EMAIL_PASSWORD"),
    "use_tls": env_bool("LOTSE_EMAIL_TLS"),
    "timeout": 20,
}
MAILERS = {
    "default": {
        "BACKEND": _EMAIL_BACKEND,
        "OPTIONS": _SMTP_OPTIONS if _EMAIL_BACKEND.endswith("smtp.EmailBackend") else {},
    }
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOTSE_LOG_LEVEL", "WARNING")},
}

# Score (0..1, lotse.people.matching.score) from which two client records are
# shown as a possible duplicate. Chosen by measurement on the evaluation set.
DUPLICATE_THRESHOLD = float(env("LOTSE_DUPLICATE_THRESHOLD", "0.80"))
