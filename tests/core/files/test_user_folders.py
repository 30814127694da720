"""The user's folders: the same ones platformdirs names, without loading it before the first window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from kzcomplaint.core.files import resources

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def plain_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No KZCOMPLAINT_HOME, a home of its own, no XDG variable: as on a user's Linux machine."""
    home = tmp_path / "user"
    monkeypatch.delenv("KZCOMPLAINT_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    return home


def _platformdirs() -> tuple[Path, Path]:
    return (
        Path(platformdirs.user_data_dir("kzcomplaint", appauthor=False)),
        Path(platformdirs.user_config_dir("kzcomplaint", appauthor=False)),
    )


@pytest.mark.parametrize(
    "environ",
    [
        {},
        {"XDG_DATA_HOME": "", "XDG_CONFIG_HOME": ""},
        {"XDG_DATA_HOME": "{tmp}/data/", "XDG_CONFIG_HOME": "{tmp}/conf"},
        {"XDG_DATA_HOME": "relative/data", "XDG_CONFIG_HOME": "relative/conf"},  # left to platformdirs
        {"HOME": "relative-home"},  # left to platformdirs
        {"HOME": "{tmp}/home with space/"},
    ],
)
def test_the_users_folders_are_those_platformdirs_names(
    plain_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, environ: dict[str, str]
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value.replace("{tmp}", str(tmp_path)))
    assert (resources.user_data_dir(), resources.user_config_dir()) == _platformdirs()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders are Linux's")
def test_on_linux_the_folders_are_found_without_loading_platformdirs(plain_home: Path) -> None:
    code = (
        "import sys; from kzcomplaint.core.files import resources; "
        "print(resources.user_data_dir(), resources.user_config_dir(), 'platformdirs' in sys.modules)"
    )
    env = {"HOME": str(plain_home), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-c", code]
    completed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    data, config, loaded = completed.stdout.split()
    assert (data, config) == (str(plain_home / ".local/share/kzcomplaint"), str(plain_home / ".config/kzcomplaint"))
    assert loaded == "False"


def test_kzcomplaint_home_puts_everything_below_it(plain_home: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KZCOMPLAINT_HOME", str(tmp_path / "portable"))
    assert resources.user_data_dir() == tmp_path / "portable" / "data"
    assert resources.user_config_dir() == tmp_path / "portable" / "config"
