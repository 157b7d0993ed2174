from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def admin_scripts():
    # Starts what Wagtail's inline scripts would have (widgets.py).
    return format_html('<script src="{}"></script>', static("js/admin_scripts.js"))
