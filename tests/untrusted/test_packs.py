"""Hostile packs (issue 19: 4, 9, 11, 12, 16, 19, 20, 23; issue 18.3): a located one-line error, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from draaiboek import hookimpl
from draaiboek.plugins import get_plugin_manager
from draaiboek.yamlsource import PURE_ENV
from tests.support import FULL_PACK, RunCli, run_draaiboek
from tests.untrusted.hostile import draaiboek, small_pack


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command runs in tmp_path on the relative path `pack`, so messages read `pack/file.yaml:line`."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def check(run_cli: RunCli) -> Any:
    def run(pack: Path) -> list[str]:
        """`draaiboek check pack`: its output lines (exit code 1 on errors)."""
        result = run_cli("check", pack.name)
        assert result.exit_code in (0, 1) and "Traceback" not in result.output
        return result.stdout.splitlines()

    return run


def errors(lines: list[str]) -> list[str]:
    return [line for line in lines if ": error " in line]


def test_impossible_date_is_a_located_error(tmp_path: Path, check: Any) -> None:
    pack = small_pack(tmp_path)
    text = (pack / "pack.yaml").read_text(encoding="utf-8").replace('version: "1"', "version: 2024-02-30")
    (pack / "pack.yaml").write_text(text, encoding="utf-8")
    assert errors(check(pack)) == ["pack/pack.yaml:4: error YAML009: '2024-02-30' is not a valid date "
                                   "(version); hint: correct it, or put it in quotes to keep it as text"]


def test_integer_of_4301_digits_is_a_located_error(tmp_path: Path, check: Any) -> None:
    pack = small_pack(tmp_path)
    (pack / "numbers.yaml").write_text("work_formats:\n  - id: x\n    name: " + "9" * 4301 + "\n", encoding="utf-8")
    [line] = errors(check(pack))
    assert line.startswith("pack/numbers.yaml:3: error YAML009: '99999999999999999999... (4301 characters)' "
                           "is not a valid number (work_formats[0].name)")


@pytest.mark.parametrize("depth", [101, 600, 200_000])
def test_deep_nesting_is_refused_before_the_composer_recurses(tmp_path: Path, depth: int) -> None:
    pack = small_pack(tmp_path)
    (pack / "deep.yaml").write_text("work_formats: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    done, peak = draaiboek("check", "pack", cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "pack/deep.yaml:1: error YAML008: values are nested more than 100 levels deep; hint: flatten the structure" \
        in done.stdout
    assert peak < 150


def test_nesting_of_100_levels_is_still_read(tmp_path: Path, check: Any) -> None:
    pack = small_pack(tmp_path)
    (pack / "deep.yaml").write_text("work_formats: " + "[" * 99 + "]" * 99 + "\n", encoding="utf-8")
    lines = check(pack)
    assert not any("YAML008" in line for line in lines)
    assert any("deep.yaml" in line and "FIELD001" in line for line in lines)  # read, then refused as a model


def test_recursion_error_while_loading_names_the_file(tmp_path: Path, check: Any) -> None:
    """Whatever slips past the limits (here: a stack made tiny on purpose) still ends in one line. The libyaml
    reader does not recurse, so PyYAML's own (recursive) composer is forced."""
    pack = small_pack(tmp_path)
    (pack / "deep.yaml").write_text("work_formats: " + "[" * 90 + "]" * 90 + "\n", encoding="utf-8")
    code = ("import sys\nfrom pathlib import Path\nfrom draaiboek.loader import load_folder\n"
            "sys.setrecursionlimit(len(__import__('inspect').stack()) + 120)\n"
            "print('\\n'.join(d.format() for d in load_folder(Path(sys.argv[1])).diagnostics))\n")
    done = subprocess.run([sys.executable, "-c", code, "pack"], capture_output=True, text=True, timeout=60,
                          cwd=tmp_path, env={**os.environ, PURE_ENV: "1"})
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "pack/deep.yaml: error YAML008: file is too deeply nested or too large to read (RecursionError)" \
        in done.stdout


