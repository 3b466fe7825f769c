"""The size and work accounting of a template render: limits, budget, measures, checks.

Part of `templating` (its public face), with `template_sandbox` (the Jinja2 environment
that calls these checks). A limit passed is a `TemplateLimitError` naming a problem code
(`domain.problems.LIMIT_PREDICATES`) with its parameters.
"""

from __future__ import annotations

import builtins
import contextvars
import re
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jinja2.utils import Namespace, generate_lorem_ipsum

from .errors import TemplateError
from .problems import LIMIT_PREDICATES

# ---------------------------------------------------------------------------------------------
# Limits (the one place they are set)

# A subject is one header line: RFC 5322 caps a line at 998 characters.
MAX_SUBJECT_LENGTH = 998
# A rendered body, in UTF-8 bytes; every render also stops streaming past this size.
MAX_BODY_BYTES = 1_000_000
# Any one value a template builds: characters of a string, or the printed size of a list.
MAX_VALUE_SIZE = 1_000_000
# Widths and precisions of padding and formatting (`center`, `'%*s'`, `'{:>N}'`, …).
MAX_FORMAT_WIDTH = 1_000
# Items of one `range()`.
MAX_RANGE_ITEMS = 10_000
# Size of one integer a template computes (`**`, `*`): about 3,000 decimal digits.
MAX_NUMBER_BITS = 10_000
# Steps of one render: loop iterations, calls, filters, operators and printed values.
MAX_RENDER_STEPS = 200_000
# Seconds one render may take (measured with time.perf_counter, never the wall clock).
RENDER_TIME_LIMIT = 0.5
# Brackets inside one tag, and blocks inside one another.
MAX_NESTING = 20
# Depth of the syntax tree (chains like `a + b + c + …` or `x|f|f|f…` nest without brackets).
MAX_SYNTAX_DEPTH = 100
# Longest text `wordwrap` and `urlize` accept (both are slow Python loops over their input).
MAX_SLOW_FILTER_INPUT = 100_000
# What validation gives every variable a template names, to try a render before activation.
SAMPLE_VALUE = "x" * 40


class TemplateLimitError(TemplateError):
    """A template that goes past one of the limits above while it renders or compiles.

    `code` names the limit (a key of LIMIT_PREDICATES) and `params` its figures;
    `predicate` completes "the template …" (e.g. "repeats text too many times (…)"), so a
    caller can say which field went past it: ``str(error)`` is "the <what> <predicate>".
    """

    def __init__(
        self, code: str, params: dict[str, Any] | None = None, what: str = "template"
    ) -> None:
        self.code = code
        self.params = dict(params or {})
        self.predicate = LIMIT_PREDICATES[code].format_map(self.params)
        self.what = what
        super().__init__(f"the {what} {self.predicate}")


# Limits passed, as (code, params) for TemplateLimitError.
_TOO_LARGE = ("template_too_large", {"max": MAX_VALUE_SIZE})
_REPEATS = ("template_repeats", {"max": MAX_VALUE_SIZE})
_TOO_WIDE = ("template_too_wide", {"max": MAX_FORMAT_WIDTH})
_BIG_NUMBER = ("template_big_number", {"max": MAX_NUMBER_BITS})
_BIG_RANGE = ("template_big_range", {"max": MAX_RANGE_ITEMS})
_TOO_MANY_STEPS = ("template_too_many_steps", {"max": MAX_RENDER_STEPS})
_TOO_MUCH_MEMORY = ("template_too_much_memory", {})
_TOO_DEEP_CALLS = ("template_too_deep_calls", {})
_RENDERED_TOO_LARGE = ("template_rendered_too_large", {"megabytes": MAX_BODY_BYTES / 1_000_000})
_SUBJECT_TOO_LONG = ("template_subject_too_long", {"max": MAX_SUBJECT_LENGTH})
_NESTED_LIMIT = ("template_nested", {"max": MAX_NESTING})
# The details of a template that does not compile (`templating.template_error`).
_NESTED = f"nested too deeply (over {MAX_NESTING} levels)"
_NESTED_EXPRESSION = f"nested too deeply (an expression over {MAX_SYNTAX_DEPTH} levels deep)"
_LONG_NUMBER = f"a number is too large (over {MAX_NUMBER_BITS:,} bits)"

