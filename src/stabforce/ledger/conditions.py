"""Milestone conditions: a small, safe expression language over named metrics of the picture.

    isf.strength(sector="rafah") >= 3000 and registry.decommissioned("heavy") >= 0.8 * registry.declared("heavy")
        and police.deployed >= 2000 and days_without("serious_violation") >= 30

Grammar (lowest precedence first; `and`/`or`/`not` are words)::

    expr    := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
    sum     := product (("+" | "-") product)*
    product := unary (("*" | "/") unary)*
    unary   := "-" unary | atom
    atom    := NUMBER | metric | "(" expr ")"
    metric  := NAME ("." NAME)* ("(" [arg ("," arg)*] ")")?     arg := [NAME "="] (STRING | NUMBER)

Nothing is ever `eval`-ed: the text is tokenized and parsed into a tree of plain dataclasses, every
metric name and argument is checked against `METRICS`, and a condition must be a truth value
(comparisons joined by and/or/not) whose comparisons are between numbers. Errors carry the
1-based column and the offending name. Evaluation (`evaluate`) walks the tree with a resolver that
turns each metric call into a number; the engines supply the resolver.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from stabforce.ledger.vocab import (
    INCIDENT_CLASSES,
    SECTORS,
    InfrastructureType,
    WeaponType,
)

MAX_LENGTH = 2_000
WEAPON_CHOICES = ("heavy", "light", *WeaponType)


@dataclass(frozen=True)
class Param:
    """One argument of a metric: its name, whether it must be given, the allowed values if a word."""

    name: str
    required: bool = False
    choices: tuple[str, ...] | None = None
    number: bool = False


@dataclass(frozen=True)
class MetricSpec:
    """A metric a condition may use, with what it means."""

    name: str
    doc: str
    params: tuple[Param, ...] = ()


def _metrics(*specs: MetricSpec) -> dict[str, MetricSpec]:
    return {s.name: s for s in specs}


_SECTOR = Param("sector", choices=tuple(SECTORS))
_WEAPON = Param("category", choices=WEAPON_CHOICES)
_INFRA = Param("type", choices=tuple(InfrastructureType))

#: Every metric a condition may name. Engines resolve them (see `engines.gates`).
METRICS: dict[str, MetricSpec] = _metrics(
    MetricSpec("isf.strength", "ISF troops on the ground (arrivals minus departures), optionally in one sector",
               (_SECTOR,)),
    MetricSpec("isf.pledged", "troops pledged by counted contributors (likely figure)"),
    MetricSpec("idf.share", "percent of Gaza the IDF holds (current zone_control of zone:idf-held)"),
    *(MetricSpec(f"registry.{state}", f"weapons that have reached '{state}' or a later state, by category or type",
                 (_WEAPON,))
      for state in ("declared", "collected", "stored", "decommissioned", "destroyed")),
    MetricSpec("infra.identified", "infrastructure items identified", (_INFRA,)),
    MetricSpec("infra.neutralized", "infrastructure items neutralized (re-inspected ones included)", (_INFRA,)),
    MetricSpec("infra.overdue", "neutralized items whose re-inspection is overdue"),
    *(MetricSpec(f"police.{stage}", f"Palestinian police {stage}" + (", optionally in one sector" if stage == "deployed" else ""),
                 (_SECTOR,) if stage == "deployed" else ())
      for stage in ("recruited", "vetted", "trained", "deployed", "attrition")),
    MetricSpec("sites.open", "civilian sites open"),
    MetricSpec("sites.residents", "residents of open civilian sites"),
    MetricSpec("days_without", "whole days since the last incident of this class (since authorization if none)",
               (Param("incident", required=True, choices=INCIDENT_CLASSES),)),
    MetricSpec("incidents", "incidents of this class in the last `days` days (default 30)",
               (Param("incident", choices=INCIDENT_CLASSES), Param("days", number=True))),
)


class ConditionError(ValueError):
    """A condition that cannot be used: the message names the problem, `column` where it is (1-based)."""

    def __init__(self, message: str, column: int, name: str | None = None) -> None:
        self.column = column
        self.name = name
        super().__init__(f"{message} at column {column}")


# ----------------------------------------------------------------------------------------------- tree


@dataclass(frozen=True)
class Number:
    """A literal number."""

    value: float
    start: int
    end: int


@dataclass(frozen=True)
class Metric:
    """A metric call: its name and arguments (by parameter name), and its place in the text."""

    name: str
    args: tuple[tuple[str, str | float], ...]
    start: int
    end: int

    def arg(self, name: str, default: Any = None) -> Any:
        """Return the argument given for parameter `name`, or `default`."""
        return dict(self.args).get(name, default)


@dataclass(frozen=True)
class Arith:
    """A numeric operation: + - * / or unary minus (`left` None)."""

    op: str
    left: Node | None
    right: Node
    start: int
    end: int


@dataclass(frozen=True)
class Compare:
    """A comparison between two numbers: the terms a condition is made of."""

    op: str
    left: Node
    right: Node
    start: int
    end: int


@dataclass(frozen=True)
class Logic:
    """and / or over two or more truth values, or not over one."""

    op: str
    items: tuple[Node, ...]
    start: int
    end: int


Node = Number | Metric | Arith | Compare | Logic


@dataclass(frozen=True)
class Condition:
    """A parsed condition: the text and its tree."""

    text: str
    tree: Node = field(repr=False)

    def source(self, node: Node) -> str:
        """Return the text a node was parsed from."""
        return self.text[node.start:node.end].strip()

    def metrics(self) -> list[Metric]:
        """Return every metric call in the condition, in order of appearance."""
        found: list[Metric] = []
        _walk(self.tree, found)
        return sorted(found, key=lambda m: m.start)


def _walk(node: Node, found: list[Metric]) -> None:
    if isinstance(node, Metric):
        found.append(node)
    elif isinstance(node, Arith):
        if node.left is not None:
            _walk(node.left, found)
        _walk(node.right, found)
    elif isinstance(node, Compare):
        _walk(node.left, found)
        _walk(node.right, found)
    elif isinstance(node, Logic):
        for item in node.items:
            _walk(item, found)


# ------------------------------------------------------------------------------------------ tokenizer

TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)
  | (?P<string>"[^"\\]*"|'[^'\\]*')
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op><=|>=|==|!=|[<>+\-*/(),.=])
""", re.VERBOSE)
WORDS = {"and", "or", "not"}


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int


