"""Interface language of the GUI: the app's gettext translator and Qt's own catalogue.

App strings are English msgids translated by the core's
:class:`~kzcomplaint.core.text.i18n.Translator`; Qt's own texts (wizard buttons,
standard dialog buttons) come from ``qtbase_<lang>.qm`` shipped with PySide6,
installed with a :class:`QTranslator`. Switching the language emits
:attr:`UiLanguage.changed`; every page re-translates itself in ``retranslate()``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal

from kzcomplaint.core.text.i18n import N_, Translator
from kzcomplaint.core.text.i18n import translator as translator_for
from kzcomplaint.core.text.languages import LANGUAGE_ENDONYMS, LANGUAGES

log = logging.getLogger(__name__)

LANGUAGE_NAMES = LANGUAGE_ENDONYMS
"""Each interface language named in itself, as a language menu shows it."""

_QT_LOCALES = {"kk": "kk_KZ", "ru": "ru_RU", "en": "en_GB"}


def language_label(language: str) -> str:
    """A document language (kk, ru, en or kk+ru) named in itself: kk+ru as both names."""
    return " + ".join(LANGUAGE_NAMES[part] for part in language.split("+"))


QT_SUPPLEMENT: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): N_("&Look in:"),
    ("QFileDialog", "Look in:"): N_("Look in:"),
    ("QFileDialog", "Files of &type:"): N_("Files of &type:"),
    ("QFileDialog", "Computer"): N_("Computer"),
    ("QFileDialog", "My Computer"): N_("My Computer"),
    ("QFileDialog", "File"): N_("File"),
    ("QFileSystemModel", "Computer"): N_("Computer"),
    ("QFileSystemModel", "My Computer"): N_("My Computer"),
    ("QPlatformTheme", "Don't Save"): N_("Don't Save"),
    ("QAbstractFileIconProvider", "Drive"): N_("Drive"),
    ("QAbstractFileIconProvider", "Folder"): N_("Folder"),
    ("QAbstractFileIconProvider", "File Folder"): N_("File Folder"),
    ("QAbstractFileIconProvider", "Alias"): N_("Alias"),
    ("QAbstractFileIconProvider", "Shortcut"): N_("Shortcut"),
    ("QAbstractFileIconProvider", "Unknown"): N_("Unknown"),
    ("QAbstractFileIconProvider", "File"): N_("File"),
}
"""Texts of Qt's own dialogs that Qt's Kazakh or Russian catalogue lacks (by Qt context and source text).

Qt's file dialog asks for "&Look in:" with a mnemonic that ``qtbase_ru.qm`` only has
without one, and ``qtbase_ru.qm`` lacks the kinds of entries ("Folder", "Drive");
``qtbase_kk.qm`` lacks "Computer". These come from the app's catalogue."""


class QtSupplement(QTranslator):
    """Answers Qt for the texts of :data:`QT_SUPPLEMENT` from the app's catalogue; for nothing else."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        """Translate into ``language``."""
        super().__init__(parent)
        self._translator = translator_for(language)

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        """The app's translation of a listed Qt text; None (Qt's null string: not found, ask the next catalogue)."""
        msgid = QT_SUPPLEMENT.get((context, source))
        if msgid is None:
            return None
        text = self._translator.gettext(msgid)
        return text if text != msgid else None

    def isEmpty(self) -> bool:
        """Never empty (Qt skips empty translators)."""
        return False


# One Qt catalogue per application, whichever UiLanguage installed it last,
# so that two language objects (a first-run dialog, the window) never stack theirs.
_installed: list[QTranslator] = []


def qt_translations_dir() -> str:
    """Where PySide6 keeps Qt's own ``.qm`` catalogues."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class UiLanguage(QObject):
    """The current interface language; installs Qt's catalogue and announces changes."""

    changed = Signal(str)

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        """Start in ``language`` (kk, ru or en) and install Qt's catalogue for it."""
        super().__init__(parent)
        self._language = language if language in LANGUAGES else "ru"
        self.qt_catalogue_loaded = False
        self._install_qt(self._language)

    @property
    def language(self) -> str:
        """The current language code."""
        return self._language

    @property
    def translator(self) -> Translator:
        """The app's translator for the current language."""
        return translator_for(self._language)

    def set_language(self, language: str) -> None:
        """Switch to ``language`` and re-translate everything that listens."""
        if language not in LANGUAGES or language == self._language:
            return
        self._language = language
        self._install_qt(language)
        self.changed.emit(language)

    def _install_qt(self, language: str) -> None:
        app = QCoreApplication.instance()
        while _installed:
            QCoreApplication.removeTranslator(_installed.pop())
        self.qt_catalogue_loaded = False
        QLocale.setDefault(QLocale(_QT_LOCALES[language]))
        if language == "en" or app is None:
            return
        qt_translator = QTranslator(app)
        if qt_translator.load(f"qtbase_{language}", qt_translations_dir()):
            QCoreApplication.installTranslator(qt_translator)
            _installed.append(qt_translator)
            self.qt_catalogue_loaded = True
        else:
            # Qt's own buttons stay in English; the app's texts are unaffected.
            log.info("Qt catalogue qtbase_%s not found in %s", language, qt_translations_dir())
        # Installed last, asked first: only for the texts Qt's catalogue lacks.
        supplement = QtSupplement(language, app)
        QCoreApplication.installTranslator(supplement)
        _installed.append(supplement)