# ---------------------------------------------------------------------------------------------
# The work budget of the render in progress


class _Budget:
    """Steps and time left to the render in progress."""

    __slots__ = ("deadline", "steps")

    def __init__(self) -> None:
        self.steps = 0
        self.deadline = time.perf_counter() + RENDER_TIME_LIMIT

    def tick(self) -> None:
        self.steps += 1
        if self.steps > MAX_RENDER_STEPS:
            raise TemplateLimitError(*_TOO_MANY_STEPS)
        if time.perf_counter() > self.deadline:
            raise TemplateLimitError("template_too_slow", {"seconds": RENDER_TIME_LIMIT})


# None outside a render (Jinja2 folds constants while compiling: sizes are still checked).
_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar(
    "fluenzr_template_budget", default=None
)


def _tick() -> None:
    budget = _BUDGET.get()
    if budget is not None:
        budget.tick()


# ---------------------------------------------------------------------------------------------
# Sizes


_CONTAINERS = (list, tuple, set, frozenset, dict, Namespace)


def _items_of(value: Any) -> Iterable[Any] | None:
    """The members a container prints (dict keys and values), or None for a leaf."""
    if isinstance(value, dict):
        return [*value.keys(), *value.values()]
    if isinstance(value, Namespace):
        attrs = value._Namespace__attrs  # type: ignore[attr-defined]
        return [*attrs.keys(), *attrs.values()]
    if isinstance(value, list | tuple | set | frozenset):
        return value
    return None


def _weight(value: Any, limit: int = MAX_VALUE_SIZE) -> int:
    """About how many characters `value` prints as; stops counting once past `limit`.

    Shared members count each time they appear (that is how they print), so the walk
    visits at most `limit` members however the value was built.
    """
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, int):
        return value.bit_length() // 3 + 1
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str | bytes):
            total += len(item) + 2
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 1
        else:
            members = _items_of(item)
            if members is None:
                total += 1
            else:
                total += 2 + len(members)  # type: ignore[arg-type]
                if total <= limit:
                    stack.extend(members)
        if total > limit:
            return total
    return total


def _check_value(value: Any) -> Any:
    """`value` itself, or TemplateLimitError when it is past a size limit."""
    if isinstance(value, str | bytes):
        if len(value) > MAX_VALUE_SIZE:
            raise TemplateLimitError(*_TOO_LARGE)
    elif isinstance(value, int):
        if value.bit_length() > MAX_NUMBER_BITS:
            raise TemplateLimitError(*_BIG_NUMBER)
    elif isinstance(value, _CONTAINERS) and _weight(value) > MAX_VALUE_SIZE:
        raise TemplateLimitError(*_TOO_LARGE)
    return value


def _length(value: Any) -> int:
    return len(value) if isinstance(value, str | bytes) else _weight(value)


def _checked_width(value: Any) -> None:
    if isinstance(value, int) and abs(value) > MAX_FORMAT_WIDTH:
        raise TemplateLimitError(*_TOO_WIDE)


def _checked_digits(digits: str) -> None:
    """Width/precision digits of a format: refused past MAX_FORMAT_WIDTH (no int() of 5,000 digits)."""
    digits = digits.lstrip("0")
    if len(digits) > len(str(MAX_FORMAT_WIDTH)) or (digits and int(digits) > MAX_FORMAT_WIDTH):
        raise TemplateLimitError(*_TOO_WIDE)


def _checked_size(predicted: int, predicate: tuple[str, dict[str, Any]] = _REPEATS) -> None:
    if predicted > MAX_VALUE_SIZE:
        raise TemplateLimitError(*predicate)


