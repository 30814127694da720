"""The complaint wizard and the main window around it.

:data:`PAGES` lists the pages in the order a user meets them. The wizard
owns navigation (including "Go to field" from a problem); the main window
owns files, menus, settings, autosave and the close. Pages only talk to the
shared :class:`~kzcomplaint.gui.draft.DraftController`.

The first window needs only the start page: the other page modules (and the
Qt classes and enumerations they load) are imported once it is painted, or
as soon as anything asks for another page (see :class:`ComplaintWizard`).
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMainWindow,
    QMenu,
    QWidget,
    QWizard,
)

from kzcomplaint import __version__
from kzcomplaint.core.case import drafts
from kzcomplaint.core.text.i18n import N_, Message, Translator
from kzcomplaint.core.text.languages import LANGUAGES
from kzcomplaint.gui.draft import DraftController, new_case_with
from kzcomplaint.gui.i18n import LANGUAGE_NAMES, UiLanguage
from kzcomplaint.gui.pages import STEP_TITLES
from kzcomplaint.gui.pages.base import BasePage
from kzcomplaint.gui.pages.start import StartPage
from kzcomplaint.gui.settings import ROLE_NAMES, ROLES, UiSettings

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QModelIndex
    from PySide6.QtGui import QCloseEvent, QKeySequence, QShowEvent

    from kzcomplaint.core.case.model import Case
    from kzcomplaint.gui.dialogs.batch import BatchDialog
    from kzcomplaint.gui.dialogs.guide import GuideDialog
    from kzcomplaint.gui.pages.check import CheckPage
    from kzcomplaint.gui.pages.document import DocumentPage
    from kzcomplaint.gui.pages.parties import PartiesPage

log = logging.getLogger(__name__)

_OPEN_WINDOWS: list[MainWindow] = []
"""Windows opened for further restored drafts (kept referenced while they live)."""


def page_classes() -> tuple[type[BasePage], ...]:
    """The wizard's pages, in order (a page's id is its index); imports their modules on the first call."""
    from kzcomplaint.gui.pages.check import CheckPage
    from kzcomplaint.gui.pages.deadlines import DeadlinesPage
    from kzcomplaint.gui.pages.document import DocumentPage
    from kzcomplaint.gui.pages.facts import FactsPage
    from kzcomplaint.gui.pages.parties import PartiesPage
    from kzcomplaint.gui.pages.situation import SituationPage
    from kzcomplaint.gui.pages.where_when import WhereWhenPage

    return (StartPage, SituationPage, WhereWhenPage, FactsPage, PartiesPage, DeadlinesPage, CheckPage, DocumentPage)


def __getattr__(name: str) -> object:
    """``PAGES``: the wizard's pages in order, as :func:`page_classes` gives them (imported on first use)."""
    if name == "PAGES":
        pages = page_classes()
        globals()["PAGES"] = pages
        return pages
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Qt's own wizard buttons, worded by Qt's catalogue (qtbase_<lang>.qm).
_QT_BUTTONS = (
    (QWizard.WizardButton.BackButton, "< &Back"),
    (QWizard.WizardButton.NextButton, "&Next >"),
    (QWizard.WizardButton.FinishButton, "&Finish"),
)

MSG_UNSAVED = N_("The case has unsaved answers. Save them first?")
MSG_RESTORE = N_("kzcomplaint was not closed properly last time, or a case was not saved.")
MSG_RESTORE_DETAILS = N_("An autosaved draft from {when} can be restored: {what}.")
MSG_RESTORE_MORE = N_("Unsaved draft {number} of {count}.")
MSG_RESTORE_PARTLY = N_(
    "This draft could not be read in full. It is kept as it was in {file}. "
    "What could be read is restored as a new, unsaved case; what was left out is listed."
)
MSG_UNREADABLE_DRAFT = N_(
    "An autosaved draft could not be read at all. It is kept as it was in {file}; nothing was deleted."
)
MSG_OPENED_PARTLY = N_(
    "The file {file} cannot be opened in full; it is left as it is. What could be read is opened as a new, "
    "unsaved case (Save as… keeps it under another name). Left out:"
)
MSG_KEPT_PARTLY = N_("The draft is kept as it was in {file}. Left out of what was restored:")
MSG_NEW_CASE = N_("new case")
MSG_AUTOSAVED = N_("Autosaved at {time}")
MSG_AUTOSAVE_FAILED = N_("Autosave failed: {reason}")
MSG_SAVED = N_("Saved: {file}")
MSG_TRAINING = N_("Training: today is {date}")
LOCATION_SEPARATOR = " › "
"""Between the page, the tab and the field's label when a field is named to the user."""
MSG_FORGET_ASK = N_(
    "Remove everything kzcomplaint keeps about you on this computer ({count} file(s))? "
    "This cannot be undone."
)
MSG_FORGET_WHAT = N_(
    "Your remembered details, every autosaved and kept draft, the list of recent cases, the log, "
    "the interface settings, your directory of bodies and calendar, and the passphrase. The case in this "
    "window is closed without saving. Case files and documents you saved elsewhere are not touched."
)
MSG_FORGOTTEN = N_("Removed {count} file(s): kzcomplaint keeps nothing about you on this computer now.")
MSG_NOT_REMOVED = N_("These could not be removed: {files}")
MSG_PASSPHRASE_SET = N_(
    "A passphrase protects your drafts and details on this computer. Change it, or remove it "
    "(the files are then kept unencrypted)?"
)
MSG_PASSPHRASE_DONE = N_(
    "Protected with your passphrase: {count} file(s) encrypted; from now on nothing is kept unencrypted."
)
MSG_PASSPHRASE_REMOVED = N_("The passphrase was removed; {count} file(s) are kept unencrypted again.")
PREPARE_DELAY_MS = 300
"""After the first paint, how long the window stays idle before the core's data is read for the first case."""


def _delete_on_close(dialog: QWidget) -> None:
    """A dialog made anew each time it is asked for: deleted when closed, not kept for the window's life."""
    from PySide6.QtCore import Qt  # not at the top: the first window does without Qt's namespace

    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


