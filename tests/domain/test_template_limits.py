"""Templates cannot exhaust the machine: sizes, repetition, widths, loops, time and nesting."""

from __future__ import annotations

import contextlib
import random

import pytest
from jinja2 import TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from fluenzr_desktop.domain import template_sizes
from fluenzr_desktop.domain.errors import TemplateError
from fluenzr_desktop.domain.templating import (
    MAX_BODY_BYTES,
    MAX_FORMAT_WIDTH,
    MAX_RANGE_ITEMS,
    MAX_SUBJECT_LENGTH,
    TemplateLimitError,
    referenced_variables,
    render,
    render_body,
    render_limit_error,
    render_subject,
    required_variables,
    template_error,
)

# Long, and independent of the date: run once per `make test`, not on the moved dates.
pytestmark = pytest.mark.heavy

VARIABLES = {"firstName": "Ann", "company": "Acme"}

REPEATS = "repeats text too many times (over 1,000,000 characters)"
TOO_WIDE = "pads text too widely (a width over 1,000)"
TOO_LARGE = "builds a value too large (over 1,000,000 characters)"


def refused(source: str, render_with=render) -> str:
    """The message of the TemplateLimitError rendering `source` raises."""
    with pytest.raises(TemplateLimitError) as caught:
        render_with(source, VARIABLES)
    message = str(caught.value)
    assert "\n" not in message
    return message


# -- the cases of the issue ----------------------------------------------------------------------


def test_a_huge_format_width_is_refused_not_sent():
    message = refused("Hi {{ '%*s'|format(50000000,'x') }}", render_body)
    assert message == f"the body {TOO_WIDE}"


def test_a_huge_repetition_in_a_subject_is_refused():
    assert refused("{{ 'ab' * 30000000 }}", render_subject) == f"the subject {REPEATS}"


def test_two_nested_huge_ranges_are_refused_at_once():
    source = (
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ i }}{% endfor %}{% endfor %}"
    )
    assert refused(source) == f"the template asks for a range of over {MAX_RANGE_ITEMS:,} items"


def test_5000_nested_parentheses_are_nested_too_deeply_not_a_recursion_error():
    source = "{{ " + "(" * 5000 + "firstName" + ")" * 5000 + " }}"
    assert template_error(source) == "line 1: nested too deeply (over 20 levels)"
    with pytest.raises(TemplateError, match="nested too deeply"):
        render_subject(source, VARIABLES)
    assert required_variables(source) == frozenset()
    assert referenced_variables(source) == frozenset()


def test_5000_parentheses_of_plain_text_are_only_a_subject_too_long():
    source = "(" * 5000 + ")" * 5000
    assert template_error(source) is None
    assert render_body(source, VARIABLES) == source
    assert refused(source, render_subject) == (
        f"the subject is too long once rendered (over {MAX_SUBJECT_LENGTH} characters)"
    )


# -- repetition, padding and formatting ----------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "predicate"),
    [
        ("{{ 'x'.center(100000000) }}", TOO_WIDE),
        ("{{ 'x'.ljust(100000000) }}", TOO_WIDE),
        ("{{ 'x'.rjust(100000000) }}", TOO_WIDE),
        ("{{ '1'.zfill(100000000) }}", TOO_WIDE),
        ("{{ 'x'|center(100000000) }}", TOO_WIDE),
        ("{{ ('\t' * 900).expandtabs(100000) }}", TOO_WIDE),
        ("{{ ('\t' * 900000).expandtabs(900) }}", REPEATS),
        ("{{ '{:>100000000}'.format('x') }}", TOO_WIDE),
        ("{{ '{:>{}}'.format('x', 100000000) }}", TOO_WIDE),
        ("{{ '{0:.{1}f}'.format(1.5, 100000000) }}", TOO_WIDE),
        ("{{ '{:>w}'.format_map({'w': 1}) }}", None),
        ("{{ '%100000000s' % 'x' }}", TOO_WIDE),
        ("{{ '%.100000000f' % 1.5 }}", TOO_WIDE),
        ("{{ '%*s' % (100000000, 'x') }}", TOO_WIDE),
        ("{{ '%s'|format('x' * 1000) ~ '%-*d'|format(100000000, 1) }}", TOO_WIDE),
        ("{% set a = 'x' * 100000 %}{{ a.replace('x', 'yyyyyyyyyyyyyyyyyyyy') }}", REPEATS),
        ("{% set a = 'x' * 100000 %}{{ a.replace('', 'yyyyyyyyyyyyyyyyyyyy') }}", REPEATS),
        ("{% set a = 'x' * 100000 %}{{ a|replace('x', 'yyyyyyyyyyyyyyyyyyyy') }}", REPEATS),
        ("{{ 'ab'.translate({97: 'z' * 900000}) }}", REPEATS),
        ("{{ 'a\nb\nc'|indent(100000000) }}", TOO_WIDE),
        ("{{ ([1, 2] * 10000000)|length }}", REPEATS),
        ("{{ 'x' * 10 ** 7 }}", REPEATS),
        ("{{ [[[1]]]|tojson(100000000) }}", TOO_WIDE),
    ],
)
def test_operations_that_grow_text_are_refused_before_they_run(source, predicate):
    if predicate is None:  # a malformed spec stays an ordinary template error
        with pytest.raises(TemplateError):
            render(source, VARIABLES)
        return
    assert refused(source) == f"the template {predicate}"


