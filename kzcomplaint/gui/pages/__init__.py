"""The pages of the complaint wizard, one module each; their order and titles are :data:`STEP_TITLES`.

The titles live in :mod:`kzcomplaint.gui.steps` rather than in the page
modules so that the window can list every step before it imports the pages
it does not show yet: those modules load most of Qt's widget classes and
enumerations, which the first window does not need (see
:class:`kzcomplaint.gui.wizard.ComplaintWizard`).
"""

from __future__ import annotations

from kzcomplaint.gui.steps import STEP_TITLES

__all__ = ["STEP_TITLES"]
