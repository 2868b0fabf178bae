"""``draaiboek new``: a new pack as an installable plugin package that passes ``check`` at once."""

from __future__ import annotations

import json
import re
from pathlib import Path

from draaiboek.errors import DraaiboekError
from draaiboek.schema import pack_schema

NAME = re.compile(r"^[a-z][a-z0-9-]*\Z")  # \Z: '$' would accept a trailing newline

PYPROJECT = """\
[build-system]
requires = ["hatchling>=1.21"]
build-backend = "hatchling.build"

[project]
name = "draaiboek-pack-{name}"
version = "0.1.0"
description = "draaiboek content pack {name}"
requires-python = ">=3.11"
dependencies = ["draaiboek"]

[project.entry-points.draaiboek]
{name} = "{module}"

[tool.hatch.build.targets.wheel]
packages = ["{module}"]
"""

INIT = '''\
"""The draaiboek content pack '{name}': the data lives in pack/ next to this file."""

from collections.abc import Callable
from importlib.abc import Traversable
from importlib.resources import files

from draaiboek import hookimpl


@hookimpl
def register_content_packs(register: Callable[[Traversable], None]) -> None:
    register(files(__name__) / "pack")
'''

PACK_YAML = """\
# yaml-language-server: $schema=../../pack.schema.json
id: {name}
title: {title}
language: nl
version: "0.1"
authors: [Jouw naam]
licence: CC BY 4.0
sources:
  - id: eigen
    title: Eigen ontwerp
    kind: design
"""

TRAINING_YAML = """\
trainings:
  - id: training
    title: {title}
    audience:
      participants: Beschrijf hier wie er meedoet.
    sessions:
      - id: bijeenkomst-1
        title: Eerste bijeenkomst
        kind: bijeenkomst
        number: 1
        duration: 60
        learning_outcomes:
          - id: ld-1
            text: De deelnemer kan ...
        agenda:
          - title: Welkom en kennismaking
            kind: opening
            minutes: 10
          - title: Oefenen
            outcomes: [ld-1]
            work_format: oefenen
            steps:
              - {{title: Uitleg, minutes: 10, grouping: plenary}}
              - {{title: Oefenen in tweetallen, minutes: 30, grouping: pairs}}
          - title: Afsluiting
            kind: evaluation
            minutes: 10
work_formats:
  - id: oefenen
    name: Oefenen in tweetallen
    category: oefening
    goal: Deelnemers passen toe wat ze net hebben gehoord.
    steps:
      - text: De trainer legt de opdracht uit.
      - text: Deelnemers oefenen om de beurt.
"""

README = """\
# draaiboek-pack-{name}

A draaiboek content pack. Edit the YAML in `{module}/pack/`, then:

    draaiboek check {module}/pack      # while you work, no install needed
    pip install -e .                   # make it available as '{name}'
    draaiboek show {name}
"""


def scaffold(name: str, parent: Path) -> Path:
    if not NAME.match(name):
        raise DraaiboekError(f"pack name '{name}' must be lowercase letters, digits and '-', starting with a letter")
    root = parent / f"draaiboek-pack-{name}"
    if root.exists():
        raise DraaiboekError(f"{root} exists; choose another name or folder")
    module = f"draaiboek_pack_{name.replace('-', '_')}"
    title = name.replace("-", " ").capitalize()
    files = {
        "pyproject.toml": PYPROJECT, "README.md": README, f"{module}/__init__.py": INIT,
        f"{module}/pack/pack.yaml": PACK_YAML, f"{module}/pack/training.yaml": TRAINING_YAML,
    }
    for relative, template in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(name=name, module=module, title=title), encoding="utf-8")
    # The schema next to the pack lets editors (YAML language server) autocomplete and validate.
    (root / "pack.schema.json").write_text(json.dumps(pack_schema(), indent=2, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    return root
