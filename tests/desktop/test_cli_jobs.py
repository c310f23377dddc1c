"""The subcommands of the jobs come from the registry the Reports screen lists."""

from __future__ import annotations

import pytest

from desktop.cli import main
from reports.outputs.registry import all_jobs

COMMANDS = {j.key: j.command for j in all_jobs() if j.command is not None}


def test_the_command_line_has_the_jobs_it_always_had() -> None:
    assert {k: c.words for k, c in COMMANDS.items()} == {
        "monthly_pdf": ("report", "monthly"),
        "funder": ("export", "funder"),
        "call_list": ("report", "calls"),
        "outcomes": ("export", "outcomes"),
        "monthly_csv": ("export", "monthly-csv"),
        "full_export": ("export", "data"),
        "import": ("import",),
        "template": ("export", "template"),
    }


@pytest.mark.parametrize("key", list(COMMANDS))
def test_every_job_with_a_command_is_a_subcommand_with_its_help(
    key: str, capsys: pytest.CaptureFixture[str]
) -> None:
    command = COMMANDS[key]
    with pytest.raises(SystemExit) as done:
        main([*command.words, "--help"])
    assert done.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert " ".join(command.description.split()) in out
    for option in command.options:
        assert option.name in out