@pytest.mark.parametrize(
    "source",
    [
        # `~` doubling, `+`, joins and lists that share one big string many times.
        "{% set a = 'x' * 600000 %}{% set b = a ~ a %}{{ b|length }}",
        "{% set a = 'x' * 600000 %}{{ (a + a)|length }}",
        "{% set a = 'x' * 400000 %}{{ [a, a, a]|join|length }}",
        "{% set a = 'x' * 400000 %}{{ '-'.join([a, a, a])|length }}",
        "{% set a = 'x' * 900000 %}{% set b = [a, a] %}{% set c = [b, b] %}{{ c }}",
        "{% set a = 'x' * 900000 %}{% set b = [a, a] %}{{ b|string|length }}",
        "{% set a = 'x' * 900000 %}{% set b = [a, a] %}{{ '{}'.format(b)|length }}",
        "{% set a = 'x' * 900000 %}{% set b = [a, a] %}{{ ('%s' % [b])|length }}",
        "{% set ns = namespace(s='') %}{% for i in range(2000) %}"
        "{% set ns.s = ns.s ~ ('x' * 999) %}{% endfor %}{{ ns.s|length }}",
        # Output collected by a block or a macro is joined only at its end: counted as it goes.
        "{% set a = 'x' * 999999 %}{% set b %}{% for i in range(10000) %}{{ a }}{% endfor %}"
        "{% endset %}{{ b|length }}",
        "{% set a = 'x' * 999999 %}{% macro m() %}{% for i in range(10000) %}{{ a }}"
        "{% endfor %}{% endmacro %}{{ m()|length }}",
        "{% set a = 'x' * 999999 %}{% filter upper %}{% for i in range(10000) %}{{ a }}"
        "{% endfor %}{% endfilter %}",
        "{% set a = 'x' * 999999 %}{% macro m() %}{{ caller() }}{% endmacro %}"
        "{% call m() %}{% for i in range(10000) %}{{ a }}{% endfor %}{% endcall %}",
    ],
)
def test_values_past_the_size_limit_are_refused(source):
    assert refused(source) == f"the template {TOO_LARGE}"


def test_huge_numbers_are_refused():
    predicate = "computes too large a number (over 10,000 bits)"
    assert refused("{{ 9 ** 999999 }}") == f"the template {predicate}"
    assert refused("{% set a = 2 ** 9000 %}{{ a * a }}") == f"the template {predicate}"
    assert render("{{ 2 ** 64 }} {{ 1 ** 99999999 }}", VARIABLES) == "18446744073709551616 1"


def test_batch_slice_and_lipsum_are_bounded():
    assert "range of over" in refused("{{ [1]|batch(100000000, 'x')|list|length }}")
    assert "range of over" in refused("{{ [1]|slice(100000000)|list|length }}")
    assert "lorem ipsum" in refused("{{ lipsum(n=100000) }}")
    assert render("{{ lipsum(2, false, 5, 10)|wordcount > 9 }}", VARIABLES) == "True"


def test_ordinary_templates_render_as_before():
    source = (
        "Hi {{ firstName|default('there') }}, {% for i in range(3) %}{{ i }}{% endfor %} "
        "{{ 'ab' * 3 }} {{ '%05d'|format(42) }} {{ '{:>5}'.format('x') }} {{ company ~ '!' }} "
        "{{ 'x'|center(7) }}|{{ [1, 2]|join(',') }} {{ 2 ** 10 }} {{ 'a-b'.replace('-', '+') }}"
    )
    assert render(source, VARIABLES) == "Hi Ann, 012 ababab 00042     x Acme!    x   |1,2 1024 a+b"
    assert render("{{ range(10000)|list|length }}", VARIABLES) == "10000"
    blocks = (
        "{% macro m() %}<{{ caller() }}>{% endmacro %}{% call m() %}hi {{ 1 + 1 }}{% endcall %} "
        "{% set b %}x{{ 2 }}{% endset %}{{ b }} {% filter upper %}ab{% endfilter %} "
        "{{ [1]|tojson(2)|length }}"
    )
    assert render(blocks, VARIABLES) == "<hi 2> x2 AB 7"


