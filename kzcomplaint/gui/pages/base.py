"""What every wizard page has: build, connect, retranslate, load, store, and a field registry.

A page's widgets are built the first time the page is needed (shown, asked
for a field, or reviewed), so the first window appears quickly. Each input
is registered under the case-file path it edits (``complainant.iin``) with
its label, which serves three things: "Go to field" from a problem, the
review of all answers, and the accessible name of the widget.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget, QWizardPage

from kzcomplaint.core.text.i18n import Translator
from kzcomplaint.gui.labels import without_mnemonic
from kzcomplaint.gui.pages import STEP_TITLES

if TYPE_CHECKING:
    from kzcomplaint.gui.draft import DraftController
    from kzcomplaint.gui.i18n import UiLanguage


class FieldEntry:
    """A registered input: the widget, its label widget and the label's msgid (or live text)."""

    def __init__(self, path: str, widget: QWidget, msgid: str, label: QLabel | None, literal: bool) -> None:
        """Keep what is needed to translate, focus and review the field."""
        self.path = path
        self.widget = widget
        self.msgid = msgid
        self.label = label
        self.literal = literal

    def text(self, tr: Translator) -> str:
        """The label in ``tr``'s language, without the mnemonic ampersand."""
        return without_mnemonic(self.msgid if self.literal else tr.gettext(self.msgid))


def _guard(widget: QWidget, path: str, tr: Translator) -> None:
    """Give a text input its field's limits (lists and choices, as on the start page, have none)."""
    # By Qt's class name: the first window need not load the input widgets' Python classes either.
    typed = widget.inherits("QLineEdit") or widget.inherits("QPlainTextEdit")
    typed = typed or hasattr(widget, "edit") or hasattr(widget, "input")
    if not typed:
        return  # and the first window need not load the input widgets' module
    from kzcomplaint.gui.widgets.fields import guard_input

    guard = guard_input(widget, path)
    if guard is not None:
        guard.retranslate(tr)


