"""Who a bearer token belongs to, kept in the cache so content answers are authenticated
with one small query instead of knox's.

A token's *reader* (stored under knox's digest of the token) holds its user, their
groups, their audience's key and the token's expiry. It belongs to one content version,
since a privacy change changes audiences, ends with the token, and is forgotten when the
token is deleted (sign-out), or its user or their groups change (deactivated, moved to
another clinic).

Forgetting can fail (the cache unreachable while a token is revoked), so a reader is
used only while its token still exists for an active user: asked of the database on
every request. Every revocation deletes the token (accounts/token_revocation.py).
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from knox.models import AuthToken

from ..access import Audience
from ..publishing import content_version


@dataclass(frozen=True)
class Reader:
    digest: str
    user_id: int
    username: str
    is_superuser: bool
    group_ids: frozenset
    audience_key: str
    expiry: datetime | None
    version: str

    def user(self):
        """The token's user as authentication hands it on: enough to be throttled and to
        read as its audience. Content views need nothing more of it."""
        user = get_user_model()(
            pk=self.user_id, username=self.username, is_superuser=self.is_superuser
        )
        user._state.adding = False
        return user

    def audience(self):
        return Audience(self.user(), group_ids=self.group_ids)


def _key(digest):
    return f"education:api-reader:{digest}"


def _expired(expiry):
    return expiry is not None and expiry <= timezone.now()


def find(digest):
    """The reader of a token by its digest, if it is still known and still true."""
    if settings.EDUCATION_CACHE_SECONDS <= 0:
        return None
    reader = cache.get(_key(digest))
    if reader is None or reader.version != content_version() or _expired(reader.expiry):
        return None
    if not AuthToken.objects.filter(digest=digest, user__is_active=True).exists():
        return None
    return reader


def remember(token, audience, version, seconds):
    """Keep who `token` (knox's, just checked in the database) belongs to, for `seconds`
    at most and never past the token's expiry. Returns the reader, or None if not kept."""
    if token.expiry is not None:
        seconds = min(seconds, (token.expiry - timezone.now()).total_seconds())
    if seconds < 1:
        return None
    user = token.user
    reader = Reader(
        digest=token.digest,
        user_id=user.pk,
        username=user.get_username(),
        is_superuser=user.is_superuser,
        # Under this version the restrictions are fixed: without a group restriction,
        # groups cannot matter, and are not worth a query.
        group_ids=audience.group_ids if audience.depends_on_groups else frozenset(),
        audience_key=audience.key,
        expiry=token.expiry,
        version=version,
    )
    cache.set(_key(token.digest), reader, seconds)
    return reader


def forget(tokens):
    cache.delete_many([_key(token.digest) for token in tokens])


def token_deleted(sender, instance, **kwargs):
    forget([instance])


def user_changed(sender, instance, **kwargs):
    forget(AuthToken.objects.filter(user=instance))


def memberships_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Groups decide audiences: the tokens of every member concerned are looked up again."""
    if not reverse:  # user.groups changed: one user
        if action.startswith("post_"):
            user_changed(sender, instance)
        return
    # group.user_set changed: the users named, or before a clear, every member.
    if action in ("post_add", "post_remove"):
        forget(AuthToken.objects.filter(user__in=pk_set))
    elif action == "pre_clear":
        forget(AuthToken.objects.filter(user__in=instance.user_set.all()))


def connect():
    User = get_user_model()
    post_delete.connect(token_deleted, sender=AuthToken, dispatch_uid="education.readers.token")
    post_save.connect(user_changed, sender=User, dispatch_uid="education.readers.user")
    m2m_changed.connect(
        memberships_changed, sender=User.groups.through, dispatch_uid="education.readers.groups"
    )
