"""Plugins that misbehave are named in one line and left out; everything else keeps working."""

from __future__ import annotations

from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

from draaiboek import hookimpl
from draaiboek.catalog import Catalog
from draaiboek.exporters import Exporter
from draaiboek.plugins import get_plugin_manager
from tests.support import FULL_PACK, RunCli


def _noop_export(job: Any) -> list[Path]:
    job.output.write_text("x")
    return [job.output]


class GoodPacks:
    @hookimpl
    def register_content_packs(self, register: Any) -> None:
        register(FULL_PACK)


class GoodExporter:
    @hookimpl
    def register_exporters(self, register: Any) -> None:
        register(Exporter(name="good", help="A good one.", suffix=".txt", export=_noop_export))


class RaisingExporter:
    @hookimpl
    def register_exporters(self, register: Any) -> None:
        raise RuntimeError("boom")


class DuplicateExporter:
    @hookimpl
    def register_exporters(self, register: Any) -> None:
        register(Exporter(name="good", help="Same name.", suffix=".txt", export=_noop_export))


class WrongType:
    @hookimpl
    def register_exporters(self, register: Any) -> None:
        register("not an exporter")


class UnknownHook:
    @hookimpl
    def register_widgets(self, register: Any) -> None:
        """Not a draaiboek hook."""


def host(*plugins: tuple[str, object], **kwargs: Any) -> Any:
    return get_plugin_manager(load_entrypoints=False, extra_plugins=plugins, **kwargs)


def test_plugin_that_fails_to_import_is_named_and_the_rest_works(run_cli: RunCli) -> None:
    broken = EntryPoint("broken", "draaiboek_no_such_module_xyz", "draaiboek")
    h = get_plugin_manager(entry_point_source=lambda: [broken], extra_plugins=[("good", GoodExporter())])
    result = run_cli("plugins", host=h)
    assert result.exit_code == 0
    assert "good" in result.stdout
    assert ("plugin 'broken' (from unknown distribution): failed to import: ModuleNotFoundError: "
            "No module named 'draaiboek_no_such_module_xyz'") in result.stderr
    assert "Traceback" not in result.output


def test_plugin_raising_in_a_hook_is_reported_and_others_still_listed(run_cli: RunCli) -> None:
    result = run_cli("plugins", "--json", host=host(("a-raiser", RaisingExporter()), ("good", GoodExporter())))
    assert result.exit_code == 0
    assert '"exporters": [\n      "good"\n    ]' in result.stdout
    assert "plugin 'a-raiser' (from registered in code): failed in register_exporters: RuntimeError: boom" \
        in result.stderr


def test_duplicate_exporter_name_names_both_plugins(run_cli: RunCli) -> None:
    result = run_cli("plugins", host=host(("good", GoodExporter()), ("zz-copy", DuplicateExporter())))
    assert "plugin 'zz-copy' (from registered in code): registers exporter 'good', which plugin 'good' already " \
           "registered; left out" in result.stderr


def test_duplicate_pack_id_is_left_out(run_cli: RunCli) -> None:
    class Copy:
        @hookimpl
        def register_content_packs(self, register: Any) -> None:
            register(FULL_PACK)

    result = run_cli("packs", host=host(("packs-a", GoodPacks()), ("packs-b", Copy())))
    assert result.exit_code == 0
    assert result.stdout.count("Complete test pack") == 1
    assert "plugin 'packs-b' (from registered in code): registers pack 'full', which plugin 'packs-a' already " \
           "registered; left out" in result.stderr


def test_wrong_type_is_refused(run_cli: RunCli) -> None:
    result = run_cli("plugins", host=host(("wrong", WrongType())))
    assert "plugin 'wrong' (from registered in code): registered str as an exporter" in result.stderr


def test_unknown_hook_is_reported_and_plugin_left_out() -> None:
    h = host(("odd", UnknownHook()), ("good", GoodExporter()))
    assert [p.plugin for p in h.problems] == ["odd"]
    assert "implements a hook draaiboek does not have" in h.problems[0].message
    assert h.plugin_names() == ["good"]


class HalfBroken:
    """Registers one exporter, then raises before registering its second."""

    @hookimpl
    def register_exporters(self, register: Any) -> None:
        register(Exporter(name="first", help="Registered before the crash.", suffix=".txt", export=_noop_export))
        raise RuntimeError("boom")
        register(Exporter(name="second", help="Never registered.", suffix=".txt", export=_noop_export))


