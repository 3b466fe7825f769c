"""The limits of a template render: a sandbox where no template can exhaust the machine.

Part of `templating` (its public face): the limits, the work budget of a render, the
size checks and the Jinja2 environment that applies them. How the bounds hold is told
in `templating`'s docstring.
"""

from __future__ import annotations

import builtins
import contextvars
import functools
import re
import time
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
)
from jinja2.utils import Namespace, generate_lorem_ipsum
from markupsafe import Markup

from .errors import TemplateError

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

    `predicate` completes "the template …" (e.g. "repeats text too many times (…)"), so a
    caller can say which field went past it: ``str(error)`` is "the <what> <predicate>".
    """

    def __init__(self, predicate: str, what: str = "template") -> None:
        super().__init__(f"the {what} {predicate}")
        self.predicate = predicate
        self.what = what


def _mb(size: int) -> str:
    return f"{size / 1_000_000:g} MB"


_TOO_LARGE = f"builds a value too large (over {MAX_VALUE_SIZE:,} characters)"
_REPEATS = f"repeats text too many times (over {MAX_VALUE_SIZE:,} characters)"
_TOO_WIDE = f"pads text too widely (a width over {MAX_FORMAT_WIDTH:,})"
_BIG_NUMBER = f"computes too large a number (over {MAX_NUMBER_BITS:,} bits)"
_BIG_RANGE = f"asks for a range of over {MAX_RANGE_ITEMS:,} items"
_TOO_MANY_STEPS = f"loops too many times (over {MAX_RENDER_STEPS:,} steps)"
_TOO_SLOW = f"takes too long to render (over {RENDER_TIME_LIMIT:g} s)"
_TOO_MUCH_MEMORY = "needs too much memory"
_TOO_DEEP_CALLS = "calls itself too deeply"
_RENDERED_TOO_LARGE = f"is too large once rendered (over {_mb(MAX_BODY_BYTES)})"
_SUBJECT_TOO_LONG = f"is too long once rendered (over {MAX_SUBJECT_LENGTH:,} characters)"
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
            raise TemplateLimitError(_TOO_MANY_STEPS)
        if time.perf_counter() > self.deadline:
            raise TemplateLimitError(_TOO_SLOW)


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
            raise TemplateLimitError(_TOO_LARGE)
    elif isinstance(value, int):
        if value.bit_length() > MAX_NUMBER_BITS:
            raise TemplateLimitError(_BIG_NUMBER)
    elif isinstance(value, _CONTAINERS) and _weight(value) > MAX_VALUE_SIZE:
        raise TemplateLimitError(_TOO_LARGE)
    return value


def _length(value: Any) -> int:
    return len(value) if isinstance(value, str | bytes) else _weight(value)


def _checked_width(value: Any) -> None:
    if isinstance(value, int) and abs(value) > MAX_FORMAT_WIDTH:
        raise TemplateLimitError(_TOO_WIDE)


def _checked_digits(digits: str) -> None:
    """Width/precision digits of a format: refused past MAX_FORMAT_WIDTH (no int() of 5,000 digits)."""
    digits = digits.lstrip("0")
    if len(digits) > len(str(MAX_FORMAT_WIDTH)) or (digits and int(digits) > MAX_FORMAT_WIDTH):
        raise TemplateLimitError(_TOO_WIDE)


def _checked_size(predicted: int, predicate: str = _REPEATS) -> None:
    if predicted > MAX_VALUE_SIZE:
        raise TemplateLimitError(predicate)


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
            raise TemplateLimitError(_TOO_LARGE)
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
        raise TemplateLimitError(_BIG_RANGE)
    return items


def _limited_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """Jinja2's `lipsum()` (same parameters), for at most MAX_RANGE_ITEMS words."""
    if not all(isinstance(value, int) for value in (n, min, max)):
        raise TypeError("lipsum() takes whole numbers")
    if n * builtins.max(max, 1) > MAX_RANGE_ITEMS:
        raise TemplateLimitError(f"asks for over {MAX_RANGE_ITEMS:,} words of lorem ipsum")
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
            raise TemplateLimitError(_TOO_LARGE)
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
            raise TemplateLimitError(_TOO_LARGE)

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


# ---------------------------------------------------------------------------------------------
# String methods


def _argument(args: list[Any], kwargs: Mapping[str, Any], index: int, name: str, default: Any):
    if index < len(args):
        return args[index]
    return kwargs.get(name, default)


