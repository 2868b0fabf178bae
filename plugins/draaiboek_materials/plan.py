"""What each printed file holds, as document plans. Every audience and reveal decision comes from the views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from draaiboek_handbook.document import Block, Document, Heading, Text
from draaiboek_materials.forms import action_plan_blocks, homework_blocks, meter_blocks, questionnaire_blocks
from draaiboek_materials.labels import t

if TYPE_CHECKING:
    from draaiboek.model import Case, CaseLayer, Handout, Questionnaire, RoleCard
    from draaiboek.views import SessionView, TrainingView

# Who fills in a form handed to the group: participants, and participants observing each other.
FORM_AUDIENCES = ("participants", "observers")


def file_stem(view: TrainingView, key: str, session: SessionView | None = None) -> str:
    """``<training>-<session>-deelnemers``: file names in the pack's language."""
    parts = [view.training.id, *([session.session.id] if session else []), t(key, view.language)]
    return "-".join(parts)


def printed_cases(view: TrainingView, picks: tuple[str, ...] = ()) -> list[Case]:
    """The training's cases, one per choice group: the trainer's pick (``--case``), by default the first."""
    cases: list[Case] = []
    for case in view.cases:
        if case.choice_group:
            group = [c.id for c in view.cases if c.choice_group == case.choice_group]
            case = view.chosen_case(case.choice_group, next((p for p in picks if p in group), None)) or case
        if all(case is not c for c in cases):
            cases.append(case)
    return cases


def check_picks(view: TrainingView, picks: tuple[str, ...]) -> None:
    """Every ``--case`` names a case of a choice group of this training."""
    from draaiboek.errors import ExportError

    choices = [c.id for c in view.cases if c.choice_group]
    for pick in picks:
        if pick not in choices:
            raise ExportError(f"--case {pick}: not a case to choose in this training; "
                              f"choose from: {', '.join(choices) or 'none (it has no choice groups)'}")


def participants_document(view: TrainingView, session: SessionView, picks: tuple[str, ...] = ()
                          ) -> Document | None:
    """Hand-outs, the case texts revealed in this session, its forms and its homework; None when empty."""
    language = view.language
    body: list[Block] = []
    for handout in session_handouts(view, session):
        body.append(Heading(handout.title, 1, new_page=bool(body)))
        body += [Text(text) for text in (handout.content,) if text]
        if handout.items:
            body.append(Text("\n".join(f"- {item}" for item in handout.items)))
    for case in printed_cases(view, picks):
        layers = view.revealed_in(case, "participants", session.index)
        if not layers:
            continue
        body.append(Heading(f"{t('case', language)}: {case.title}", 1, new_page=bool(body)))
        for layer in layers:
            body += [Heading(layer.title, 2), Text(layer.text)]
    for form in session_forms(view, session):
        body += questionnaire_blocks(form, language)
    for meter in {id(m): m for item in session.items for m in item.meters}.values():
        if meter.action_plan:
            body += [Heading(f"{t('action_plan', language)}: {meter.title}", 1, new_page=True)]
            body += action_plan_blocks(meter, language)[1:]
    due = {s.session.id: s.name for s in view.sessions}
    body += homework_blocks(list(session.session.homework), due, language)
    if not body:
        return None
    subtitle = Text(f"*{view.training.title} · {t('for_participants', language)}*")
    title: list[Block] = [Heading(session.name, 0), subtitle]
    if isinstance(body[0], Heading):
        body[0] = Heading(body[0].text, body[0].level, new_page=False)
    return _document(view, session.name, t("for_participants", language), title + body + glossary_blocks(view, body))


def glossary_blocks(view: TrainingView, body: list[Block]) -> list[Block]:
    """The pack's glossary entries these pages use, spelled out at the end (the core decides which are used)."""
    from draaiboek.views.participants import glossary_used

    used = glossary_used(Document("", tuple(body)).text(), view.pack.glossary)
    if not used:
        return []
    lines = [f"- **{e.term}**: {e.expansion}" + (f". {' '.join(e.explanation.split())}" if e.explanation else "")
             for e in used]
    return [Heading(t("glossary", view.language), 1), Text("\n".join(lines))]


def session_handouts(view: TrainingView, session: SessionView) -> list[Handout]:
    """Participants' hand-outs of this session that the pack includes, in order of use."""
    return [h for h in view.handouts_in(session) if h.included and "participants" in h.audience]


def session_forms(view: TrainingView, session: SessionView) -> list[Questionnaire]:
    """The session's forms that participants fill in (for themselves or observing each other)."""
    return [q for q in view.questionnaires_in(session) if any(a in FORM_AUDIENCES for a in q.audience)]


def card_moment_item(session: SessionView, case: Case) -> int:
    """Where in the session a card is handed out: at the first agenda item that plays the case, else the start."""
    return next((item.index for item in session.items if any(c is case for c in item.cases)), 0)


def role_cards_document(view: TrainingView, session: SessionView, picks: tuple[str, ...] = ()
                        ) -> Document | None:
    """Each role card on its own page(s): role, case, the player's brief and what that player may know by then."""
    from draaiboek.views import Moment

    language = view.language
    body: list[Block] = []
    for case in printed_cases(view, picks):
        moment = Moment(session.index, card_moment_item(session, case))
        for card in view.role_cards(case, session.index):
            layers = view.layers_for_card(card, case, moment)
            body += card_blocks(view, session, case, card, layers, first=not body)
    if not body:
        return None
    return _document(view, session.name, t("role_cards", language), body)


def card_blocks(view: TrainingView, session: SessionView, case: Case, card: RoleCard, layers: list[CaseLayer],
                first: bool) -> list[Block]:
    """One card: it starts a page (the first card starts the file), so no page ever holds two cards."""
    language = view.language
    who = t("a_participant", language) if card.played_by == "participants" else view.labels(card.played_by)
    blocks: list[Block] = [
        Heading(f"{t('role_card', language)}: {card.role}", 1, new_page=not first),
        Text(f"**{t('case', language)}**: {case.title}  \n**{t('played_by', language)}**: {who}  \n"
             f"**{view.labels('session')}**: {session.name}"),
        Text(f"*{t('keep_secret', language)}*", "note"),
        Heading(t("your_role", language), 2),
        Text(card.text),
    ]
    if layers:
        blocks.append(Heading(t("what_you_know", language), 2))
        for layer in layers:
            blocks += [Heading(layer.title, 3), Text(layer.text)]
    return blocks


def meter_document(view: TrainingView) -> Document | None:
    body: list[Block] = []
    for meter in view.meters:
        body += meter_blocks(meter, view.language)
    if not body:
        return None
    first = body[0]
    if isinstance(first, Heading):
        body[0] = Heading(first.text, 0)
    return _document(view, view.training.title, t("competence_meter", view.language), body)


def _document(view: TrainingView, title: str, subject: str, blocks: list[Block]) -> Document:
    return Document(title=title, blocks=tuple(blocks), footer=f"{view.training.title} · {subject}",
                    language=view.language, author=", ".join(view.pack.authors), subject=subject)