def tokenize(text: str) -> list[Token]:
    """Split a condition into tokens; refuse any character the language does not use."""
    tokens, pos = [], 0
    while pos < len(text):
        match = TOKEN.match(text, pos)
        if match is None:
            raise ConditionError(f"unexpected character {text[pos]!r}", pos + 1, text[pos])
        kind = match.lastgroup or ""
        if kind != "space":
            word = match.group()
            tokens.append(Token("word" if kind == "name" and word in WORDS else kind, word, pos))
        pos = match.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


# --------------------------------------------------------------------------------------------- parser


def parse_condition(text: str) -> Condition:
    """Parse and check a condition.

    Raises
    ------
    ConditionError
        On a syntax error, an unknown metric or argument, a value not in a metric's choices, or a
        condition that is not a truth value; the message gives the column and the name at fault.
    """
    if not isinstance(text, str) or not text.strip():
        raise ConditionError("the condition is empty", 1)
    if len(text) > MAX_LENGTH:
        raise ConditionError(f"the condition is longer than {MAX_LENGTH} characters", MAX_LENGTH + 1)
    parser = _Parser(text, tokenize(text))
    tree = parser.expr()
    if parser.peek.kind != "end":
        raise ConditionError(f"unexpected {parser.peek.text!r}", parser.peek.start + 1, parser.peek.text)
    if not _is_truth(tree):
        raise ConditionError("a condition must be a comparison (e.g. police.deployed >= 2000), "
                             "or comparisons joined by and/or/not", tree.start + 1)
    return Condition(text, tree)


def _is_truth(node: Node) -> bool:
    return isinstance(node, Compare | Logic)


