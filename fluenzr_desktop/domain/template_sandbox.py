"""The sandbox of a template render: the Jinja2 environment where no template can exhaust
the machine.

Part of `templating` (its public face): string methods, filters, operators and the code
generator, each routed through the measures and the work budget of `template_sizes`. How
the bounds hold is told in `templating`'s docstring.
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import (
    ImmutableSandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
)
from markupsafe import Markup

from .template_sizes import (
    _BIG_NUMBER,
    _BIG_RANGE,
    _REPEATS,
    _TOO_LARGE,
    MAX_NUMBER_BITS,
    MAX_RANGE_ITEMS,
    MAX_SLOW_FILTER_INPUT,
    MAX_VALUE_SIZE,
    TemplateLimitError,
    _Buffer,
    _check_format_spec,
    _check_percent,
    _check_value,
    _checked_size,
    _checked_width,
    _counted,
    _finalize,
    _length,
    _limited_join,
    _limited_lipsum,
    _limited_range,
    _materialized,
    _tick,
    _weight,
)

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
            raise TemplateLimitError(*_BIG_RANGE)
    elif name in ("wordwrap", "urlize"):
        if len(str(value)) > MAX_SLOW_FILTER_INPUT:
            params = {"filter": name, "max": MAX_SLOW_FILTER_INPUT}
            raise TemplateLimitError("template_slow_filter", params)
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
            raise TemplateLimitError(*_BIG_NUMBER)
        return
    for sequence, times in ((left, right), (right, left)):
        repeated = isinstance(times, int) and isinstance(sequence, str | bytes | list | tuple)
        if repeated and times > 0 and _weight(sequence) * times > MAX_VALUE_SIZE:
            raise TemplateLimitError(*_REPEATS)


def _check_power(base: Any, exponent: Any) -> None:
    if not (isinstance(base, int) and isinstance(exponent, int)) or abs(base) <= 1:
        return
    if exponent > 0 and base.bit_length() * exponent > MAX_NUMBER_BITS:
        raise TemplateLimitError(*_BIG_NUMBER)


def _environment(html: bool) -> _LimitedEnvironment:
    return _LimitedEnvironment(
        autoescape=html,
        keep_trailing_newline=True,
        # Jinja2 statements in cold emails are rare; line statements would turn a
        # body line starting with "#" into syntax, so they stay off.
    )


_TEXT_ENV = _environment(html=False)
_HTML_ENV = _environment(html=True)
