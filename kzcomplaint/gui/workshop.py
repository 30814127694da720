"""Workshop mode in the window: the Workshop menu, the participant's exercise panel, the trainer's views.

A participant starts a scenario and works in the ordinary wizard; the
exercise is an ordinary case (with an ``exercise`` section) that saves,
autosaves and opens like any other. The panel at the side shows the story
and the facts sheet and, after every check, what the core's scorer says.
The trainer opens the presenter view, collects the room's drafts, and saves
answer keys. Everything decided here is decided by ``core.workshop``, which
is imported only when a workshop action needs it: the first window does not
wait for the packs, the checker or Qt's namespace.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from kzcomplaint.core.text.i18n import N_, Message, Translator, translator

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from kzcomplaint.core.workshop import exercise, packs
    from kzcomplaint.gui.dialogs.exercise_result import ExerciseResultDialog
    from kzcomplaint.gui.dialogs.exercise_start import StartExerciseDialog
    from kzcomplaint.gui.dialogs.presenter import PresenterWindow
    from kzcomplaint.gui.dialogs.workshop_room import RoomDialog
    from kzcomplaint.gui.widgets.exercise_panel import ExercisePanel

log = logging.getLogger(__name__)

MSG_SCENARIO_MISSING = N_(
    "This draft belongs to the scenario “{scenario}”, which is not in the packs at hand: add its pack "
    "(Workshop → Add a pack…) to see the story and the score."
)
MSG_PACK_ADDED = N_("Pack added: {title} ({count} scenario(s)).")
MSG_KEY_SAVED = N_("Answer key saved: {file}")
MSG_RESTART_ASK = N_("Start this exercise again from the beginning? Your answers in it will be lost.")


class WorkshopController(QObject):
    """The Workshop menu and the exercise panel of one main window."""

    def __init__(self, window: Any) -> None:
        """Add the menu before Help of ``window`` (the ``gui.wizard.MainWindow``, which imports this module).

        Its entries come with :meth:`fill_menu`; the panel is made when the first exercise is shown.
        """
        super().__init__(window)
        self.window = window
        self._library: packs.Library | None = None
        self.scenario: packs.Scenario | None = None
        self.dock: QDockWidget | None = None
        self.panel: ExercisePanel | None = None
        self.start_dialog: StartExerciseDialog | None = None
        self.result_dialog: ExerciseResultDialog | None = None
        self.presenter: PresenterWindow | None = None
        self.room_dialog: RoomDialog | None = None
        self.menu = QMenu(window)
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.menu)
        self._entries: list[QAction] = []
        window.draft.caseReplaced.connect(self._case_replaced)
        window.draft.problemsChanged.connect(lambda _problems: self.rescore())
        window.ui.changed.connect(self.retranslate)
        self.retranslate()

    def fill_menu(self) -> None:
        """The menu's entries (the window calls this once it is painted; the first paint shows only the title)."""
        if self._entries:
            return
        window = self.window

        def action(slot: object) -> QAction:
            item = QAction(window)
            item.triggered.connect(slot)
            self.menu.addAction(item)
            self._entries.append(item)
            return item

        self.start_action = action(lambda: self.choose_and_start())
        self.restart_action = action(lambda: self.restart())
        self.finish_action = action(lambda: self.finish())
        self.panel_action = action(lambda: self.toggle_panel())
        self.menu.addSeparator()
        self.presenter_action = action(lambda: self.show_presenter())
        self.room_action = action(lambda: self.show_room())
        self.key_action = action(lambda: self.choose_and_save_key())
        self.add_pack_action = action(lambda: self.add_pack())
        self._retranslate_entries(self.ui)  # the title (and a panel, if any) is worded already
        self._update_actions()

    @property
    def ui(self) -> Translator:
        """The interface translator (not ``tr``: that is QObject's)."""
        translator_: Translator = self.window.translator
        return translator_

    @property
    def library(self) -> packs.Library:
        """The packs at hand (shipped and the trainer's own), read once."""
        from kzcomplaint.core.workshop import packs

        if self._library is None:
            self._library = packs.load_library()
            for error in self._library.errors:
                log.warning("pack not usable: %s", error)
        return self._library

    def retranslate(self, *_args: object) -> None:
        """Menu texts in the interface language."""
        tr = self.ui
        self.menu.setTitle(tr.gettext(N_("&Workshop")))
        if self._entries:
            self._retranslate_entries(tr)
        if self.dock is not None:
            self.dock.setWindowTitle(tr.gettext(N_("Exercise")))
        if self.panel is not None:
            self.panel.retranslate(tr)
            self.rescore()

    def _retranslate_entries(self, tr: Translator) -> None:
        self.start_action.setText(tr.gettext(N_("&Start an exercise…")))
        self.restart_action.setText(tr.gettext(N_("Start this exercise a&gain")))
        self.finish_action.setText(tr.gettext(N_("&Finish and see the score")))
        self.panel_action.setText(tr.gettext(N_("Show the story and &facts sheet")))
        self.presenter_action.setText(tr.gettext(N_("&Presenter view…")))
        self.room_action.setText(tr.gettext(N_("&Collect participants' drafts…")))
        self.key_action.setText(tr.gettext(N_("Save an answer &key…")))
        self.add_pack_action.setText(tr.gettext(N_("&Add a pack…")))

    def _update_actions(self) -> None:
        if not self._entries:
            return  # made with the menu's entries, from the state then
        active = self.scenario is not None
        for item in (self.restart_action, self.finish_action, self.panel_action):
            item.setEnabled(active)

    # --- the participant ---------------------------------------------------------------

    def choose_and_start(self) -> None:
        """Ask which scenario, in which language, for whom; then start it."""
        from kzcomplaint.gui.dialogs.exercise_start import StartExerciseDialog

        if not self.window._ask_unsaved():
            return
        dialog = StartExerciseDialog(self.ui, self.library, self.window)
        dialog.addPackRequested.connect(lambda: self.add_pack(dialog))
        self.start_dialog = dialog
        if dialog.exec() != StartExerciseDialog.DialogCode.Accepted:
            return
        scenario = dialog.scenario()
        if scenario is not None:
            self.start(scenario, dialog.workshop_language(), dialog.participant.text())

    def start(self, scenario: packs.Scenario, language: str, participant: str) -> bool:
        """Make the scenario's starting draft the window's case (unsaved) and go to the first question."""
        from kzcomplaint.core.workshop import exercise, packs
        from kzcomplaint.gui.dialogs.messages import show_error

        try:
            case = exercise.start(scenario, language, participant)
        except (exercise.ExerciseError, packs.PackError) as error:
            text = (
                "\n".join(m.render(self.ui) for m in error.messages())
                if isinstance(error, packs.PackError)
                else (error.message.render(self.ui))
            )
            show_error(self.window, self.ui, text, "")
            return False
        self.window.draft.replace_case(case, dirty=True)
        self.window.wizard.go_to_page(0)
        self.window.wizard.go_to_page(1)
        return True

    def restart(self, *, ask: bool = True) -> None:
        """The current exercise from its starting draft again (same participant, same file)."""
        from PySide6.QtWidgets import QMessageBox

        from kzcomplaint.core.workshop import exercise

        case = self.window.draft.case
        if self.scenario is None or case.exercise is None:
            return
        if ask:
            answer = QMessageBox.question(
                self.window, self.ui.gettext(N_("Start again")), self.ui.gettext(MSG_RESTART_ASK)
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        fresh = exercise.start(self.scenario, case.exercise.language, case.exercise.participant)
        self.window.draft.replace_case(fresh, path=self.window.draft.path, dirty=True)
        self.window.wizard.go_to_page(0)
        self.window.wizard.go_to_page(1)

    def finish(self) -> exercise.Score | None:
        """Score the draft and show the score with the key for what was missed."""
        from kzcomplaint.gui.dialogs.exercise_result import ExerciseResultDialog

        if self.scenario is None:
            return None
        self.window._store_current()  # what is typed on the current page counts
        result = self.current_score()
        assert result is not None
        self.result_dialog = ExerciseResultDialog(self.ui, result, self.window)
        self.result_dialog.open()
        return result

    def current_score(self) -> exercise.Score | None:
        """What the core's scorer says about the window's case now (None when it is no exercise)."""
        from kzcomplaint.core.workshop import exercise

        if self.scenario is None:
            return None
        return exercise.score(self.window.draft.case, self.scenario)

    def toggle_panel(self) -> None:
        """Show the exercise panel again after it was closed."""
        if self.dock is not None:
            self.dock.show()
            self.dock.raise_()

    def _ensure_panel(self) -> ExercisePanel:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDockWidget

        from kzcomplaint.gui.widgets.exercise_panel import ExercisePanel

        if self.panel is None:
            self.dock = QDockWidget(self.window)
            self.dock.setObjectName("exercise")
            self.dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
            )
            self.panel = ExercisePanel(self.ui, self.dock)
            self.panel.answered.connect(self._answered)
            self.panel.finishRequested.connect(lambda: self.finish())
            self.panel.restartRequested.connect(lambda: self.restart())
            self.dock.setWidget(self.panel)
            self.dock.setMinimumWidth(self.window.fontMetrics().averageCharWidth() * 44)
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.dock.setWindowTitle(self.ui.gettext(N_("Exercise")))
        return self.panel

    def _case_replaced(self) -> None:
        case = self.window.draft.case
        self.scenario = None
        if case.exercise is not None:
            self.scenario = self.library.find(case.exercise.scenario)
            if self.scenario is None:
                self.window.show_status(Message(MSG_SCENARIO_MISSING, scenario=case.exercise.scenario))
        self.window._update_training_label()
        self._update_actions()
        if self.scenario is None or case.exercise is None:
            if self.dock is not None:
                self.dock.hide()
            return
        panel = self._ensure_panel()
        language = case.exercise.language if case.exercise.language in self.scenario.languages else case.language
        panel.show_scenario(self.scenario, language, dict(case.exercise.answers))
        assert self.dock is not None
        self.dock.show()
        self.rescore()

    def rescore(self) -> None:
        """Show the core's score of the window's case on the panel."""
        if self.panel is None or self.scenario is None:
            return
        result = self.current_score()
        if result is not None:
            self.panel.show_score(result)

    def _answered(self, code: str, choice: str) -> None:
        exercise_data = self.window.draft.case.exercise
        if exercise_data is None:
            return
        exercise_data.answers[code] = choice
        self.window.draft.touch()

    # --- the trainer -------------------------------------------------------------------

    def show_presenter(self) -> PresenterWindow:
        """The presenter view, on the current exercise's scenario when there is one."""
        from PySide6.QtCore import Qt

        from kzcomplaint.gui.dialogs.presenter import PresenterWindow

        if self.presenter is None:
            self.presenter = PresenterWindow(self.ui, self.library)
            self.presenter.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.presenter.destroyed.connect(lambda: setattr(self, "presenter", None))
        case = self.window.draft.case
        if self.scenario is not None and case.exercise is not None:
            self.presenter.choose(self.scenario.id, case.exercise.language)
        self.presenter.show()
        self.presenter.raise_()
        return self.presenter

    def show_room(self) -> RoomDialog:
        """Collect participants' drafts from a folder."""
        from kzcomplaint.gui.dialogs.workshop_room import RoomDialog

        if self.room_dialog is not None and self.room_dialog.running:
            self.room_dialog.open()
            return self.room_dialog
        folder = Path(self.window.settings.last_folder) if self.window.settings.last_folder else None
        self.room_dialog = RoomDialog(self.ui, self.library, folder, self.window)
        self.room_dialog.open()
        return self.room_dialog

    def choose_and_save_key(self) -> None:
        """Ask for a scenario and a file; save its printable answer key."""
        from kzcomplaint.core.workshop import handouts
        from kzcomplaint.gui.dialogs.exercise_start import StartExerciseDialog
        from kzcomplaint.gui.draft import safe_file_stem
        from kzcomplaint.gui.widgets import files

        dialog = StartExerciseDialog(self.ui, self.library, self.window, for_key=True)
        if dialog.exec() != StartExerciseDialog.DialogCode.Accepted or dialog.scenario() is None:
            return
        scenario = dialog.scenario()
        assert scenario is not None
        language = dialog.workshop_language()
        folder = Path(self.window.settings.last_folder) if self.window.settings.last_folder else Path.home()
        # Named in the key's language by the scenario's title, not by its id.
        stem = safe_file_stem(translator(language).format(handouts.MSG_KEY_TITLE, title=scenario.title[language]))
        name = files.save_file(
            self.window,
            self.ui.gettext(N_("Save an answer key")),
            str(folder / f"{stem}.docx"),
            self.ui.gettext(N_("Word documents (*.docx)")),
        )
        if name:
            self.save_key(scenario, language, Path(name))

    def save_key(self, scenario: packs.Scenario, language: str, path: Path) -> bool:
        """Write the answer key of ``scenario`` in ``language`` to ``path``."""
        from kzcomplaint.core.documents.batch import write_atomic
        from kzcomplaint.core.workshop import handouts
        from kzcomplaint.gui.dialogs.messages import cannot_write, show_error

        if path.suffix.lower() != ".docx":
            path = path.with_suffix(".docx")
        try:
            write_atomic(path, handouts.answer_key_docx(scenario, translator(language)))
        except OSError as error:
            show_error(self.window, self.ui, cannot_write(path, error).render(self.ui), "")
            return False
        self.window.show_status(Message(MSG_KEY_SAVED, file=str(path)))
        return True

    def add_pack(self, dialog: StartExerciseDialog | None = None, path: Path | None = None) -> bool:
        """Check a pack file a trainer wrote and keep a copy among the user's packs."""
        from kzcomplaint.core.files.atomic import write_private_file
        from kzcomplaint.core.workshop import packs
        from kzcomplaint.gui.dialogs.messages import show_error
        from kzcomplaint.gui.widgets import files

        if path is None:
            name = files.open_file(
                self.window,
                self.ui.gettext(N_("Add a pack")),
                str(Path.home()),
                self.ui.gettext(N_("Scenario packs (*.toml)")),
            )
            if not name:
                return False
            path = Path(name)
        try:
            pack = packs.load_pack(path)
            packs.verify_pack(pack)
            target = packs.user_packs_dir() / path.name
            write_private_file(target, path.read_bytes())
            self._library = None
            library = packs.load_library()
            clash = next((error for error in library.errors if Path(error.source) == target), None)
            if clash is not None:
                target.unlink(missing_ok=True)
                raise clash
        except packs.PackError as error:
            show_error(self.window, self.ui, "\n".join(m.render(self.ui) for m in error.messages()[:20]), "")
            self._library = None
            return False
        except OSError as error:
            show_error(self.window, self.ui, f"{path}: {error.strerror or error}", "")
            return False
        self._library = library
        title = pack.title.get(self.ui.language) or next(iter(pack.title.values()), pack.id)
        self.window.show_status(Message(MSG_PACK_ADDED, title=title, count=len(pack.scenarios)))
        if dialog is not None:
            dialog.set_library(library)
        return True


__all__ = ["WorkshopController"]
