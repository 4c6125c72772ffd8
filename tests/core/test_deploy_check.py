"""The production settings pass Django's deployment checklist."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_check_deploy_is_clean_with_production_settings(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LOTSE_", "DJANGO_"))}
    env.update(
        LOTSE_SECRET_KEY="x" * 60 + "production-like-secret-key-for-the-test",
        LOTSE_ALLOWED_HOSTS="lotse.example.de",
        LOTSE_VAR_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [sys.executable, "-m", "lotse", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
