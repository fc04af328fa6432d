"""Jinja's sandbox with a budget: a template may read the decree, never run code, and never
exhaust the machine.

Jinja's ImmutableSandboxedEnvironment keeps a template away from Python's internals, but not
from a billion-character string (`'A' * 10**9`, `x.center(2000000000)`), a list of 10**8 items
or nested loops of range(100000). A template comes from another office by e-mail, so every
render runs on a budget (kpu_docs.bounds): steps (loop iterations, calls, numbers given by
range), seconds, the size of each value made, and the length of the output. Sizes are
estimated before the operation where it can be done (multiplication, padding, replace), so the
memory is never taken; everything else is measured after. Exceeding it is TemplateExhausted,
one message.
"""

from __future__ import annotations

import contextvars
import functools
import math
import re
import time
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.runtime import markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from kpu_docs import bounds
from kpu_docs.errors import KpuDocsError


class TemplateExhausted(KpuDocsError, ValueError):
    """A template that would take more steps, time, memory or output than any decree needs."""


class _Budget:
    """What one render may still spend: steps, seconds, and characters or items made."""

    def __init__(self) -> None:
        self.steps = 0
        self.made = 0
        self.deadline = time.monotonic() + bounds.TEMPLATE_SECONDS_MAX

    def spend(self, steps: int = 1) -> None:
        self.steps += steps
        if self.steps > bounds.TEMPLATE_STEPS_MAX:
            raise TemplateExhausted(f"templat berulang terlalu banyak (lebih dari {_number(bounds.TEMPLATE_STEPS_MAX)} "
                                    "langkah: putaran perulangan, panggilan, angka dari range)")
        if not self.steps % 64 and time.monotonic() > self.deadline:
            raise TemplateExhausted(f"templat terlalu lama diisi (lebih dari {bounds.TEMPLATE_SECONDS_MAX} detik)")

    def make(self, size: int) -> None:
        self.made += size
        if self.made > bounds.TEMPLATE_MADE_MAX:
            raise TemplateExhausted(f"templat membuat terlalu banyak teks (lebih dari {_number(bounds.TEMPLATE_MADE_MAX)} "
                                    "karakter dalam satu pengisian)")


_BUDGET: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("kpu_docs_template_budget", default=None)


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _spend(steps: int = 1) -> None:
    budget = _BUDGET.get()
    if budget is not None:
        budget.spend(steps)


def _check_size(size: int, what: str = "teks") -> None:
    """Refuse a text of `size` characters (or, what="daftar", a collection of `size` items)."""
    limit = bounds.TEMPLATE_ITEMS_MAX if what != "teks" else bounds.TEMPLATE_TEXT_MAX
    if size > limit:
        raise TemplateExhausted(f"templat membuat {what} terlalu besar ({_number(size)} "
                                f"{'karakter' if what == 'teks' else 'unsur'}; batas {_number(limit)})")


def _size(value: Any) -> tuple[int, str] | None:
    if isinstance(value, (str, bytes)):
        return len(value), "teks"
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        return len(value), "daftar"
    return None


def _checked(value: Any) -> Any:
    """`value`, refused when it is a text or collection beyond its limit."""
    found = _size(value)
    if found is not None:
        _check_size(*found)
    return value


def _made(value: Any) -> Any:
    """A value an operation of the template made: measured, and counted in the budget."""
    found = _size(value)
    if found is not None:
        _check_size(*found)
        budget = _BUDGET.get()
        if budget is not None:
            budget.make(found[0])
    return value


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


_WIDTH_METHODS = {"center", "ljust", "rjust", "zfill"}
_FORMAT_WIDTH = re.compile(r"%(?:\([^)]*\))?[^a-zA-Z%]*?(\d{7,}|\*)|\{[^}]*?(\d{7,}|\{)")
"""A width or precision of seven digits or more, or one given as an argument, in a %- or {}-format."""
_TOO_WIDE = "templat memakai lebar format yang terlalu besar"


def _before_str_method(name: str, text: str, args: tuple, kwargs: dict) -> None:
    """Refuse a str method whose result would be beyond the limit, before it is made."""
    if name in _WIDTH_METHODS and args and (width := _int(args[0])) is not None:
        _check_size(width)
    elif name == "expandtabs":
        size = _int(args[0] if args else kwargs.get("tabsize", 8)) or 0
        _check_size(len(text) + text.count("\t") * max(size, 0))
    elif name == "replace" and len(args) >= 2:
        _check_replace(text, args[0], args[1], args[2] if len(args) > 2 else -1)
    elif name in ("format", "format_map") and _FORMAT_WIDTH.search(text):
        raise TemplateExhausted(_TOO_WIDE)
    elif name == "join" and args:
        _check_joined(args[0], len(text))


def _check_joined(items: Any, separator: int = 0) -> None:
    """Refuse joining `items` (a list or tuple) into a text beyond the limit."""
    if isinstance(items, (list, tuple)):
        _check_size(sum(len(item) if isinstance(item, str) else len(str(item)) for item in items)
                    + separator * max(len(items) - 1, 0))


def _check_replace(text: Any, old: Any, new: Any, count: Any = -1) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str) and len(new) > len(old):
        found = text.count(old) if old else len(text) + 1
        if isinstance(count, int) and count >= 0:
            found = min(found, count)
        _check_size(len(text) + found * (len(new) - len(old)))


_LISTING = {"list", "batch", "slice", "map", "select", "reject", "selectattr", "rejectattr", "unique", "sort",
            "groupby", "dictsort"}
"""Built-in filters that make a list of what they are given: a long text, one item per character."""
_SIZED_BY_ARGUMENT = {"center", "indent", "wordwrap", "slice", "batch", "truncate"}
"""Built-in filters whose number argument is a width or a count: refused beyond the limits."""