def _predicted_replace(text: Any, old: Any, new: Any, count: Any) -> int:
    """Length of `text.replace(old, new, count)`, computed without building it."""
    text_value = text if isinstance(text, str | bytes) else str(text)
    kinds = {isinstance(part, bytes) for part in (text_value, old, new)}
    if not all(isinstance(part, str | bytes) for part in (old, new)) or len(kinds) > 1:
        return 0  # the call itself raises TypeError
    try:
        occurrences = text_value.count(old) if old else len(text_value) + 1
    except TypeError:
        return 0
    if isinstance(count, int) and not isinstance(count, bool) and count >= 0:
        occurrences = min(occurrences, count)
    return len(text_value) + occurrences * (len(new) - len(old))


def _checked_method_args(method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]):
    """Refuse a string method call whose result would pass a limit; the args to call it with."""
    owner = getattr(method, "__self__", None)
    if not isinstance(owner, str | bytes) or not isinstance(
        method, types.BuiltinMethodType | types.MethodType
    ):
        return args
    name = method.__name__
    values = list(args)
    if name in ("center", "ljust", "rjust", "zfill"):
        _checked_width(_argument(values, kwargs, 0, "width", 0))
    elif name == "expandtabs":
        tabsize = _argument(values, kwargs, 0, "tabsize", 8)
        _checked_width(tabsize)
        if isinstance(tabsize, int):
            tabs = owner.count(b"\t" if isinstance(owner, bytes) else "\t")
            _checked_size(len(owner) + tabs * max(tabsize, 0))
    elif name == "replace" and len(values) >= 2:
        count = _argument(values, kwargs, 2, "count", -1)
        _checked_size(_predicted_replace(owner, values[0], values[1], count))
    elif name == "join" and values:
        items = _materialized(values[0])
        _checked_size(sum(_length(item) for item in items) + len(owner) * len(items), _TOO_LARGE)
        values[0] = items
    elif name == "translate" and values and isinstance(values[0], Mapping):
        longest = max((_length(v) for v in values[0].values() if v is not None), default=1)
        _checked_size(len(owner) * max(longest, 1))
    return tuple(values)


class _FieldLimits:
    """`str.format` fields: widths bounded, values measured before they are formatted."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        _tick()
        _check_format_spec(format_spec)
        _check_value(value)
        return super().format_field(value, format_spec)  # type: ignore[misc]

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        _check_value(value)
        return super().convert_field(value, conversion)  # type: ignore[misc]


class _LimitedFormatter(_FieldLimits, SandboxedFormatter):
    pass


class _LimitedEscapeFormatter(_FieldLimits, SandboxedEscapeFormatter):
    pass


# ---------------------------------------------------------------------------------------------
# Filters


def _filter_checks(name: str, args: list[Any], kwargs: dict[str, Any]) -> None:
    """Refuse a filter call whose result would pass a limit; args[0] is the filtered value."""
    value, rest = args[0], args[1:]
    if name == "center":
        _checked_width(_argument(rest, kwargs, 0, "width", 80))
    elif name == "indent":
        width = _argument(rest, kwargs, 0, "width", 4)
        step = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
        _checked_width(step)
        text = str(value)
        _checked_size(len(text) + (text.count("\n") + 1) * max(step, 0))
    elif name == "format":
        _check_percent(str(value), kwargs or tuple(rest))
    elif name == "replace" and len(rest) >= 2:
        count = _argument(rest, kwargs, 2, "count", None)
        _checked_size(_predicted_replace(str(value), str(rest[0]), str(rest[1]), count))
    elif name == "tojson":
        indent = _argument(rest, kwargs, 0, "indent", None)
        _checked_width(len(indent) if isinstance(indent, str) else indent)
    elif name in ("batch", "slice"):
        size = _argument(rest, kwargs, 0, "linecount" if name == "batch" else "slices", 0)
        if isinstance(size, int) and size > MAX_RANGE_ITEMS:
            raise TemplateLimitError(_BIG_RANGE)
    elif name in ("wordwrap", "urlize"):
        if len(str(value)) > MAX_SLOW_FILTER_INPUT:
            raise TemplateLimitError(
                f"gives {name} too much text (over {MAX_SLOW_FILTER_INPUT:,} characters)"
            )
        wrapstring = _argument(rest, kwargs, 2, "wrapstring", None) if name == "wordwrap" else None
        if isinstance(wrapstring, str):
            _checked_size(len(str(value)) * (1 + len(wrapstring)))


def _materializing_checks(name: str, args: list[Any], kwargs: dict[str, Any]) -> None:
    """Filters that walk an iterable into one value: the items are measured first."""
    if name == "join":
        items = _materialized(args[0])
        separator = _argument(args[1:], kwargs, 0, "d", "")
        _checked_size(
            sum(_length(item) for item in items) + len(str(separator)) * len(items), _TOO_LARGE
        )
        args[0] = items
    elif name == "sum":
        start = _argument(args[1:], kwargs, 1, "start", 0)
        if not isinstance(start, int | float):
            items = _materialized(args[0])
            _checked_size(sum(_length(item) for item in items) + _length(start), _TOO_LARGE)
            args[0] = items


def _limited_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function` (a Jinja2 filter) with one budget step, its inputs and result measured."""
    # Filters marked pass_context/pass_eval_context/pass_environment get that object first.
    skip = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(function)
    def limited(*args: Any, **kwargs: Any) -> Any:
        _tick()
        values = list(args)
        for value in values[skip:]:
            _check_value(value)
        for value in kwargs.values():
            _check_value(value)
        if len(values) > skip:
            own = values[skip:]
            _filter_checks(name, own, kwargs)
            _materializing_checks(name, own, kwargs)
            values[skip:] = own
        return _check_value(function(*values, **kwargs))

    return limited


