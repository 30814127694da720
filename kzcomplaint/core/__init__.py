"""The Qt-free core, one package per concern: files, text, case, law, documents (see docs/DESIGN.md)."""
