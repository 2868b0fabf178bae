"""The fast paths of issue 20.1-2 give what the plain ones give, compared within one run.

libyaml's event reader (with its lazy line map) against PyYAML's own parser (DRAAIBOEK_PURE_YAML=1); the
typed walks of the checks against a walk through every field; 'did you mean' against a brute-force match.
"""

from __future__ import annotations

import difflib
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

from draaiboek.checks.closest import Candidates
from draaiboek.checks.text import _SUSPECT, _suspect_strings
from draaiboek.checks.walk import Finder
from draaiboek.loader import load_folder, pack_files
from draaiboek.model import SourceRef
from draaiboek.yamlfast import Constructor, resolve
from draaiboek.yamlsource import PURE_ENV, read_yaml
from tests.support import BROKEN, FULL_PACK, ROOT, RunCli
from tests.synth import PACK, extras, training

BUNDLED = sorted(p for p in (ROOT / "content_packs").glob("*/pack") if (p / "pack.yaml").is_file())
BROKEN_PACKS = sorted(p for p in BROKEN.iterdir() if p.is_dir())
PathKey = tuple[str | int, ...]


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def many_errors(folder: Path) -> Path:
    """A synthetic pack (3 trainings, 300 agenda items) with errors deep in its files and files only the
    careful reader reads (an alias, a duplicate key, a bad date, a syntax error, too deep)."""
    folder.mkdir()
    _dump(folder / "pack.yaml", PACK)
    for t in range(3):
        document: dict[str, Any] = {"trainings": [training(t, 10, 10)], **extras(t, 10)}
        sessions = document["trainings"][0]["sessions"]
        last = sessions[-1]["agenda"][-1]
        last["work_format"] = f"t{t}-wf1x"  # REF001, hundreds of lines into the file
        sessions[-2]["agenda"][2]["tips"].append("Zie <b>dit</b> en [dat](smb://server/x.docx)")  # TEXT002, TEXT003
        sessions[5]["agenda"][0]["title"] = "Onderdeel\x07"  # TEXT001
        sessions[7]["learning_outcomes"][0]["basis"] = [{"source": "gen2"}]  # REF005 with a hint
        document["cases"][0]["layers"][-1]["reveal"] = f"t{t}-s99"  # REF001 for a session
        if t == 1:
            sessions[8]["agenda"][3]["steps"][1]["minutes"] = "twintig"  # FIELD001: the partial pack is checked
        _dump(folder / f"training-{t}.yaml", document)
    (folder / "alias.yaml").write_text("work_formats:\n  - &w {id: a1, name: A}\n  - *w\n", encoding="utf-8")
    (folder / "dup.yaml").write_text("work_formats:\n  - id: d1\n    name: A\n    name: B\n", encoding="utf-8")
    (folder / "date.yaml").write_text("work_formats:\n  - id: d2\n    name: 2024-02-30\n", encoding="utf-8")
    (folder / "bool.yaml").write_text("work_formats:\n  - id: b1\n    name: !!bool misschien\n", encoding="utf-8")
    (folder / "syntax.yaml").write_text("work_formats:\n  - id: s1\n    name: Een: twee\n", encoding="utf-8")
    (folder / "deep.yaml").write_text("work_formats: " + "[" * 101 + "]" * 101 + "\n", encoding="utf-8")
    return folder


def _check(run_cli: RunCli, folder: Path, pure: bool) -> str:
    result = run_cli("check", str(folder), env={PURE_ENV: "1" if pure else "0"})
    assert result.exit_code in (0, 1), result.output
    return str(result.output)


def _loaded(folder: Path, pure: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[str]]:
    monkeypatch.setenv(PURE_ENV, "1" if pure else "0")
    result = load_folder(folder)
    return repr(result.pack or result.partial), [d.format() for d in result.diagnostics]


def test_bundled_packs_check_the_same_with_either_reader(run_cli: RunCli) -> None:
    fast = run_cli("check", env={PURE_ENV: "0"}).output
    assert fast == run_cli("check", env={PURE_ENV: "1"}).output
    assert fast.count(": ok (") >= len(BUNDLED) >= 4


