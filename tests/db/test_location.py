from __future__ import annotations

from pathlib import Path

import pytest

from db.location import (
    ENV_VAR,
    DatabaseLocationError,
    location_file,
    refuse_network_share,
    remember_location,
    resolve_database_url,
    sqlite_path,
)

MOUNTS = [("/", "ext4"), ("/mnt/agency", "cifs"), ("/srv/nfs", "nfs4"), ("/home", "ext4")]


@pytest.mark.parametrize("path", ["/mnt/agency/data.sqlite3", "/srv/nfs/x/db.sqlite3"])
def test_a_file_on_a_network_mount_is_refused_with_advice(path: str) -> None:
    with pytest.raises(DatabaseLocationError, match="PostgreSQL"):
        refuse_network_share(Path(path), MOUNTS)


@pytest.mark.parametrize("path", [r"\\server\share\db.sqlite3", "//server/share/db.sqlite3"])
def test_a_unc_path_is_refused(path: str) -> None:
    with pytest.raises(DatabaseLocationError, match="network share"):
        resolve_database_url(path)


def test_a_local_file_is_accepted() -> None:
    refuse_network_share(Path("/home/desk/db.sqlite3"), MOUNTS)
    refuse_network_share(Path("/mnt/agency-local/db.sqlite3"), MOUNTS)


def test_db_option_beats_environment_beats_default(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # nothing remembered
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert resolve_database_url(str(tmp_path / "opt.sqlite3")).endswith("opt.sqlite3")
    assert resolve_database_url(None).endswith("env.sqlite3")
    monkeypatch.delenv(ENV_VAR)
    assert resolve_database_url(None).endswith("recovery-desk.sqlite3")


def test_urls_pass_through_and_only_sqlite_has_a_path() -> None:
    url = "postgresql+psycopg://desk@server/agency"
    assert resolve_database_url(url) == url
    assert sqlite_path(url) is None
    assert sqlite_path("sqlite:////tmp/a.sqlite3") == Path("/tmp/a.sqlite3")


def test_the_location_chosen_at_the_first_start_comes_after_db_and_environment(
    monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv(ENV_VAR, raising=False)
    server = "postgresql+psycopg://desk:secret@server/agency"
    remember_location(server)
    assert location_file() == tmp_path / "config" / "recovery-desk" / "database-location"
    assert location_file().stat().st_mode & 0o777 == 0o600  # it may hold a password
    assert resolve_database_url(None) == server
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert resolve_database_url(None).endswith("env.sqlite3")
    assert resolve_database_url(str(tmp_path / "opt.sqlite3")).endswith("opt.sqlite3")
