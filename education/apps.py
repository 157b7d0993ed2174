from django.apps import AppConfig


class EducationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "education"
    verbose_name = "Patient education"

    def ready(self):
        from . import publishing
        from .caching import readers
        from .features import article_bodies, reading_grades, treatments

        publishing.connect()
        readers.connect()
        treatments.connect()
        article_bodies.connect()
        reading_grades.connect()
