"""What participants read, decided once: every such text with its field path, kind and the element it belongs to.

Participant-facing are: meter statements (and a meter's instructions and action-plan prompts), case layers
participants see, hand-outs for participants, forms participants fill in, the training's goals, assignments
(agenda item, work format, variant) and homework or preparation. Trainer notes, role cards and descriptions are not.
The language checks read `pack_texts`; `show --language` reads `session_texts`; exporters print the glossary
entries a text uses with `glossary_used`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Literal, cast

import attrs
from attrs import frozen

from draaiboek.model import (
    Assignment,
    Case,
    GlossaryEntry,
    Handout,
    Meter,
    Pack,
    PrepTask,
    Questionnaire,
    Session,
    Training,
    WorkFormat,
)

if TYPE_CHECKING:
    from draaiboek.views.timeline import ItemView, SessionView
    from draaiboek.views.training import TrainingView

Path = tuple[str | int, ...]
Lookup = Callable[[int], "Path | None"]
TextKind = Literal["statement", "meter", "case", "handout", "form", "goal", "assignment", "homework"]


@frozen
class ParticipantText:
    """One text participants read. ``ref`` names the element for ``accepted_warnings``; ``path`` is None when
    the text lives in another pack; ``scored``: participants give it a score (a statement, a scale question)."""

    text: str
    kind: TextKind
    ref: str
    label: str
    path: Path | None
    scored: bool = False


def _for_participants(audience: Sequence[str]) -> bool:
    return "participants" in audience


def meter_texts(meter: Meter, path: Path | None) -> Iterator[ParticipantText]:
    def at(*rest: str | int) -> Path | None:
        return None if path is None else (*path, *rest)

    if meter.instructions:
        yield ParticipantText(meter.instructions, "meter", meter.id, f"{meter.id}: instructions", at("instructions"))
    for i, statement in enumerate(meter.statements):
        yield ParticipantText(statement.text, "statement", f"{meter.id}/{statement.id}", f"statement {statement.id}",
                              at("statements", i, "text"), scored=True)
    for i, prompt in enumerate(meter.action_plan):
        yield ParticipantText(prompt.text, "meter", f"{meter.id}/{prompt.id}", f"action plan {prompt.id}",
                              at("action_plan", i, "text"))


def case_texts(case: Case, path: Path | None, layers: Sequence[object] | None = None) -> Iterator[ParticipantText]:
    """The case's layers participants see (all of them, or only ``layers`` when given)."""
    for i, layer in enumerate(case.layers):
        if _for_participants(layer.audience) and (layers is None or any(layer is other for other in layers)):
            yield ParticipantText(layer.text, "case", f"{case.id}/{layer.id}", f"case {case.id}: {layer.title}",
                                  None if path is None else (*path, "layers", i, "text"))


def handout_texts(handout: Handout, path: Path | None) -> Iterator[ParticipantText]:
    if not _for_participants(handout.audience):
        return
    label = f"hand-out {handout.id}"
    if handout.content:
        yield ParticipantText(handout.content, "handout", handout.id, label,
                              None if path is None else (*path, "content"))
    for i, item in enumerate(handout.items):
        yield ParticipantText(item, "handout", handout.id, label, None if path is None else (*path, "items", i))


def form_texts(form: Questionnaire, path: Path | None) -> Iterator[ParticipantText]:
    if not _for_participants(form.audience):
        return

    def at(*rest: str | int) -> Path | None:
        return None if path is None else (*path, *rest)

    if form.instructions:
        yield ParticipantText(form.instructions, "form", form.id, f"form {form.id}: instructions",
                              at("instructions"))
    for s, section in enumerate(form.sections):
        if section.description:
            yield ParticipantText(section.description, "form", form.id, f"form {form.id}: {section.title}",
                                  at("sections", s, "description"))
        for q, question in enumerate(section.questions):
            ref, label = f"{form.id}/{question.id}", f"form {form.id}: question {question.id}"
            yield ParticipantText(question.text, "form", ref, label, at("sections", s, "questions", q, "text"),
                                  scored=question.type == "scale")
            if question.help:
                yield ParticipantText(question.help, "form", ref, f"{label} (help)",
                                      at("sections", s, "questions", q, "help"))


def homework_texts(session: Session, path: Path | None) -> Iterator[ParticipantText]:
    def at(*rest: str | int) -> Path | None:
        return None if path is None else (*path, *rest)

    for i, task in enumerate(session.preparation):
        yield from _task(task, f"{session.id}/preparation-{i + 1}", f"preparation {i + 1}", at("preparation", i))
    for i, homework in enumerate(session.homework):
        yield from _task(homework, f"{session.id}/{homework.id or f'homework-{i + 1}'}", f"homework: {homework.title}",
                         at("homework", i))


def _task(task: PrepTask | Assignment, ref: str, label: str, path: Path | None) -> Iterator[ParticipantText]:
    yield ParticipantText(task.text, "homework", ref, label, None if path is None else (*path, "text"))
    for q, question in enumerate(task.questions):
        yield ParticipantText(question, "homework", ref, label, None if path is None else (*path, "questions", q))


def goal_texts(training: Training, path: Path | None) -> Iterator[ParticipantText]:
    for i, goal in enumerate(training.goals):
        yield ParticipantText(goal, "goal", f"{training.id}/goal-{i + 1}", f"goal {i + 1}",
                              None if path is None else (*path, "goals", i))


def item_ref(session: Session, index: int) -> str:
    item = session.agenda[index]
    return item.id or f"{session.id}/item-{index + 1}"


