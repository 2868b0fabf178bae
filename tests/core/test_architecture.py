"""Core never imports a plugin or a pack, and start-up stays light."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.support import ROOT

PLUGIN_MODULES = {p.name for folder in ("plugins", "content_packs") for p in (ROOT / folder).iterdir() if p.is_dir()}


def imported_modules(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_never_imports_plugins_or_packs() -> None:
    offenders = []
    for path in sorted((ROOT / "core" / "draaiboek").rglob("*.py")):
        bad = imported_modules(path.read_text(encoding="utf-8")) & (PLUGIN_MODULES | {"pptx", "openpyxl"})
        if bad:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert PLUGIN_MODULES >= {"draaiboek_handbook", "draaiboek_slides", "draaiboek_pack_naasten"}
    assert offenders == []


def _modules_after(args: list[str]) -> set[str]:
    code = ("import sys\nfrom draaiboek.cli import main\n"
            f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
            "print('MODULES', ' '.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT).stdout
    line = next(line for line in out.splitlines() if line.startswith("MODULES"))
    return set(line.split()[1:])


def test_help_packs_and_check_do_not_import_exporter_libraries() -> None:
    for args in (["--help"], ["packs"], ["check", "tests/packs/full"]):
        loaded = _modules_after(args)
        heavy = {m for m in loaded if m.split(".")[0] in ("pptx", "openpyxl", "markdown_it", "lxml")}
        assert heavy == set(), (args, sorted(heavy)[:5])
