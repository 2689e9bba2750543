"""The installed package, imported from outside the source tree, has its styles and catalog."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHECK = """
import aspire_tui, pathlib
from importlib import resources
from aspire_tui.domain.catalog import catalog
from aspire_tui.ui.app import AspireApp
assert len(catalog()) >= 3
css = pathlib.Path(aspire_tui.__file__).parent / "ui" / AspireApp.CSS_PATH
assert css.is_file(), css
print(pathlib.Path(aspire_tui.__file__).parent)
"""


def test_installed_package_has_its_data_files(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_console_script_is_installed(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "aspire"
    result = subprocess.run(
        [str(script), "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.startswith("aspire ")
