"""An HL7 Infobutton responder (URL-based), shaped like MedlinePlus Connect's JSON.

An EHR sends a problem-list code and its code system; it gets an Atom-style feed of the
matching condition and the articles that cover it, as this token's user may read them.
"""

import re

from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from ..access import Audience, readable_pages
from ..models import Condition, ConditionCode, EducationPage
from .serializers import ErrorSerializer

CODE_SYSTEMS = {
    "2.16.840.1.113883.6.90": ConditionCode.System.ICD10CM,
    "2.16.840.1.113883.6.96": ConditionCode.System.SNOMEDCT,
}
CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,31}$")


class InfobuttonQuery(serializers.Serializer):
    code = serializers.CharField(max_length=32)
    code_system = serializers.ChoiceField(choices=list(CODE_SYSTEMS))
    display_name = serializers.CharField(max_length=255, required=False, allow_blank=True)
    response_type = serializers.ChoiceField(
        choices=["application/json"], required=False, default="application/json"
    )

    PARAMETERS = {
        "mainSearchCriteria.v.c": "code",
        "mainSearchCriteria.v.cs": "code_system",
        "mainSearchCriteria.v.dn": "display_name",
        "knowledgeResponseType": "response_type",
    }

    @classmethod
    def from_query(cls, query_params):
        data = {
            field: query_params[name]
            for name, field in cls.PARAMETERS.items()
            if name in query_params
        }
        query = cls(data=data)
        if not query.is_valid():
            names = {field: name for name, field in cls.PARAMETERS.items()}
            raise ValidationError({names[field]: errors for field, errors in query.errors.items()})
        return query.validated_data

    def validate_code(self, value):
        if not CODE_PATTERN.match(value):
            raise serializers.ValidationError("Not a valid code.")
        return value.upper()


def _text(value, kind="text"):
    return {"_value": value, "type": kind}


@extend_schema(
    parameters=[
        OpenApiParameter(
            "mainSearchCriteria.v.c",
            str,
            required=True,
            description="The problem's code, such as M32.9.",
        ),
        OpenApiParameter(
            "mainSearchCriteria.v.cs",
            str,
            required=True,
            enum=list(CODE_SYSTEMS),
            description="Code system OID: ICD-10-CM or SNOMED CT.",
        ),
        OpenApiParameter("mainSearchCriteria.v.dn", str, description="The problem's name."),
        OpenApiParameter("knowledgeResponseType", str, enum=["application/json"]),
    ],
    responses={200: dict, 400: ErrorSerializer, 401: ErrorSerializer},
)
class InfobuttonView(APIView):
    """Knowledge for a problem-list entry: the condition with this code, and its articles.

    An unknown code gives an empty feed.
    """

    def get(self, request):
        query = InfobuttonQuery.from_query(request.query_params)
        system = CODE_SYSTEMS[query["code_system"]]
        condition = (
            Condition.objects.published()
            .filter(codes__system=system, codes__code__iexact=query["code"])
            .first()
        )
        entries = []
        if condition is not None:
            entries.append(
                self._entry(
                    request,
                    condition.name,
                    condition.get_absolute_url(),
                    condition.summary,
                    condition.last_published_at,
                    reverse("api:condition-detail", args=[condition.slug]),
                )
            )
            articles = (
                readable_pages(Audience.of_request(request), EducationPage)
                .filter(conditions=condition)
                .defer_streamfields()
                .order_by("title")
            )
            entries += [
                self._entry(
                    request,
                    article.title,
                    article.get_url_parts(request)[2],
                    article.summary,
                    article.last_published_at,
                    reverse("api:article-detail", args=[article.pk]),
                )
                for article in articles
            ]
        return Response({"feed": self._feed(request, query, entries)})

    def _entry(self, request, title, portal_path, summary, updated, api_path):
        url = request.build_absolute_uri(portal_path)
        return {
            "title": _text(title),
            "link": [
                {"href": url, "rel": "alternate", "type": "text/html"},
                {
                    "href": request.build_absolute_uri(api_path),
                    "rel": "related",
                    "type": "application/json",
                },
            ],
            "id": {"_value": url},
            "updated": {"_value": updated.isoformat() if updated else None},
            "summary": _text(summary),
        }

    def _feed(self, request, query, entries):
        return {
            "lang": "en",
            "base": request.build_absolute_uri("/"),
            "title": _text("Patient education"),
            "subtitle": _text(
                "Patient education for " + (query.get("display_name") or query["code"])
            ),
            "id": {"_value": request.build_absolute_uri()},
            "updated": {"_value": timezone.now().isoformat()},
            "author": {"name": {"_value": "Patient education"}},
            "category": [
                {"scheme": "mainSearchCriteria.v.c", "term": query["code"]},
                {"scheme": "mainSearchCriteria.v.cs", "term": query["code_system"]},
            ],
            "entry": entries,
        }