# -- loops and time ------------------------------------------------------------------------------


def test_a_range_is_limited_to_10000_items():
    assert render(f"{{{{ range({MAX_RANGE_ITEMS})|length }}}}", VARIABLES) == "10000"
    assert "range of over 10,000 items" in refused(f"{{{{ range({MAX_RANGE_ITEMS + 1}) }}}}")
    assert "range of over 10,000 items" in refused("{{ range(10 ** 30)|length }}")


def test_loops_past_the_step_budget_stop():
    source = "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}"
    assert refused(source) == "the template loops too many times (over 200,000 steps)"
    # Any iterable counts, not only ranges.
    text_loops = (
        "{% set s = 'x' * 900000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}"
    )
    assert "loops too many times" in refused(text_loops)


def test_a_template_whose_steps_are_slow_stops_at_the_time_limit():
    source = (
        "{% set s = 'x' * 900000 %}"
        "{% for i in range(10000) %}{% set t = s.replace('x', 'y') %}{% endfor %}"
    )
    assert refused(source) == "the template takes too long to render (over 0.5 s)"


def test_the_time_limit_is_read_at_each_render(monkeypatch):
    monkeypatch.setattr(template_sizes, "RENDER_TIME_LIMIT", -1.0)
    assert "takes too long" in refused("{% for i in range(2) %}{{ i }}{% endfor %}")


def test_a_template_calling_itself_forever_is_a_template_error():
    source = "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}"
    assert refused(source) == "the template calls itself too deeply"


# -- rendered sizes ------------------------------------------------------------------------------


def test_a_body_over_1_mb_is_refused_while_it_streams():
    source = "{% for i in range(2000) %}{{ 'x' * 999 }}{% endfor %}"
    assert refused(source, render_body) == "the body is too large once rendered (over 1 MB)"
    assert refused("x" * (MAX_BODY_BYTES + 1), render_body) == (
        "the body is too large once rendered (over 1 MB)"
    )
    # Counted in UTF-8 bytes: 400,000 "é" are 800,000 bytes, 500,001 are over.
    assert len(render_body("é" * 400_000, VARIABLES)) == 400_000
    assert "too large once rendered" in refused("é" * 500_001, render_body)


def test_a_subject_is_one_line_of_at_most_998_characters_as_sent():
    assert render_subject("a" * MAX_SUBJECT_LENGTH, VARIABLES) == "a" * MAX_SUBJECT_LENGTH
    assert refused("a" * (MAX_SUBJECT_LENGTH + 1), render_subject) == (
        "the subject is too long once rendered (over 998 characters)"
    )
    # Whitespace runs collapse to one space when sent, so they count once.
    spaced = "Hi" + " \n " * 2000 + "{{ firstName }}"
    assert render_subject(spaced, VARIABLES) == spaced.replace("{{ firstName }}", "Ann")
    assert refused("{{ firstName * 400 }}", render_subject).startswith("the subject is too long")


# -- errors inside rendering are template errors -------------------------------------------------


class _Explodes:
    def __init__(self, error: type[BaseException]) -> None:
        self.error = error

    def __str__(self) -> str:
        raise self.error("boom")


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (MemoryError, "the template needs too much memory"),
        (RecursionError, "the template calls itself too deeply"),
        (OverflowError, "template failed: boom"),
        (AttributeError, "template failed: boom"),
    ],
)
def test_memory_recursion_and_overflow_become_template_errors(error, message):
    with pytest.raises(TemplateError) as caught:
        render("{{ value }}", {"value": _Explodes(error)})
    assert str(caught.value) == message


def test_a_float_overflow_is_a_template_error():
    with pytest.raises(TemplateError, match="template failed"):
        render("{{ 2.0 ** 100000 }}", VARIABLES)


