"""Make a valid synthetic content pack of any size, for benchmarks and scale tests.

    python tests/synth.py OUT_DIR --trainings 100 --sessions 10 --items 10

gives 100 trainings, 1,000 sessions and 10,000 agenda items (plus work formats, cases and one meter per
training). Each training goes in its own file, as an author would split a big pack.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

PACK = {
    "id": "synth", "title": "Synthetisch pakket", "language": "nl", "version": "1", "authors": ["generator"],
    "licence": "CC0", "sources": [{"id": "gen", "title": "Gegenereerd"}],
}


def training(t: int, sessions: int, items: int) -> dict[str, object]:
    session_list = []
    for s in range(sessions):
        sid = f"t{t}-s{s}"
        agenda: list[dict[str, object]] = [{"title": f"Onderdeel {i + 1} van sessie {s + 1}", "outcomes": [f"{sid}-lo"],
                   "work_format": f"t{t}-wf{i % 5}", "cases": [f"t{t}-case"],
                   "assignment": "Bespreek in **tweetallen** wat je opviel.\n\n- eerst luisteren\n- dan vragen",
                   "steps": [{"title": "Uitleg", "minutes": 5, "grouping": "plenary"},
                             {"title": "Oefenen", "minutes": "10-15", "grouping": "pairs"}],
                   "materials": ["flip-over"], "tips": ["Houd de tijd in de gaten."]}
                  for i in range(items)]
        agenda.insert(len(agenda) // 2, {"title": "Pauze", "kind": "break", "minutes": 15})
        total_low, total_high = 15 * items + 15, 20 * items + 15
        session_list.append({
            "id": sid, "number": s + 1, "title": f"Sessie {s + 1}", "duration": f"{total_low}-{total_high}",
            "learning_outcomes": [{"id": f"{sid}-lo", "text": f"De deelnemer oefent vaardigheid {s + 1}."}],
            "agenda": agenda,
        })
    return {
        "id": f"t{t}", "title": f"Training {t + 1}", "audience": {"participants": "Begeleiders"},
        "sessions": session_list, "instruments": [f"t{t}-meter"], "cases": [f"t{t}-case"],
    }


def extras(t: int, sessions: int) -> dict[str, object]:
    return {
        "work_formats": [{"id": f"t{t}-wf{w}", "name": f"Werkvorm {w + 1}", "category": ["oefening", "rollenspel",
                          "reflectie", "casusbespreking", "kennismaking"][w], "goal": "Oefenen.",
                          "steps": [{"text": "Uitleg."}, {"text": "Doen."}], "debrief_questions": ["Wat viel op?"]}
                         for w in range(5)],
        "cases": [{"id": f"t{t}-case", "title": f"Casus {t + 1}", "layers": [
            {"id": f"l{s}", "title": f"Laag {s + 1}", "text": "Nieuwe informatie.", "reveal": f"t{t}-s{s}"}
            for s in range(sessions)]}],
        "meters": [{"id": f"t{t}-meter", "title": "Competentiemeter",
                    "scale": {"points": [{"value": v, "label": f"punt {v}"} for v in range(1, 5)]},
                    "domains": [{"id": "d1", "title": "Domein"}],
                    "statements": [{"id": f"st{s}", "domain": "d1", "text": f"Ik beheers vaardigheid {s + 1}.",
                                    "outcomes": [f"t{t}-s{s}-lo"]} for s in range(sessions)],
                    "moments": [{"id": "voor", "label": "Voormeting"}, {"id": "na", "label": "Nameting"}],
                    "analysis": {"strengths": min(5, sessions // 2), "challenges": min(5, sessions // 2)}}],
    }


def write_pack(out: Path, trainings: int, sessions: int, items: int) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    (out / "pack.yaml").write_text(yaml.safe_dump(PACK, allow_unicode=True), encoding="utf-8")
    for t in range(trainings):
        document = {"trainings": [training(t, sessions, items)], **extras(t, sessions)}
        (out / f"training-{t:04d}.yaml").write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False),
                                                   encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--trainings", type=int, default=1)
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--items", type=int, default=10)
    args = parser.parse_args()
    write_pack(args.out, args.trainings, args.sessions, args.items)
    print(f"wrote {args.out}: {args.trainings} trainings, {args.trainings * args.sessions} sessions, "
          f"{args.trainings * args.sessions * args.items} agenda items")


if __name__ == "__main__":
    main()
