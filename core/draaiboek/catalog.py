"""What the installed plugins offer: content packs by id and exporters by name, validated by the core."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from attrs import define, field, frozen

from draaiboek.exporters import Exporter
from draaiboek.loader import PACK_FILE, LoadResult, load_folder
from draaiboek.model import Pack
from draaiboek.plugins import PluginHost, get_plugin_manager
from draaiboek.yamlsource import read_yaml

EXPORTER_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


@frozen
class PackEntry:
    id: str
    folder: Path
    plugin: str


@frozen
class ExporterEntry:
    exporter: Exporter
    plugin: str


@define
class Catalog:
    host: PluginHost
    _packs: dict[str, PackEntry] | None = None
    _exporters: dict[str, ExporterEntry] | None = None
    _loaded: dict[Path, LoadResult] = field(factory=dict)

    @classmethod
    def from_environment(cls, disabled: tuple[str, ...] = ()) -> Catalog:
        return cls(get_plugin_manager(disabled=disabled))

    @property
    def packs(self) -> dict[str, PackEntry]:
        """Installed packs by id, sorted by id."""
        if self._packs is None:
            self._packs = self._collect_packs()
        return self._packs

    @property
    def exporters(self) -> dict[str, ExporterEntry]:
        """Installed exporters by name, sorted by name."""
        if self._exporters is None:
            self._exporters = self._collect_exporters()
        return self._exporters

    def _collect_packs(self) -> dict[str, PackEntry]:
        found: dict[str, PackEntry] = {}

        def register(plugin: str, folder: Any) -> None:
            path = Path(str(folder))
            if not (path / PACK_FILE).is_file():
                self.host.report(plugin, f"registered a pack folder without {PACK_FILE}: {path}")
                return
            document = read_yaml(path / PACK_FILE)
            pack_id = document.data.get("id") if isinstance(document.data, dict) else None
            if document.data is None and document.problems:  # unreadable as a whole: say why, not "no id"
                self.host.report(plugin, f"registered a pack that cannot be read: {document.problems[0].format()}")
                return
            if not isinstance(pack_id, str) or not pack_id:
                self.host.report(plugin, f"registered a pack whose {PACK_FILE} has no id: {path}")
                return
            if pack_id in found:
                self.host.report(plugin, f"registers pack '{pack_id}', which plugin '{found[pack_id].plugin}' "
                                 "already registered; left out")
                return
            found[pack_id] = PackEntry(pack_id, path, plugin)

        self._call_each("register_content_packs", register)
        return dict(sorted(found.items()))

    def _collect_exporters(self) -> dict[str, ExporterEntry]:
        found: dict[str, ExporterEntry] = {}

        def register(plugin: str, exporter: Any) -> None:
            if not isinstance(exporter, Exporter):
                self.host.report(plugin, f"registered {type(exporter).__name__} as an exporter; "
                                 "register a draaiboek.exporters.Exporter")
                return
            if not EXPORTER_NAME.match(exporter.name):
                self.host.report(plugin, f"exporter name '{exporter.name}' must be lowercase letters, digits, '-'")
                return
            if exporter.name in found:
                self.host.report(plugin, f"registers exporter '{exporter.name}', which plugin "
                                 f"'{found[exporter.name].plugin}' already registered; left out")
                return
            found[exporter.name] = ExporterEntry(exporter, plugin)

        self._call_each("register_exporters", register)
        return dict(sorted(found.items()))

    def _call_each(self, hook_name: str, register: Callable[[str, Any], None]) -> None:
        # Each plugin gets a `register` bound to its name, so messages can say who registered what.
        self.host.call_each(hook_name, kwargs_for=lambda plugin: {"register": partial(register, plugin)})

    def load(self, folder: Path) -> LoadResult:
        """Load (once) the pack in a folder."""
        key = folder.resolve()
        if key not in self._loaded:
            self._loaded[key] = load_folder(folder)
        return self._loaded[key]

    def pack_by_id(self, pack_id: str) -> Pack | None:
        entry = self.packs.get(pack_id)
        return self.load(entry.folder).pack if entry else None
