"""Qt composition root: the only module that knows both the GUI and the core.

``kzcomplaint`` without a sub-command calls :func:`main`; ``--self-test``
builds the main window offscreen, renders one document per language and
reports in one line. Unexpected errors are logged and shown as a dialog
with the reason and what to do, never as a traceback.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from kzcomplaint.core.text.i18n import N_, Translator, default_ui_language
from kzcomplaint.core.text.languages import DOCUMENT_LANGUAGES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kzcomplaint.core.case.model import Case
    from kzcomplaint.gui.i18n import UiLanguage
    from kzcomplaint.gui.settings import UiSettings
    from kzcomplaint.gui.wizard import MainWindow

log = logging.getLogger("kzcomplaint")

LOG_FILE = "kzcomplaint.log"
BENCH_FIRST_PAINT = "KZCOMPLAINT_BENCH_FIRST_PAINT"
"""When this variable is set, :func:`main` prints ``KZC-BENCH painted <time.monotonic()> <time.process_time()>``
after the window's first paint and quits: ``make bench`` times the start through the real entry point."""
SELF_TEST_LANGUAGES = DOCUMENT_LANGUAGES

MSG_NO_DISPLAY = N_(
    "kzcomplaint: no graphical display was found. Use the command line (kzcomplaint --help) "
    "or check the installation with kzcomplaint --self-test."
)
MSG_MISSING_LIBRARIES = N_(
    "kzcomplaint cannot open its window: the system libraries {libraries} are missing. "
    "Install them and start again; on Debian or Ubuntu: sudo apt install {packages}"
)
MSG_CRASH = N_("Something went wrong: {reason}")
MSG_CRASH_WHAT_TO_DO = N_(
    "Your answers are autosaved and offered again at the next start. Save the case (File → Save as…) "
    "and restart kzcomplaint if it misbehaves. The details are in {log}; please send that file to the team."
)


def _import_before_qt() -> None:
    """Import the core modules the first window needs before Qt is loaded.

    Once PySide6 is imported, its import hook (``__feature__`` support) reads
    the whole source of every module that runs an import statement, looking
    for "PySide6" in it; for modules imported before Qt there is nothing to
    read. The first window needs these anyway: a few milliseconds sooner.
    """
    import kzcomplaint.core.case.drafts  # noqa: F401 - the start page's list of recent cases


def _has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or sys.platform in ("win32", "darwin")


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once), named for Qt's settings and dialogs."""
    if not _has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("kzcomplaint")
    app.setOrganizationName("kzcomplaint")
    return app


def build_main_window(ui_language: str | None = None, *, settings: UiSettings | None = None) -> MainWindow:
    """The main window in ``ui_language`` (or the saved / system language), not shown yet."""
    from kzcomplaint.gui.i18n import UiLanguage
    from kzcomplaint.gui.settings import UiSettings
    from kzcomplaint.gui.wizard import MainWindow

    store = settings or UiSettings()
    language = ui_language or store.language or default_ui_language()
    ui = UiLanguage(language)
    return MainWindow(ui, store)


def _setup_logging() -> Path | None:
    from kzcomplaint.core.files import resources

    folder = resources.user_data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.FileHandler(folder / LOG_FILE, encoding="utf-8")
        if hasattr(os, "fchmod"):  # the log names files and cases: the owner's only, like the rest
            os.chmod(folder / LOG_FILE, 0o600)
    except OSError:
        logging.basicConfig(level=logging.WARNING)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return folder / LOG_FILE


def clean_up_at_start() -> None:
    """Remove temporary files a killed copy of the app left behind (never those of a copy still running)."""
    from kzcomplaint.core.case import forget

    for path in forget.remove_orphan_temp_files():
        log.info("removed a temporary file left behind: %s", path)


def install_excepthook(window: MainWindow, log_path: Path | None) -> None:
    """Log every unexpected error and show it as a dialog with what to do."""
    showing = False

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        import traceback

        from kzcomplaint.gui.dialogs.messages import show_error  # when needed: not before the first paint

        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, trace)))
        if showing:
            return
        showing = True
        try:
            window.draft.autosave()
            tr = window.translator
            reason = str(getattr(error, "message", None) or error) or kind.__name__
            show_error(
                window,
                tr,
                tr.format(MSG_CRASH, reason=reason),
                tr.format(MSG_CRASH_WHAT_TO_DO, log=str(log_path or LOG_FILE)),
            )
        except Exception:  # the hook must never raise: the error is already logged
            log.exception("could not show the error dialog")
        finally:
            showing = False

    sys.excepthook = hook


