"""The command line: ``main`` parses and dispatches; each group of sub-commands has its module.

``cases`` (check, deadlines, templates) loads neither Qt nor python-docx, so it
answers quickly; ``documents`` (render, batch, blank) renders.
"""

# The exit codes of every sub-command, here so that the window (no sub-command) need not load any of them.
EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNREADABLE = 2
