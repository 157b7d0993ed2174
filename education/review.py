"""Clinical review metadata shared by education pages and condition snippets."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class ClinicallyReviewed(models.Model):
    """When a clinician last checked this content, who did, and when it is due again."""

    last_reviewed = models.DateField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    next_review_due = models.DateField(null=True, blank=True)

    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("last_reviewed"),
                FieldPanel("reviewed_by"),
                FieldPanel("next_review_due"),
            ],
            heading="Clinical review",
        )
    ]

    class Meta:
        abstract = True
