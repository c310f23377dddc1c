"""A workstation reaches the agency server over TLS with `sslmode=verify-full`: the
connection is encrypted and the server's certificate checked against the agency's
authority, and a server whose certificate that authority did not sign is refused as
server trouble. Runs on a throwaway cluster that accepts TLS connections only."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from db.startup import open_database
from forms import records
from forms.failures import failure_line
from tests.accounts import signed_in
from tests.conftest import TODAY
from tests.pg_cluster import Cluster, server_binaries

BINARIES = server_binaries()
pytestmark = pytest.mark.skipif(
    BINARIES is None or shutil.which("openssl") is None,
    reason="no PostgreSQL server binaries or no openssl",
)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    assert BINARIES is not None
    made = Cluster(BINARIES, tls=True)
    made.start()
    yield made
    made.remove()


def _verified(cluster: Cluster, authority: Path) -> str:
    return f"{cluster.url}?sslmode=verify-full&sslrootcert={authority}"


def test_verify_full_connects_encrypted_and_saves(cluster: Cluster) -> None:
    database = open_database(_verified(cluster, cluster.ca_file))
    try:
        actor = signed_in(database, "front_desk")
        person = {"given_name": "Tess", "family_name": "Secure", "birth_date": "1970-01-01"}
        assert records.create_client(database, actor, person, TODAY) > 0
        with database.reading() as session:
            encrypted = session.scalar(
                text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            )
        assert encrypted is True
    finally:
        database.dispose()


def test_a_plain_connection_is_refused_by_this_server(cluster: Cluster) -> None:
    """The cluster really speaks TLS only, so the test above went over TLS."""
    with pytest.raises(Exception) as refused:
        open_database(f"{cluster.url}?sslmode=disable")
    assert "no encryption" in str(refused.value)
    assert "cannot be reached" in failure_line("Opening the database", refused.value)


def test_a_server_the_agency_authority_did_not_sign_is_refused(
    cluster: Cluster, tmp_path: Path
) -> None:
    stranger = tmp_path / "other-authority.crt"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=Someone else",
            "-keyout",
            str(tmp_path / "other.key"),
            "-out",
            str(stranger),
        ],
        check=True,
        capture_output=True,
    )
    with pytest.raises(Exception) as refused:
        open_database(_verified(cluster, stranger))
    line = failure_line("Opening the database", refused.value)
    assert "cannot be reached" in line, line
    assert "certificate verify failed" in str(refused.value)
