"""What every command of `python -m lib` shares: the exit codes and reading SOURCE."""

from __future__ import annotations

import tomllib
from pathlib import Path

from lib.errors import TandemError

OK, FOUND, UNUSABLE = 0, 1, 2  # success; problems or a requested condition found; unreadable source or arguments


def source_from(argument: str):
    """SOURCE on the command line: a Google Sheets URL or key, a CSV folder, an .xlsx file, or the word 'sample'."""
    from lib.sources import open_source, sample_source

    return sample_source() if argument == "sample" else open_source(argument, secrets_credentials())


def secrets_credentials(path: Path = Path(".streamlit/secrets.toml")) -> dict | None:
    """The dashboard's service account ([gcp_service_account] in .streamlit/secrets.toml), so the command line
    reaches the same sheet; GOOGLE_APPLICATION_CREDENTIALS is used when there is none."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle).get("gcp_service_account") or None
    except FileNotFoundError:
        return None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TandemError(f"{path} cannot be read: {exc}") from None