def test_command_needing_a_broken_exporter_fails_others_do_not(run_cli: RunCli, tmp_path: Path) -> None:
    def fresh() -> Any:
        return host(("broken", HalfBroken()), ("good", GoodExporter()), ("packs", GoodPacks()))

    # The good plugin's exporter works, and the broken plugin is named on the way.
    good = run_cli("export", "good", "full", "-o", str(tmp_path / "good.txt"), host=fresh())
    assert good.exit_code == 0, good.output
    assert (tmp_path / "good.txt").read_text() == "x"
    assert "plugin 'broken' (from registered in code): failed in register_exporters: RuntimeError: boom" \
        in good.stderr
    # What the broken plugin never registered is unknown, with the broken plugin named as the reason.
    second = run_cli("export", "second", "full", "-o", str(tmp_path / "second.txt"), host=fresh())
    assert second.exit_code == 2 and not (tmp_path / "second.txt").exists()
    assert "unknown exporter 'second'; installed exporters: first, good" in second.stderr
    assert "plugin 'broken' (from registered in code): failed in register_exporters" in second.stderr
    # Commands that need no exporter are untouched.
    packs = run_cli("packs", host=fresh())
    assert packs.exit_code == 0 and "Complete test pack" in packs.stdout


def test_disable_plugin_by_option_and_environment(run_cli: RunCli, monkeypatch: Any) -> None:
    h = host(("good", GoodExporter()), disabled=["good"])
    assert h.plugin_names() == []
    monkeypatch.setenv("DRAAIBOEK_DISABLE_PLUGINS", "good, other")
    assert host(("good", GoodExporter())).plugin_names() == []
    monkeypatch.delenv("DRAAIBOEK_DISABLE_PLUGINS")
    result = run_cli("--disable-plugin", "handbook", "plugins")
    assert "handbook" not in result.stdout and "het-gesprek" in result.stdout


def test_order_is_deterministic_whatever_the_entry_point_order() -> None:
    modules = {"zeta": "draaiboek_pack_naasten", "alpha": "draaiboek_pack_vgz_ggz", "mid": "draaiboek_handbook"}
    eps = [EntryPoint(name, module, "draaiboek") for name, module in modules.items()]
    forward = Catalog(get_plugin_manager(entry_point_source=lambda: eps))
    backward = Catalog(get_plugin_manager(entry_point_source=lambda: list(reversed(eps))))
    assert forward.host.plugin_names() == backward.host.plugin_names() == ["alpha", "mid", "zeta"]
    assert list(forward.packs) == list(backward.packs) == ["naasten", "vgz-ggz"]


def test_same_module_under_two_names_is_reported() -> None:
    eps = [EntryPoint(name, "draaiboek_handbook", "draaiboek") for name in ("one", "two")]
    h = get_plugin_manager(entry_point_source=lambda: eps)
    assert h.plugin_names() == ["one"]
    assert h.problems[0].plugin == "two" and "could not be registered" in h.problems[0].message


class BuggyExporter:
    @hookimpl
    def register_exporters(self, register: Any) -> None:
        def crash(job: Any) -> list[Path]:
            with job.output.open("w") as stream:  # writes half a file, then fails
                stream.write("half")
            raise ZeroDivisionError("division by zero")

        register(Exporter(name="crash", help="Crashes.", suffix=".txt", export=crash))
        def wrong(job: Any) -> Any:
            return "done"  # the mistake under test: not the list of files written

        register(Exporter(name="wrongtype", help="Returns a string.", suffix=".txt", export=wrong))


def test_exporter_bug_is_named_in_one_line(run_cli: RunCli, tmp_path: Path) -> None:
    h = host(("buggy", BuggyExporter()), ("packs", GoodPacks()))
    result = run_cli("export", "crash", "full", "-o", str(tmp_path / "x.txt"), host=h)
    assert result.exit_code == 1
    assert result.stderr.strip() == ("Error: internal error in exporter 'crash' (plugin 'buggy'): "
                                     "ZeroDivisionError: division by zero; please report it to the authors of "
                                     "plugin 'buggy' (rerun with --traceback for the details)")
    h = host(("buggy", BuggyExporter()), ("packs", GoodPacks()))
    wrong = run_cli("export", "wrongtype", "full", "-o", str(tmp_path / "y.txt"), host=h)
    assert "returned str, not the list of files it wrote" in wrong.stderr