def _bounded_filter(name: str, function: Callable) -> Callable:
    """A built-in filter that spends a step, refuses arguments that would make a huge value
    (a width, a count of slices, a replace bomb), and whose result is measured."""

    @functools.wraps(function)  # keeps jinja_pass_arg (the context or environment first)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _spend()
        passed = getattr(function, "jinja_pass_arg", None) is not None
        value, rest = (args[1], args[2:]) if passed else (args[0], args[1:])
        if name in _LISTING and isinstance(value, (str, bytes)):
            _check_size(len(value), "daftar")
        if name == "replace" and len(rest) >= 2:
            _check_replace(str(value), rest[0], rest[1], rest[2] if len(rest) > 2 else -1)
        elif name == "join":
            separator = rest[0] if rest and isinstance(rest[0], str) else kwargs.get("d", "")
            _check_joined(value, len(separator) if isinstance(separator, str) else 0)
        elif name == "format" and _FORMAT_WIDTH.search(str(value)):
            raise TemplateExhausted(_TOO_WIDE)
        elif name in _SIZED_BY_ARGUMENT:
            lines = str(value).count("\n") + 1 if name == "indent" else 1
            for argument in (*rest, *kwargs.values()):
                number = _int(argument)
                if number is not None:
                    _check_size(abs(number) * lines, "daftar" if name in ("slice", "batch") else "teks")
        return _made(function(*args, **kwargs))

    return bounded


def _range(*args: int) -> range:
    """range() that spends a step for every number it gives, counted before any is given."""
    numbers = range(*args)
    _check_size(len(numbers), "daftar")
    _spend(len(numbers))
    return numbers


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # noqa: A002 (Jinja's names)
    """Jinja's filler text, at most 100 paragraphs of at most 1,000 words (n=10**6 was 100 MB)."""
    from jinja2.utils import generate_lorem_ipsum

    if not (isinstance(n, int) and isinstance(max, int) and n <= 100 and max <= 1000):
        raise TemplateExhausted("templat meminta teks lipsum terlalu panjang (paling banyak 100 paragraf)")
    return generate_lorem_ipsum(n, html, min, max)


class _Bounding(NodeTransformer):
    """Each loop body and loop filter starts with a step of the budget (a loop over a long
    list with nothing inside would otherwise never be counted); each `~` is measured before
    it joins."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.body.insert(0, nodes.ExprStmt(_environment_call("step"), lineno=node.lineno))
        if node.test is not None:
            node.test = nodes.And(_environment_call("step"), node.test, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _environment_call("join", node.nodes, node.lineno)


def _environment_call(name: str, arguments: list | None = None, lineno: int | None = None) -> nodes.Call:
    return nodes.Call(nodes.EnvironmentAttribute(name), arguments or [], [], None, None, lineno=lineno)


def _step() -> bool:
    """A step of a loop (spent by BoundedSandbox.call): true, so that it can stand before a loop's filter."""
    return True


_STEP = _step


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The sandbox every template runs in: safe, and bounded in steps, time and size."""

    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}
        self.globals["range"] = _range
        self.globals["lipsum"] = _lipsum

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = _Bounding().visit(super()._parse(source, name, filename))
        assert isinstance(tree, nodes.Template)
        return tree

    step = staticmethod(_step)

    @staticmethod
    def join(*parts: Any) -> str:
        """`a ~ b ~ c`, refused when the whole would be beyond the limit."""
        _check_size(sum(len(str(part)) for part in parts))
        return markup_join(parts)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 (Jinja's own signature)
        _spend()
        if __obj is _STEP:
            return True
        for argument in (*args, *kwargs.values()):
            _checked(argument)  # a macro passed a doubled text, again and again
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)  # str.format comes wrapped
        if isinstance(owner, str):
            _before_str_method(getattr(__obj, "__name__", ""), owner, args, kwargs)
        return _made(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        return _checked(super().getattr(obj, attribute))

    def getitem(self, obj: Any, argument: Any) -> Any:
        return _checked(super().getitem(obj, argument))

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        _spend()
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                length, count = _length(sequence), _int(times)
                if length is not None and count is not None:
                    _check_size(length * max(count, 0), "teks" if isinstance(sequence, (str, bytes)) else "daftar")
        elif operator == "**":
            base, exponent = _int(left), _int(right)
            if base is not None and exponent is not None and abs(base) > 1 and exponent > 0:
                digits = exponent * math.log10(abs(base))
                if digits > bounds.TEMPLATE_DIGITS_MAX:
                    raise TemplateExhausted(f"templat menghitung bilangan terlalu besar (sekitar {_number(int(digits))} "
                                            "digit)")
        elif operator == "+":
            first, second = _length(left), _length(right)
            if first is not None and second is not None:
                _check_size(first + second, "teks" if isinstance(left, (str, bytes)) else "daftar")
        elif operator == "%" and isinstance(left, str) and _FORMAT_WIDTH.search(left):
            raise TemplateExhausted(_TOO_WIDE)
        return _made(super().call_binop(context, operator, left, right))


def render(template: jinja2.Template, context: dict) -> str:
    """`template` filled with `context` on a fresh budget, its output bounded in length."""
    token = _BUDGET.set(_Budget())
    try:
        pieces: list[str] = []
        size = 0
        for piece in template.generate(context):
            size += len(piece)
            if size > bounds.TEMPLATE_OUTPUT_MAX:
                raise TemplateExhausted(f"templat menghasilkan lebih dari {bounds.size_text(bounds.TEMPLATE_OUTPUT_MAX)} "
                                        "teks untuk satu bagian dokumen")
            pieces.append(piece)
        return "".join(pieces)
    finally:
        _BUDGET.reset(token)