def format_texts(fmt: WorkFormat, path: Path | None) -> Iterator[ParticipantText]:
    """A work format's assignment and its variants': read by participants wherever the format is used."""
    if fmt.assignment:
        yield ParticipantText(fmt.assignment, "assignment", fmt.id, f"work format {fmt.id}",
                              None if path is None else (*path, "assignment"))
    for v, variant in enumerate(fmt.variants):
        if variant.assignment:
            yield ParticipantText(variant.assignment, "assignment", f"{fmt.id}/{variant.id}",
                                  f"work format {fmt.id}, variant {variant.id}",
                                  None if path is None else (*path, "variants", v, "assignment"))


def pack_texts(pack: Pack) -> Iterator[ParticipantText]:
    """Every participant text of a pack, each once, at the place it is written."""
    for t, training in enumerate(pack.trainings):
        yield from goal_texts(training, ("trainings", t))
        for h, handout in enumerate(training.handouts):
            yield from handout_texts(handout, ("trainings", t, "handouts", h))
        for s, session in enumerate(training.sessions):
            sp: Path = ("trainings", t, "sessions", s)
            for i, item in enumerate(session.agenda):
                if item.assignment:
                    yield ParticipantText(item.assignment, "assignment", item_ref(session, i),
                                          f"{item.title} (assignment)", (*sp, "agenda", i, "assignment"))
            yield from homework_texts(session, sp)
    for f, fmt in enumerate(pack.work_formats):
        yield from format_texts(fmt, ("work_formats", f))
    for c, case in enumerate(pack.cases):
        yield from case_texts(case, ("cases", c))
    for m, meter in enumerate(pack.meters):
        yield from meter_texts(meter, ("meters", m))
    for q, form in enumerate(pack.questionnaires):
        yield from form_texts(form, ("questionnaires", q))


def _paths(pack: Pack) -> dict[int, Path]:
    """Field path of every model object in the pack, by identity (texts of other packs get none)."""
    found: dict[int, Path] = {}

    def walk(obj: object, path: Path) -> None:
        if isinstance(obj, list):
            for i, item in enumerate(obj):
                walk(item, (*path, i))
        elif attrs.has(type(obj)):
            found[id(obj)] = path
            for f in attrs.fields(cast("type[attrs.AttrsInstance]", type(obj))):
                value = getattr(obj, f.name)
                if isinstance(value, list) or attrs.has(type(value)):
                    walk(value, (*path, f.name))

    walk(pack, ())
    return found


def session_texts(view: TrainingView) -> list[tuple[str, list[ParticipantText]]]:
    """The training's participant texts grouped as participants meet them: the training's goals and meters
    first, then per session its assignments, hand-outs, forms, newly revealed case layers and homework."""
    where = _paths(view.pack).get
    first: list[ParticipantText] = list(goal_texts(view.training, where(id(view.training))))
    for meter in view.meters:
        first += meter_texts(meter, where(id(meter)))
    groups = [(view.training.title, first)]
    for session in view.sessions:
        groups.append((session.name, list(_session(view, session, where))))
    return groups


def _session(view: TrainingView, session: SessionView, lookup: Lookup) -> Iterator[ParticipantText]:
    for item in session.items:
        if item.assignment:
            ref, path = _assignment_source(session.session, item, lookup)
            yield ParticipantText(item.assignment, "assignment", ref, f"{item.title} (assignment)", path)
    for handout in view.handouts_in(session):
        yield from handout_texts(handout, lookup(id(handout)))
    for form in view.questionnaires_in(session):
        yield from form_texts(form, lookup(id(form)))
    for case in view.cases:
        layers = view.revealed_in(case, "participants", session.index)
        if layers:
            yield from case_texts(case, lookup(id(case)), layers)
    yield from homework_texts(session.session, lookup(id(session.session)))


def _assignment_source(session: Session, item: ItemView, lookup: Lookup) -> tuple[str, Path | None]:
    """Ref and path of the item's resolved assignment, where it is written: the item, its variant or its format
    (the same ref `check` reports, so accepting it there covers it here)."""
    if item.item.assignment:
        base = lookup(id(item.item))
        return item_ref(session, item.index), None if base is None else (*base, "assignment")
    fmt, variant = item.work_format, item.variant
    if fmt is not None and variant is not None and variant.assignment:
        base = lookup(id(variant))
        return f"{fmt.id}/{variant.id}", None if base is None else (*base, "assignment")
    base = lookup(id(fmt)) if fmt is not None else None
    return (fmt.id if fmt else item_ref(session, item.index)), None if base is None else (*base, "assignment")


def glossary_used(text: str, glossary: Sequence[GlossaryEntry]) -> list[GlossaryEntry]:
    """The glossary entries a text uses (any spelling, as a whole word), in glossary order.

    Case counts: 'avg' (a doctor) and 'AVG' (the privacy law) are different entries; list other spellings of
    the same term in ``aliases``.
    """
    return [entry for entry in glossary if any(mentions(text, spelling) for spelling in entry.spellings)]


def spelled_out(text: str, entry: GlossaryEntry) -> str | None:
    """``text`` with the first mention of ``entry`` written out ('Wlz' -> 'Wlz (Wet langdurige zorg)'), or None
    when the text does not mention it. A text that already writes it out is left as it is."""
    longest_first = sorted(entry.spellings, key=len, reverse=True)  # 'FACT-team' before 'FACT'
    found = next((m for spelling in longest_first if (m := _term_pattern(spelling).search(text))), None)
    if found is None:
        return None
    if entry.expansion.casefold() in text.casefold():
        return text
    return f"{text[:found.end()]} ({entry.expansion}){text[found.end():]}"


def mentions(text: str, term: str) -> bool:
    # The plain substring test first: most texts hold few of a glossary's terms, and it is far cheaper than
    # compiling and running the whole-word pattern (which can only match where the term itself is).
    return term.strip() in text and _term_pattern(term).search(text) is not None


def _term_pattern(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(term.strip())}(?![\w])")