# ---------------------------------------------------------------------------------------------
# The environment


class _LimitedCodeGenerator(CodeGenerator):
    """Jinja2's code generator, with every loop counted and every `~` and buffer measured."""

    def buffer(self, frame: Frame) -> None:
        # Jinja2's own buffer(), with a _Buffer instead of a list.
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.fluenzr_buffer()")

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        for loop in node.find_all(nodes.For):
            counted = nodes.Call(
                nodes.EnvironmentAttribute("fluenzr_counted"),
                [loop.iter],
                [],
                None,
                None,
                lineno=loop.iter.lineno,
            )
            counted.set_environment(self.environment)
            loop.iter = counted
        super().visit_Template(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        # Jinja2's own visit_Concat, the join going through environment.fluenzr_join.
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"environment.fluenzr_join({join}, (")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write("))")


class _LimitedEnvironment(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, bounded in size, work and time (see the module docstring)."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})
    code_generator_class = _LimitedCodeGenerator

    def __init__(self, **options: Any) -> None:
        super().__init__(finalize=_finalize, **options)
        self.globals["range"] = _limited_range
        self.globals["lipsum"] = _limited_lipsum
        self.filters = {name: _limited_filter(name, f) for name, f in self.filters.items()}
        # Reached by generated code only (templates cannot name `environment`).
        self.fluenzr_counted = _counted
        self.fluenzr_join = _limited_join
        self.fluenzr_buffer = _Buffer

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _tick()
        if operator == "*":
            _check_product(left, right)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "%" and isinstance(left, str | bytes):
            _check_percent(left, right)
        elif operator == "+" and not isinstance(left, int | float):
            _checked_size(_weight(left) + _weight(right), _TOO_LARGE)
        return _check_value(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _tick()
        args = _checked_method_args(__obj, args, kwargs)
        return _check_value(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """Jinja2's sandboxed `str.format`/`format_map`, with field widths and values bounded."""
        if not isinstance(value, types.MethodType | types.BuiltinMethodType) or (
            value.__name__ not in ("format", "format_map")
        ):
            return None
        owner = value.__self__
        if not isinstance(owner, str):
            return None
        text_type = type(owner)
        is_format_map = value.__name__ == "format_map"
        formatter: SandboxedFormatter
        if isinstance(owner, Markup):
            formatter = _LimitedEscapeFormatter(self, escape=owner.escape)
        else:
            formatter = _LimitedFormatter(self)

        def wrapper(*args: Any, **kwargs: Any) -> str:
            _tick()
            if is_format_map:
                if kwargs:
                    raise TypeError("format_map() takes no keyword arguments")
                if len(args) != 1:
                    raise TypeError(f"format_map() takes exactly one argument ({len(args)} given)")
                kwargs, args = args[0], ()
            return _check_value(text_type(formatter.vformat(owner, args, kwargs)))

        return functools.update_wrapper(wrapper, value)


def _check_product(left: Any, right: Any) -> None:
    """`left * right`: repetition of text or lists, or a product of two integers."""
    if isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > MAX_NUMBER_BITS:
            raise TemplateLimitError(_BIG_NUMBER)
        return
    for sequence, times in ((left, right), (right, left)):
        repeated = isinstance(times, int) and isinstance(sequence, str | bytes | list | tuple)
        if repeated and times > 0 and _weight(sequence) * times > MAX_VALUE_SIZE:
            raise TemplateLimitError(_REPEATS)


def _check_power(base: Any, exponent: Any) -> None:
    if not (isinstance(base, int) and isinstance(exponent, int)) or abs(base) <= 1:
        return
    if exponent > 0 and base.bit_length() * exponent > MAX_NUMBER_BITS:
        raise TemplateLimitError(_BIG_NUMBER)


def _environment(html: bool) -> _LimitedEnvironment:
    return _LimitedEnvironment(
        autoescape=html,
        keep_trailing_newline=True,
        # Jinja2 statements in cold emails are rare; line statements would turn a
        # body line starting with "#" into syntax, so they stay off.
    )


_TEXT_ENV = _environment(html=False)
_HTML_ENV = _environment(html=True)
