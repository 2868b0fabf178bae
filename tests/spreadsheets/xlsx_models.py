"""A small pack built from model objects, for tests that do not need the YAML loader."""

from __future__ import annotations

from draaiboek.model import (
    AgendaItem,
    Analysis,
    Domain,
    Duration,
    Meter,
    Moment,
    Pack,
    Prompt,
    Scale,
    ScalePoint,
    Session,
    Statement,
    Step,
    Training,
    TrainingAudience,
    WorkFormat,
)

SCALE = Scale([ScalePoint(1, "nog niet"), ScalePoint(2, "soms"), ScalePoint(3, "meestal"), ScalePoint(4, "altijd")])


def make_meter(analysis: Analysis | None = None, moments: int = 3) -> Meter:
    domains = [Domain("d1", "Gespreksvaardigheden"), Domain("d2", "=Vraagverheldering"), Domain("d3", "Netwerk")]
    texts = {
        "d1": ["Ik luister actief.", "Ik vat samen.", "-Ik vraag door.", "Ik sluit aan bij de burger."],
        "d2": ["Ik breng levensgebieden in kaart.", "@Ik ben nieuwsgierig.", "Ik stimuleer eigen regie."],
        "d3": ["Ik breng het netwerk in kaart.", "+Ik ken de sociale kaart.", "Ik stem af met anderen."],
    }
    statements = [
        Statement(f"{d}-s{i}", d, t) for d, items in texts.items() for i, t in enumerate(items, start=1)
    ]
    all_moments = [Moment("voor", "Voormeting"), Moment("na", "Nameting"), Moment("later", "Na drie maanden")]
    return Meter(
        id="competentiemeter", title="Competentiemeter Het Gesprek", scale=SCALE, domains=domains,
        statements=statements, moments=all_moments[:moments],
        instructions="Scoor **elke** stelling.\n\n- eerlijk\n- snel", analysis=analysis or Analysis(3, 3),
        action_plan=[Prompt("nu", "Waar sta ik nu?"),
                     Prompt("doel", "=Wat wil ik straks kunnen?", help="Wees *concreet*.")],
        tips=["Maak het SMART."],
    )


def make_training() -> Training:
    agenda = [
        AgendaItem("Welkom", kind="opening", minutes=Duration.fixed(15), materials=["naambordjes"]),
        AgendaItem("Speeddaten", work_format="wf-speed", steps=[
            Step("uitleg", Duration.fixed(5), grouping="plenary"), Step("rondes", Duration(20, 25), grouping="pairs"),
        ]),
        AgendaItem("Pauze", kind="break", minutes=Duration.fixed(15)),
        AgendaItem("Meter invullen", minutes=Duration.fixed(20), instruments=["competentiemeter"],
                   materials=["=laptop"]),
    ]
    sessions = [
        Session("m1", "Module 1: kennismaking", number=1, agenda=agenda, materials=["flip-over", "stiften"]),
        Session("m2", "Module 2: verdieping", number=2),
    ]
    return Training("het-gesprek-training", "Het Gesprek", TrainingAudience("consulenten"), sessions,
                    instruments=["competentiemeter"])


def make_pack(meter: Meter | None = None) -> Pack:
    return Pack(
        id="het-gesprek", title="Het Gesprek", language="nl", version="1.2", authors=["test"], licence="CC-BY",
        trainings=[make_training()], meters=[meter or make_meter()],
        work_formats=[WorkFormat("wf-speed", "Speeddaten", grouping="pairs", materials=["bel", "kaartjes"])],
        attribution="Gebaseerd op *Het Gesprek*.",
    )