def _materialized(iterable: Any) -> list[Any]:
    """The items of an iterable as a list, refused once their printed size passes the limit."""
    if isinstance(iterable, list | tuple) and _weight(iterable) <= MAX_VALUE_SIZE:
        return list(iterable)
    items: list[Any] = []
    total = 0
    for item in iterable:
        _tick()
        total += _weight(item, MAX_VALUE_SIZE - total) + 1
        if total > MAX_VALUE_SIZE:
            raise TemplateLimitError(*_TOO_LARGE)
        items.append(item)
    return items


# printf-style conversions: %[(key)][flags][width][.precision][length]type
_PERCENT_SPEC = re.compile(r"%(\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?(.?)", re.S)


def _check_percent(template: Any, values: Any) -> None:
    """Refuse `template % values` when a width or precision passes MAX_FORMAT_WIDTH."""
    _check_value(values)
    text = template.decode("latin-1") if isinstance(template, bytes) else str(template)
    positional = values if isinstance(values, tuple) else (values,)
    index = 0
    for match in _PERCENT_SPEC.finditer(text):
        key, width, precision, conversion = match.groups()
        if conversion == "%" and key is None and width is None and precision is None:
            continue
        for part in (width, precision):
            if part == "*":
                if index < len(positional):
                    _checked_width(positional[index])
                index += 1
            elif part:
                _checked_digits(part)
        if key is None:
            index += 1


def _check_format_spec(spec: str) -> None:
    """Refuse a `str.format` field whose width or precision passes MAX_FORMAT_WIDTH."""
    for digits in re.findall(r"\d+", spec):
        _checked_digits(digits)


# ---------------------------------------------------------------------------------------------
# Globals, loops and joins


def _limited_range(*args: Any) -> range:
    """`range()` of at most MAX_RANGE_ITEMS items."""
    items = range(*args)
    try:
        too_many = len(items) > MAX_RANGE_ITEMS
    except OverflowError:  # more items than a C size_t holds
        too_many = True
    if too_many:
        raise TemplateLimitError(*_BIG_RANGE)
    return items


def _limited_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """Jinja2's `lipsum()` (same parameters), for at most MAX_RANGE_ITEMS words."""
    if not all(isinstance(value, int) for value in (n, min, max)):
        raise TypeError("lipsum() takes whole numbers")
    if n * builtins.max(max, 1) > MAX_RANGE_ITEMS:
        raise TemplateLimitError("template_lorem_ipsum", {"max": MAX_RANGE_ITEMS})
    return generate_lorem_ipsum(n=n, html=html, min=min, max=max)


def _counted(iterable: Any) -> Iterator[Any]:
    """What every `{% for %}` iterates: the items of `iterable`, one budget step each."""
    budget = _BUDGET.get()
    for item in iterable:
        if budget is not None:
            budget.tick()
        yield item


def _limited_join(join: Callable[[Any], Any], parts: tuple[Any, ...]) -> Any:
    """The `~` operator: refused when the pieces together pass MAX_VALUE_SIZE."""
    _tick()
    total = 0
    for part in parts:
        total += _weight(part, MAX_VALUE_SIZE - total)
        if total > MAX_VALUE_SIZE:
            raise TemplateLimitError(*_TOO_LARGE)
    return join(parts)


class _Buffer(list):
    """Where a macro, a `{% set %}` block or a filter/call block collects its output.

    Jinja2 joins such output only when the block ends: counted as it is appended, it can
    never add up to more than MAX_VALUE_SIZE characters (printed only once per value, a
    string repeated by a loop would otherwise be joined into gigabytes).
    """

    __slots__ = ("size",)

    def __init__(self) -> None:
        super().__init__()
        self.size = 0

    def _grow(self, item: Any) -> None:
        self.size += len(item) if isinstance(item, str) else _weight(item)
        if self.size > MAX_VALUE_SIZE:
            raise TemplateLimitError(*_TOO_LARGE)

    def append(self, item: Any) -> None:
        self._grow(item)
        super().append(item)

    def extend(self, items: Iterable[Any]) -> None:
        items = tuple(items)
        for item in items:
            self._grow(item)
        super().extend(items)


def _finalize(value: Any) -> Any:
    """Every value a template prints: one step, and refused past MAX_VALUE_SIZE."""
    _tick()
    return _check_value(value)
