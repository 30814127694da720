"""The command line: ``main`` parses and dispatches; each group of sub-commands has its module.

``cases`` (check, deadlines, templates) loads neither Qt nor python-docx, so it
answers quickly; ``documents`` (render, batch, blank) renders.
"""