# -- nesting -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}",
        "{{ " + "[" * 5000 + "]" * 5000 + " }}",
        "{% if firstName %}" * 5000 + "x" + "{% endif %}" * 5000,
        "{% for i in [1] %}" * 5000 + "x" + "{% endfor %}" * 5000,
        "{% for i in [1] %}" * 21 + "x" + "{% endfor %}" * 21,
        "{{ " + "not " * 5000 + "firstName }}",
        "{{ " + "- " * 5000 + "1 }}",
        "{{ " + " + ".join(["1"] * 5000) + " }}",
        "{{ firstName" + "|upper" * 5000 + " }}",
        "{{ " + "x if y else " * 3000 + "z }}",
    ],
)
def test_deep_nesting_is_refused_with_a_message_never_a_recursion_error(source):
    message = template_error(source)
    assert message is not None and "nested too deeply" in message
    assert "\n" not in message
    for render_with in (render, render_body, render_subject):
        with pytest.raises(TemplateError, match="nested too deeply"):
            render_with(source, VARIABLES)
    assert required_variables(source) == frozenset()
    assert referenced_variables(source) == frozenset()
    assert render_limit_error(source, "body") is None  # template_error reports it


def test_nesting_up_to_the_limit_still_works():
    source = "{{ " + "(" * 20 + "firstName" + ")" * 20 + " }}"
    assert template_error(source) is None
    assert render(source, VARIABLES) == "Ann"
    loops = "{% for i in [1] %}" * 10 + "{{ i }}" + "{% endfor %}" * 10
    assert render(loops, VARIABLES) == "1"
    assert required_variables("{% if a %}" * 20 + "{{ b }}" + "{% endif %}" * 20) == {"b"}


# -- validation: a trial render under the limits --------------------------------------------------


def test_render_limit_error_names_the_field_and_the_limit():
    assert render_limit_error("{{ '%*s'|format(50000000,'x') }}", "body") == f"the body {TOO_WIDE}"
    assert render_limit_error("{{ 'ab' * 30000000 }}", "subject") == f"the subject {REPEATS}"
    assert render_limit_error("{% for i in range(2000) %}{{ 'x' * 999 }}{% endfor %}", "body") == (
        "the body is too large once rendered (over 1 MB)"
    )
    assert render_limit_error("{{ firstName }}" * 30, "subject") == (
        "the subject is too long once rendered (over 998 characters)"
    )


def test_render_limit_error_gives_every_named_variable_a_sample_value():
    # The guarded branch runs with a sample company, so its repetition is found.
    guarded = "{% if company %}{{ company * 100000 }}{% endif %}"
    assert render_limit_error(guarded, "body") == f"the body {REPEATS}"
    assert render(guarded, {}) == ""


@pytest.mark.parametrize(
    "source",
    [
        "Hi {{ firstName }}",
        "Hi {{ firstName | default('there') }}, {{ company }}",
        "{% if company %}at {{ company|upper }}{% else %}hello{% endif %}",
        "{{ firstName + 1 }}",  # fails with made-up values, may work with real ones
        "{{ firstName | int * 1000 }}",
        "{% for x in range(firstName|length) %}{{ x }}{% endfor %}",
        "",
    ],
)
def test_render_limit_error_is_none_for_ordinary_templates(source):
    assert render_limit_error(source, "body") is None
    assert render_limit_error(source, "subject") is None


def test_render_limit_error_only_knows_subjects_and_bodies():
    with pytest.raises(ValueError):
        render_limit_error("x", "footer")


def test_the_fast_path_agrees_with_jinja_on_what_compiles():
    sources = [
        "Hi {{ firstName }}",
        "Hi {{firstName|d('a }} b')}} {{ company | default(\"x\") }}",
        "{{ and }}",
        "{{ none }}",
        "{{ firstName }",
        "{{ firstName }}}",
        "{ {{ x }} }",
        "{{ x|default('a\\'b') }}",
        "{{- x }}",
        "{% if x %}",
        "{# c #}",
        "{{ x|default(y) }}",
        "{{\nx\n}}",
        "{{ x|default('a', true) }}",
        "}} {{ x }} {{",
    ]
    plain = ImmutableSandboxedEnvironment()
    for source in sources:
        try:
            plain.parse(source)
            expected = None
        except TemplateSyntaxError as error:
            expected = f"line {error.lineno}: {error.message}"
        assert template_error(source) == expected, source


@pytest.mark.parametrize(
    "source",
    [
        "Hi {{ firstName }}, see you at {{ company | default('your company') }}.",
        "<p>{{ firstName | d('<b>') }}</p>" * 3,
        "{% if firstName %}{{ firstName|title }}{% elif company %}{{ company }}{% endif %}",
        "{{ firstName if company else 'x' }} {{ firstName ~ company }}",
    ],
)
def test_the_shortcuts_do_not_hide_a_template_that_renders(source):
    # Templates recognised without a trial render do render, within the limits.
    assert render_limit_error(source, "body") is None
    text = render_body(source, {"firstName": "x" * 40, "company": "y" * 40})
    assert len(text.encode()) <= MAX_BODY_BYTES
    assert MAX_FORMAT_WIDTH == 1_000


