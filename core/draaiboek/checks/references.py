"""References: every id a pack mentions points at something of the right kind, here or in another pack."""

from __future__ import annotations

from collections.abc import Iterator

from draaiboek.checks.base import Finding, error
from draaiboek.checks.closest import Candidates
from draaiboek.checks.walk import Finder
from draaiboek.model import (
    Case,
    CaseLayer,
    Handout,
    LearningOutcome,
    Meter,
    Pack,
    Questionnaire,
    Session,
    SourceRef,
    WorkFormat,
)
from draaiboek.refs import Resolver, iter_identified, kind_of, split_ref

Path = tuple[str | int, ...]
INSTRUMENT = (Meter, Questionnaire)


def did_you_mean(wrong: str, known: list[str] | Candidates) -> str | None:
    """'did you mean ...?' for the closest other id; never the wrong id itself (it may exist, but be invalid)."""
    close = (known if isinstance(known, Candidates) else Candidates(known)).closest(wrong)
    return f"did you mean '{close}'?" if close else None


class Hints:
    """'did you mean' for one check run: the ids of each kind listed once, each unknown id matched once."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.ids: dict[tuple[type, ...], Candidates] = {}
        self.close: dict[tuple[str, tuple[type, ...]], str | None] = {}

    def __call__(self, wrong: str, classes: tuple[type, ...]) -> str | None:
        key = (wrong, classes)
        if key not in self.close:
            if classes not in self.ids:
                self.ids[classes] = Candidates([ident for ident, obj, _ in iter_identified(self.pack)
                                                if isinstance(obj, classes)])
            self.close[key] = did_you_mean(wrong, self.ids[classes])
        return self.close[key]


def resolve(pack: Pack, resolver: Resolver, ref: str, classes: tuple[type, ...], what: str, path: Path,
            local_only: bool = False, hints: Hints | None = None) -> Iterator[Finding]:
    pack_id, ident = split_ref(ref)
    if pack_id is not None and pack_id != pack.id:
        if local_only:
            yield error("REF004", f"{what} '{ref}' must be in this pack", path, "remove the 'pack:' prefix", ref)
            return
        if not resolver.has_pack(pack_id):
            yield error("REF002", f"{what} '{ref}' refers to pack '{pack_id}', which is not installed", path,
                        "install that pack, or check the id with 'draaiboek packs'", ref)
            return
    found = resolver.lookup(ref)
    if found is None:
        close = (hints or Hints(pack))(ident, classes) if pack_id in (None, pack.id) else None
        hint = close or "check the id"
        yield error("REF001", f"unknown {what} '{ref}'", path, hint, ref)
    elif not isinstance(found, classes):
        yield error("REF003", f"'{ref}' is a {kind_of(found)}, not a {what}", path, None, ref)


def _check_sources(pack: Pack) -> Iterator[Finding]:
    known = [s.id for s in pack.sources]
    known_set, candidates = set(known), Candidates(known)
    finder = Finder(lambda tp: tp is SourceRef,
                    obj=lambda value: type(value) is SourceRef and value.source not in known_set)
    close: dict[str, str | None] = {}
    for obj, path in finder.find(pack):
        if obj.source not in close:
            close[obj.source] = did_you_mean(obj.source, candidates)
        hint = close[obj.source] or "add it to 'sources' in pack.yaml"
        yield error("REF005", f"unknown source '{obj.source}'", (*path, "source"), hint, obj.source)


def _technique_cycles(pack: Pack) -> Iterator[Finding]:
    uses = {wf.id: [split_ref(t)[1] for t in wf.techniques if split_ref(t)[0] in (None, pack.id)]
            for wf in pack.work_formats}
    for w, wf in enumerate(pack.work_formats):
        stack, seen = list(uses.get(wf.id, [])), set()
        while stack:
            current = stack.pop()
            if current == wf.id:
                yield error("REF006", f"work format '{wf.id}' uses itself through its techniques",
                            ("work_formats", w, "techniques"), "remove the reference that closes the circle", wf.id)
                break
            if current not in seen:
                seen.add(current)
                stack.extend(uses.get(current, []))


def check_reveals(pack: Pack, resolver: Resolver, layer: CaseLayer, lp: Path, hints: Hints | None = None,
                  ) -> Iterator[Finding]:
    """A reveal names a session of this pack and, optionally, one of that session's agenda items."""
    hints = hints or Hints(pack)
    for j, reveal in enumerate(layer.reveal):
        rp: Path = (*lp, "reveal", j) if len(layer.reveal) > 1 else (*lp, "reveal")
        shorthand = (reveal.at, reveal.after, reveal.audience) == (None, None, [])
        yield from resolve(pack, resolver, reveal.session, (Session,), "session", rp if shorthand else (*rp, "session"),
                           True, hints)
        if reveal.at and reveal.after:
            yield error("REVEAL001", "a reveal has both 'at' and 'after'", rp, "keep one of them")
        item_id = reveal.at or reveal.after
        session = resolver.get(reveal.session, Session)
        if item_id and session is not None:
            ids = [item.id for item in session.agenda if item.id]
            if item_id not in ids:
                hint = did_you_mean(item_id, ids) or (
                    f"agenda item ids in '{session.id}': {', '.join(ids)}" if ids
                    else f"give the agenda item in '{session.id}' an id")
                yield error("REVEAL002", f"session '{session.id}' has no agenda item '{item_id}'",
                            (*rp, "at" if reveal.at else "after"), hint, item_id)
        for k, audience in enumerate(reveal.audience):
            if audience not in layer.audience and audience != "trainers":
                yield error("REVEAL003", f"the reveal names audience '{audience}', which the layer is not for",
                            (*rp, "audience", k), f"add it to the layer's audience ({', '.join(layer.audience)})")


