"""The Wagtail admin without inline <script>s, so the Content-Security-Policy can forbid them.

Wagtail 8 still starts its date pickers, inline panels and choosers with a small inline
script (wagtail/wagtail#1288). Here, and in this app's templates/wagtailadmin/, each is
written instead as a hidden element naming the initialiser and its arguments;
static/js/admin_scripts.js runs it, from an allowed list, as the script would have.
MultipleChooserPanel, unused here, would need the same treatment.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from wagtail.admin.widgets import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser


def initialiser_element(call, id_=None, options=None):
    """The hidden element that static/js/admin_scripts.js turns into `call(id_, options)`."""
    return format_html(
        '<span hidden data-controller="inline-script" data-inline-script-call-value="{}"{}{}>'
        "</span>",
        call,
        format_html(' data-inline-script-id-value="{}"', id_) if id_ is not None else "",
        format_html(
            ' data-inline-script-options-value="{}"', json.dumps(options, cls=DjangoJSONEncoder)
        )
        if options is not None
        else "",
    )


def render_chooser(self, name, value, attrs=None, renderer=None):
    """BaseChooser.render, with the initialiser as an element instead of a <script>."""
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as e:
        raise TypeError("BaseChooser cannot be rendered without an 'id' attribute") from e
    value_data = self.get_value_data(value)
    if isinstance(self, AdminTaskChooser):
        start = initialiser_element("createTaskChooser", id_)
    else:
        start = initialiser_element(
            self.js_constructor, id_, self.get_js_init_options(id_, name, value_data)
        )
    return format_html("{}{}", self.render_html(name, value_data, attrs), start)


def install():
    """Replace BaseChooser.render: the one override of Wagtail's internals kept here.

    Every chooser in the admin (page, image, document, snippet, task) renders this way,
    including those on Wagtail's own forms (copy and move page, redirects, sites), and
    Wagtail offers no hook for the script it writes. Without it the policy blocks every
    chooser: tests/browser/test_content_security_policy.py fails. Check it after every
    Wagtail upgrade.
    """
    BaseChooser.render = render_chooser
