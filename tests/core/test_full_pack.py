"""The test pack that uses every model concept loads, checks clean, shows and exports a handbook."""

from __future__ import annotations

from pathlib import Path

from draaiboek.api import load_pack
from draaiboek.model import Duration
from tests.support import FULL_PACK, RunCli


def test_full_pack_holds_every_concept() -> None:
    pack = load_pack(FULL_PACK)
    training = pack.trainings[0]
    assert [s.id for s in training.sessions] == ["s1", "s2", "s3"]
    s1, s2, s3 = training.sessions
    assert s1.agenda[1].steps[1].minutes == Duration(15, 20)
    assert s1.agenda[1].steps[1].grouping == "subgroups"
    assert s1.agenda_duration == Duration(100, 110)
    assert s2.duration == Duration(90, 120)
    assert s3.phase == "follow_up" and s3.timing == "three months later"
    assert training.preparation[0].days_before == 14
    assert training.intake is not None
    assert [t.topic for t in training.intake.topics] == ["Route of the conversation", "Mandate"]
    assert training.aftercare[0].template is not None
    assert [f.name for f in training.aftercare[0].template.fields] == ["date", "name", "topic"]
    assert {li.role for li in training.literature} == {"participant_reading", "trainer_background", "further_reading"}
    assert [h.included for h in training.handouts] == [True, True, False]
    case = pack.cases[0]
    assert case.choice_group == pack.cases[1].choice_group == "lvb-case"
    assert {layer.id: [r.session for r in layer.reveal] for layer in case.layers} == {
        "reg": ["s1"], "behaviour": ["s1"], "later": ["s2"], "actor": []}
    meter = pack.meters[0]
    assert [m.id for m in meter.moments] == ["before", "after", "later"]
    assert meter.analysis.strengths == 3
    assert [p.label for p in meter.scale.points] == ["not yet", "a little", "mostly", "fully"]
    assert {q.type for q in pack.questionnaires[1].sections[0].questions} == {"open", "scale", "choice", "yes_no"}
    assert pack.work_formats[2].techniques == ["wf-relay"]
    assert pack.editorial_notes[0].basis[0].source == "manual"


def test_check_is_clean_with_accepted_warning(run_cli: RunCli) -> None:
    result = run_cli("check", str(FULL_PACK))
    assert result.exit_code == 0, result.output
    assert "full: ok (0 errors, 1 warnings, 1 accepted)" in result.output
    assert "[accepted: The source measures this outcome only by observation" in result.output


def test_show_prints_clock_times_from_start(run_cli: RunCli) -> None:
    result = run_cli("show", str(FULL_PACK), "--start", "13:30")
    assert result.exit_code == 0, result.output
    assert "13:30-13:40  Welcome  [Speed dating]  (10 min)" in result.output
    # Ranges are planned at their upper bound: the route takes 30 min, then the break.
    assert "14:10-14:25  Break  (15 min)" in result.output
    assert "Session 2: Going deeper (s2, 90-120 min; agenda 90-100 min)" in result.output
    assert "meter: Competence meter (2 domains, 7 statements; Before, After, Three months later)" in result.output


def test_handbook_reads_as_a_trainer_manual(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "handbook.md"
    result = run_cli("export", "handbook", str(FULL_PACK), "-o", str(out), "--start", "08:30")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for expected in [
        "# Talking with clients",
        "- [ ] **two weeks before**: Phone the commissioning party",
        "| 08:30-08:40 | Welcome | Speed dating |  | 10 |",
        "| | **Total** | | | **100-110** |",
        "2. **Discuss** (15-20 min, in subgroups, 3-4): Use the questions.",
        "**Behaviour** (for role player, trainers; from Getting started)",
        "**Actor brief** (for actor)",
        "**Scale**: 1 = not yet · 2 = a little · 3 = mostly · 4 = fully",
        "### Regional intake model *(not included)* *(optional)*",
        "> Dear {name},",
        "- `{topic}`: what was discussed",
        "### Participant reading",
        "**Uses technique**: Relay",
        "## Editorial decisions",
        "Imaginary manual (2020), Test Press; reused with attribution. (Reuse allowed with attribution)",
    ]:
        assert expected in text, expected
