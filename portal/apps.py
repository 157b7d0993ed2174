from django.apps import AppConfig


class PortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = "Patient portal"

    def ready(self):
        from . import admin_scripts

        admin_scripts.install()