class ComplaintWizard(QWizard):
    """The pages of :data:`PAGES`, embedded in the main window, with a list of pages at the side.

    At first only the start page exists; the list of steps and the Next
    button come from :data:`~kzcomplaint.gui.pages.STEP_TITLES`. The other
    pages are created by :meth:`ensure_pages`, which the main window calls
    once it is painted and which every way to another page calls first:
    Next, the list of steps, :meth:`go_to_page`, :meth:`go_to_field` and
    :attr:`pages`.
    """

    finishRequested = Signal()
    pagesCreated = Signal()
    """The pages after the start page were created (once)."""

    def __init__(self, draft: DraftController, ui: UiLanguage, parent: QWidget | None = None) -> None:
        """Create the start page (the others come with :meth:`ensure_pages`; widgets when first needed)."""
        # Created with a parent, a QWizard is a dialog (a window of its own); QWidget.setParent
        # without window flags makes it a plain child widget that the main window can embed.
        super().__init__()
        if parent is not None:
            self.setParent(parent)
        self.draft = draft
        self.ui = ui
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, False)
        self._pages: list[BasePage] = []
        self._add_page(StartPage)
        self.side_model = QStandardItemModel(self)
        self.side = QListView(self)  # item views take the focus by Tab and by click (Qt.StrongFocus)
        self.side.setModel(self.side_model)
        self.side.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSideWidget(self.side)
        self.side.clicked.connect(self._side_clicked)
        self.side.activated.connect(self._side_clicked)
        self._previous_id = -1
        self._walk_target: int | None = None
        self.currentIdChanged.connect(self._current_changed)
        self.currentIdChanged.connect(self._reload_when_back)
        ui.changed.connect(self.retranslate)
        self.retranslate()

    # --- pages -------------------------------------------------------------------------

    @property
    def pages(self) -> list[BasePage]:
        """Every page, in :data:`PAGES` order (created now if they were not yet)."""
        self.ensure_pages()
        return self._pages

    @property
    def pages_created(self) -> bool:
        """Whether every page exists (not only the start page)."""
        return len(self._pages) == len(STEP_TITLES)

    def ensure_pages(self) -> None:
        """Create the pages after the start page, once (their widgets are built when first needed)."""
        if self.pages_created:
            return
        for page_class in page_classes()[len(self._pages) :]:
            self._add_page(page_class)
        self.pagesCreated.emit()

    def build_pages_when_idle(self, then: Callable[[], None] | None = None) -> None:
        """Build the widgets of the pages not built yet, one page per turn of the event loop; then call ``then``."""
        waiting = [page for page in self._pages if not page.is_built]

        def build_next() -> None:
            while waiting and waiting[0].is_built:  # built meanwhile because it was needed
                waiting.pop(0)
            if waiting:
                waiting.pop(0).ensure_built()
                QTimer.singleShot(0, self, build_next)
            elif then is not None:
                then()

        QTimer.singleShot(0, self, build_next)

    def _add_page(self, page_class: type[BasePage]) -> None:
        page = page_class(self.draft, self.ui, self)
        self.setPage(len(self._pages), page)
        self._pages.append(page)

    def page_of(self, page_class: type[BasePage]) -> BasePage:
        """The page of ``page_class`` (the pages are created unless it is one already created)."""
        created = next((page for page in self._pages if isinstance(page, page_class)), None)
        if created is not None:
            return created
        return next(page for page in self.pages if isinstance(page, page_class))

    def nextId(self) -> int:
        """The next page in :data:`PAGES` order, also before it is created (so Qt shows Next, not Finish)."""
        current = self.currentId()
        return current + 1 if 0 <= current < len(STEP_TITLES) - 1 else -1

    def validateCurrentPage(self) -> bool:
        """Qt asks this before it goes to the next page, which must exist by then."""
        self.ensure_pages()
        return super().validateCurrentPage()

    def retranslate(self, *_args: object) -> None:
        """Qt's own buttons from Qt's catalogue, and the list of pages."""
        for button, source in _QT_BUTTONS:
            self.setButtonText(button, QCoreApplication.translate("QWizard", source))
        titles = [self.ui.translator.gettext(title) for title in STEP_TITLES.values()]
        self.side_model.clear()
        for title in titles:
            item = QStandardItem(title)
            item.setEditable(False)
            self.side_model.appendRow(item)
        self.side.setAccessibleName(self.ui.translator.gettext(N_("Steps")))
        self._current_changed(self.currentId())
        width = max((self.side.fontMetrics().horizontalAdvance(title) for title in titles), default=0)
        self.side.setFixedWidth(width + self.side.fontMetrics().averageCharWidth() * 4)

    def _current_changed(self, page_id: int) -> None:
        if 0 <= page_id < self.side_model.rowCount():
            self.side.setCurrentIndex(self.side_model.index(page_id, 0))

    def _reload_when_back(self, page_id: int) -> None:
        """Qt initialises a page only when going forward; going back, it shows what the draft holds now."""
        if 0 <= page_id < self._previous_id:
            self._pages[page_id].load()
        self._previous_id = page_id

    def _side_clicked(self, index: QModelIndex) -> None:
        self.go_to_page(index.row())

    def go_to_page(self, page_id: int) -> bool:
        """Walk to ``page_id`` (forward only while the pages allow it); True when reached."""
        self._stop_walk()
        if self.currentId() < 0:
            return False
        if page_id > 0:
            self.ensure_pages()
        while self.currentId() < page_id:
            before = self.currentId()
            page = self.currentPage()
            if page is not None and not page.isComplete():
                break
            self.next()
            if self.currentId() == before:
                break
        while self.currentId() > page_id:
            before = self.currentId()
            self.back()
            if self.currentId() == before:
                break
        self._current_changed(self.currentId())
        return self.currentId() == page_id

    def field_location(self, path: str) -> list[str]:
        """Where the input of ``path`` is, in the user's words: page, tab, label ([] when no page has it).

        E.g. ``["Parties", "Respondent", "Address"]`` for ``respondent.address`` — what a
        problem or an unread input names instead of the case file's field name.
        """
        from kzcomplaint.gui.labels import without_mnemonic
        from kzcomplaint.gui.widgets.fields import tab_of

        for page in self.pages:
            widget = page.widget_for(path)
            entry = page.entry_for(path)
            if widget is None or entry is None:
                continue
            parts = [page.step_title()]
            tab = tab_of(widget)
            if tab:
                parts.append(without_mnemonic(tab))
            label = entry.text(self.ui.translator).strip().rstrip(":").strip()
            if label and label not in parts:
                parts.append(label)
            return parts
        return []
    def walk_to(self, page_id: int) -> None:
        """Walk to ``page_id`` one page per turn of the event loop, showing only the page arrived at.

        Opening a case walks through every page before the check page: each
        page met for the first time is built and laid out, which on the UI
        thread at once froze the window for a tenth of a second or more. Step
        by step the window answers between pages; :meth:`go_to_page` (any
        other way to a page) ends the walk where it is.
        """
        self._stop_walk()
        self._walk_target = page_id
        self.setUpdatesEnabled(False)
        QTimer.singleShot(0, self, self._walk_step)

    @property
    def walking(self) -> bool:
        """Whether a :meth:`walk_to` is still under way."""
        return self._walk_target is not None

    def _walk_step(self) -> None:
        target, current = self._walk_target, self.currentId()
        if target is None:
            return
        if current in (target, -1):
            self._stop_walk()
            return
        self.ensure_pages()
        page = self.currentPage()
        if current < target and page is not None and not page.isComplete():
            self._stop_walk()  # as go_to_page: forward only while the pages allow it
            return
        if current < target:
            self.next()
        else:
            self.back()
        if self.currentId() == current:  # the wizard would not move
            self._stop_walk()
            return
        QTimer.singleShot(0, self, self._walk_step)

    def _stop_walk(self) -> None:
        if self._walk_target is None:
            return
        self._walk_target = None
        self._current_changed(self.currentId())
        self.setUpdatesEnabled(True)

    def go_to_field(self, path: str) -> QWidget | None:
        """Show the page with the input of ``path`` and give the input the focus."""
        from kzcomplaint.gui.widgets.fields import reveal

        for page_id, page in enumerate(self.pages):
            widget = page.reveal_field(path)
            if widget is None:
                continue
            if not self.go_to_page(page_id):
                return None
            reveal(widget)
            return widget
        return None

    def accept(self) -> None:
        """Finish exports the document; the window stays open."""
        self.finishRequested.emit()

    def reject(self) -> None:
        """Escape does not close the embedded wizard."""