class BasePage(QWizardPage):
    """A page of the complaint wizard, editing part of the shared draft."""

    STEP = ""
    """The page's key in :data:`~kzcomplaint.gui.pages.STEP_TITLES` (the name of its module)."""

    def __init__(self, draft: DraftController, ui: UiLanguage, parent: QWidget | None = None) -> None:
        """Keep the shared draft and language; the widgets come later (:meth:`ensure_built`)."""
        super().__init__(parent)
        self.draft = draft
        self.ui = ui
        self.fields: dict[str, FieldEntry] = {}
        self._built = False
        self._loading = False
        ui.changed.connect(self._language_changed)
        draft.caseReplaced.connect(self._case_replaced)
        self.retranslate_titles()

    # --- anatomy ---------------------------------------------------------------------

    @property
    def translator(self) -> Translator:
        """The interface translator."""
        return self.ui.translator

    @property
    def is_built(self) -> bool:
        """Whether the widgets exist yet."""
        return self._built

    def ensure_built(self) -> None:
        """Build the widgets once, translate and fill them."""
        if self._built:
            return
        self._built = True
        self._build()
        self._connect()
        with self.loading():
            self.retranslate()
        self.load()

    def _build(self) -> None:
        """Create the widgets (subclasses)."""
        raise NotImplementedError

    def _connect(self) -> None:
        """Connect widget signals to :meth:`changed` and the like (subclasses)."""
        raise NotImplementedError

    def retranslate_titles(self) -> None:
        """Set the page's title and subtitle (also before the widgets exist)."""
        raise NotImplementedError

    def step_title(self) -> str:
        """The page's title in the interface language, as the list of steps shows it."""
        return self.translator.gettext(STEP_TITLES[self.STEP])

    def retranslate(self) -> None:
        """Re-word every text of the page in the current language."""
        self.retranslate_titles()
        for entry in self.fields.values():
            text = entry.text(self.translator)
            entry.widget.setAccessibleName(text)
            setter = getattr(entry.widget, "set_accessible_name", None)
            if setter is not None:
                setter(text)
            retranslate = getattr(entry.widget, "retranslate", None)
            if retranslate is not None:
                retranslate(self.translator)
            _guard(entry.widget, entry.path, self.translator)
            if entry.label is not None:
                entry.label.setText(entry.msgid if entry.literal else self.translator.gettext(entry.msgid))

    def load(self) -> None:
        """Fill the widgets from the draft without writing back (subclasses add ``_load``)."""
        if not self._built:
            return
        with self.loading():
            self._load()

    def _load(self) -> None:
        raise NotImplementedError

    def store(self) -> None:
        """Write the widgets' values into the draft's case (subclasses)."""
        raise NotImplementedError

    # --- helpers -----------------------------------------------------------------------

    @contextlib.contextmanager
    def loading(self) -> Iterator[None]:
        """Within this block, widget changes are not written back to the draft."""
        previous = self._loading
        self._loading = True
        try:
            yield
        finally:
            self._loading = previous

    def changed(self, *_args: object) -> None:
        """Slot for every input: store the page and tell the draft (not while loading)."""
        if self._loading or not self._built:
            return
        self.store()
        self.draft.touch()

    def register(
        self, path: str, widget: QWidget, msgid: str, label: QLabel | None = None, *, literal: bool = False
    ) -> QWidget:
        """Register ``widget`` as the input of the case field ``path``.

        Args:
            path: the case-file path (``contested.date``).
            widget: the input.
            msgid: the label's English msgid (or, with ``literal``, text already
                in the interface language, e.g. a template question).
            label: the visible label (its buddy becomes ``widget``).
            literal: ``msgid`` is not to be translated.
        """
        self.fields[path] = FieldEntry(path, widget, msgid, label, literal)
        today_source = getattr(widget, "set_today_source", None)
        if today_source is not None:
            today_source(self._today)
        _guard(widget, path, self.translator)
        if label is not None:
            label.setBuddy(getattr(widget, "edit", widget))
        return widget

    def entry_for(self, path: str) -> FieldEntry | None:
        """The registered input of ``path``, or of its nearest registered parent path."""
        self.ensure_built()
        parts = path.split(".")
        while parts:
            entry = self.fields.get(".".join(parts))
            if entry is not None:
                return entry
            parts.pop()
        return None

    def widget_for(self, path: str) -> QWidget | None:
        """The input for ``path``, or for its nearest registered parent path."""
        entry = self.entry_for(path)
        return entry.widget if entry is not None else None

    def reveal_field(self, path: str) -> QWidget | None:
        """Prepare the page so that the input of ``path`` can be shown; return the widget."""
        return self.widget_for(path)

    def initializePage(self) -> None:
        """Build on first show, then load from the draft."""
        if self._built:
            self.load()
        else:
            self.ensure_built()

    def cleanupPage(self) -> None:
        """Keep every answer when the user goes back (Qt would reset registered fields)."""

    def _language_changed(self, _language: str) -> None:
        if self._built:
            with self.loading():
                self.retranslate()
        else:
            self.retranslate_titles()

    def _today(self) -> dt.date:
        """The app's today: an exercise's story day, a trainer's date, or the real one."""
        return self.draft.effective_today or dt.date.today()

    def unread_inputs(self) -> list[tuple[str, str]]:
        """(path, text) of every input holding typed text that could not be read (a date «31 ақпан»)."""
        result = []
        for path, entry in self.fields.items():
            unread = getattr(entry.widget, "unread_text", None)
            text = unread() if unread is not None else ""
            if text:
                result.append((path, text))
        return result

    def reset_for_new_case(self) -> None:
        """Forget what the page shows of the previous case that the case itself does not hold (subclasses add).

        Typed text that was not read, the first tab of every tab widget, the
        top of every scrolled area: another case starts where a new one would.
        """
        from PySide6.QtWidgets import QAbstractScrollArea, QTabWidget

        for entry in self.fields.values():
            reset = getattr(entry.widget, "reset_input", None)
            if reset is not None:
                reset()
        for tabs in self.findChildren(QTabWidget):
            tabs.setCurrentIndex(0)
        for area in self.findChildren(QAbstractScrollArea):
            area.verticalScrollBar().setValue(0)
            area.horizontalScrollBar().setValue(0)

    def _case_replaced(self) -> None:
        if self._built:
            self.reset_for_new_case()
        self.load()