class _Parser:
    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text, self.tokens, self.i = text, tokens, 0

    @property
    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def expect(self, text: str) -> Token:
        token = self.peek
        if token.text != text or token.kind in ("string",):
            got = "the end" if token.kind == "end" else repr(token.text)
            raise ConditionError(f"expected {text!r}, found {got}", token.start + 1, token.text or None)
        return self.take()

    def expr(self) -> Node:
        return self._logic("or", self.conj)

    def conj(self) -> Node:
        return self._logic("and", self.negation)

    def _logic(self, word: str, inner: Callable[[], Node]) -> Node:
        items = [inner()]
        while self.peek.kind == "word" and self.peek.text == word:
            op = self.take()
            items.append(inner())
            for item in (items[0], items[-1]):
                if not _is_truth(item):
                    raise ConditionError(f"'{word}' joins comparisons, not numbers", op.start + 1, word)
        if len(items) == 1:
            return items[0]
        return Logic(word, tuple(items), items[0].start, items[-1].end)

    def negation(self) -> Node:
        if self.peek.kind == "word" and self.peek.text == "not":
            op = self.take()
            item = self.negation()
            if not _is_truth(item):
                raise ConditionError("'not' applies to a comparison, not a number", op.start + 1, "not")
            return Logic("not", (item,), op.start, item.end)
        return self.compare()

    def compare(self) -> Node:
        left = self.sum()
        if self.peek.text in ("<", "<=", ">", ">=", "==", "!=") and self.peek.kind == "op":
            op = self.take()
            right = self.sum()
            for side in (left, right):
                if _is_truth(side):
                    raise ConditionError(f"'{op.text}' compares numbers; put the comparison in parentheses "
                                         "or join comparisons with and/or", op.start + 1, op.text)
            if self.peek.text in ("<", "<=", ">", ">=", "==", "!=") and self.peek.kind == "op":
                raise ConditionError("comparisons cannot be chained; join them with 'and'",
                                     self.peek.start + 1, self.peek.text)
            return Compare(op.text, left, right, left.start, right.end)
        return left

    def sum(self) -> Node:
        return self._arith(("+", "-"), self.product)

    def product(self) -> Node:
        return self._arith(("*", "/"), self.unary)

    def _arith(self, ops: tuple[str, ...], inner: Callable[[], Node]) -> Node:
        left = inner()
        while self.peek.kind == "op" and self.peek.text in ops:
            op = self.take()
            right = inner()
            for side in (left, right):
                if _is_truth(side):
                    raise ConditionError(f"'{op.text}' needs numbers on both sides", op.start + 1, op.text)
            left = Arith(op.text, left, right, left.start, right.end)
        return left

    def unary(self) -> Node:
        if self.peek.kind == "op" and self.peek.text == "-":
            op = self.take()
            right = self.unary()
            if _is_truth(right):
                raise ConditionError("'-' needs a number", op.start + 1, "-")
            return Arith("-", None, right, op.start, right.end)
        return self.atom()

    def atom(self) -> Node:
        token = self.peek
        if token.kind == "number":
            self.take()
            return Number(float(token.text), token.start, token.start + len(token.text))
        if token.kind == "name":
            return self.metric()
        if token.kind == "op" and token.text == "(":
            self.take()
            inner = self.expr()
            close = self.expect(")")
            return _spanned(inner, token.start, close.start + 1)
        got = "the end of the condition" if token.kind == "end" else repr(token.text)
        raise ConditionError(f"expected a number, a metric or '(', found {got}", token.start + 1, token.text or None)

    def metric(self) -> Metric:
        first = self.take()
        parts, end = [first.text], first.start + len(first.text)
        while self.peek.kind == "op" and self.peek.text == ".":
            self.take()
            part = self.peek
            if part.kind != "name":
                raise ConditionError("expected a name after '.'", part.start + 1, part.text or None)
            self.take()
            parts.append(part.text)
            end = part.start + len(part.text)
        name = ".".join(parts)
        spec = METRICS.get(name)
        if spec is None:
            close = _closest(name)
            hint = f"; did you mean {close}?" if close else f"; known: {', '.join(METRICS)}"
            raise ConditionError(f"unknown metric {name!r}{hint}", first.start + 1, name)
        args: dict[str, str | float] = {}
        if self.peek.kind == "op" and self.peek.text == "(":
            self.take()
            position = 0
            while not (self.peek.kind == "op" and self.peek.text == ")"):
                if args or position:
                    self.expect(",")
                position = self._argument(spec, args, position)
            end = self.take().start + 1
        for param in spec.params:
            if param.required and param.name not in args:
                raise ConditionError(f"{name} needs its {param.name} argument", first.start + 1, name)
        return Metric(name, tuple(args.items()), first.start, end)

    def _argument(self, spec: MetricSpec, args: dict[str, str | float], position: int) -> int:
        token = self.peek
        if token.kind == "name" and self.tokens[self.i + 1].text == "=":
            self.take()
            self.take()
            param = next((p for p in spec.params if p.name == token.text), None)
            if param is None:
                known = ", ".join(p.name for p in spec.params) or "none"
                raise ConditionError(f"{spec.name} has no argument {token.text!r} (arguments: {known})",
                                     token.start + 1, token.text)
        else:
            if position >= len(spec.params):
                raise ConditionError(f"{spec.name} takes {len(spec.params)} argument(s)", token.start + 1, spec.name)
            param = spec.params[position]
        if param.name in args:
            raise ConditionError(f"{spec.name}: argument {param.name!r} given twice", token.start + 1, param.name)
        value = self.take()
        if param.number:
            if value.kind != "number":
                raise ConditionError(f"{spec.name}: {param.name} must be a number", value.start + 1, param.name)
            args[param.name] = float(value.text)
        else:
            if value.kind != "string":
                raise ConditionError(f'{spec.name}: {param.name} must be a quoted word, e.g. "{(param.choices or ("x",))[0]}"',
                                     value.start + 1, param.name)
            word = value.text[1:-1]
            if param.choices is not None and word not in param.choices:
                raise ConditionError(f"{spec.name}: unknown {param.name} {word!r}; known: {', '.join(param.choices)}",
                                     value.start + 2, word)
            args[param.name] = word
        return position + 1


