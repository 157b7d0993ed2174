"""Query parameters of the content endpoints. An unknown value is a 400 naming it."""

import datetime

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Value, When
from django.forms import ModelChoiceField
from drf_spectacular.utils import extend_schema_field

from ..access import Audience
from ..features import search
from ..models import Condition, ConditionCode


def fits_the_database(value):
    # A time zone offset can push a date past year 1 or 9999 when stored as UTC.
    try:
        value.astimezone(datetime.UTC)
    except OverflowError:
        raise ValidationError("Date and time out of range.") from None


def known_code_system(value):
    system, _, _ = value.rpartition("|")
    if system and system not in ConditionCode.System.values:
        raise ValidationError(
            f"Unknown code system {system!r}; use one of {', '.join(ConditionCode.System.values)}."
        )


def _audience(request):
    """Who is reading: the view's audience (a token's reader, as its answers are cached
    for), or the request's."""
    view = getattr(request, "parser_context", {}).get("view")
    if hasattr(view, "audience"):
        return view.audience()
    return Audience.of_request(request)


def in_order(ids):
    """An ordering that puts rows in the order of `ids`."""
    return Case(
        *[When(pk=pk, then=Value(position)) for position, pk in enumerate(ids)],
        output_field=IntegerField(),
    )


class SearchFilter(django_filters.CharFilter):
    """Search that forgives (education.features.search), most relevant first: for
    conditions, those whose name or other name matches. A later `ordering` wins."""

    def __init__(self, *args, **kwargs):
        super().__init__(
            *args,
            max_length=search.MAX_QUERY_LENGTH,
            help_text="Words to search for: names, other names (such as SLE), symptoms; "
            "misspellings and the start of a word are forgiven.",
            **kwargs,
        )

    def filter(self, queryset, value):
        value = search.search_words(value or "")
        if not value:
            return queryset
        audience = _audience(self.parent.request)
        if queryset.model is Condition:
            ids = search.condition_ids(audience, value)
        else:
            ids = search.article_ids(audience, value)
        if not ids:
            return queryset.none()
        return queryset.filter(pk__in=ids).order_by(in_order(ids))


class ConditionFilter(django_filters.FilterSet):
    is_autoimmune = extend_schema_field({"type": "boolean", "description": "true or false."})(
        django_filters.TypedChoiceFilter(
            choices=[("true", "true"), ("false", "false")],
            coerce=lambda value: value == "true",
            help_text="true or false.",
        )
    )
    category = django_filters.ChoiceFilter(choices=Condition.Category.choices)
    code = django_filters.CharFilter(
        method="filter_code",
        max_length=64,
        validators=[known_code_system],
        help_text='A code such as "M32.9", or a system and code such as "ICD-10-CM|M32.9".',
    )
    q = SearchFilter()

    class Meta:
        model = Condition
        fields = ["is_autoimmune", "category", "code", "q"]

    def filter_code(self, queryset, name, value):
        system, _, code = value.rpartition("|")
        codes = ConditionCode.objects.filter(code__iexact=code.strip())
        if system:
            codes = codes.filter(system=system)
        return queryset.filter(pk__in=codes.values("condition_id"))


class ConditionSlugField(ModelChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs["to_field_name"] = "slug"
        kwargs["error_messages"] = {"invalid_choice": "No published condition has this slug."}
        super().__init__(*args, **kwargs)


class ConditionSlugFilter(django_filters.ModelChoiceFilter):
    field_class = ConditionSlugField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, queryset=lambda request: Condition.objects.published(), **kwargs)


class ArticleFilter(django_filters.FilterSet):
    condition = extend_schema_field(
        {"type": "string", "description": "A condition's slug, such as lupus."}
    )(ConditionSlugFilter(field_name="conditions", help_text="A condition's slug, such as lupus."))
    q = SearchFilter()
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="last_published_at",
        lookup_expr="gt",
        validators=[fits_the_database],
        help_text="ISO 8601 date and time, such as 2026-01-31T09:00:00Z.",
    )
    ordering = django_filters.OrderingFilter(
        fields=(("title", "title"), ("last_published_at", "last_published_at")),
        help_text="title, -title, last_published_at or -last_published_at.",
    )
