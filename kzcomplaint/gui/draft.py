"""The one shared case of the window, and what the core says about it.

:class:`DraftController` owns the :class:`~kzcomplaint.core.case.model.Case` being
edited. Pages write their answers into it and call :meth:`touch`; the
controller asks the core for problems and deadlines (debounced, on a worker
thread: the first check of a session loads every rule file, and the window
must not freeze meanwhile), autosaves into the window's own slot of
:mod:`kzcomplaint.core.case.drafts` (locked: no other window or copy of the
app writes there), and announces changes with signals. Pages never talk to
each other, only to the controller.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kzcomplaint.core.case import drafts
from kzcomplaint.core.text.i18n import Message
from kzcomplaint.core.text.languages import LANGUAGES

if TYPE_CHECKING:
    from collections.abc import Callable

    from kzcomplaint.core.case.model import Case, Person
    from kzcomplaint.core.documents.templates import Template
    from kzcomplaint.core.law.catalog import TemplateInfo
    from kzcomplaint.core.law.checks import Problem
    from kzcomplaint.core.law.deadlines import Deadline
    from kzcomplaint.core.law.directory import Directory, DirectoryError

log = logging.getLogger(__name__)

AUTOSAVE_INTERVAL_MS = 5_000
FILE_STEM_CHARS = 60
"""A suggested file name keeps at most this much of the kind's title (paths stay short on Windows)."""
RECHECK_DELAY_MS = 250


def safe_file_stem(text: str) -> str:
    """``text`` as a file name every system takes: no character Windows refuses, at most :data:`FILE_STEM_CHARS`."""
    text = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text)
    return " ".join(text.split())[:FILE_STEM_CHARS].rstrip(" .,")


def suggested_stem(case: Case, today: dt.date | None = None) -> str:
    """A name for a case's files in the user's words: the kind's title in the document language and the date.

    Never the kind's id (``observer_removed``): that is the app's word, not the user's.
    """
    from kzcomplaint.core.law import catalog

    try:
        info = catalog.get(case.template) if case.template else None
    except catalog.UnknownTemplateError:
        info = None
    language = case.language if case.language in LANGUAGES else "ru"
    title = safe_file_stem(info.title[language]) if info is not None else ""
    day = (today or dt.date.today()).isoformat()
    return f"{title} {day}" if title else day


def assess(
    case: Case, today: dt.date | None, *, base_dir: Path | None = None, picked: frozenset[Path] = frozenset()
) -> tuple[list[Problem], list[Deadline], str]:
    """The case's problems and deadlines, and what went wrong computing them (worker thread).

    ``base_dir`` (the case file's folder) and ``picked`` (files the user
    picked in a dialog) are the evidence files the checker may look at.

    A rule bug must not take the editor down: it is logged for the team and
    its message shown on the pages, with whatever could still be computed.
    """
    from kzcomplaint.core.law import checks, deadlines

    errors = []
    problems: list[Problem] = []
    terms: list[Deadline] = []
    try:
        problems = list(checks.check_case(case, today=today, base_dir=base_dir, picked=picked))
    except Exception as error:
        log.exception("check_case failed")
        errors.append(str(error))
    try:
        terms = list(deadlines.case_deadlines(case, today=today))
    except Exception as error:
        log.exception("case_deadlines failed")
        errors.append(str(error))
    return problems, terms, "; ".join(errors)


def new_case_with(language: str, complainant: Person | None, *, with_representative: bool) -> Case:
    """A new, empty case with the user's defaults: the remembered complainant, a lawyer's representative."""
    import copy

    from kzcomplaint.core.case.model import Case, Person

    case = Case(language=language)
    if complainant is not None:
        case.complainant = copy.deepcopy(complainant)
    if with_representative:
        case.representative = Person(role="lawyer")
    return case


