"""Fixtures of the document tests."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    """Register this folder's marker (pyproject.toml lists the project-wide ones)."""
    config.addinivalue_line(
        "markers",
        "writers_done: completeness gate that passes once every catalogue kind has a template and an example",
    )