def _spanned(node: Node, start: int, end: int) -> Node:
    fields = {k: getattr(node, k) for k in node.__dataclass_fields__}
    fields.update(start=start, end=end)
    return type(node)(**fields)


def _closest(name: str) -> str | None:
    from difflib import get_close_matches

    found = get_close_matches(name, list(METRICS), n=1, cutoff=0.75)
    return found[0] if found else None


# ------------------------------------------------------------------------------------------ evaluation


@dataclass(frozen=True)
class Term:
    """One comparison of a condition, evaluated: its values, whether it holds and by how much it fails.

    `shortfall` is how far the left side is from making the comparison true (0 when it holds), in the
    left side's units: e.g. `police.deployed >= 2000` with 1,400 deployed has shortfall 600. A side
    that is unknown (NaN: the ledger does not give the metric) makes the term not hold, whatever the
    operator, with shortfall NaN; `and`/`or`/`not` over it follow three-valued logic, and a condition
    whose truth depends on an unknown term is not met.
    """

    text: str
    op: str
    left: float
    right: float
    holds: bool
    shortfall: float
    metrics: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Evaluation:
    """A condition's truth value and each of its comparisons."""

    holds: bool
    terms: tuple[Term, ...]

    @property
    def failing(self) -> tuple[Term, ...]:
        """Return the comparisons that do not hold."""
        return tuple(t for t in self.terms if not t.holds)


def evaluate(condition: Condition, resolve: Callable[[Metric], float]) -> Evaluation:
    """Evaluate a condition with `resolve` giving each metric's value; every term is evaluated."""
    values: dict[Metric, float] = {}

    def number(node: Node) -> float:
        if isinstance(node, Number):
            return node.value
        if isinstance(node, Metric):
            if node not in values:
                values[node] = float(resolve(node))
            return values[node]
        if isinstance(node, Arith):
            right = number(node.right)
            if node.left is None:
                return -right
            left = number(node.left)
            if node.op == "/":
                return left / right if right else float("inf") if left > 0 else 0.0
            return {"+": left + right, "-": left - right, "*": left * right}[node.op]
        raise TypeError(f"not a number: {node!r}")

    terms: list[Term] = []

    def truth(node: Node) -> bool | None:
        if isinstance(node, Compare):
            left, right = number(node.left), number(node.right)
            unknown = math.isnan(left) or math.isnan(right)
            holds = not unknown and _COMPARE[node.op](left, right)
            used: list[Metric] = []
            _walk(node, used)
            terms.append(Term(condition.source(node), node.op, left, right, holds,
                              0.0 if holds else math.nan if unknown else _shortfall(node.op, left, right),
                              tuple((condition.source(m), values[m]) for m in sorted(used, key=lambda m: m.start))))
            return None if unknown else holds
        if isinstance(node, Logic):
            results = [truth(item) for item in node.items]  # no short-circuit: every term is explained
            if node.op == "not":
                return None if results[0] is None else not results[0]
            if node.op == "and":
                return False if False in results else None if None in results else True
            return True if True in results else None if None in results else False
        raise TypeError(f"not a truth value: {node!r}")

    holds = truth(condition.tree)  # None: it depends on an unknown metric, so it is not met
    return Evaluation(holds is True, tuple(terms))


_COMPARE: Mapping[str, Callable[[float, float], bool]] = {
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b, "==": lambda a, b: a == b, "!=": lambda a, b: a != b,
}


def _shortfall(op: str, left: float, right: float) -> float:
    if op in (">=", ">"):
        return right - left if op == ">=" else right - left + (1 if float(right).is_integer() else 0)
    if op in ("<=", "<"):
        return left - right if op == "<=" else left - right + (1 if float(right).is_integer() else 0)
    return abs(left - right) if op == "==" else 0.0
