"""Making a condition in a test: saved with a revision, published unless asked not to."""

from education.models import Condition


def make_condition(slug, name=None, publish=True, **fields):
    fields.setdefault("category", Condition.Category.AUTOIMMUNE)
    fields.setdefault("summary", f"A short summary of {name or slug}.")
    fields.setdefault("overview", "<p>An overview.</p>")
    condition = Condition(slug=slug, name=name or slug.replace("-", " ").title(), **fields)
    condition.save()
    revision = condition.save_revision()
    if publish:
        revision.publish()
    else:
        # A snippet saved as a draft has never been live.
        Condition.objects.filter(pk=condition.pk).update(live=False)
    condition.refresh_from_db()
    return condition
