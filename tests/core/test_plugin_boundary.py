"""The plugin boundary: who wins a name, what a plugin may register, and what happens when it crashes.

Every failure of a plugin (import, hook, command, exporter, build_targets, even ``sys.exit()``) is one line
naming the plugin, unless ``--traceback`` or ``DRAAIBOEK_DEBUG=1`` asks for the full traceback.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Iterable
from importlib.metadata import EntryPoint, distributions, entry_points
from pathlib import Path
from typing import Any

import click
import pytest

from draaiboek import hookimpl
from draaiboek.catalog import Catalog
from draaiboek.exporters import BuildTarget, Exporter, ExportJob
from draaiboek.plugins import PluginHost, get_plugin_manager
from tests.support import FULL_PACK, ROOT, RunCli, run_draaiboek


def _write(job: ExportJob) -> list[Path]:
    job.output.write_text("x", encoding="utf-8")
    return [job.output]


class FullPack:
    @hookimpl
    def register_content_packs(self, register: Any) -> None:
        register(FULL_PACK)


def host(*plugins: tuple[str, object], **kwargs: Any) -> PluginHost:
    return get_plugin_manager(load_entrypoints=False, extra_plugins=plugins, **kwargs)


def installed_and(*plugins: tuple[str, object]) -> PluginHost:
    """The installed plugins (the built-ins among them) plus plugins registered in code."""
    return get_plugin_manager(extra_plugins=plugins)


def problems(h: PluginHost) -> list[str]:
    return [p.format() for p in h.problems]


# --- Commands: register(command) ------------------------------------------------------------------------


@click.command("check")
def fake_check() -> None:
    click.echo("hijacked")


@click.command("hello")
def hello() -> None:
    """Say hello."""
    click.echo("hallo")


class Shadowing:
    @hookimpl
    def register_commands(self, register: Callable[[click.Command], None]) -> None:
        register(fake_check)
        register(hello)


def test_a_plugin_cannot_replace_a_built_in_command(run_cli: RunCli) -> None:
    h = host(("aaa-shadow", Shadowing()), ("packs", FullPack()))
    result = run_cli("check", str(FULL_PACK), host=h)
    assert "hijacked" not in result.output
    assert result.exit_code == 0 and "full: ok" in result.stdout
    assert ("draaiboek: warning: plugin 'aaa-shadow' (from registered in code): registers command 'check', "
            "which is a built-in command; left out") in result.stderr
    # Its other command is fine, and `plugins` says who registered it.
    assert run_cli("hello", host=host(("aaa-shadow", Shadowing()))).stdout == "hallo\n"
    listed = run_cli("plugins", host=installed_and(("aaa-shadow", Shadowing())))
    rows = {line.split()[0]: line for line in listed.stdout.splitlines()}
    assert rows["aaa-shadow"].endswith("command hello")
    assert "command template" in rows["slides"] and "command results" in rows["spreadsheets"]


def test_a_plugin_cannot_take_a_command_of_a_built_in_plugin(run_cli: RunCli) -> None:
    @click.command("results")
    def results() -> None:
        click.echo("not the real one")

    class Taker:
        @hookimpl
        def register_commands(self, register: Callable[[click.Command], None]) -> None:
            register(results)

    # 'aaa' sorts before 'spreadsheets', but built-in plugins register first.
    result = run_cli("results", "--help", host=installed_and(("aaa", Taker())))
    assert "Competence" in result.stdout or "--anonymise" in result.stdout, result.output
    assert ("plugin 'aaa' (from registered in code): registers command 'results', which plugin 'spreadsheets' "
            "already registered; left out") in result.stderr


def test_a_command_plugin_that_raises_or_registers_junk_is_reported(run_cli: RunCli) -> None:
    class Raising:
        @hookimpl
        def register_commands(self, register: Callable[[click.Command], None]) -> None:
            raise RuntimeError("no commands today")

    class Junk:
        @hookimpl
        def register_commands(self, register: Callable[[click.Command], None]) -> None:
            register(lambda: None)  # type: ignore[arg-type]  # the mistake under test
            register(click.Command("Bad Name"))

    result = run_cli("hello", host=host(("raising", Raising()), ("junk", Junk()), ("greeter", Shadowing())))
    assert result.exit_code == 0 and result.stdout == "hallo\n"
    assert "plugin 'raising' (from registered in code): failed in register_commands: RuntimeError: no commands " \
           "today" in result.stderr
    assert "plugin 'junk' (from registered in code): registered function as a command; register a click.Command" \
        in result.stderr
    assert "command name 'Bad Name' must be lowercase letters" in result.stderr
    assert "Traceback" not in result.output


def test_a_crashing_plugin_command_names_its_plugin(run_cli: RunCli) -> None:
    @click.command("boom")
    def boom() -> None:
        raise KeyError("oops")

    class Boom:
        @hookimpl
        def register_commands(self, register: Callable[[click.Command], None]) -> None:
            register(boom)

    result = run_cli("boom", host=host(("boomer", Boom())))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: internal error in command 'draaiboek boom' (plugin 'boomer'): KeyError: 'oops'; please report it "
        "to the authors of plugin 'boomer' (rerun with --traceback for the details)")
    with pytest.raises(KeyError, match="oops"):
        run_cli("--traceback", "boom", host=host(("boomer", Boom())))


# --- Built-ins win every name (issue 19.6) ---------------------------------------------------------------


class Usurper:
    """A third-party plugin that sorts before every built-in and claims their names."""

    @hookimpl
    def register_content_packs(self, register: Any) -> None:
        register(ROOT / "content_packs" / "draaiboek_pack_naasten" / "pack")

    @hookimpl
    def register_exporters(self, register: Any) -> None:
        register(Exporter(name="handbook", help="Not the handbook.", suffix=".md", export=_write))

    @hookimpl
    def register_commands(self, register: Callable[[click.Command], None]) -> None:
        register(fake_check)


def test_built_ins_keep_their_pack_exporter_and_command_and_the_usurper_is_reported(run_cli: RunCli) -> None:
    catalog = Catalog(installed_and(("aaa-usurper", Usurper())))
    assert catalog.packs["naasten"].plugin == "naasten"
    assert catalog.exporters["handbook"].plugin == "handbook"
    reported = problems(catalog.host)
    assert "plugin 'aaa-usurper' (from registered in code): registers pack 'naasten', which plugin 'naasten' " \
           "already registered; left out" in reported
    assert "plugin 'aaa-usurper' (from registered in code): registers exporter 'handbook', which plugin " \
           "'handbook' already registered; left out" in reported
    result = run_cli("check", "--quiet", "naasten", host=installed_and(("aaa-usurper", Usurper())))
    assert "hijacked" not in result.output and "naasten: ok" in result.stdout


def fake_distribution(tmp_path: Path, name: str, entry_point_lines: str, modules: dict[str, str]) -> Path:
    """An installed distribution, as pip leaves it: a module and a .dist-info folder on a path entry."""
    site = tmp_path / "site"
    info = site / f"{name.replace('-', '_')}-6.6.6.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 6.6.6\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[draaiboek]\n{entry_point_lines}\n", encoding="utf-8")
    for module, source in modules.items():
        (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    return site


def entry_points_of(site: Path) -> list[EntryPoint]:
    dist = next(iter(distributions(path=[str(site)])))  # the one distribution in that folder
    return [ep for ep in dist.entry_points if ep.group == "draaiboek"]


@pytest.mark.parametrize("reverse", [False, True])
def test_an_entry_point_named_like_a_built_in_is_reported_with_its_own_distribution(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reverse: bool) -> None:
    site = fake_distribution(tmp_path, "evil-slides", "slides = evil_slides", {"evil_slides": """
        from draaiboek import hookimpl
        from draaiboek.exporters import Exporter

        @hookimpl
        def register_exporters(register):
            register(Exporter(name="slides", help="Evil.", suffix=".pptx", export=lambda job: []))
        """})
    monkeypatch.syspath_prepend(str(site))  # installed, as pip would leave it
    installed = list(entry_points(group="draaiboek"))
    assert sorted(ep.value for ep in installed if ep.name == "slides") == ["draaiboek_slides", "evil_slides"]

    def source() -> Iterable[EntryPoint]:  # whatever order the entry points come in
        return list(reversed(installed)) if reverse else installed

    h = get_plugin_manager(entry_point_source=source)
    assert problems(h) == ["plugin 'slides' (from evil-slides 6.6.6): another plugin already uses this name; "
                           "left out"]
    assert h.distribution("slides").startswith("draaiboek ")
    assert Catalog(h).exporters["slides"].exporter.help.startswith("Slide decks")
    assert "evil_slides" not in sys.modules  # left out before it was even imported


# --- SystemExit and --traceback at the boundary (issues 19.22 and 18.6) --------------------------------


class Exits:
    @hookimpl
    def register_exporters(self, register: Any) -> None:
        sys.exit(3)


class Good:
    @hookimpl
    def register_exporters(self, register: Any) -> None:
        register(Exporter(name="good", help="A good one.", suffix=".txt", export=_write))


def test_sys_exit_in_a_hook_is_reported_like_any_failure(run_cli: RunCli) -> None:
    result = run_cli("plugins", host=host(("exits", Exits()), ("good", Good())))
    assert result.exit_code == 0
    assert "good" in result.stdout
    assert "plugin 'exits' (from registered in code): failed in register_exporters: SystemExit: 3" in result.stderr


def test_sys_exit_on_import_and_in_an_exporter_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            run_cli: RunCli) -> None:
    site = fake_distribution(tmp_path, "leaver", "leaver = leaver_mod", {"leaver_mod": "import sys\nsys.exit(0)\n"})
    monkeypatch.syspath_prepend(str(site))
    h = get_plugin_manager(entry_point_source=lambda: entry_points_of(site))
    assert problems(h) == ["plugin 'leaver' (from leaver 6.6.6): failed to import: SystemExit: 0"]

    def quit_export(job: ExportJob) -> list[Path]:
        raise SystemExit("bye")

    class Quitter:
        @hookimpl
        def register_exporters(self, register: Any) -> None:
            register(Exporter(name="quit", help="Quits.", suffix=".txt", export=quit_export))

    out = tmp_path / "x.txt"
    result = run_cli("export", "quit", "full", "-o", str(out), host=host(("quitter", Quitter()), ("p", FullPack())))
    assert result.exit_code == 1 and not out.exists()
    assert result.stderr.startswith("Error: internal error in exporter 'quit' (plugin 'quitter'): SystemExit: bye;")


class Crashes:
    @hookimpl
    def register_exporters(self, register: Any) -> None:
        def crash(job: ExportJob) -> list[Path]:
            return [Path("x") / str(1 // 0)]

        register(Exporter(name="crash", help="Crashes.", suffix=".txt", export=crash))


def test_traceback_flag_and_debug_variable_reraise_exporter_and_hook_failures(
        run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = str(tmp_path / "x.txt")
    plain = run_cli("export", "crash", "full", "-o", out, host=host(("c", Crashes()), ("p", FullPack())))
    assert plain.exit_code == 1 and "ZeroDivisionError" in plain.stderr and len(plain.stderr.splitlines()) == 1
    with pytest.raises(ZeroDivisionError):
        run_cli("--traceback", "export", "crash", "full", "-o", out, host=host(("c", Crashes()), ("p", FullPack())))
    with pytest.raises(ZeroDivisionError):
        run_cli("build", "full", "-o", str(tmp_path / "b"), "--exporter", "crash",
                host=host(("c", Crashes()), ("p", FullPack()), debug=True))
    monkeypatch.setenv("DRAAIBOEK_DEBUG", "1")
    with pytest.raises(SystemExit):
        _ = Catalog(host(("exits", Exits()))).exporters
    monkeypatch.setenv("DRAAIBOEK_DEBUG", "0")
    assert Catalog(host(("exits", Exits()))).exporters == {}


def test_traceback_for_an_installed_plugin_as_a_user_runs_it(tmp_path: Path) -> None:
    site = fake_distribution(tmp_path, "broken-hook", "broken-hook = broken_hook", {"broken_hook": """
        from draaiboek import hookimpl

        @hookimpl
        def register_exporters(register):
            raise LookupError("the plugin's own bug")
        """})
    env = {"PYTHONPATH": str(site)}
    plain = run_draaiboek(["plugins"], env=env)
    assert plain.returncode == 0
    assert ("draaiboek: warning: plugin 'broken-hook' (from broken-hook 6.6.6): failed in register_exporters: "
            "LookupError: the plugin's own bug") in plain.stderr
    assert "Traceback" not in plain.stderr
    for args, extra in ((["--traceback", "plugins"], {}), (["plugins"], {"DRAAIBOEK_DEBUG": "1"})):
        loud = run_draaiboek(args, env={**env, **extra})
        assert loud.returncode == 1
        assert "Traceback (most recent call last)" in loud.stderr
        assert 'broken_hook.py", line 6, in register_exporters' in loud.stderr
        assert loud.stderr.strip().endswith("LookupError: the plugin's own bug")


def test_a_bug_in_the_converter_is_an_internal_error_not_the_authors_fault(
        run_cli: RunCli, monkeypatch: pytest.MonkeyPatch) -> None:
    import draaiboek.loader

    def broken(data: Any) -> Any:
        raise AttributeError("'NoneType' object has no attribute 'sessions'")

    monkeypatch.setattr(draaiboek.loader, "structure_pack", broken)
    result = run_cli("check", str(FULL_PACK))
    assert result.exit_code == 1
    assert "FIELD001" not in result.output
    assert result.stderr.strip() == (
        f"Error: internal error in the pack converter (loading {FULL_PACK}): AttributeError: 'NoneType' object "
        "has no attribute 'sessions'; please report it to the draaiboek developers (rerun with --traceback for "
        "the details)")
    with pytest.raises(AttributeError, match="sessions"):
        run_cli("--traceback", "check", str(FULL_PACK))


def test_a_value_of_the_wrong_shape_stays_the_authors_error(tmp_path: Path, run_cli: RunCli) -> None:
    """A list where a mapping belongs used to crash inside cattrs; it is a located FIELD001."""
    pack = tmp_path / "p"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: p\ntitle: T\nlanguage: nl\nversion: '1'\nauthors: [a]\nlicence: x\n"
                                    "trainings:\n  - [1, 2]\n", encoding="utf-8")
    result = run_cli("check", str(pack))
    assert result.exit_code == 1
    assert f"{pack / 'pack.yaml'}:8: error FIELD001: expected a mapping of fields" in result.stdout, result.output


# --- build_targets: guarded, and contained in -o (issue 19.15) ------------------------------------------


def targets_plugin(build_targets: Callable[[Exporter, Any], Any]) -> object:
    class Targets:
        @hookimpl
        def register_exporters(self, register: Any) -> None:
            register(Exporter(name="odd", help="Odd targets.", suffix=".txt", export=_write,
                              build_targets=build_targets))
            register(Exporter(name="good", help="Fine.", suffix=".txt", export=_write))

    return Targets()


def _raise(exporter: Exporter, training: Any) -> list[BuildTarget]:
    raise RuntimeError("cannot plan")


@pytest.mark.parametrize(("build_targets", "message"), [
    (_raise, "internal error in exporter 'odd' (plugin 't') (build_targets): RuntimeError: cannot plan"),
    (lambda e, t: None, "exporter 'odd' (plugin 't'): build_targets returned NoneType, not a list of BuildTarget"),
    (lambda e, t: [BuildTarget("../../escaped.txt")], "asked to write '../../escaped.txt', which is not a file "
                                                      "inside the output folder"),
    (lambda e, t: [BuildTarget("/tmp/draaiboek-escaped.txt")], "asked to write '/tmp/draaiboek-escaped.txt'"),
    (lambda e, t: [BuildTarget("")], "asked to write ''"),
], ids=["raises", "none", "parent", "absolute", "empty"])
def test_bad_build_targets_are_one_line_and_the_other_exporters_still_build(
        run_cli: RunCli, tmp_path: Path, build_targets: Callable[[Exporter, Any], Any], message: str) -> None:
    work = tmp_path / "work"
    out = work / "out"
    result = run_cli("build", "full", "-o", str(out), host=host(("t", targets_plugin(build_targets)),
                                                                ("p", FullPack())))
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith("draaiboek: error: odd for full/"), errors
    assert message in errors[0]
    assert "Traceback" not in result.output
    written = sorted((out / "full").iterdir())
    assert written and all(p.name.endswith("-good.txt") and p.read_text() == "x" for p in written), written
    assert [p for p in tmp_path.rglob("*escaped*")] == []
    assert not Path("/tmp/draaiboek-escaped.txt").exists()


def test_a_build_target_through_a_link_out_of_the_output_folder_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "full").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (out / "full" / "link").symlink_to(tmp_path / "elsewhere")
    plugin = targets_plugin(lambda e, t: [BuildTarget("link/x.txt")])
    result = run_cli("build", "full", "-o", str(out), "--exporter", "odd", host=host(("t", plugin),
                                                                                      ("p", FullPack())))
    assert result.exit_code == 1 and "asked to write 'link/x.txt'" in result.stderr
    assert list((tmp_path / "elsewhere").iterdir()) == []
