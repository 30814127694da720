"""What opening a case needs, loaded on a worker thread once the window is painted.

Opening the first case of a session used to read the templates, the frame of
the documents, the directory of bodies and the telephone-number tables, and
compiling the kind's texts (to draft its facts), on the UI thread, freezing
the window for a quarter of a second. They are read here
while the user looks at the start page; whatever is not loaded yet when a
case is opened is simply loaded then, as before. A failure here is not the
user's business: the same load fails again where it is needed, and says so
there.
"""

from __future__ import annotations

import logging
import time

log = logging.getLogger(__name__)


def warm_core() -> None:
    """Load the core's data an opened case needs (worker thread); never raises."""
    try:
        from kzcomplaint.core.case import ids
        from kzcomplaint.core.documents import preview, templates  # noqa: F401 - imported to be loaded
        from kzcomplaint.core.law import catalog, directory
        from kzcomplaint.core.text import detect  # noqa: F401 - the document page's language note

        ids.check_phone("+7 700 000 00 00")  # the numbering tables of Kazakhstan
        catalog.catalog()
        directory.shipped_directory()
        templates.load_frame()
        templates.all_templates()
    except Exception:  # noqa: BLE001 - reported where the data is needed
        log.info("warming up the core failed", exc_info=True)


def compile_texts() -> None:
    """Compile every kind's texts (worker thread, after the pages are built); never raises.

    The Facts page drafts the facts from the kind's sentences as a case is
    opened: compiled then, on the UI thread, that is a freeze of 70 ms.
    """
    from kzcomplaint.core.documents import templates

    try:
        for template in templates.all_templates().values():
            template.compiled  # noqa: B018 - a cached property, computed to be kept
            time.sleep(0.01)  # the UI thread gets the interpreter between kinds
    except Exception:  # noqa: BLE001 - reported where the data is needed
        log.info("compiling the templates failed", exc_info=True)