class MainWindow(QMainWindow):
    """The application window: the wizard, menus, files, settings and autosave.

    Its first paint shows the start page; right after it, the other pages are
    created (:meth:`ComplaintWizard.ensure_pages`) and connected here.
    """

    firstShown = Signal()
    firstPainted = Signal()
    """The window was painted for the first time (emitted on the event loop, after the paint)."""

    def __init__(self, ui: UiLanguage, settings: UiSettings, parent: QWidget | None = None) -> None:
        """Build the window around a new, empty case."""
        super().__init__(parent)
        self.ui = ui
        self.settings = settings
        self._shown_once = False
        self._painted_once = False
        self._forgotten = False
        self._parties: PartiesPage | None = None
        self.batch_dialog: BatchDialog | None = None
        self.guide_dialog: GuideDialog | None = None
        self.draft = DraftController(self)
        if settings.role == "trainer":
            self.draft.today = settings.training_today
        self.wizard = ComplaintWizard(self.draft, ui, self)
        self.setCentralWidget(self.wizard)
        self.status_label = QLabel(self)
        self._status: Message | str | None = None
        self.statusBar().addWidget(self.status_label, 1)
        self.training_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.training_label)
        self._build_menus()
        self._connect()
        from kzcomplaint.gui.workshop import WorkshopController  # light: its work is imported on first use

        self.workshop = WorkshopController(self)
        self.start_page.hold_terms()
        geometry = settings.geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(self._first_size())
        # The new case with the user's defaults is made once the window is painted (or when first asked for).
        self.draft.first_case = self._case_with_defaults
        self.retranslate()
        self.draft.autosave_timer.start()

    def _first_size(self) -> QSize:
        """Room for the longest page at a glance, within the screen (a 1366×768 laptop, 150 % scaling)."""
        metrics = self.fontMetrics()
        wanted = QSize(metrics.averageCharWidth() * 180, metrics.lineSpacing() * 52)
        screen = self.screen()
        if screen is None:
            return wanted
        available = screen.availableGeometry().size()
        return wanted.boundedTo(QSize(available.width() * 92 // 100, available.height() * 92 // 100))

    # --- pages -------------------------------------------------------------------------

    @property
    def start_page(self) -> StartPage:
        """The start page."""
        page = self.wizard.page_of(StartPage)
        assert isinstance(page, StartPage)
        return page

    @property
    def check_page(self) -> CheckPage:
        """The check page."""
        from kzcomplaint.gui.pages.check import CheckPage

        page = self.wizard.page_of(CheckPage)
        assert isinstance(page, CheckPage)
        return page

    @property
    def document_page(self) -> DocumentPage:
        """The document page."""
        from kzcomplaint.gui.pages.document import DocumentPage

        page = self.wizard.page_of(DocumentPage)
        assert isinstance(page, DocumentPage)
        return page

    @property
    def translator(self) -> Translator:
        """The interface translator."""
        return self.ui.translator

    # --- building ----------------------------------------------------------------------

    def _build_menus(self) -> None:
        """The menu bar and its menus' titles: all the first paint shows of them (entries: :meth:`fill_menus`)."""
        bar = self.menuBar()
        self.file_menu = QMenu(self)
        self.settings_menu = QMenu(self)
        self.help_menu = QMenu(self)
        for menu in (self.file_menu, self.settings_menu, self.help_menu):
            bar.addMenu(menu)
        self.menus_filled = False

    def fill_menus(self) -> None:
        """The menus' entries, with their shortcuts; made once, when the window is painted.

        Not before the first paint: some thirty actions and Qt's key sequences cost the first
        window some 3 ms, and a menu cannot be opened before the window shows.
        """
        if self.menus_filled:
            return
        self.menus_filled = True
        from PySide6.QtGui import QActionGroup, QKeySequence

        def action(menu: QMenu, shortcut: QKeySequence | QKeySequence.StandardKey | None, slot: object) -> QAction:
            item = QAction(self)
            if shortcut is not None:
                # One sequence, in a list: choosing among QAction.setShortcut's overloads would
                # load Qt's whole namespace of enumerations (Qt.Key, …) before the first window.
                item.setShortcuts([shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut)])
            item.triggered.connect(slot)
            menu.addAction(item)
            return item

        self.new_action = action(self.file_menu, QKeySequence.StandardKey.New, lambda: self.new_case())
        self.open_action = action(self.file_menu, QKeySequence.StandardKey.Open, lambda: self.open_case())
        self.save_action = action(self.file_menu, QKeySequence.StandardKey.Save, lambda: self.save())
        self.save_as_action = action(self.file_menu, QKeySequence.StandardKey.SaveAs, lambda: self.save_as())
        self.file_menu.addSeparator()
        self.export_action = action(self.file_menu, QKeySequence("Ctrl+E"), self._export)
        self.batch_action = action(self.file_menu, None, self.export_many)
        self.file_menu.addSeparator()
        self.timeline_action = action(self.file_menu, QKeySequence("Ctrl+T"), lambda: self.show_timeline())
        self.calendar_action = action(self.file_menu, None, lambda: self.export_calendar())
        self.file_menu.addSeparator()
        self.quit_action = action(self.file_menu, QKeySequence.StandardKey.Quit, self.close)

        self.language_menu = QMenu(self)
        self.settings_menu.addMenu(self.language_menu)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for language in LANGUAGES:
            item = QAction(self)  # QAction(text, parent) would load QIcon and QPixmap to tell its overloads apart
            item.setText(LANGUAGE_NAMES[language])
            item.setCheckable(True)
            item.setChecked(language == self.ui.language)
            item.triggered.connect(lambda _checked=False, code=language: self.set_language(code))
            self.language_group.addAction(item)
            self.language_menu.addAction(item)
            self.language_actions[language] = item
        self.role_menu = QMenu(self)
        self.settings_menu.addMenu(self.role_menu)
        self.role_group = QActionGroup(self)
        self.role_actions: dict[str, QAction] = {}
        for role in ROLES:
            item = QAction(self)
            item.setCheckable(True)
            item.setChecked(role == (self.settings.role or "observer"))
            item.triggered.connect(lambda _checked=False, value=role: self.set_role(value))
            self.role_group.addAction(item)
            self.role_menu.addAction(item)
            self.role_actions[role] = item
        self.training_action = action(self.settings_menu, None, self._training_date)
        self.settings_menu.addSeparator()
        self.directory_action = action(self.settings_menu, None, self.show_directory)
        self.workdays_action = action(self.settings_menu, None, lambda: self.show_workdays())
        self.passphrase_action = action(self.settings_menu, None, lambda: self.manage_passphrase())
        self.forget_action = action(self.settings_menu, None, lambda: self.forget_everything())
        self.guide_action = action(self.help_menu, QKeySequence.StandardKey.HelpContents, lambda: self.show_guide())
        self.help_menu.addSeparator()
        self.about_action = action(self.help_menu, None, self._about)
        self.workshop.fill_menu()
        self._retranslate_entries(self.translator)  # the titles, status and window title are worded already

    def _connect(self) -> None:
        self.start_page.newRequested.connect(lambda: self.new_case(go_on=True))
        self.start_page.openRequested.connect(lambda: self.open_case())
        self.start_page.openPathRequested.connect(lambda path: self.open_path(Path(path)))
        self.start_page.timelineRequested.connect(lambda path: self.show_timeline(Path(path)))
        self.wizard.pagesCreated.connect(self._connect_pages)
        self.wizard.finishRequested.connect(self._export)
        self.wizard.currentIdChanged.connect(self._page_changed)
        self.draft.stateChanged.connect(self._update_title)
        self.draft.autosaveFailed.connect(
            lambda reason: self.show_status(Message(MSG_AUTOSAVE_FAILED, reason=reason))
        )
        self.ui.changed.connect(self.retranslate)

    def _connect_pages(self) -> None:
        from kzcomplaint.gui.pages.parties import PartiesPage

        check = self.check_page
        check.goToField.connect(self.wizard.go_to_field)
        check.set_review_source(self._review)
        check.set_unread_source(self._unread_inputs)
        check.set_location_source(self.field_label)
        parties = self.wizard.page_of(PartiesPage)
        assert isinstance(parties, PartiesPage)
        parties.directoryRequested.connect(self.show_directory)
        self._parties = parties
        self.document_page.timelineRequested.connect(lambda: self.show_timeline())

    def retranslate(self, *_args: object) -> None:
        """Menus, title and status bar in the interface language."""
        tr = self.translator
        self.file_menu.setTitle(tr.gettext(N_("&File")))
        self.settings_menu.setTitle(tr.gettext(N_("&Settings")))
        self.help_menu.setTitle(tr.gettext(N_("&Help")))
        if self.menus_filled:
            self._retranslate_entries(tr)
        self.show_status(self._status)
        self._update_title()
        self._update_training_label()

    def _retranslate_entries(self, tr: Translator) -> None:
        self.language_menu.setTitle(tr.gettext(N_("Interface &language")))
        self.role_menu.setTitle(tr.gettext(N_("My &role")))
        self.new_action.setText(tr.gettext(N_("&New complaint")))
        self.open_action.setText(tr.gettext(N_("&Open…")))
        self.save_action.setText(tr.gettext(N_("&Save")))
        self.save_as_action.setText(tr.gettext(N_("Save &as…")))
        self.export_action.setText(tr.gettext(N_("&Export the document…")))
        self.batch_action.setText(tr.gettext(N_("Export &many cases…")))
        self.timeline_action.setText(tr.gettext(N_("&Timeline and next step…")))
        self.calendar_action.setText(tr.gettext(N_("Terms of recent cases to a &calendar (.ics)…")))
        self.workdays_action.setText(tr.gettext(N_("&Working-day calendar…")))
        self.quit_action.setText(tr.gettext(N_("&Quit")))
        for role, item in self.role_actions.items():
            item.setText(tr.gettext(ROLE_NAMES[role]))
        self.training_action.setText(tr.gettext(N_("&Training date…")))
        self.training_action.setEnabled(self.settings.role == "trainer")
        self.directory_action.setText(tr.gettext(N_("&Directory of bodies…")))
        self.forget_action.setText(tr.gettext(N_("&Forget everything on this computer…")))
        self.passphrase_action.setText(tr.gettext(N_("&Passphrase…")))
        self.guide_action.setText(tr.gettext(N_("&Guide")))
        self.about_action.setText(tr.gettext(N_("&About kzcomplaint")))

    def show_status(self, message: Message | str | None) -> None:
        """Say ``message`` in the status bar (a note from an input, an autosave).

        A :class:`Message` is kept and re-worded when the interface language
        changes; a plain string (a file name, a system's reason) is shown as it is.
        """
        self._status = message
        if isinstance(message, Message):
            self.status_label.setText(message.render(self.translator))
        else:
            self.status_label.setText(message or "")

    def _update_title(self) -> None:
        name = self.draft.path.name if self.draft.path is not None else self.translator.gettext(MSG_NEW_CASE)
        self.setWindowTitle(f"{name}[*] — kzcomplaint")
        self.setWindowModified(self.draft.dirty)

    def _update_training_label(self) -> None:
        today = self.draft.effective_today  # an exercise's story day, or the trainer's date
        if today is not None:
            from kzcomplaint.core.text import legal_dates

            date = legal_dates.format_legal_date(today, self.translator.language)
            self.training_label.setText(self.translator.format(MSG_TRAINING, date=date))
        self.training_label.setVisible(today is not None)

    # --- review ------------------------------------------------------------------------

    def _review(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        from kzcomplaint.gui.pages.facts import FactsPage
        from kzcomplaint.gui.pages.parties import PartiesPage
        from kzcomplaint.gui.pages.review import review_rows
        from kzcomplaint.gui.pages.situation import SituationPage
        from kzcomplaint.gui.pages.where_when import WhereWhenPage

        pages = [self.wizard.page_of(cls) for cls in (SituationPage, WhereWhenPage, FactsPage, PartiesPage)]
        for page in pages:
            if page.isVisible():
                page.store()
        return review_rows(self.draft.case, pages, self.translator, self.draft.directory, self.draft.region)

    def field_label(self, path: str) -> str:
        """A case field in the user's words: “Parties › Respondent › Address” ("" when no page has it)."""
        return LOCATION_SEPARATOR.join(self.wizard.field_location(path))

    def _unread_inputs(self) -> list[tuple[str, str, str]]:
        """(path, where, text) of every input holding typed text that could not be read."""
        result = []
        for page in self.wizard.pages:
            if page.is_built:
                for path, text in page.unread_inputs():
                    result.append((path, self.field_label(path), text))
        return result

    # --- cases -------------------------------------------------------------------------

    def _ask_unsaved(self) -> bool:
        """When there are unsaved answers, ask to save, discard or cancel; True to go on."""
        if not self.draft.dirty:
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.translator.gettext(N_("Unsaved answers")),
            self.translator.gettext(MSG_UNSAVED),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.draft.discard()
            return True
        return False

    def new_case(self, *, ask: bool = True, go_on: bool = False) -> None:
        """Start a new case with the user's defaults (remembered details, role)."""
        if ask and not self._ask_unsaved():
            return
        self.show_status(None)  # "Saved: …" of the last case says nothing about this one
        self.draft.replace_case(self._case_with_defaults())
        # Always through go_to_page: it also ends a walk still under way from the case
        # opened just before, which would otherwise carry the new case past the Start page.
        self.wizard.go_to_page(1 if go_on else 0)

    def _case_with_defaults(self) -> Case:
        """A new case with the user's defaults: the remembered complainant, the role's representative."""
        from kzcomplaint.core.case import profile

        complainant = None
        try:
            complainant = profile.load_profile()
        except profile.ProfileError as error:
            self.show_status(error.message)
        role = self.settings.role or "observer"
        return new_case_with(self.ui.language, complainant, with_representative=role == "lawyer")

    def open_case(self) -> None:
        """Ask for a case file and open it."""
        if not self._ask_unsaved():
            return
        from kzcomplaint.gui.widgets import files

        name = files.open_file(
            self,
            self.translator.gettext(N_("Open a case file")),
            self.settings.last_folder or str(Path.home()),
            self.translator.gettext(N_("Case files (*.json)")),
        )
        if name:
            self.open_path(Path(name), ask=False)

    def open_path(self, path: Path, *, ask: bool = True) -> bool:
        """Open the case file ``path``; show its problems as a list when it cannot be used."""
        from kzcomplaint.core.case import caseio
        from kzcomplaint.gui.dialogs.problems import FileProblem, ProblemsDialog

        if ask and not self._ask_unsaved():
            return False
        try:
            self.draft.open(path)
        except caseio.CaseFileError as error:
            salvaged = caseio.salvage_case(path)
            problems = [FileProblem(problem.path, problem.message) for problem in error.problems]
            header = None
            if salvaged.readable:
                # Never lost: the file stays as it is, and what it holds is shown, unbound to it.
                self.draft.replace_case(salvaged.case, dirty=True)
                self._walk_into_case()
                header = self.translator.format(MSG_OPENED_PARTLY, file=error.source)
            self.problems_dialog = ProblemsDialog(
                self.translator, self.translator.gettext(N_("Open a case file")), error.source, problems, self, header
            )
            _delete_on_close(self.problems_dialog)
            self.problems_dialog.open()
            return False
        self.settings.last_folder = str(path.parent)
        self.show_status(Message(N_("Opened: {file}"), file=str(path)))
        self._walk_into_case()
        return True

    def _walk_into_case(self) -> None:
        """From the Start page to where a case opened or restored goes on: Check, or What happened? without a kind."""
        steps = list(STEP_TITLES)
        target = "check" if self.draft.template_info() is not None else "situation"
        self.wizard.go_to_page(0)
        self.wizard.walk_to(steps.index(target))

    def save(self) -> bool:
        """Save to the case's file, or ask where (Save as…); True when saved."""
        if self.draft.path is None:
            return self.save_as()
        return self._save_to(self.draft.path)

    def save_as(self, path: Path | None = None) -> bool:
        """Save the case under a new name; True when saved."""
        if path is None:
            from kzcomplaint.gui.widgets import files

            folder = Path(self.settings.last_folder) if self.settings.last_folder else Path.home()
            suggested = f"{self.draft.file_stem()}.json"
            name = files.save_file(
                self,
                self.translator.gettext(N_("Save the case as")),
                str(folder / suggested),
                self.translator.gettext(N_("Case files (*.json)")),
            )
            if not name:
                return False
            path = Path(name)
        if path.suffix.lower() != ".json":
            path = path.with_suffix(".json")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        from kzcomplaint.core.case import caseio
        from kzcomplaint.gui.dialogs.messages import show_error

        self._store_current()
        try:
            self.draft.save(path)
        except caseio.CaseSaveError as error:
            show_error(
                self,
                self.translator,
                error.message.render(self.translator),
                self.translator.gettext(N_("Your answers are kept and autosaved; choose another folder with Save as…")),
            )
            return False
        self.settings.last_folder = str(path.parent)
        self.show_status(Message(MSG_SAVED, file=str(path)))
        return True

    def _store_current(self) -> None:
        page = self.wizard.currentPage()
        if isinstance(page, BasePage) and page.fields:
            page.store()

    def _export(self) -> None:
        self.wizard.go_to_page(len(STEP_TITLES) - 1)
        if self.wizard.currentPage() is self.document_page:
            self.document_page.export()

    def export_many(self) -> BatchDialog:
        """File → Export many cases…: a folder of case files or a CSV into documents (the dialog of a running batch)."""
        from kzcomplaint.gui.dialogs.batch import BatchDialog

        if self.batch_dialog is not None and self.batch_dialog.is_running:
            self.batch_dialog.open()
            return self.batch_dialog
        if self.batch_dialog is not None:
            self.batch_dialog.deleteLater()
        folder = Path(self.settings.last_folder) if self.settings.last_folder else None
        self.batch_dialog = BatchDialog(self.ui, self._output_language(), folder, self, self.field_label)
        self.batch_dialog.open()
        return self.batch_dialog

    def _output_language(self) -> str:
        """The document language chosen on the document page, or the case's own."""
        page = self.document_page
        if page.is_built:
            return page.output_language()
        language = self.draft.case.language
        return language if language in LANGUAGES else self.ui.language

    # --- autosave and restore ----------------------------------------------------------

    def _page_changed(self, _page_id: int) -> None:
        if self.draft.autosave():
            self._autosaved()

    def _autosaved(self) -> None:
        self.show_status(Message(MSG_AUTOSAVED, time=dt.datetime.now().strftime("%H:%M:%S")))

    def offer_restore(self) -> bool:
        """Offer each draft left by a window that is gone; True when one was restored here.

        The first draft restored goes into this window (when it holds nothing
        yet), every further one into a window of its own, so each keeps its own
        autosave. A draft kept for later stays on disk for the next start; a
        draft that could be read only in part was moved aside, never deleted.
        """
        from kzcomplaint.core.case import vault

        if vault.is_protected() and not vault.is_unlocked():
            self.ask_passphrase()  # without it the drafts stay on disk, unread, for the next start
        orphans = drafts.claim_orphans()
        restored_here = False
        for number, autosave in enumerate(orphans, start=1):
            if not autosave.readable:
                self._show_unreadable_draft(autosave)
                continue
            choice = self._ask_restore(autosave, number, len(orphans))
            if choice == "discard":
                autosave.slot.close()
            elif choice == "later":
                autosave.slot.release()
            elif not restored_here and self.draft.is_pristine:
                self.restore(autosave)
                restored_here = True
            else:
                self.spawn_window().restore(autosave)
        return restored_here

    def restore(self, autosave: drafts.Autosave) -> None:
        """Continue with ``autosave`` in this window; list what was left out of a draft read in part."""
        self.draft.restore(autosave)
        self._walk_into_case()
        if autosave.problems:
            self._show_draft_problems(autosave, self.translator.format(MSG_KEPT_PARTLY, file=str(autosave.kept)))

    def spawn_window(self) -> MainWindow:
        """Another main window of this process (a second restored draft), shown."""
        window = MainWindow(self.ui, self.settings)
        _OPEN_WINDOWS.append(window)
        window.destroyed.connect(lambda *_args, w=window: _OPEN_WINDOWS.remove(w) if w in _OPEN_WINDOWS else None)
        _delete_on_close(window)
        window.show()
        return window

    def _show_unreadable_draft(self, autosave: drafts.Autosave) -> None:
        autosave.slot.release()
        self._show_draft_problems(autosave, self.translator.format(MSG_UNREADABLE_DRAFT, file=str(autosave.kept)))

    def _show_draft_problems(self, autosave: drafts.Autosave, header: str) -> None:
        from kzcomplaint.gui.dialogs.problems import FileProblem, ProblemsDialog

        problems = [FileProblem(problem.path, problem.message) for problem in autosave.problems]
        title = self.translator.gettext(N_("Restore the draft?"))
        dialog = ProblemsDialog(self.translator, title, str(autosave.kept), problems, self, header)
        _delete_on_close(dialog)
        self.problems_dialog = dialog
        dialog.open()

    def _ask_restore(self, autosave: drafts.Autosave, number: int = 1, count: int = 1) -> str:
        """Ask what to do with a draft: ``restore``, ``discard`` or ``later``."""
        from PySide6.QtWidgets import QMessageBox

        tr = self.translator
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr.gettext(N_("Restore the draft?")))
        text = tr.gettext(MSG_RESTORE)
        if count > 1:
            text = f"{text}\n{tr.format(MSG_RESTORE_MORE, number=number, count=count)}"
        box.setText(text)
        when = autosave.saved_at.strftime("%d.%m.%Y %H:%M") if autosave.saved_at else "?"
        what = self._describe(autosave.case, autosave.source)
        details = tr.format(MSG_RESTORE_DETAILS, when=when, what=what)
        if autosave.problems:
            details = f"{details}\n{tr.format(MSG_RESTORE_PARTLY, file=str(autosave.kept))}"
        box.setInformativeText(details)
        restore = box.addButton(tr.gettext(N_("&Restore")), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(tr.gettext(N_("Keep for &later")), QMessageBox.ButtonRole.RejectRole)
        discard = box.addButton(tr.gettext(N_("&Discard")), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)
        box.setEscapeButton(later)
        self.restore_box = box
        box.exec()
        clicked = box.clickedButton()
        if clicked is restore:
            return "restore"
        return "discard" if clicked is discard else "later"

    def _describe(self, case: Case, source: Path | None) -> str:
        from kzcomplaint.gui.labels import kind_title

        title = kind_title(case.template, self.translator.language)
        parts = [part for part in (title, case.complainant.full_name, source.name if source else "") if part]
        return " · ".join(parts) or self.translator.gettext(MSG_NEW_CASE)

    # --- settings ----------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Switch the interface language live and remember it."""
        self._store_current()
        self.settings.language = language
        self.ui.set_language(language)
        if self.menus_filled:
            self.language_actions[language].setChecked(True)

    def set_role(self, role: str) -> None:
        """Remember the user's role; a trainer may set the date taken as today."""
        self.settings.role = role
        if self.menus_filled:
            self.role_actions[role].setChecked(True)
        self.draft.set_today(self.settings.training_today if role == "trainer" else None)
        self.retranslate()

    def _training_date(self) -> None:
        from kzcomplaint.gui.dialogs.training_date import TrainingDateDialog

        dialog = TrainingDateDialog(self.translator, self.draft.today, self)
        if dialog.exec() == TrainingDateDialog.DialogCode.Accepted:
            self.settings.training_today = dialog.chosen()
            self.draft.set_today(dialog.chosen())
            self._update_training_label()

    def show_directory(self) -> None:
        """The directory of bodies (browse, edit, import, export)."""
        from kzcomplaint.gui.dialogs.directory import DirectoryDialog

        self.directory_dialog = DirectoryDialog(self.translator, self.draft, self)
        _delete_on_close(self.directory_dialog)
        self.directory_dialog.open()

    def show_timeline(self, path: Path | None = None) -> QWidget | None:
        """The timeline of the case being edited (of ``path``, opened first): record what happened, go on."""
        from kzcomplaint.gui.dialogs.timeline import TimelineDialog

        if path is not None and path != self.draft.path and not self.open_path(path):
            return None
        self._store_current()
        dialog = TimelineDialog(self.translator, self.draft, self)
        _delete_on_close(dialog)

        def drafted(next_path: object) -> None:
            if self.open_path(Path(str(next_path)), ask=False):
                dialog.refresh()

        dialog.nextDrafted.connect(drafted)
        dialog.finished.connect(lambda _result: self.start_page.load())
        self.timeline_dialog = dialog
        dialog.open()
        return dialog

    def show_workdays(self) -> QWidget:
        """The working-day calendar of the year (of the training date), with the user's own days."""
        from kzcomplaint.gui.dialogs.workdays import WorkdaysDialog

        year = (self.draft.today or dt.date.today()).year
        dialog = WorkdaysDialog(self.translator, year, self)
        dialog.date.set_today_source(lambda: self.draft.effective_today or dt.date.today())
        _delete_on_close(dialog)
        dialog.calendarChanged.connect(self.draft.recheck)
        self.workdays_dialog = dialog
        dialog.open()
        return dialog

    def export_calendar(self, path: Path | None = None) -> Path | None:
        """The running terms of every recent case file, as one .ics calendar (asking where)."""
        from kzcomplaint.core.case import caseio
        from kzcomplaint.core.files import atomic
        from kzcomplaint.core.filing import ics
        from kzcomplaint.gui.widgets import files

        if path is None:
            folder = Path(self.settings.last_folder) if self.settings.last_folder else Path.home()
            name = files.save_file(
                self,
                self.translator.gettext(N_("Terms of recent cases to a calendar")),
                str(folder / "kzcomplaint.ics"),
                self.translator.gettext(N_("Calendars (*.ics)")),
            )
            if not name:
                return None
            path = Path(name)
        cases = []
        for recent in drafts.recent_cases():
            try:
                cases.append((recent.path.name, caseio.load_case(recent.path)))
            except caseio.CaseFileError:
                continue  # the start page lists the files it cannot read
        data = ics.calendar_bytes(cases, self.translator, today=self.draft.today)
        try:
            atomic.write_private_file(path, data)
        except OSError as error:
            from kzcomplaint.gui.dialogs.messages import cannot_write

            self.show_status(cannot_write(path, error))
            return None
        self.show_status(Message(N_("Calendar saved: {file}"), file=str(path)))
        return path

    def ask_passphrase(self) -> bool:
        """Ask for the passphrase set on this computer until it is right or the user gives up; True when given."""
        from kzcomplaint.core.case import vault
        from kzcomplaint.gui.dialogs.passphrase import PassphraseDialog

        dialog = PassphraseDialog(self.translator, new=False, parent=self)
        self.passphrase_dialog = dialog
        while dialog.exec() == PassphraseDialog.DialogCode.Accepted:
            try:
                vault.unlock(dialog.value())
            except vault.VaultError as error:  # a wrong passphrase changes nothing on disk
                dialog.show_problem(error.message)
                continue
            if self.draft.is_pristine:
                self.new_case(ask=False)  # with the remembered details, readable now
            self.show_status(None)
            return True
        self.show_status(Message(vault.MSG_LOCKED))
        return False

    def manage_passphrase(self) -> bool:
        """Settings → Passphrase…: set one, change or remove it, or give it; True when something changed."""
        from PySide6.QtWidgets import QMessageBox

        from kzcomplaint.core.case import forget, vault
        from kzcomplaint.gui.dialogs.passphrase import PassphraseDialog

        tr = self.translator
        if vault.is_protected() and not vault.is_unlocked():
            return self.ask_passphrase()
        if vault.is_protected():
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Question)
            box.setWindowTitle(tr.gettext(N_("Passphrase")))
            box.setText(tr.gettext(MSG_PASSPHRASE_SET))
            change = box.addButton(tr.gettext(N_("&Change it…")), QMessageBox.ButtonRole.AcceptRole)
            remove = box.addButton(tr.gettext(N_("&Remove it")), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            self.passphrase_box = box
            box.exec()
            if box.clickedButton() is remove:
                files = vault.remove_passphrase(forget.protected_files())
                self.show_status(Message(MSG_PASSPHRASE_REMOVED, count=len(files)))
                return True
            if box.clickedButton() is not change:
                return False
        dialog = PassphraseDialog(tr, new=True, parent=self)
        self.passphrase_dialog = dialog
        if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
            return False
        try:
            files = vault.set_passphrase(dialog.value(), forget.protected_files())
        except (OSError, vault.VaultError) as error:
            from kzcomplaint.gui.dialogs.messages import show_error

            reason = error.message.render(tr) if isinstance(error, vault.VaultError) else str(error)
            show_error(self, tr, reason, tr.gettext(N_("Nothing you had was lost; try again.")))
            return False
        self.draft.autosave()  # written encrypted from now on
        self.show_status(Message(MSG_PASSPHRASE_DONE, count=len(files)))
        return True

    def forget_everything(self, *, ask: bool = True) -> list[Path]:
        """Remove everything the app keeps about the user on this computer (asking first); list what went.

        The case in the window is closed without saving; case files and
        documents the user saved elsewhere are not touched.
        """
        import logging as logging_module

        from PySide6.QtWidgets import QMessageBox

        from kzcomplaint.core.case import forget

        tr = self.translator
        files = forget.stored_files()
        if ask:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(tr.gettext(N_("Forget everything on this computer")))
            box.setText(tr.format(MSG_FORGET_ASK, count=len(files)))
            box.setInformativeText(tr.gettext(MSG_FORGET_WHAT))
            box.setDetailedText("\n".join(str(path) for path in files))
            remove = box.addButton(tr.gettext(N_("&Remove everything")), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            self.forget_box = box
            box.exec()
            if box.clickedButton() is not remove:
                return []
        self.draft.dirty = False
        self.draft.close_slot()
        root = logging_module.getLogger()
        for handler in list(root.handlers):  # the log is one of the files removed
            if isinstance(handler, logging_module.FileHandler):
                root.removeHandler(handler)
                handler.close()
        self.settings.forget()
        self._forgotten = True
        removed_now, kept = forget.forget_everything()
        # The window's own autosave and ui.ini went first, by their owners: listed with the rest.
        removed = sorted({*removed_now, *(path for path in files if not path.exists())})
        self.new_case(ask=False)
        if self._parties is not None:
            self._parties.load()
        self.show_status(Message(MSG_FORGOTTEN, count=len(removed)))
        if ask:
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Information if not kept else QMessageBox.Icon.Warning)
            box.setWindowTitle(tr.gettext(N_("Forget everything on this computer")))
            text = tr.format(MSG_FORGOTTEN, count=len(removed))
            if kept:
                text += "\n" + tr.format(MSG_NOT_REMOVED, files=", ".join(str(path) for path in kept))
            box.setText(text)
            box.setDetailedText("\n".join(str(path) for path in removed))
            self.forgotten_box = box
            box.exec()
        return removed

    def show_guide(self, role: str | None = None) -> GuideDialog:
        """Help → Guide: the offline guide for the user's role (another role can be chosen in it)."""
        from kzcomplaint.gui.dialogs.guide import GuideDialog

        if self.guide_dialog is None:
            self.guide_dialog = GuideDialog(self.ui, role or self.settings.role or "observer", self)
            self.guide_dialog.finished.connect(lambda _result: setattr(self, "guide_dialog", None))
            _delete_on_close(self.guide_dialog)
        elif role is not None:
            self.guide_dialog.show_role(role)
        self.guide_dialog.show()
        self.guide_dialog.activateWindow()
        return self.guide_dialog

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.translator.gettext(N_("About kzcomplaint")),
            self.translator.format(
                N_(
                    "kzcomplaint {version}: election complaints for Kazakhstan that are complete in form "
                    "and filed in time. Works offline; case files stay on this computer."
                ),
                version=__version__,
            ),
        )

    # --- window events -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Announce the first show (the start-up benchmark listens), and watch for the first paint."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.installEventFilter(self)
            self.firstShown.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the first paint, finish the window once the paint is done (then stop watching)."""
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted_once:
            self._painted_once = True
            self.removeEventFilter(self)
            # Queued: runs after the whole window is painted and flushed to the screen.
            QTimer.singleShot(0, self, self._first_painted)
        return super().eventFilter(watched, event)

    def _first_painted(self) -> None:
        from PySide6.QtCore import Qt  # loads Qt's namespace: not before the first paint

        from kzcomplaint.gui.widgets import guard

        guard.install()
        self.fill_menus()
        # Qt's own file dialogs, in the interface language: a native one speaks the
        # system's language («Look in», "Files of type" in a Russian window).
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
        self.start_page.release_terms()
        self.draft.make_first_case()
        self.wizard.ensure_pages()
        self.firstPainted.emit()
        QTimer.singleShot(PREPARE_DELAY_MS, self, self._prepare)

    def _prepare(self) -> None:
        """Once the window has been idle a moment, make ready what opening a case needs.

        First the core's data, read on a worker thread; then the pages'
        widgets, one page per turn of the event loop (building them while the
        worker reads would make each wait for the other). Opening a case then
        fills widgets that exist with data that is loaded.
        """
        from kzcomplaint.gui.workers import threads
        from kzcomplaint.gui.workers.warmup import compile_texts, warm_core

        def compile_later() -> None:
            # Last, once the pages exist: the longest part, and no page waits for it.
            threads.run_in_background(
                compile_texts, on_success=lambda _result: None, on_failure=lambda _error: None, context=self
            )

        def build(_result: object) -> None:
            self.wizard.build_pages_when_idle(then=compile_later)

        threads.run_in_background(warm_core, on_success=build, on_failure=build, context=self)

    def closeEvent(self, event: QCloseEvent) -> None:
        """With unsaved answers, ask to save, discard or cancel; then give up the autosave slot."""
        self._store_current()
        if not self._ask_unsaved():
            event.ignore()
            return
        if self.batch_dialog is not None:
            self.batch_dialog.cancel()  # whole documents only; the thread pool waits for the case being written
        if self._parties is not None:
            self._parties.flush_profile()
        self.draft.close_slot()
        if not self._forgotten:  # after "Forget everything", nothing is written again on the way out
            self.settings.geometry = self.saveGeometry()
            self.settings.sync()
        super().closeEvent(event)
