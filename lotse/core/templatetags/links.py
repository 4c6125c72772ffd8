"""Django's ``{% url %}`` with a fast path for links by integer ids (lotse.core.links).

Loaded as a builtin library (settings.TEMPLATES), so it replaces the default tag in every
template: a case page has some thirty links, each a reverse() of 30–60 µs. Links with
keyword or non-integer arguments go through Django's own tag unchanged.
"""

from __future__ import annotations

from django import template
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape

from lotse.core.links import url_for

register = template.Library()


class IdURLNode(URLNode):
    def render(self, context):
        if self.kwargs:
            return super().render(context)
        args = [arg.resolve(context) for arg in self.args]
        if any(type(arg) is not int for arg in args):
            return super().render(context)
        try:
            url = url_for(self.view_name.resolve(context), *args)
        except ValueError:  # not a route of plain ids
            return super().render(context)
        except NoReverseMatch:
            if self.asvar is None:
                raise
            url = ""
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    node = django_url(parser, token)
    return IdURLNode(node.view_name, node.args, node.kwargs, node.asvar)