def check_references(pack: Pack, resolver: Resolver) -> Iterator[Finding]:
    hints = Hints(pack)

    def r(ref: str, classes: tuple[type, ...], what: str, path: Path, local: bool = False) -> Iterator[Finding]:
        return resolve(pack, resolver, ref, classes, what, path, local, hints)

    yield from _check_sources(pack)
    yield from _technique_cycles(pack)
    for t, training in enumerate(pack.trainings):
        tp: Path = ("trainings", t)
        for i, ref in enumerate(training.instruments):
            yield from r(ref, INSTRUMENT, "instrument", (*tp, "instruments", i))
        for i, ref in enumerate(training.cases):
            yield from r(ref, (Case,), "case", (*tp, "cases", i))
        for h, handout in enumerate(training.handouts):
            for i, ref in enumerate(handout.sessions):
                yield from r(ref, (Session,), "session", (*tp, "handouts", h, "sessions", i), True)
        for li, literature in enumerate(training.literature):
            for i, ref in enumerate(literature.sessions):
                yield from r(ref, (Session,), "session", (*tp, "literature", li, "sessions", i), True)
        for s, session in enumerate(training.sessions):
            sp: Path = (*tp, "sessions", s)
            for p, prep in enumerate(session.preparation):
                for i, ref in enumerate(prep.refs):  # any kind will do: literature, handouts, instruments
                    yield from r(ref, (object,), "reference", (*sp, "preparation", p, "refs", i))
            for h, homework in enumerate(session.homework):
                if homework.due and training.session(homework.due) is None:
                    yield from r(homework.due, (Session,), "session", (*sp, "homework", h, "due"), True)
                for i, ref in enumerate(homework.instruments):
                    yield from r(ref, INSTRUMENT, "instrument", (*sp, "homework", h, "instruments", i))
            for a, item in enumerate(session.agenda):
                ap: Path = (*sp, "agenda", a)
                for i, ref in enumerate(item.outcomes):
                    yield from r(ref, (LearningOutcome,), "learning outcome", (*ap, "outcomes", i), True)
                if item.work_format:
                    yield from r(item.work_format, (WorkFormat,), "work format", (*ap, "work_format"))
                    work_format = resolver.work_format(item.work_format)
                    if item.variant and work_format and item.variant not in {v.id for v in work_format.variants}:
                        yield error("REF007", f"work format '{work_format.id}' has no variant '{item.variant}'",
                                    (*ap, "variant"),
                                    f"variants: {', '.join(v.id for v in work_format.variants) or 'none'}")
                elif item.variant:
                    yield error("REF007", "a variant needs a work_format", (*ap, "variant"))
                for i, ref in enumerate(item.cases):
                    yield from r(ref, (Case,), "case", (*ap, "cases", i))
                for i, ref in enumerate(item.handouts):
                    yield from r(ref, (Handout,), "handout", (*ap, "handouts", i))
                for i, ref in enumerate(item.instruments):
                    yield from r(ref, INSTRUMENT, "instrument", (*ap, "instruments", i))
    for w, wf in enumerate(pack.work_formats):
        for i, ref in enumerate(wf.techniques):
            yield from r(ref, (WorkFormat,), "work format", ("work_formats", w, "techniques", i))
    for c, case in enumerate(pack.cases):
        cp: Path = ("cases", c)
        for i, layer in enumerate(case.layers):
            yield from check_reveals(pack, resolver, layer, (*cp, "layers", i), hints)
        for i, card in enumerate(case.role_cards):
            for j, ref in enumerate(card.sessions):
                yield from r(ref, (Session,), "session", (*cp, "role_cards", i, "sessions", j), True)
        for i, step in enumerate(case.arc):
            yield from r(step.session, (Session,), "session", (*cp, "arc", i, "session"), True)
    for m, meter in enumerate(pack.meters):
        for i, statement in enumerate(meter.statements):
            for j, ref in enumerate(statement.outcomes):
                yield from r(ref, (LearningOutcome,), "learning outcome", ("meters", m, "statements", i, "outcomes", j))
        for i, moment in enumerate(meter.moments):
            if moment.session:
                yield from r(moment.session, (Session,), "session", ("meters", m, "moments", i, "session"), True)
    for q, questionnaire in enumerate(pack.questionnaires):
        for i, ref in enumerate(questionnaire.sessions):
            yield from r(ref, (Session,), "session", ("questionnaires", q, "sessions", i), True)