# -- whatever the text, the checks answer (no exception but TemplateError) -----------------------


def test_numbers_too_long_for_python_are_template_errors():
    for source in ("{{ " + "9" * 5000 + " }}", "{{ 0x" + "f" * 5000 + " }}"):
        message = template_error(source)
        assert message is not None and "a number is too large (over 10,000 bits)" in message
        assert required_variables(source) == frozenset()
        with pytest.raises(TemplateError):
            render(source, VARIABLES)


def test_an_unknown_filter_is_reported_and_never_crashes_the_variable_checks():
    assert template_error("Hi {{ firstName|shout }}") == "line 1: No filter named 'shout'."
    assert template_error("{% if x is loud %}{% endif %}") is None  # Jinja2 decides at runtime
    guarded = "{% if company %}{% for x in [1] %}{{ x|shout }}{% endfor %}{% endif %}"
    assert required_variables(guarded) == frozenset()
    assert referenced_variables(guarded) == frozenset()
    with pytest.raises(TemplateError, match="No filter named"):
        render(guarded, VARIABLES)


_PIECES = [
    "{{", "}}", "{%", "%}", "{#", "#}", "(", ")", "[", "]", "{", "}", "'", '"', "x", "if",
    "for", "in", "endif", "endfor", "range(", "*", "**", "%", "~", "|", "upper", "default(",
    ",", "1", "99999", " ", "\n", "-", "not", "set", "=", "macro", "endmacro", "loop", ".",
    "center(", "format(", "join", "9" * 5000, "é", "\\", "raw", "endraw", "call", "caller()",
    "filter", "endfilter", "is", "defined", "__class__", "namespace(", "dict(", "lipsum(",
    "0x" + "f" * 4000, "replace(", "'%s'", "'{}'", "'%*s'", "10**9", "tojson(", "batch(",
    "sum(", "map(", "start=[]", "recursive", "else", "|list", "|string", "*[", "**{",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_random_texts_never_raise_anything_but_template_errors(seed):
    rng = random.Random(seed)
    for _ in range(400):
        source = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30)))
        template_error(source)
        required_variables(source)
        referenced_variables(source)
        render_limit_error(source, "body")
        render_limit_error(source, "subject")
        for html in (False, True):
            with contextlib.suppress(TemplateError):
                render(source, {"x": "y"}, html=html)


_ORDINARY = [
    "Hi {{ firstName }}, {{ company|default('your team') }}!",
    "<p>{{ company ~ ' & co' }} {{ '<b>'|safe ~ company }}</p>",
    "{% for x in ['a', company, 3] %}{{ loop.index }}{{ x }}{% if not loop.last %}, {% endif %}"
    "{% else %}none{% endfor %}",
    "{% for x in [] %}{{ x }}{% else %}none{% endfor %} {{ range(3)|list }}",
    "{% macro hi(name) %}<i>{{ name }}</i>{% endmacro %}{{ hi(firstName) }}{{ hi('<x>') }}",
    "{% set greeting %}Hello {{ firstName }}{% endset %}{{ greeting|upper }}",
    "{% filter title %}dear {{ company }}{% endfilter %} {{ '%s-%d'|format(company, 7) }}",
    "{{ '{} at {}'.format(firstName, company) }} {{ '<{}>'|safe }} {{ 3 * 'ab' }} {{ 2 ** 8 }}",
    "{{ [company, firstName]|join(' / ') }} {{ company|replace('c', 'k') }} {{ 'x'|center(5) }}",
    "{% set ns = namespace(n=0) %}{% for i in range(5) %}{% set ns.n = ns.n + i %}{% endfor %}"
    "{{ ns.n }} {{ ({'a': 1}|dictsort) }} {{ 'a\tb'.expandtabs(4) }} {{ company[1:] }}",
    "{% for row in [1, 2, 3, 4]|batch(3, 0) %}{{ row }}{% endfor %} {{ [1, 2]|sum }}",
    "{% for a in [[1, [2]], [3]] recursive %}{{ a if a is number else loop(a) }}{% endfor %}",
]


@pytest.mark.parametrize("source", _ORDINARY)
@pytest.mark.parametrize("html", [False, True])
def test_ordinary_templates_render_exactly_as_jinja2_does(source, html):
    plain = ImmutableSandboxedEnvironment(autoescape=html, keep_trailing_newline=True)
    variables = {"firstName": "Ann", "company": "Acme <&>"}
    assert render(source, variables, html=html) == plain.from_string(source).render(variables)
