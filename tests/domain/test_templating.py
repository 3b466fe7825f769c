"""Personalisation: variables, fallbacks, contact values as data, pre-flight."""

from __future__ import annotations

import pytest

from fluenzr_desktop.domain.errors import TemplateError
from fluenzr_desktop.domain.templating import (
    contact_variables,
    identifier_for,
    missing_variables,
    render,
    required_variables,
    template_error,
)


def ann(**overrides):
    values = dict(
        email="ann@acme.io",
        first_name="Ann",
        last_name="Lee",
        company="Acme",
        title="CTO",
        phone="+33 1 23 45 67 89",
        custom_fields={"LinkedIn URL": "https://linkedin.com/in/ann", "Ville": "Lyon"},
        signature="-- \nPaul, FluenzR",
    )
    values.update(overrides)
    return contact_variables(**values)


def test_every_standard_variable_renders():
    text = render(
        "{{firstName}} {{lastName}} <{{email}}> {{company}} {{title}} {{phone}}\n{{signature}}",
        ann(),
    )
    assert text == "Ann Lee <ann@acme.io> Acme CTO +33 1 23 45 67 89\n-- \nPaul, FluenzR"


def test_custom_fields_by_column_name_and_identifier_alias():
    variables = ann()
    assert render("{{ Ville }}", variables) == "Lyon"
    assert render("{{ LinkedIn_URL }}", variables) == "https://linkedin.com/in/ann"
    assert identifier_for("Taille d'équipe") == "Taille_d_équipe"
    assert identifier_for("2024 budget") == "_2024_budget"


def test_fallback_applies_to_missing_and_to_empty_values():
    assert render('Hi {{ firstName | default("there") }}', ann(first_name=None)) == "Hi there"
    assert render('Hi {{ firstName | default("there") }}', ann(first_name="  ")) == "Hi there"
    assert render('Hi {{ firstName | default("there") }}', ann()) == "Hi Ann"


@pytest.mark.parametrize("value", ["{{ 7*7 }}", "{% for x in range(3) %}x{% endfor %}", "{#c#}"])
def test_contact_values_are_data_never_templates(value):
    assert render("At {{ company }}.", ann(company=value)) == f"At {value}."


def test_html_bodies_escape_contact_values_plain_text_does_not():
    variables = ann(company="<script>alert(1)</script> & Co")
    assert render("<p>{{ company }}</p>", variables) == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</p>"
    )
    assert render("At {{ company }}", variables) == "At <script>alert(1)</script> & Co"


def test_sandbox_refuses_python_internals():
    with pytest.raises(TemplateError, match="not allowed"):
        render("{{ firstName.__class__.__mro__ }}", ann())


def test_runtime_failure_is_a_one_line_template_error():
    with pytest.raises(TemplateError) as caught:
        render("{{ 1 / 0 }}", ann())
    assert "\n" not in str(caught.value)


def test_syntax_errors_name_the_line():
    assert template_error("Hello {{ firstName }}") is None
    message = template_error("Hello\n{{ firstName ")
    assert message is not None and message.startswith("line 2:")
    assert template_error("{% if company %}no end") is not None


def test_required_variables_ignore_fallbacks_and_guards():
    source = (
        "Hi {{ firstName | default('there') }}, {{ title }} at {{ company }}"
        "{% if Ville %} in {{ Ville }}{% endif %}"
    )
    assert required_variables(source) == {"title", "company"}


def test_preflight_lists_what_this_contact_lacks():
    sources = ["Quick question, {{firstName}}", "{{ company }} / {{ Ville }} / {{ x | d('y') }}"]
    assert missing_variables(sources, ann()) == []
    assert missing_variables(sources, ann(first_name="", custom_fields={})) == [
        "Ville",
        "firstName",
    ]
