"""Revoking a user's API tokens when what vouched for them changes.

A token was handed out for a password, to an active account, with the user's groups.
When the password is changed or reset, the account is deactivated, or the user leaves a
group (what they may read shrinks), every token of theirs is deleted at once and their
apps sign in again. Deleting them also ends every cached answer they could reach: a
cached answer is served only to a token that still exists (education/caching/readers.py).

Portal sessions need nothing here: Django ends them itself after a password change (the
session's hash of the password) and for an inactive user.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from knox.models import AuthToken

VOUCHING_FIELDS = {"password", "is_active"}


def revoke_tokens(users):
    """Delete every API token of these users (ids or a queryset of them)."""
    AuthToken.objects.filter(user__in=users).delete()


def note_vouching_fields(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a user is saved: whether the save changes their password or deactivates them."""
    instance._revoke_tokens = False
    if raw or instance._state.adding:
        return
    if update_fields is not None and not VOUCHING_FIELDS & set(update_fields):
        return  # e.g. the last_login of every sign-in: no query
    stored = sender.objects.filter(pk=instance.pk).values(*VOUCHING_FIELDS).first()
    instance._revoke_tokens = stored is not None and (
        stored["password"] != instance.password or (stored["is_active"] and not instance.is_active)
    )


def revoke_after_save(sender, instance, **kwargs):
    if getattr(instance, "_revoke_tokens", False):
        instance._revoke_tokens = False
        revoke_tokens([instance.pk])


def revoke_on_leaving_groups(sender, instance, action, reverse, pk_set, **kwargs):
    """`user.groups` (forward) or `group.user_set` (reverse) lost members."""
    if action == "post_remove":
        revoke_tokens([instance.pk] if not reverse else pk_set)
    elif action == "pre_clear":
        if not reverse:
            revoke_tokens([instance.pk])
        else:
            revoke_tokens(instance.user_set.values("pk"))


def revoke_on_group_deleted(sender, instance, **kwargs):
    # Deleting a group removes its memberships without m2m_changed.
    revoke_tokens(instance.user_set.values("pk"))


def connect():
    User = get_user_model()
    pre_save.connect(note_vouching_fields, sender=User, dispatch_uid="accounts.tokens.note")
    post_save.connect(revoke_after_save, sender=User, dispatch_uid="accounts.tokens.revoke")
    m2m_changed.connect(
        revoke_on_leaving_groups, sender=User.groups.through, dispatch_uid="accounts.tokens.groups"
    )
    pre_delete.connect(revoke_on_group_deleted, sender=Group, dispatch_uid="accounts.tokens.group")