@pytest.mark.parametrize("folder", [*BUNDLED, FULL_PACK], ids=lambda p: p.parent.name if p.name == "pack" else p.name)
def test_every_file_reads_to_the_same_data_and_lines(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files, _ = pack_files(folder)
    assert files
    for path in files:
        monkeypatch.setenv(PURE_ENV, "0")
        fast = read_yaml(path)
        assert fast.layout is not None, f"{path.name} was not read by the fast reader"
        monkeypatch.setenv(PURE_ENV, "1")
        pure = read_yaml(path)
        assert pure.layout is None
        assert (fast.data, fast.problems) == (pure.data, pure.problems)
        assert fast.lines == pure.lines and len(fast.lines) > 10
    assert _loaded(folder, False, monkeypatch) == _loaded(folder, True, monkeypatch)


@pytest.mark.parametrize("folder", BROKEN_PACKS, ids=lambda p: p.name)
def test_broken_packs_check_the_same_with_either_reader(folder: Path, run_cli: RunCli,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BROKEN)
    assert _check(run_cli, Path(folder.name), False) == _check(run_cli, Path(folder.name), True)
    assert _loaded(Path(folder.name), False, monkeypatch) == _loaded(Path(folder.name), True, monkeypatch)


def test_a_pack_with_many_errors_checks_the_same_with_either_reader(tmp_path: Path, run_cli: RunCli,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    folder = many_errors(Path("pack"))
    fast = _check(run_cli, folder, False)
    assert fast == _check(run_cli, folder, True)
    assert _loaded(folder, False, monkeypatch) == _loaded(folder, True, monkeypatch)
    codes = set(re.findall(r" (?:error|warning) ([A-Z]+\d+):", fast))
    assert {"REF001", "REF005", "TEXT001", "TEXT002", "TEXT003", "FIELD001", "YAML001", "YAML003", "YAML005",
            "YAML008", "YAML009"} <= codes
    deep = [int(n) for n in re.findall(r"^pack/training-\d\.yaml:(\d+): error REF001", fast, re.MULTILINE)]
    assert max(deep) > 1000  # located through the line map built on demand
    assert "pack/training-1.yaml" in fast and "hint: did you mean 'gen'?" in fast
    assert "pack/bool.yaml:3: error YAML009: 'misschien' is not a valid true/false value (work_formats[0].name)" in fast


def test_scalars_are_built_as_pyyaml_builds_them() -> None:
    construct = Constructor()
    for text in ["tekst", "", "~", "null", "Null", "true", "No", "off", "Yes", "12", "-0x1F", "0o17", "017", "1_000",
                 "1:30", "3.5", "-.inf", ".NaN", "1e3", "2024-02-29", "2024-02-29 10:00:01", "+1", "0b101", "6.8e-5"]:
        expected = yaml.safe_load(text)
        got = construct(resolve(text), text)
        assert (got == expected or got != got and expected != expected) and type(got) is type(expected), text


def _every_string(obj: object, path: PathKey = ()) -> Iterator[tuple[str, PathKey]]:
    """The plain walk: every field of every object, every list item."""
    if isinstance(obj, str):
        yield obj, path
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _every_string(item, (*path, i))
    elif attrs.has(type(obj)):
        for f in attrs.fields(type(obj)):  # type: ignore[arg-type]  # attrs.has narrows at run time only
            yield from _every_string(getattr(obj, f.name), (*path, f.name))


def _every_object(obj: object, path: PathKey = ()) -> Iterator[tuple[object, PathKey]]:
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _every_object(item, (*path, i))
    elif attrs.has(type(obj)):
        yield obj, path
        for f in attrs.fields(type(obj)):  # type: ignore[arg-type]  # attrs.has narrows at run time only
            yield from _every_object(getattr(obj, f.name), (*path, f.name))


@pytest.mark.parametrize("folder", [*BUNDLED, FULL_PACK], ids=lambda p: p.parent.name if p.name == "pack" else p.name)
def test_typed_walks_find_what_the_plain_walk_finds(folder: Path) -> None:
    pack = load_folder(folder).pack
    assert pack is not None
    every = list(_every_string(pack))
    assert Finder(lambda tp: issubclass(tp, str), text=lambda text: True).find(pack) == every
    assert _suspect_strings(pack) == [(text, path) for text, path in every if _SUSPECT(text)]
    refs = [(obj, path) for obj, path in _every_object(pack) if isinstance(obj, SourceRef)]
    assert refs and Finder(lambda tp: tp is SourceRef, obj=lambda value: type(value) is SourceRef).find(pack) == refs


def test_thousands_of_unknown_references_get_the_brute_force_hint(tmp_path: Path, run_cli: RunCli) -> None:
    folder = tmp_path / "refs"
    folder.mkdir()
    _dump(folder / "pack.yaml", PACK)
    work_formats: list[str] = []
    cases: list[str] = []
    for t in range(20):
        document: dict[str, Any] = {"trainings": [training(t, 10, 10)], **extras(t, 10)}
        work_formats += [wf["id"] for wf in document["work_formats"]]
        cases += [case["id"] for case in document["cases"]]
        for s, session in enumerate(document["trainings"][0]["sessions"]):
            for i, item in enumerate(session["agenda"]):
                if item.get("kind") != "break":
                    item["work_format"] = [f"t{t}-wf{i % 5}-oud", f"wf{i % 5}-t{t}", f"t{t}{s}{i}"][(s + i) % 3]
                    item["cases"] = [f"t{t}-cas", f"ca{s}-{i}"]
        _dump(folder / f"training-{t}.yaml", document)
    found = re.findall(r"error REF001: unknown (work format|case) '([^']*)' \([^)]*\); hint: (.*)$",
                       run_cli("check", "-q", str(folder)).output, re.MULTILINE)
    assert len(found) == 20 * 100 * 3
    for kind, wrong, hint in found:
        known = work_formats if kind == "work format" else cases
        close = [k for k in known if difflib.SequenceMatcher(None, k, wrong).ratio() >= 0.6 and k != wrong]
        best = max(close, key=lambda k: (difflib.SequenceMatcher(None, k, wrong).ratio(), k), default=None)
        assert hint == (f"did you mean '{best}'?" if best else "check the id"), (kind, wrong)
    assert {hint for _, _, hint in found} >= {"check the id", "did you mean 't0-wf0'?", "did you mean 't0-case'?"}


def test_closest_id_is_difflibs_close_match() -> None:
    rng = random.Random(20)
    known = sorted({"".join(rng.choices("abcdef-12", k=rng.randint(1, 12))) for _ in range(400)})
    words = [*known[:50], "", "a", *("".join(rng.choices("abcdef-12", k=rng.randint(1, 14))) for _ in range(600))]
    candidates = Candidates(known)
    for word in words:
        expected = difflib.get_close_matches(word, [k for k in known if k != word], n=1)
        assert candidates.closest(word) == (expected[0] if expected else None), word
