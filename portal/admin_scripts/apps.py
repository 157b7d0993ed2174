from django.apps import AppConfig


class AdminScriptsConfig(AppConfig):
    """The Wagtail admin without inline scripts (see `widgets`).

    An app of the project, not of the product: Django finds widget templates and
    template tags, and Wagtail finds hooks, only in installed apps.
    """

    name = "portal.admin_scripts"
    label = "admin_scripts"
    verbose_name = "Admin without inline scripts"

    def ready(self):
        from . import widgets

        widgets.install()