def _missing_system_libraries() -> list[str]:
    """The system libraries Qt's X11 window needs that are not installed (checked before Qt would abort)."""
    from kzcomplaint.gui import platform_check

    if not platform_check.uses_xcb():
        return []
    return platform_check.missing_libraries()


def _missing_message(tr: Translator, libraries: list[str]) -> str:
    from kzcomplaint.gui import platform_check

    packages = " ".join(dict.fromkeys(platform_check.package_for(library) for library in libraries))
    return tr.format(MSG_MISSING_LIBRARIES, libraries=", ".join(libraries), packages=packages)


def _ask_first_run(ui: UiLanguage, settings: UiSettings) -> None:
    from kzcomplaint.gui.dialogs.first_run import FirstRunDialog

    dialog = FirstRunDialog(ui, role=settings.role or "observer")
    dialog.exec()
    language, role = dialog.chosen()
    settings.language = language
    settings.role = role
    settings.sync()


def main(self_test: bool = False, ui_language: str | None = None) -> int:
    """Run the app (or its self-test); return the exit code."""
    if self_test:
        return run_self_test(ui_language)
    if not _has_display() and not os.environ.get("QT_QPA_PLATFORM"):
        from kzcomplaint.core.text.i18n import translator

        tr = translator(ui_language or default_ui_language())
        print(tr.gettext(MSG_NO_DISPLAY), file=sys.stderr)
        return 2
    missing = _missing_system_libraries()
    if missing:
        from kzcomplaint.core.text.i18n import translator

        tr = translator(ui_language or default_ui_language())
        print(_missing_message(tr, missing), file=sys.stderr)
        return 2
    if hasattr(os, "umask"):
        # Whatever the app writes (the log, ui.ini, drafts, documents) is the owner's only.
        os.umask(0o077)
    _import_before_qt()
    try:
        app = create_application()
    except ImportError as error:  # Qt's own libraries need one the system lacks (libEGL, libxkbcommon…)
        from kzcomplaint.core.text.i18n import translator
        from kzcomplaint.gui import platform_check

        libraries = platform_check.not_found_in_dlopen(str(error))
        if not libraries:
            raise
        print(_missing_message(translator(ui_language or default_ui_language()), libraries), file=sys.stderr)
        return 2
    log_path = _setup_logging()
    from kzcomplaint.gui.i18n import UiLanguage
    from kzcomplaint.gui.settings import UiSettings
    from kzcomplaint.gui.wizard import MainWindow

    settings = UiSettings()
    ui = UiLanguage(ui_language or settings.language or default_ui_language())
    if not settings.first_run_done:
        _ask_first_run(ui, settings)
    window = MainWindow(ui, settings)
    install_excepthook(window, log_path)
    # Once the window is painted: walking the app's folders (and the recent cases' ones, maybe on a
    # USB stick) for orphan temporary files, and reading the autosave, must not delay the first window.
    # The clean-up comes first: it is connected first, and nothing is written before the user acts.
    window.firstPainted.connect(clean_up_at_start)
    window.firstPainted.connect(window.offer_restore)
    window.show()
    if os.environ.get(BENCH_FIRST_PAINT):
        _quit_after_first_paint(window)
    return app.exec()


def _quit_after_first_paint(window: MainWindow) -> None:
    """Print the time of the first paint and quit (the start-up benchmark; see :data:`BENCH_FIRST_PAINT`).

    Installed after ``show()``, so it sees the first paint before the window's
    own filter and reports before the work queued behind the paint.
    """
    import time

    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

    def report() -> None:
        print("KZC-BENCH painted", time.monotonic(), time.process_time(), flush=True)
        QCoreApplication.quit()

    class Probe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, report)
            return False

    probe = Probe(window)
    window.installEventFilter(probe)


