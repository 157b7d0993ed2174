import pytest
from wagtail.models import Page, Site

from education.models import Condition, EducationIndexPage, EducationPage, PortalHomePage


@pytest.fixture
def home_page(db):
    root = Page.get_first_root_node()
    home = root.add_child(instance=PortalHomePage(title="Patient education", slug="portal-home"))
    Site.objects.filter(is_default_site=True).update(root_page=home)
    return home


@pytest.fixture
def hub(home_page):
    return home_page.add_child(
        instance=EducationIndexPage(
            title="Autoimmune conditions and muscle pain", slug="muscle-pain"
        )
    )


@pytest.fixture
def make_condition(db):
    def make(slug, name=None, publish=True, **fields):
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

    return make


@pytest.fixture
def make_article(hub):
    def make(title="Lupus and muscle pain", body=(), conditions=(), publish=True, **fields):
        fields.setdefault("summary", "What lupus is and how it can cause muscle pain.")
        page = EducationPage(title=title, body=list(body), **fields)
        hub.add_child(instance=page)
        page.conditions.set(conditions)
        revision = page.save_revision()
        if publish:
            revision.publish()
        else:
            page.unpublish()
        page.refresh_from_db()
        return page

    return make
