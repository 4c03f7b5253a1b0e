"""Read the forms of a rendered page as a browser would submit them (for TestClient tests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Form:
    """One <form>: its attributes and the values its fields would submit (buttons left out)."""

    attrs: dict[str, str]
    fields: dict[str, list[str]] = field(default_factory=dict)
    controls: list[dict[str, str]] = field(default_factory=list)

    @property
    def action(self) -> str:
        return self.attrs.get("action", "")

    def value(self, name: str) -> str | None:
        values = self.fields.get(name)
        return values[0] if values else None

    def data(self, **changes: str) -> dict[str, str | list[str]]:
        """Return the submitted values (single values as strings), with `changes` applied."""
        out: dict[str, str | list[str]] = {k: v[0] if len(v) == 1 else list(v) for k, v in self.fields.items()}
        out.update(changes)
        return out

    def has(self, name: str) -> bool:
        """Return whether the form has a control (input, select, textarea or button) with this name."""
        return any(c.get("name") == name for c in self.controls)

    def options(self, name: str) -> list[str]:
        """Return the option values of the select with this name."""
        return [c["value"] for c in self.controls if c.get("_option_of") == name]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: dict[str, str] | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._option: dict[str, str] | None = None
        self._option_text: list[str] = []
        self._textarea: dict[str, str] | None = None
        self._text: list[str] = []

    def _add(self, name: str | None, value: str) -> None:
        if self._form is not None and name:
            self._form.fields.setdefault(name, []).append(value)

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: (v if v is not None else "") for k, v in attrs_list}
        if tag == "form":
            self._form = Form(attrs)
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        if tag in ("input", "select", "textarea", "button"):
            self._form.controls.append({"tag": tag, **attrs})
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if "disabled" in attrs:
                return
            self._add(attrs.get("name"), attrs.get("value", "on" if kind in ("checkbox", "radio") else ""))
        elif tag == "select":
            self._select, self._select_first, self._select_chosen = attrs, None, False
        elif tag == "option" and self._select is not None:
            self._option, self._option_text = attrs, []
        elif tag == "textarea":
            self._textarea, self._text = attrs, []

    def handle_data(self, data: str) -> None:
        if self._option is not None:
            self._option_text.append(data)
        if self._textarea is not None:
            self._text.append(data)

    def _close_option(self) -> None:
        if self._option is None or self._select is None or self._form is None:
            return
        value = self._option.get("value", "".join(self._option_text).strip())
        self._form.controls.append({"tag": "option", "_option_of": self._select.get("name", ""), "value": value})
        if self._select_first is None:
            self._select_first = value
        if "selected" in self._option and not self._select_chosen:
            self._select_chosen = True
            self._add(self._select.get("name"), value)
        self._option = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "option":
            self._close_option()
        elif tag == "select" and self._select is not None:
            self._close_option()
            if not self._select_chosen and self._select_first is not None and "disabled" not in self._select:
                self._add(self._select.get("name"), self._select_first)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            self._add(self._textarea.get("name"), text.removeprefix("\n"))
            self._textarea = None
        elif tag == "form":
            self._form = None


def forms(html: str) -> list[Form]:
    """Return every form of the page."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.forms


def form(html: str, *, action: str | None = None, css_class: str | None = None) -> Form:
    """Return the one form with this action (prefix) and/or class; fail if there is none."""
    found = [f for f in forms(html) if (action is None or f.action.split("?")[0] == action)
             and (css_class is None or css_class in f.attrs.get("class", "").split())]
    assert found, f"no form with action {action!r} and class {css_class!r}"
    return found[0]