# --- self-test -----------------------------------------------------------------------


def self_test_case() -> Case:
    """A fictitious, complete case for the self-test (no real person)."""
    import datetime as dt

    from kzcomplaint.core.case.model import Body, Case, Contested, Election, Evidence, Person
    from kzcomplaint.core.files import resources
    from kzcomplaint.core.law import catalog

    kinds = [kind for kind in catalog.catalog() if (resources.templates_dir() / f"{kind}.toml").is_file()]
    if not kinds:
        raise RuntimeError("no document template is installed")
    template = "observer_denied_entry" if "observer_denied_entry" in kinds else kinds[0]
    return Case(
        template=template,
        language="ru",
        election=Election(kind="parliamentary", voting_day=dt.date(2021, 1, 10)),
        complainant=Person(
            full_name="Тестова Айгерим Тестовна",
            iin="800416400005",
            birth_date=dt.date(1980, 4, 16),
            birth_place="г. Алматы",
            address="г. Алматы, ул. Примерная, д. 1, кв. 1",
            phone="+7 700 000 00 01",
            email="observer@example.kz",
            role="observer",
            organization="Общественное объединение «Пример»",
        ),
        respondent=Body(level="precinct", name="Участковая избирательная комиссия", number="123"),
        addressee=Body(level="territorial", name="Территориальная избирательная комиссия города Алматы"),
        contested=Contested(type="action", date=dt.date(2021, 1, 10), time="08:15", place="г. Алматы, школа № 1"),
        facts="Председатель комиссии не допустил меня на участок.",
        evidence=[Evidence(description="Видеозапись")],
        filing_date=dt.date(2021, 1, 11),
    )


def _quiet_offscreen_warnings() -> None:
    """Drop the offscreen plugin's note that it cannot pass size hints (a limit of the plugin, not a fault)."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if "does not support propagateSizeHints" in message:
            return
        if kind != QtMsgType.QtDebugMsg:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def run_self_test(ui_language: str | None = None) -> int:
    """Build the window offscreen, render one document per language, print one line; 0 when all is well."""
    import tempfile
    import time
    import zipfile

    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.TemporaryDirectory(prefix="kzcomplaint-selftest-")
    previous_home = os.environ.get("KZCOMPLAINT_HOME")
    os.environ["KZCOMPLAINT_HOME"] = home.name
    try:
        app = create_application()
        _quiet_offscreen_warnings()
        from kzcomplaint.gui.workers import export

        window = build_main_window(ui_language or "ru")
        window.show()
        app.processEvents()
        window.draft.replace_case(self_test_case())
        for page_id in range(len(window.wizard.pages)):
            window.wizard.go_to_page(page_id)
            app.processEvents()
        built = sum(1 for page in window.wizard.pages if page.is_built)
        case = window.draft.snapshot()
        out = Path(home.name) / "documents"
        out.mkdir()
        sizes = []
        for language in SELF_TEST_LANGUAGES:
            target = out / f"self_test_{language.replace('+', '_')}.docx"
            export.export_docx(case, language, target, None)
            with zipfile.ZipFile(target) as package:
                if "word/document.xml" not in package.namelist():
                    raise RuntimeError(f"{target.name} has no word/document.xml")
            text = "".join(export.docx_paragraphs(target.read_bytes())).strip()
            if not text:
                raise RuntimeError(f"{target.name} has no text")
            sizes.append(f"{language} {target.stat().st_size // 1024} KiB")
        from kzcomplaint.gui.workers import threads

        threads.wait_for_all()
        window.draft.dirty = False
        window.close()
        elapsed = time.perf_counter() - started
        print(
            f"kzcomplaint self-test: OK — main window built ({built} pages), "
            f"{len(SELF_TEST_LANGUAGES)} documents rendered ({', '.join(sizes)}) in {elapsed:.2f} s"
        )
        return 0
    except Exception as error:  # the self-test reports every failure in one line
        print(f"kzcomplaint self-test: FAILED — {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    finally:
        if previous_home is None:
            os.environ.pop("KZCOMPLAINT_HOME", None)
        else:
            os.environ["KZCOMPLAINT_HOME"] = previous_home
        home.cleanup()