class DraftController(QObject):
    """Holds the case being edited; recomputes problems and deadlines; autosaves."""

    caseReplaced = Signal()
    """A different case was loaded (new, opened, restored): pages reload."""
    caseChanged = Signal()
    """An answer changed (pages that show derived data refresh)."""
    problemsChanged = Signal(list)
    deadlinesChanged = Signal(list)
    stateChanged = Signal()
    """The file path or the unsaved-changes flag changed (window title)."""
    autosaveFailed = Signal(object)
    """Why an autosave failed: a :class:`~kzcomplaint.core.text.i18n.Message` (the core's reason, worded
    in the interface language where it is shown) or the system's reason as a string."""
    directoryChanged = Signal()
    """The directory of bodies was edited or imported."""

    def __init__(self, parent: QObject | None = None) -> None:
        """Start with no case yet: :attr:`case` makes it when it is first asked for."""
        super().__init__(parent)
        self._case: Case | None = None
        self.first_case: Callable[[], Case] | None = None
        """Makes the window's first case with the user's defaults (:func:`new_case_with`); used by
        :meth:`make_first_case` after the first paint, or by :attr:`case` when asked for sooner.
        The case model (a dozen dataclasses, some 6 ms to import) is not loaded before the window shows."""
        self.path: Path | None = None
        self.dirty = False
        self.today: dt.date | None = None
        self.problems: list[Problem] = []
        self.deadlines: list[Deadline] = []
        self.core_error: str = ""
        self.region = ""
        """The respondent's region (a directory region id): not part of the case file,
        inferred from the bodies chosen, used to propose the addressee."""
        self.slot: drafts.AutosaveSlot | None = None
        """This window's autosave slot, taken at the first autosave (or with a restored draft)."""
        self.picked_files: set[Path] = set()
        """Evidence files the user picked in a file dialog in this window: the only ones read
        wherever they are (others only inside the case file's folder)."""
        self._directory: Directory | None = None
        self.directory_error: DirectoryError | None = None
        self._checks_asked = 0
        self._checks_answered = 0
        self._shown = 0  # the question whose answer problems and deadlines hold
        self._first_of_case = 1  # the first question about the case being edited
        self._recheck_timer = QTimer(self)
        self._recheck_timer.setSingleShot(True)
        self._recheck_timer.setInterval(RECHECK_DELAY_MS)
        self._recheck_timer.timeout.connect(self.recheck)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.autosave_timer.timeout.connect(self.autosave)

    # --- the case ------------------------------------------------------------------

    @property
    def case(self) -> Case:
        """The case being edited (the first one is made when first asked for)."""
        if self._case is None:
            # Asked for before the first paint (a page shown at once): made quietly, with
            # nothing to announce: no page has shown a case yet and it is new and unsaved.
            make, self.first_case = self.first_case, None
            if make is not None:
                self._case = make()
            else:
                from kzcomplaint.core.case.model import Case

                self._case = Case()
            self._recheck_timer.start()
        return self._case

    @case.setter
    def case(self, case: Case) -> None:
        self._case = case

    def make_first_case(self) -> None:
        """Make the window's first case now, unless a case was already made, opened or restored."""
        make, self.first_case = self.first_case, None
        if make is not None and self._case is None:
            self.replace_case(make())

    def replace_case(self, case: Case, *, path: Path | None = None, dirty: bool = False) -> None:
        """Make ``case`` the case being edited (opened from ``path``, or new when None).

        Files picked for the last case are not this one's: only the dialog may
        make a file outside the case's folder readable, for the case it was picked for.
        """
        self.first_case = None  # a case opened or restored before the first paint is not replaced
        self.case = case
        self.path = path
        self.picked_files.clear()
        self.dirty = dirty
        self.region = self._infer_region(case)
        # What the core said about the previous case is not about this one.
        self.problems, self.deadlines, self.core_error = [], [], ""
        self._first_of_case = self._checks_asked + 1
        self.caseReplaced.emit()
        self.stateChanged.emit()
        self._recheck_timer.start()  # not at once: at start-up nothing may compete with the first paint

    def set_template(self, template_id: str) -> None:
        """Choose the document kind; the respondent and addressee follow it where it does not allow them."""
        if template_id == self.case.template:
            return
        self.case.template = template_id
        self._follow_kind()

    def set_respondent_level(self, level: str) -> None:
        """Whose act is contested; the addressee follows when the law does not lead to it from there."""
        if not level or level == self.case.respondent.level:
            return
        self.case.respondent.level = level
        self._follow_kind()

    def _follow_kind(self) -> None:
        """The kind's own levels and the first route the law gives (the core decides; the user may change them)."""
        if self.template_info() is None:
            return
        from kzcomplaint.core.case.model import Body
        from kzcomplaint.core.law import defaults

        case = self.case
        on = case.filing_date or self.effective_today  # the day the checker takes the routes on
        levels = defaults.kind_levels(case.template, case.respondent.level, case.addressee.level, on=on)
        # A body of another level is another body: its name and contacts are not carried over.
        if levels.respondent != case.respondent.level:
            case.respondent = Body(level=levels.respondent)
        if levels.addressee != case.addressee.level:
            case.addressee = Body(level=levels.addressee)
        # A kind that contests only decisions (a refused registration) starts with one, not an action.
        info = self.template_info()
        if info is not None and info.contests and case.contested.type not in info.contests:
            case.contested.type = info.contests[0]

    def touch(self, *, by_user: bool = True) -> None:
        """Pages call this after writing an answer into :attr:`case`.

        ``by_user=False`` is for what a page derives by itself (a respondent named
        from its level when the page is built): the case changes and is checked
        again, but it holds no answer of the user's, so nothing is "unsaved" —
        a new case the user has not touched is not saved, autosaved or asked about.
        """
        if by_user and not self.dirty:
            self.dirty = True
            self.stateChanged.emit()
        self.caseChanged.emit()
        self._recheck_timer.start()

    def snapshot(self) -> Case:
        """A copy of the case for work on another thread."""
        import copy  # here: the first window makes no copy

        return copy.deepcopy(self.case)

    def template_info(self) -> TemplateInfo | None:
        """The catalogue entry of the chosen document kind, if any."""
        if not self.case.template:
            return None
        from kzcomplaint.core.law import catalog

        try:
            return catalog.get(self.case.template)
        except catalog.UnknownTemplateError:
            return None

    def set_document_language(self, language: str) -> None:
        """Write the document in ``language``; bodies from the directory follow in their names.

        Facts and requests the app drafted (not edited by the user since) are
        drafted again in the new language; what the user wrote stays as written.
        """
        old = self.case.language
        if language == old:
            return
        facts_followed = bool(self.case.facts.strip()) and self.case.facts == self.drafted_facts(old)
        requests_followed = bool(self.case.requests) and self.case.requests == self.suggested_requests(old)
        self.case.language = language
        for body in (self.case.respondent, self.case.addressee):
            body.name = self.directory.localized_name(body, language)
        if facts_followed:
            self.case.facts = self.drafted_facts(language)
        if requests_followed:
            self.case.requests = self.suggested_requests(language)

    def template(self) -> Template | None:
        """The text of the chosen document kind (None when no kind, or its text cannot be used)."""
        if not self.case.template:
            return None
        from kzcomplaint.core.documents import templates

        try:
            return templates.load_template(self.case.template)
        except (templates.TemplateError, LookupError, OSError):
            return None

    def drafted_facts(self, language: str) -> str:
        """The facts as the app drafts them from the answers in ``language`` ("" without a kind)."""
        template = self.template()
        if template is None or language not in LANGUAGES:
            return ""
        from kzcomplaint.core.documents.facts import draft_facts

        return draft_facts(self.case, language, template=template)

    def suggested_requests(self, language: str) -> list[str]:
        """The kind's suggested requests, filled in for this case in ``language`` ([] without a kind)."""
        template = self.template()
        if template is None or language not in LANGUAGES:
            return []
        from kzcomplaint.core.documents import render

        return render.default_requests(self.case, language, template=template)

    def file_stem(self) -> str:
        """A name for this case's files: its file's name, or :func:`suggested_stem`."""
        if self.path is not None:
            return self.path.stem
        return suggested_stem(self.case, self.today)

    @property
    def effective_today(self) -> dt.date | None:
        """The day the case is judged on: an exercise's story day, else the trainer's date, else None (today)."""
        if self._case is None:  # the first case is not made yet: a new case has no story day
            return self.today
        return self._case.story_today() or self.today

    def set_today(self, today: dt.date | None) -> None:
        """Take ``today`` as the current date (a trainer's exercise), or the real date."""
        self.today = today
        self.recheck()

    # --- the directory of bodies ---------------------------------------------------------

    @property
    def directory(self) -> Directory:
        """The directory of bodies (shipped and the user's own), loaded on first use.

        When the user's own file is unusable, the shipped directory is used and
        :attr:`directory_error` says why.
        """
        if self._directory is None:
            from kzcomplaint.core.law import directory

            try:
                self._directory = directory.load_directory()
                self.directory_error = None
            except directory.DirectoryError as error:
                log.warning("user directory unusable: %s", error)
                self.directory_error = error
                self._directory = directory.shipped_directory()
        return self._directory

    def reload_directory(self) -> None:
        """Read the directory again after it was edited or imported."""
        self._directory = None
        _ = self.directory
        self.directoryChanged.emit()

    def _infer_region(self, case: Case) -> str:
        if not (case.respondent.name or case.addressee.name):
            return ""
        for body in (case.respondent, case.addressee):
            entry = self.directory.find(body)
            if entry is not None and entry.region:
                return entry.region
        return ""

    # --- what the core says ------------------------------------------------------------

    def recheck(self) -> None:
        """Ask the core for the case's problems and deadlines now, on a worker thread.

        :attr:`problems` and :attr:`deadlines` keep the last answer until the
        new one arrives with :attr:`problemsChanged` and :attr:`deadlinesChanged`;
        an answer about an older state of the case, overtaken by a newer
        question, is dropped.
        """
        self._recheck_timer.stop()
        self._checks_asked += 1
        asked = self._checks_asked
        case, today = self.snapshot(), self.effective_today
        base_dir = self.path.parent if self.path is not None else None
        picked = frozenset(self.picked_files)

        def failed(error: Exception) -> None:  # assess catches what the core raises; this is the rest
            self._answered(asked, ([], [], str(error)))

        from kzcomplaint.gui.workers import threads  # not before the first window: nothing runs in the background yet

        threads.run_in_background(
            lambda: assess(case, today, base_dir=base_dir, picked=picked),
            on_success=lambda answer: self._answered(asked, answer),
            on_failure=failed,
            context=self,
        )

    @property
    def checking(self) -> bool:
        """Whether an answer to :meth:`recheck` is still awaited."""
        return self._checks_answered < self._checks_asked

    @property
    def assessed(self) -> bool:
        """Whether :attr:`problems` and :attr:`deadlines` are about the case being edited (else: not known yet)."""
        return self._shown >= self._first_of_case

    def _answered(self, asked: int, answer: tuple[list[Problem], list[Deadline], str]) -> None:
        if asked < self._checks_answered:
            return  # a newer answer is already shown
        self._checks_answered = asked
        if asked < self._checks_asked or asked < self._first_of_case:
            return  # the case changed since (or was replaced): its own answer is coming
        self._shown = asked
        self.problems, self.deadlines, self.core_error = answer
        self.problemsChanged.emit(self.problems)
        self.deadlinesChanged.emit(self.deadlines)

    def blocking_count(self) -> int:
        """How many problems block filing."""
        return sum(1 for problem in self.problems if problem.severity == "blocking")

    # --- files ---------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Save the case as a case file; forget the autosave; remember it as recent.

        Raises:
            kzcomplaint.core.case.caseio.CaseSaveError: the file cannot be written.
        """
        from kzcomplaint.core.case import caseio

        self._relative_evidence(path.parent)
        caseio.save_case(self.case, path)
        self.path = path
        self.dirty = False
        if self.slot is not None:
            self.slot.discard()
        self._remember(path, self.case.template)
        self.stateChanged.emit()

    def _relative_evidence(self, folder: Path) -> None:
        """Evidence picked inside the case's folder is written relative to it: the folder can be handed on whole."""
        import os

        for item in self.case.evidence:
            if not item.file or not Path(item.file).is_absolute():
                continue
            picked = Path(item.file)
            try:
                relative = Path(os.path.abspath(picked)).relative_to(Path(os.path.abspath(folder)))
            except ValueError:
                continue  # outside: read in this window because it was picked here
            self.picked_files.add(folder / relative)
            item.file = relative.as_posix()

    def open(self, path: Path) -> None:
        """Open a case file.

        Raises:
            kzcomplaint.core.case.caseio.CaseFileError: the file cannot be used.
        """
        from kzcomplaint.core.case import caseio

        case = caseio.load_case(path)
        self._remember(path, case.template)  # before the pages reload: the start page lists it
        self.replace_case(case, path=path)

    def _remember(self, path: Path, template: str) -> None:
        from kzcomplaint.core.case import vault

        try:
            drafts.remember_case(path, template)
        except (OSError, vault.VaultError):
            log.warning("could not update the recent cases list", exc_info=True)

    def autosave(self) -> bool:
        """Write the autosave when there are unsaved answers; True when written."""
        if not self.dirty:
            return False
        try:
            if self.slot is None:
                self.slot = drafts.AutosaveSlot.create()
            self.slot.write(self.case, source=self.path)
        except Exception as error:  # disk full, read-only home, passphrase not given: say so, keep editing
            log.warning("autosave failed", exc_info=True)
            reason = getattr(error, "message", None)  # the core's Message, worded where it is shown
            if not isinstance(reason, Message):
                reason = getattr(error, "strerror", None) or str(error)
            self.autosaveFailed.emit(reason)
            return False
        return True

    def discard(self) -> None:
        """Forget the unsaved answers and the autosave (the user chose to discard them)."""
        if self.slot is not None:
            self.slot.discard()
        self.dirty = False
        self.stateChanged.emit()

    def close_slot(self) -> None:
        """The window closes: give up its slot; a draft of unsaved answers stays for the next start."""
        self.autosave_timer.stop()
        if self.slot is not None:
            if self.dirty:
                self.slot.release()
            else:
                self.slot.close()
            self.slot = None

    @property
    def is_pristine(self) -> bool:
        """Whether the window holds nothing of the user's: a new case, no answer given."""
        return not self.dirty and self.path is None

    def restore(self, autosave: drafts.Autosave) -> None:
        """Continue with an autosaved draft (still unsaved), autosaving into its own slot from now on.

        The draft stays bound to the case file it belongs to, and to no other.
        """
        if self.slot is not None and self.slot is not autosave.slot:
            self.slot.close()
        self.slot = autosave.slot
        self.replace_case(autosave.case, path=autosave.source, dirty=True)
