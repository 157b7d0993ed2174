"""Loads the seed content and, where the settings allow it, demo accounts.

Safe to run on any database: it creates only what is missing, matched by slug, and
leaves everything that exists as editors left it. Everything it creates is submitted to
clinical review (see `review`): patients see it once a reviewer approves, or at once
with demo accounts, approved by the demo reviewer as demo data. One transaction: all or
nothing.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from wagtail.models import Page, Site

from ..features.reading_grades import regrade_live_content
from ..models import (
    Condition,
    ConditionCode,
    ConditionRelation,
    ConditionResource,
    ConditionSynonym,
    EducationIndexPage,
    EducationPage,
    ExplainedTerm,
    PortalHomePage,
)
from . import content as seed_content
from .content import ConditionRef
from .review import approve_as_demo, submit_for_review


class ContentLoadError(Exception):
    """The loader refused to run or could not create an item; nothing was saved."""


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    group: str | None  # None: a superuser, who needs no group

    @property
    def role(self):
        return self.group or "superuser"

    @property
    def email(self):
        # Review notifications go by email (to the console in dev); .invalid never delivers.
        return f"{self.username}@demo.invalid"


DEMO_REVIEWER = "reviewer"
DEMO_ACCOUNTS = [
    DemoAccount("admin", "admin-demo-pass", None),
    DemoAccount("editor", "editor-demo-pass", "Editors"),
    DemoAccount(DEMO_REVIEWER, "reviewer-demo-pass", "Clinical reviewers"),
    DemoAccount("patient", "patient-demo-pass", "Patients"),
]


@dataclass
class LoadReport:
    lines: list[str] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)
    # The workflow states of the items created, in the order they were submitted.
    submitted: list = field(default_factory=list)

    def created(self, kind, name):
        self.lines.append(f"Created {kind} {name}")

    def skipped(self, kind, name):
        self.lines.append(f"Skipped {kind} {name} (already exists)")


def load_education_content(*, demo_accounts=False):
    # Checked before any work, so a refused run changes nothing.
    if demo_accounts and not settings.ALLOW_DEMO_ACCOUNTS:
        raise ContentLoadError(
            "Demo accounts are not allowed with these settings (ALLOW_DEMO_ACCOUNTS is off)."
        )
    report = LoadReport()
    with transaction.atomic():
        reviewer = _load_demo_accounts(report) if demo_accounts else None
        _load_explained_terms(report)
        conditions = _load_conditions(report)
        home = _load_home(report)
        hub = _load_page(home, EducationIndexPage, seed_content.HUB, report)
        _load_page(hub, EducationPage, _resolve(seed_content.ARTICLE, conditions), report)
        for workflow_state in report.submitted:
            if reviewer:
                approve_as_demo(workflow_state, reviewer)
        if report.submitted:
            report.lines.append(
                f"Approved {len(report.submitted)} items as the demo reviewer (demo data)"
                if reviewer
                else f"Submitted {len(report.submitted)} items to clinical review: patients "
                "see them once a clinical reviewer approves"
            )
    return report


def _resolve(value, conditions):
    """The seed data with each ConditionRef replaced by that condition's primary key."""
    if isinstance(value, ConditionRef):
        return conditions[value.slug].pk
    if isinstance(value, dict):
        return {key: _resolve(item, conditions) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolve(item, conditions) for item in value]
    return value


@contextmanager
def _creating(kind, slug):
    try:
        yield
    except ValidationError as error:
        message = " ".join(error.messages)
        raise ContentLoadError(f"Cannot create {kind} {slug}: {message}") from error


def _load_conditions(report):
    """Every seed condition by slug: the existing ones untouched, the missing ones created."""
    seeds = seed_content.CONDITIONS
    conditions = Condition.objects.in_bulk([seed["slug"] for seed in seeds], field_name="slug")
    created = []
    for seed in seeds:
        if seed["slug"] in conditions:
            report.skipped("condition", seed["slug"])
            continue
        conditions[seed["slug"]] = _save_new_condition(seed)
        created.append(seed)
        report.created("condition", seed["slug"])

    # Related conditions can point at any seed condition, so they are added once all exist;
    # each new condition then gets one revision holding all of its content.
    for seed in created:
        condition = conditions[seed["slug"]]
        condition.related_links = [
            ConditionRelation(related=conditions[row["related"].slug], note=row["note"])
            for row in seed["related_links"]
        ]
        condition.save()
        report.submitted.append(submit_for_review(condition))
    return conditions


