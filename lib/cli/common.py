"""What every command of `python -m lib` shares: the exit codes and reading SOURCE."""

from __future__ import annotations

import tomllib
from pathlib import Path

from lib.errors import TandemError

SECRETS = Path(".streamlit/secrets.toml")
OK, FOUND, UNUSABLE = 0, 1, 2  # success; problems or a requested condition found; unreadable source or arguments


def source_from(argument: str):
    """SOURCE on the command line: a Google Sheets URL or key, a CSV folder, an .xlsx file, or the word 'sample'."""
    from lib.sources import open_source, sample_source

    return sample_source() if argument == "sample" else open_source(argument, secrets_credentials())


def secrets_credentials(path: Path = SECRETS) -> dict | None:
    """The dashboard's service account ([gcp_service_account] in .streamlit/secrets.toml), so the command line
    reaches the same sheet; GOOGLE_APPLICATION_CREDENTIALS is used when there is none."""
    return secrets_section("gcp_service_account", path)


def secrets_section(name: str, path: Path = SECRETS) -> dict | None:
    """A table of .streamlit/secrets.toml ([smtp], [gcp_service_account]), or None; the dashboard reads the same."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle).get(name) or None
    except FileNotFoundError:
        return None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TandemError(f"{path} cannot be read: {exc}") from None
