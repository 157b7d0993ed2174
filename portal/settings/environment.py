"""Settings read from the environment: one reader per kind of value.

A value that is set but cannot be read as its kind stops start-up with a message that
names the variable, instead of a bare ValueError deep in the settings.
"""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_list(name, default=""):
    """A comma-separated list; blanks are dropped."""
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def _number(name, default, kind):
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return kind(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a {kind.__name__}, not {raw!r}.") from None


def env_int(name, default):
    return _number(name, default, int)


def env_float(name, default):
    """A number; `default` (which may be None: switched off) when unset or empty."""
    return _number(name, default, float)


def env_flag(name, default):
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in TRUE | FALSE:
        return raw in TRUE
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")
