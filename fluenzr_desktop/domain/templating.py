"""Personalisation of subjects and bodies with a sandboxed Jinja2 environment.

Guarantees callers rely on:
- contact values are passed as data, never parsed as templates: a company named
  ``{{ 7*7 }}`` renders literally;
- templates cannot reach Python internals (Jinja2's immutable sandbox);
- an empty contact value counts as missing, so ``default(...)`` fallbacks apply to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from jinja2 import TemplateSyntaxError, meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateError as JinjaTemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .errors import TemplateError

# Variables every contact may have, under the names founders know from lemlist.
STANDARD_VARIABLES: tuple[str, ...] = (
    "firstName",
    "lastName",
    "email",
    "company",
    "title",
    "phone",
    "signature",
)

# Contact attribute (store/CSV name) → template variable name.
FIELD_VARIABLES: dict[str, str] = {
    "email": "email",
    "first_name": "firstName",
    "last_name": "lastName",
    "company": "company",
    "title": "title",
    "phone": "phone",
}

_FALLBACK_FILTERS = frozenset({"default", "d"})
_NOT_IDENTIFIER = re.compile(r"\W+")
_HTML_TAG = re.compile(r"<(html|body|p|div|br|a|span|table|strong|em|b|i|ul|ol|li|h[1-6])\b", re.I)


def _environment(html: bool) -> ImmutableSandboxedEnvironment:
    return ImmutableSandboxedEnvironment(
        autoescape=html,
        keep_trailing_newline=True,
        # Jinja2 statements in cold emails are rare; line statements would turn a
        # body line starting with "#" into syntax, so they stay off.
    )


_TEXT_ENV = _environment(html=False)
_HTML_ENV = _environment(html=True)


def identifier_for(column: str) -> str:
    """The template variable name of a custom field: its column name with non-word runs as `_`."""
    name = _NOT_IDENTIFIER.sub("_", column.strip()).strip("_")
    if not name:
        return ""
    return name if not name[0].isdigit() else f"_{name}"


def looks_like_html(text: str) -> bool:
    """Whether a body is HTML (then contact values are escaped) rather than plain text."""
    return bool(_HTML_TAG.search(text))


@lru_cache(maxsize=512)
def _parse(source: str) -> nodes.Template:
    return _TEXT_ENV.parse(source)


def template_error(source: str) -> str | None:
    """None when the template compiles, else a one-line message naming the line."""
    try:
        _parse(source)
    except TemplateSyntaxError as error:
        return f"line {error.lineno}: {error.message}"
    return None


@lru_cache(maxsize=512)
def _compiled(source: str, html: bool):
    return (_HTML_ENV if html else _TEXT_ENV).from_string(source)


def render(source: str, variables: Mapping[str, str], *, html: bool | None = None) -> str:
    """Render one template for one contact; raises TemplateError with a one-line reason."""
    as_html = looks_like_html(source) if html is None else html
    try:
        template = _compiled(source, as_html)
    except TemplateSyntaxError as error:
        raise TemplateError(f"line {error.lineno}: {error.message}") from None
    try:
        return template.render(dict(variables))
    except SecurityError as error:
        raise TemplateError(f"not allowed in a template: {error}") from None
    except JinjaTemplateError as error:
        raise TemplateError(
            str(error).splitlines()[0] if str(error) else "template error"
        ) from None
    except (TypeError, ValueError, ArithmeticError, LookupError) as error:
        raise TemplateError(f"template failed: {error}") from None


def contact_variables(
    *,
    email: str = "",
    first_name: str | None = None,
    last_name: str | None = None,
    company: str | None = None,
    title: str | None = None,
    phone: str | None = None,
    custom_fields: Mapping[str, object] | None = None,
    signature: str | None = None,
) -> dict[str, str]:
    """Template variables for one contact; empty values are left out so fallbacks apply."""
    standard = {
        "email": email,
        "firstName": first_name,
        "lastName": last_name,
        "company": company,
        "title": title,
        "phone": phone,
        "signature": signature,
    }
    variables: dict[str, str] = {}
    for column, value in (custom_fields or {}).items():
        text = "" if value is None else str(value)
        if not text.strip():
            continue
        variables[column] = text
        alias = identifier_for(column)
        if alias and alias not in STANDARD_VARIABLES:
            variables.setdefault(alias, text)
    for name, value in standard.items():
        if value is not None and str(value).strip():
            variables[name] = str(value)
    return variables


def _guarded_names(template: nodes.Template) -> set[int]:
    """ids of Name nodes whose absence is handled in the template (fallback or test)."""
    guarded: set[int] = set()
    for filter_node in template.find_all(nodes.Filter):
        if filter_node.name in _FALLBACK_FILTERS and isinstance(filter_node.node, nodes.Name):
            guarded.add(id(filter_node.node))
    for test_node in template.find_all(nodes.Test):
        for name in test_node.find_all(nodes.Name):
            guarded.add(id(name))
        if isinstance(test_node.node, nodes.Name):
            guarded.add(id(test_node.node))
    for if_node in template.find_all((nodes.If, nodes.CondExpr)):
        tested = {name.name for name in if_node.test.find_all(nodes.Name)}
        if isinstance(if_node.test, nodes.Name):
            tested.add(if_node.test.name)
            guarded.add(id(if_node.test))
        for name in if_node.test.find_all(nodes.Name):
            guarded.add(id(name))
        # `{% if company %}at {{ company }}{% endif %}` prints company only when present.
        guarded_body = if_node.body if isinstance(if_node, nodes.If) else [if_node.expr1]
        for statement in guarded_body:
            for name in statement.find_all(nodes.Name):
                if name.name in tested:
                    guarded.add(id(name))
            if isinstance(statement, nodes.Name) and statement.name in tested:
                guarded.add(id(statement))
    return guarded


def referenced_variables(source: str) -> frozenset[str]:
    """Every contact variable a template names, guarded or not (Jinja2's own globals aside)."""
    try:
        template = _parse(source)
    except TemplateSyntaxError:
        return frozenset()
    return frozenset(meta.find_undeclared_variables(template) - set(_TEXT_ENV.globals))


@lru_cache(maxsize=512)
def required_variables(source: str) -> frozenset[str]:
    """Variables a template prints without a fallback or an `if` guard."""
    try:
        template = _parse(source)
    except TemplateSyntaxError:
        return frozenset()
    undeclared = meta.find_undeclared_variables(template) - set(_TEXT_ENV.globals)
    guarded = _guarded_names(template)
    required: set[str] = set()
    for name in template.find_all(nodes.Name):
        if name.ctx == "load" and name.name in undeclared and id(name) not in guarded:
            required.add(name.name)
    return frozenset(required)


def missing_variables(sources: Iterable[str], variables: Mapping[str, str]) -> list[str]:
    """Pre-flight: variables the templates need that this contact lacks, sorted."""
    needed: set[str] = set()
    for source in sources:
        needed |= required_variables(source)
    return sorted(name for name in needed if name not in variables)
