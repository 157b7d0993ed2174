from django.apps import AppConfig


class EducationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "education"
    verbose_name = "Patient education"

    def ready(self):
        from . import audit, signal_handlers

        signal_handlers.connect()
        audit.connect_signals()
