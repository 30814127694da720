"""The steps of the complaint wizard, in the order a user meets them, and the title of each.

Apart from the pages themselves: the window lists every step before it
imports the pages it does not show yet (those modules load most of Qt's
widget classes, which the first window does not need — see
:class:`kzcomplaint.gui.wizard.ComplaintWizard`), and the guide names the
pages without importing them.
"""

from __future__ import annotations

from kzcomplaint.core.text.i18n import N_

STEP_TITLES: dict[str, str] = {
    "start": N_("Start"),
    "situation": N_("What happened?"),
    "where_when": N_("Where and when"),
    "facts": N_("Facts"),
    "parties": N_("Parties"),
    "deadlines": N_("Deadlines"),
    "check": N_("Check"),
    "document": N_("Document"),
}
"""Each page's title (a msgid) by the name of its module, in the wizard's order:
a page's id is its position here and in :data:`kzcomplaint.gui.wizard.PAGES`."""