class InstalledPack:
    """A third-party plugin that registers one pack folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @hookimpl
    def register_content_packs(self, register: Any) -> None:
        register(self.folder)


def test_installed_packs_with_bad_scalars_break_nothing_and_are_named(tmp_path: Path, run_cli: RunCli) -> None:
    dated = small_pack(tmp_path, "dated")
    text = (dated / "pack.yaml").read_text(encoding="utf-8").replace("id: broken", "id: dated")
    (dated / "pack.yaml").write_text(text.replace('version: "1"', "version: 2024-02-30") + "extra: " + "9" * 4301
                                     + "\n", encoding="utf-8")
    deep = small_pack(tmp_path, "deep")
    text = (deep / "pack.yaml").read_text(encoding="utf-8")
    (deep / "pack.yaml").write_text(text + "extra: " + "[" * 600 + "]" * 600 + "\n", encoding="utf-8")
    host = get_plugin_manager(load_entrypoints=False, extra_plugins=[
        ("dated-pack", InstalledPack(dated)), ("deep-pack", InstalledPack(deep)), ("good", InstalledPack(FULL_PACK))])
    listed = run_cli("packs", host=host)
    assert listed.exit_code == 0
    assert "dated            (does not load; run 'draaiboek check dated')  [dated-pack]" in listed.stdout
    assert "full             1.2      en   Complete test pack" in listed.stdout
    assert ("plugin 'deep-pack' (from registered in code): registered a pack that cannot be read: "
            f"{deep / 'pack.yaml'}:9: error YAML008: values are nested more than 100 levels deep") in listed.stderr
    checked = run_cli("check", host=host)
    assert checked.exit_code == 1
    assert "dated/pack.yaml:4: error YAML009: '2024-02-30' is not a valid date (version)" in checked.stdout
    assert "dated/pack.yaml:9: error YAML009: '99999999999999999999... (4301 characters)' is not a valid number" \
        in checked.stdout
    assert "full: ok" in checked.stdout
    built = run_cli("build", "dated", "-o", "out", host=host)
    assert built.exit_code != 0 and "dated" in built.output and "Traceback" not in built.output


def test_total_pack_size_is_bounded_before_reading(tmp_path: Path, check: Any) -> None:
    pack = small_pack(tmp_path)
    for number in range(5):  # five files just under the 1 MB per file: 5 MB together
        (pack / f"extra-{number}.yaml").write_bytes(b"# " + b"x" * (1024 * 1024 - 10) + b"\n")
    done, peak = draaiboek("check", "pack", cwd=tmp_path, timeout=30)
    assert "pack: error FILE006: the pack's YAML files hold " in done.stdout
    assert "the limit is 4,194,304 bytes (4 MB); hint: split it into several packs" in done.stdout
    assert peak < 150


def test_size_message_says_how_far_over_the_limit(tmp_path: Path, check: Any) -> None:
    pack = small_pack(tmp_path)
    (pack / "big.yaml").write_bytes(b"#" * (1024 * 1024 + 1))
    assert errors(check(pack)) == ["pack/big.yaml: error YAML007: file is 1,048,577 bytes; the limit is "
                                   "1,048,576 bytes (1 MB); hint: split the pack into smaller files"]


def test_one_file_at_the_limit_is_read_in_bounded_time_and_memory(tmp_path: Path, check: Any) -> None:
    pack = small_pack(tmp_path)
    items = "".join(f"  - id: w{i}\n    name: Werkvorm {i} met een naam\n    goal: Oefenen met vragen\n"
                    for i in range(13_000))
    (pack / "formats.yaml").write_text("work_formats:\n" + items, encoding="utf-8")
    assert 0.9 * 1024 * 1024 < (pack / "formats.yaml").stat().st_size <= 1024 * 1024
    done, peak = draaiboek("check", "pack", cwd=tmp_path, timeout=60)
    assert "Traceback" not in done.stderr and "broken: " in done.stdout
    assert peak < 500


def test_fifo_named_yaml_is_refused_without_blocking(tmp_path: Path, check: Any) -> None:
    pack = small_pack(tmp_path)
    os.mkfifo(pack / "x.yaml")
    lines = check(pack)
    assert "pack/x.yaml: error FILE001: cannot read file: not a regular file" in lines


def test_pack_yaml_linking_outside_is_refused_and_never_parsed(tmp_path: Path, check: Any) -> None:
    pack = small_pack(tmp_path)
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("id: [unclosed\n", encoding="utf-8")
    (pack / "pack.yaml").unlink()
    os.symlink(outside, pack / "pack.yaml")
    lines = errors(check(pack))
    assert "pack/pack.yaml: error FILE002: file links to a place outside the pack; hint: copy the file " \
           "into the pack folder" in lines
    assert not any("YAML001" in line for line in lines)


def test_nul_byte_in_a_handout_file_name(tmp_path: Path, check: Any) -> None:
    pack = small_pack(tmp_path)
    text = (pack / "training.yaml").read_text(encoding="utf-8").replace(
        "    sessions:\n", '    handouts:\n      - {id: h1, title: Tips, file: "tips\\0.pdf"}\n    sessions:\n', 1)
    (pack / "training.yaml").write_text(text, encoding="utf-8")
    lines = errors(check(pack))
    assert any("error FILE004: file name contains control characters (trainings[0].handouts[0].file)" in line
               for line in lines), lines


@pytest.mark.parametrize("text, shown", [
    ("Klik <x-a onmouseover=alert(1)>hier</x-a>", "<x-a onmouseover=alert(1)>"),
    ("Tekst <!-- een\nopmerking over\nregels -->", "<!-- een opmerking over regels"),
])
def test_raw_html_found_by_the_markdown_parser(tmp_path: Path, check: Any, text: str, shown: str) -> None:
    pack = small_pack(tmp_path)
    (pack / "formats.yaml").write_text(f"work_formats:\n  - id: x\n    name: X\n    goal: {json.dumps(text)}\n",
                                       encoding="utf-8")
    lines = errors(check(pack))
    assert any(f"error TEXT002: raw HTML ({shown[:30]}) is not supported in pack text (work_formats[0].goal)" in line
               for line in lines), lines


@pytest.mark.parametrize("link", ["smb://server/share/x", "ms-msdt:/id?PCWDiagnostic", "file:///etc/passwd"])
def test_only_web_and_mail_links_pass(tmp_path: Path, check: Any, link: str) -> None:
    pack = small_pack(tmp_path)
    (pack / "formats.yaml").write_text(f'work_formats:\n  - id: x\n    name: X\n    goal: "Zie [dit]({link}), '
                                       '[site](https://example.org) en [mail](mailto:a@example.org)"\n',
                                       encoding="utf-8")
    lines = errors(check(pack))
    if link.startswith("file:"):  # the Markdown parser never makes a file: link, so it is plain text
        assert lines == []
    else:
        assert [line.split(": error ", 1)[1] for line in lines] == [
            f"TEXT003: link '{link}' uses the scheme '{link.split(':')[0]}:' (work_formats[0].goal); "
            "hint: link to an http://, https:// or mailto: address only"]


def test_id_with_trailing_newline_is_refused_and_builds_nothing(tmp_path: Path, check: Any) -> None:
    pack = small_pack(tmp_path)
    text = (pack / "training.yaml").read_text(encoding="utf-8").replace("  - id: t\n", '  - id: "t\\n"\n', 1)
    (pack / "training.yaml").write_text(text, encoding="utf-8")
    lines = errors(check(pack))
    assert any("error ID002: id 't\\n' contains characters ids may not have (trainings[0].id)" in line
               for line in lines), lines
    out = tmp_path / "out"
    done = run_draaiboek(["build", "pack", "-o", "out"], cwd=tmp_path)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert not out.exists() or not any("\n" in p.name for p in out.rglob("*"))


def test_terminal_escapes_in_ids_are_never_printed_raw(tmp_path: Path, check: Any) -> None:
    pack = small_pack(tmp_path)
    text = (pack / "pack.yaml").read_text(encoding="utf-8").replace("id: broken", 'id: "x\\e[2J\\e]0;pwned\\a"')
    (pack / "pack.yaml").write_text(text, encoding="utf-8")
    done = run_draaiboek(["check", "pack"], cwd=tmp_path)
    assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout
    assert "id 'x\\x1b[2J\\x1b]0;pwned\\x07' contains characters ids may not have" in done.stdout
    assert "x\\x1b[2J\\x1b]0;pwned\\x07: FAILED" in done.stdout


def test_running_out_of_stack_or_memory_while_structuring_names_the_pack(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PACK006: past every limit, the converter's own recursion or memory still ends in one line, not a bug report."""
    import draaiboek.loader as loader

    pack = small_pack(tmp_path)
    for error in (RecursionError, MemoryError):
        def exhausted(data: object, error: type[BaseException] = error) -> None:
            raise error()

        monkeypatch.setattr(loader, "structure_pack", exhausted)
        result = loader.load_folder(pack)
        assert result.pack is None
        assert [d.format() for d in result.diagnostics] == [
            f"{loader.display_name(pack / 'pack.yaml')}: error PACK006: the pack is too large or too deeply nested to "
            f"load ({error.__name__}); hint: split it into smaller files with less nesting"]