def _save_new_condition(seed):
    synonyms = [ConditionSynonym(name=name) for name in seed["synonyms"]]
    codes = [ConditionCode(**row) for row in seed["codes"]]
    resources = [ConditionResource(**row) for row in seed["resources"]]
    fields = {
        key: value
        for key, value in seed.items()
        if key not in {"synonyms", "codes", "related_links", "resources"}
    }
    condition = Condition(live=False, synonyms=synonyms, codes=codes, resources=resources, **fields)
    # The checks the admin form would run, such as a name or code another condition has.
    with _creating("condition", seed["slug"]):
        condition.full_clean()
        for row in [*synonyms, *codes, *resources]:
            row.full_clean(exclude=["condition"])
    condition.save()
    return condition


def _load_home(report):
    # There is only ever one portal home (max_count = 1), whatever its slug now is.
    home = PortalHomePage.objects.first()
    if home:
        report.skipped(PortalHomePage._meta.verbose_name, home.slug)
        return home
    home = _create_page(Page.get_first_root_node(), PortalHomePage, seed_content.HOME, report)
    _make_default_site_root(home, report)
    return home


def _load_page(parent, page_class, data, report):
    existing = parent.get_children().filter(slug=data["slug"]).first()
    if existing:
        report.skipped(page_class._meta.verbose_name, data["slug"])
        return existing
    return _create_page(parent, page_class, data, report)


def _create_page(parent, page_class, data, report):
    fields = dict(data)
    # A many-to-many can only be set once the page has a primary key.
    conditions = fields.pop("conditions", [])
    # Created as a draft, then submitted for review, as an editor does in the admin.
    page = page_class(live=False, **fields)
    with _creating(page_class._meta.verbose_name, data["slug"]):
        parent.add_child(instance=page)
    if conditions:
        page.conditions.set(conditions)
    report.submitted.append(submit_for_review(page))
    report.created(page_class._meta.verbose_name, data["slug"])
    return page


def _make_default_site_root(home, report):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        report.lines.append(f"Created default site localhost with root {home.slug}")
        return
    old_root = site.root_page
    site.root_page = home
    site.save()
    report.lines.append(f"Made {home.slug} the default site's root (was {old_root.slug})")
    if _is_unused_placeholder(old_root):
        old_root.delete()
        report.lines.append(f"Deleted Wagtail's placeholder page {old_root.slug}")


def _is_unused_placeholder(page):
    """Wagtail's "Welcome" page as migrations left it: a bare Page nothing hangs from."""
    return (
        page.specific_class is Page
        and not page.get_children().exists()
        and not Site.objects.filter(root_page=page).exists()
    )


def _load_explained_terms(report):
    known = {term.lower() for term in ExplainedTerm.objects.values_list("term", flat=True)}
    new = [
        ExplainedTerm(**row)
        for row in seed_content.EXPLAINED_TERMS
        if row["term"].lower() not in known
    ]
    for term in new:
        with _creating("explained term", term.term):
            term.full_clean()
    if new:
        # Saved at once, so the figures of live content are worked out again once, not
        # once per term.
        ExplainedTerm.objects.bulk_create(new)
        transaction.on_commit(regrade_live_content.enqueue)
        report.lines.append(f"Created {len(new)} explained terms")


def _load_demo_accounts(report):
    """The demo logins; returns the demo clinical reviewer, who approves the seed content."""
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        # An existing account keeps its password and groups: someone may rely on them.
        if User.objects.filter(username=account.username).exists():
            report.skipped("user", account.username)
            report.logins.append(f"  {account.username}: already existed, password unchanged")
            continue
        if account.group is None:
            User.objects.create_superuser(account.username, account.email, account.password)
        else:
            user = User.objects.create_user(account.username, account.email, account.password)
            user.groups.add(Group.objects.get(name=account.group))
        report.created("user", account.username)
        report.logins.append(f"  {account.username} / {account.password} ({account.role})")

    base_url = settings.WAGTAILADMIN_BASE_URL
    report.logins = [
        "Demo logins (for development only):",
        *report.logins,
        f"Admin: {base_url}{reverse('wagtailadmin_home')} "
        "(staff set up an authenticator app at their first sign-in)",
        f"Portal: {base_url}/",
    ]
    return User.objects.get(username=DEMO_REVIEWER)
