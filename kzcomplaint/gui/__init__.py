"""The Qt front end: a wizard that collects a case and shows what the core returns.

Nothing in this package decides validity or computes a term; pages collect
input into the shared :class:`~kzcomplaint.core.case.model.Case` held by
:class:`~kzcomplaint.gui.draft.DraftController` and show the core's problems,
deadlines and documents.
"""
