"""A small two-session pack built in Python: breaks, cases with layers, steps, homework, evaluation, long text."""

from __future__ import annotations

from draaiboek.model import (
    AgendaItem,
    Assignment,
    Case,
    CaseLayer,
    Duration,
    Fact,
    FormatStep,
    LearningOutcome,
    Pack,
    PrepTask,
    Question,
    Questionnaire,
    QuestionSection,
    Reveal,
    RoleCard,
    Session,
    Source,
    Step,
    Training,
    TrainingAudience,
    WorkFormat,
)

LONG = " ".join(f"Zin {n} van een lange opdracht die de deelnemers stap voor stap uitvoeren." for n in range(60))


def make_pack(language: str = "nl") -> Pack:
    m = Duration.fixed
    s1 = Session(
        id="m1", title="Kennismaken", number=1, duration=m(120),
        learning_outcomes=[LearningOutcome("m1-lo1", "Je kunt **luisteren** zonder te oordelen.")],
        agenda=[
            AgendaItem("Welkom", kind="opening", minutes=m(15), description="Stel jezelf voor."),
            AgendaItem("Speeddaten", work_format="wf-speed", minutes=m(30), outcomes=["m1-lo1"],
                       steps=[Step("Uitleg", m(5), "plenary"),
                              Step("Gesprekjes", m(25), "pairs", description="Wissel elke 5 minuten.")]),
            AgendaItem("Pauze", kind="break", minutes=m(15)),
            AgendaItem("Casus Jan", minutes=m(45), cases=["case-jan"],
                       assignment="Lees de casus.\n\n- Wat valt op?\n- Wat *zou* jij doen?"),
            AgendaItem("Lange opdracht", minutes=m(15), assignment=LONG),
        ],
        homework=[Assignment("Oefenen", "Oefen het gesprek met een collega.", due="m2", questions=["Wat ging goed?"])],
    )
    s2 = Session(
        id="m2", title="Verdieping", number=2, preparation=[PrepTask("Lees hoofdstuk 2.")],
        agenda=[
            AgendaItem("Casus Jan deel 2", minutes=m(60), cases=["case-jan"]),
            AgendaItem("Evaluatie", kind="evaluation", minutes=m(15), instruments=["q-eval"]),
        ],
    )
    training = Training(
        id="tr", title="Het goede gesprek", audience=TrainingAudience("Begeleiders"), sessions=[s1, s2],
        goals=["Deelnemers voeren een **open** gesprek."], cases=["case-jan"],
    )
    wf = WorkFormat(
        id="wf-speed", name="Speeddaten", grouping="pairs", assignment="Praat **vijf minuten** met je buur.",
        steps=[FormatStep("Zet stoelen in twee rijen.")], materials=["stoelen"], tips=["Houd de tijd strak."],
        cautions=["Niet te persoonlijk."], debrief_questions=["Wat viel je op?"],
    )
    case = Case(
        id="case-jan", title="Jan", summary="Jan is 34 en woont alleen.", facts=[Fact("Leeftijd", "34")],
        layers=[
            CaseLayer("l1", "Achtergrond", "Jan heeft **schulden**."),
            CaseLayer("l2", "Wending", "Jan verliest zijn baan.", reveal=[Reveal("m2")]),
            CaseLayer("l3", "Geheim", "Jan drinkt.", audience=["trainers"]),
        ],
        role_cards=[RoleCard("rc1", "Jan", "Je bent wantrouwig.", played_by="actor", sessions=["m1"])],
    )
    form = Questionnaire(id="q-eval", title="Evaluatieformulier", kind="evaluation", sessions=["m2"],
                         instructions="Vul het formulier *eerlijk* in.",
                         sections=[QuestionSection("Algemeen", [Question("q1", "Wat neem je mee?")])])
    return Pack(
        id="testpack", title="Testpakket", language=language, version="1.0", authors=["Redactie"], licence="CC BY 4.0",
        sources=[Source("handboek", "Handboek gesprekken", authors=["A. Auteur"], year=2020, licence="CC BY",
                        attribution="Naar het *Handboek gesprekken*.")],
        attribution="Gemaakt met draaiboek.", trainings=[training], work_formats=[wf], cases=[case],
        questionnaires=[form],
    )
