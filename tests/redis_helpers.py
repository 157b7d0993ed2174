"""Redis as production uses it, for tests: live on 127.0.0.1:6379, or an address nothing
answers on."""

import socket

DEAD_REDIS = "redis://127.0.0.1:6390/0"
LIVE_REDIS = "redis://127.0.0.1:6379/0"


def redis_cache(location, prefix=""):
    """CACHES as portal.settings.base builds them from REDIS_URL (see tests/test_settings.py)."""
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }


def redis_answers():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False
