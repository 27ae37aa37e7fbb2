"""`{% per_language "name" %}…{% endper_language %}`: a fragment of the page's frame rendered once per process and
language (core.chrome.per_language), for markup that depends on nothing but the language and the site's addresses:
no visitor, no request, no data that changes while the site runs."""

from django import template

from infitah.core.chrome import per_language

register = template.Library()


class PerLanguageNode(template.Node):
    def __init__(self, name: str, nodelist: template.NodeList):
        self.name = name
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        # Keyed on the template too, so that two templates may use the same fragment name.
        origin = getattr(self.origin, "name", "")
        return per_language(f"fragment:{origin}:{self.name}", lambda: self.nodelist.render(context))


@register.tag(name="per_language")
def per_language_tag(parser: template.base.Parser, token: template.base.Token) -> PerLanguageNode:
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('Usage: {% per_language "name" %}…{% endper_language %}')
    nodelist = parser.parse(("endper_language",))
    parser.delete_first_token()
    return PerLanguageNode(bits[1][1:-1], nodelist)
