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

from __future__ import annotations

from typing import TYPE_CHECKING

from draaiboek import hookimpl

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


@hookimpl
def register_content_packs(register: Callable[[Path], None]) -> None:
    # Imported here: draaiboek loads every plugin on each start (also --help), few runs need the pack.
    from pathlib import Path

    register(Path(__file__).parent / "pack")
'''

PACK_YAML = """\
# yaml-language-server: $schema=../../pack.schema.json
# The pack: what it is, who made it, and the sources it is based on.
# Every field is explained in the field reference (FORMAT.md; 'draaiboek schema --format markdown').
id: {name}                   # the id users type: 'draaiboek show {name}'
title: {title}
language: nl                 # generated decks and workbooks use it for their labels
version: "0.1"               # the version of the pack's content; raise it when the content changes
authors: [Jouw naam]
licence: CC BY 4.0           # the licence of your own texts
sources:                     # every document the pack is based on; 'basis' entries name their id
  - id: eigen
    title: Eigen ontwerp
    kind: design
"""

TRAINING_YAML = """\
# yaml-language-server: $schema=../../pack.schema.json
# A training: its sessions, and per session the timed agenda (the runbook).
trainings:
  - id: training
    title: {title}
    start: "09:30"                  # clock time in quotes; '--start' overrides it for one delivery
    audience:
      participants: Beschrijf hier wie er meedoet.
    cases: [casus-voorbeeld]        # the cases, meters and forms this training uses
    instruments: [meter, evaluatie]
    sessions:
      - id: bijeenkomst-1
        title: Eerste bijeenkomst
        kind: bijeenkomst           # what you call it: module, bijeenkomst, dagdeel...
        number: 1
        duration: 60                # stated minutes: the agenda below must add up to it
        learning_outcomes:          # what participants can do afterwards
          - id: ld-1
            text: De deelnemer voert een eerste gesprek met een cliënt.
        agenda:
          - title: Welkom en kennismaking
            kind: opening           # activity (default), opening, closing, break, evaluation...
            minutes: 10
            instruments: [meter]    # the first measurement
          - id: oefenen             # an id lets a case layer be revealed at or after this item
            title: Oefenen
            outcomes: [ld-1]        # the learning outcomes this item works on
            work_format: oefenen    # a work format from werkvormen.yaml
            cases: [casus-voorbeeld]
            steps:                  # timed steps; together they are the item's minutes
              - {title: Uitleg, minutes: 10, grouping: plenary}
              - {title: Oefenen in tweetallen, minutes: 30, grouping: pairs}
          - title: Afsluiting
            kind: closing
            minutes: 10
      - id: bijeenkomst-2
        title: Tweede bijeenkomst
        kind: bijeenkomst
        number: 2
        duration: 60
        learning_outcomes:
          - id: ld-2
            text: De deelnemer vraagt door op wat de cliënt vertelt.
        agenda:
          - id: rollenspel
            title: Rollenspel
            outcomes: [ld-2]
            work_format: oefenen
            variant: rollenspel     # a variant of the work format, with its own grouping and steps
            cases: [casus-voorbeeld]
            minutes: 40
          - title: Meting en evaluatie
            kind: evaluation
            minutes: 20
            instruments: [meter, evaluatie]
"""

WORK_FORMATS_YAML = """\
# yaml-language-server: $schema=../../pack.schema.json
# Work formats (werkvormen): reusable ways of working; agenda items refer to them by id.
work_formats:
  - id: oefenen
    name: Oefenen in tweetallen
    category: oefening              # kennismaking, rollenspel, casusbespreking, reflectie, intervisie...
    goal: Deelnemers passen toe wat ze net hebben gehoord.
    grouping: pairs                 # plenary, subgroups, pairs, trios, individual...
    steps:                          # the steps the trainer follows; minutes are optional here
      - {text: De trainer legt de opdracht uit., minutes: 10}
      - {text: Deelnemers oefenen om de beurt., minutes: 30}
    debrief_questions: ["Wat ging goed?", "Wat doe je de volgende keer anders?"]   # '?' text in quotes
    variants:                       # the same work format, done differently
      - id: rollenspel
        name: Rollenspel in drietallen
        description: Een speler, een gesprekvoerder en een observator.
        grouping: trios             # overrides the work format's grouping
        steps:
          - {text: Verdeel de rollen., minutes: 5}
          - {text: Speel het gesprek., minutes: 20}
          - {text: De observator geeft feedback., minutes: 15}
"""

CASES_YAML = """\
# yaml-language-server: $schema=../../pack.schema.json
# Cases (casuistiek): told in layers; each layer says who may see it, and from when.
cases:
  - id: casus-voorbeeld
    title: Sanne
    summary: Sanne (28) wil zelfstandig gaan wonen.
    layers:
      - id: aanmelding              # no 'reveal': participants know it from the start
        title: Aanmelding
        text: Sanne meldt zich zelf aan. Ze wil graag op zichzelf wonen.
        audience: [participants]
      - id: achtergrond
        title: Achtergrond
        text: Sanne heeft schulden en durft dat niet te vertellen.
        audience: [participants, role_player]
        reveal:                     # one entry per audience; 'at' or 'after' an agenda item id
          - {session: bijeenkomst-2, after: rollenspel, audience: [participants]}
          - {session: bijeenkomst-2, audience: [role_player]}
    role_cards:                     # handed to whoever plays the role in the listed sessions
      - id: sanne
        role: Sanne
        text: Je bent vrolijk, maar over geld praat je liever niet.
        played_by: participants
        sessions: [bijeenkomst-2]
"""

INSTRUMENTS_YAML = """\
# yaml-language-server: $schema=../../pack.schema.json
# Instruments: a competence meter scored at several moments, and an evaluation form.
meters:
  - id: meter
    title: Competentiemeter
    scale:                          # every point needs a label
      points:
        - {value: 1, label: nog niet}
        - {value: 2, label: soms}
        - {value: 3, label: meestal}
        - {value: 4, label: altijd}
    domains:
      - {id: gesprek, title: Het gesprek}
    statements:                     # what participants score; 'outcomes' says which learning outcome it measures
      - {id: "1.1", domain: gesprek, text: Ik open een gesprek zodat de cliënt zich welkom voelt., outcomes: [ld-1]}
      - {id: "1.2", domain: gesprek, text: Ik vraag door op wat de cliënt vertelt., outcomes: [ld-2]}
    moments:                        # when the meter is filled in
      - {id: voor, label: Voormeting, session: bijeenkomst-1}
      - {id: na, label: Nameting, session: bijeenkomst-2}
    analysis: {strengths: 1, challenges: 1}   # how many strengths and challenges a participant picks
questionnaires:
  - id: evaluatie
    title: Evaluatie
    kind: evaluation                # evaluation, observation, feedback, reflection, scan, intake, other
    sessions: [bijeenkomst-2]
    scale:
      points: [{value: 1, label: slecht}, {value: 2, label: matig}, {value: 3, label: goed}]
    sections:
      - title: Terugblik
        questions:
          - {id: e1, text: "Hoe tevreden ben je over de training?", type: scale}
          - {id: e2, text: "Wat neem je mee naar je werk?"}     # type 'open' is the default
"""

README = """\
# draaiboek-pack-{name}

A draaiboek content pack. Edit the YAML in `{module}/pack/` (every element is there once, with a comment),
then:

    draaiboek check {module}/pack      # while you work, no install needed
    pip install -e .                   # make it available as '{name}'
    draaiboek show {name}

Every field is listed in draaiboek's field reference (`draaiboek schema --format markdown`).
Versions: `version` in `pack.yaml` is the version of the pack's content (printed in the handbook and decks);
`version` in `pyproject.toml` is the version of this Python package, for pip. Raise the first when the content
changes, the second whenever you publish.
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
        f"{module}/pack/werkvormen.yaml": WORK_FORMATS_YAML, f"{module}/pack/casus.yaml": CASES_YAML,
        f"{module}/pack/instrumenten.yaml": INSTRUMENTS_YAML,
    }
    for relative, template in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        # replace(), not format(): the YAML holds braces of its own
        text = template.replace("{name}", name).replace("{module}", module).replace("{title}", title)
        path.write_text(text, encoding="utf-8")
    # The schema next to the pack lets editors (YAML language server) autocomplete and validate.
    (root / "pack.schema.json").write_text(json.dumps(pack_schema(), indent=2, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    return root
