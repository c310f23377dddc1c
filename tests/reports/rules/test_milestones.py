"""The plain sentences and milestones of DOMAIN.md's worked cases (§10), with every date
worked by hand here from the thresholds of §2, §4 and §5 (the arithmetic is in the
comments), never by asking the code a second time."""

from __future__ import annotations

from reports.rules.facts import ClientHistory
from reports.rules.milestones import Outlook, outlook
from reports.rules.recovery import classify
from tests.reports.rules.test_recovery import _case1, _case2, _case4, _case5, _case7, _case10
from tests.reports.rules_builders import SIX, client, d, intake, sub, visit

OK = {"quality_of_life": 10, "offending_days_28": 0}
STIGMA = ("addict", "abuser", "clean", "dirty", "relapse", "junkie", "alcoholic")


def _at(history: ClientHistory, on: str) -> Outlook:
    return outlook(history, classify(history, d(on)), d(on))


def _said(found: Outlook) -> list[str]:
    """Every sentence the client page and the summary can show."""
    lines = [c.sentence for c in found.classes]
    lines += [m.sentence for m in (*found.reached, *found.ahead)]
    return lines + ([found.next_step.sentence] if found.next_step else [])


def test_case_1_early_remission_then_sustained_twelve_months_after_b() -> None:
    found = _at(_case1("2024-04-15"), "2024-04-15")
    # B = 2024-01-15; 2024-04-15 is B + 3 months to the day.
    assert found.classes[0].sentence == (
        "In early remission from opioids since 2024-01-15: no criteria but craving for 3 months"
    )
    assert [m.sentence for m in found.reached] == [
        "Early remission from opioids, on 2024-04-15",
        "Full recovery, confirmed at the interview of 2024-04-15",
    ]
    # Sustained at B + 12 months = 2025-01-15; full recovery turns sustained at the same B + 12.
    assert [m.sentence for m in found.ahead] == [
        "Sustained remission from opioids on 2025-01-15: 12 months with no criteria but craving",
        "Full recovery becomes sustained on 2025-01-15",
    ]
    assert found.next is not None and found.next.on == d("2025-01-15")
    # 183 days after 2024-04-15: 15 (to 30 Apr) + 31 + 30 + 31 + 31 + 30 = 168 on 30 Sep,
    # + 15 = 2024-10-15.
    assert found.next_step is not None
    assert found.next_step.sentence == "Next interview by 2024-10-15, to keep the status up to date"


def test_case_1_a_day_earlier_is_still_working_towards_remission() -> None:
    found = _at(_case1("2024-04-14"), "2024-04-14")
    assert found.classes[0].sentence == (
        "Working towards remission from opioids: criteria were last present on 2024-01-15"
    )
    assert found.reached == ()
    # Health and citizenship hold (quality of life 10 = intake, no offending): only the
    # three months without criteria stand between the client and full recovery.
    assert [m.sentence for m in found.ahead] == [
        "Early remission from opioids on 2024-04-15: 3 months with no criteria but craving",
        "Full recovery on 2024-04-15 if there are no criteria but craving until then",
        "Sustained remission from opioids on 2025-01-15: 12 months with no criteria but craving",
    ]


def test_case_2_the_three_months_clip_to_29_february() -> None:
    found = _at(_case2("2023-11-30", "2024-02-28"), "2024-02-28")
    # 2023-11-30 + 3 months = 2024-02-29 (clipped); + 12 months = 2024-11-30.
    assert [m.on for m in found.ahead] == [d("2024-02-29"), d("2024-02-29"), d("2024-11-30")]


def test_case_4_full_recovery_waits_for_life_outside_a_controlled_environment() -> None:
    found = _at(_case4(), "2024-05-01")
    # From 2023-12-31 to 2024-05-01: 2024-04-30 is 4 months, 2024-05-31 would be 5.
    assert found.classes[0].sentence == (
        "In early remission from opioids since 2023-12-31: no criteria but craving for 4 months,"
        " while in a controlled environment"
    )
    ahead = [m.sentence for m in found.ahead]
    assert "Full recovery when the client lives outside a controlled environment" in ahead
    # Sobriety from the last use 2023-12-31: 1 month is 2024-01-31 (reached), 12 months
    # 2024-12-31 and 60 months 2028-12-31 (ahead).
    assert "Early sobriety, on 2024-01-31" in [m.sentence for m in found.reached]
    assert "Sobriety becomes sustained on 2024-12-31: 12 months without use" in ahead
    assert "Sobriety becomes stable on 2028-12-31: 60 months without use" in ahead
    # Conditions without a date come after every dated milestone.
    assert found.ahead[-1].on is None


def test_case_5_full_recovery_on_maintenance_becomes_stable_five_years_after_b() -> None:
    found = _at(_case5(), "2024-07-01")
    # From 2023-06-10 to 2024-07-01: 12 months (2024-06-10), not 13 (2024-07-10).
    assert found.classes[0].sentence == (
        "In sustained remission from opioids since 2023-06-10: no criteria but craving for"
        " 12 months, with maintenance medication"
    )
    ahead = {m.sentence: m.on for m in found.ahead}
    # B + 60 months = 2028-06-10, for full recovery's time frame and for sobriety alike.
    assert ahead["Full recovery becomes stable on 2028-06-10"] == d("2028-06-10")
    assert ahead["Sobriety becomes stable on 2028-06-10: 60 months without use"] == d("2028-06-10")
    reached = [m.sentence for m in found.reached]
    assert reached[:3] == [
        "Early sobriety, on 2023-07-10",
        "Early remission from opioids, on 2023-09-10",
        "Sustained remission from opioids, on 2024-06-10",
    ]


def test_case_7_partial_remission_then_full_before_sustained_partial() -> None:
    found = _at(_case7("2024-03-15"), "2024-03-15")
    assert found.classes[0].sentence == (
        "In early partial remission from alcohol since 2023-09-01: below the disorder"
        " threshold, the last criterion on 2024-02-20"
    )
    # A + 3 months = 2023-12-01 reached. Ahead: B + 3 = 2024-05-20 (full remission);
    # sustained partial at A + 12 = 2024-09-01 comes after full remission, so it is no
    # milestone; sustained full at B + 12 = 2025-02-20.
    assert [m.sentence for m in found.reached] == [
        "Early partial remission from alcohol, on 2023-12-01",
        "Partial recovery, confirmed at the interview of 2024-03-15",
    ]
    remission = [m.sentence for m in found.ahead if "remission from" in m.sentence]
    assert remission == [
        "Early remission from alcohol on 2024-05-20: 3 months with no criteria but craving",
        "Sustained remission from alcohol on 2025-02-20: 12 months with no criteria but craving",
    ]
    # No quality of life at intake, no BARC-10, offending days not asked: all still needed.
    assert (
        "Full recovery on 2024-05-20 if there are no criteria but craving until then, the"
        " BARC-10 score reaches 47 and there is no offending and no arrest in the 28 days"
        " before an interview"
    ) in [m.sentence for m in found.ahead]


def test_case_10_sobriety_becomes_stable_on_the_fifth_anniversary() -> None:
    found = _at(_case10("2024-01-31"), "2024-01-31")
    ahead = [m.sentence for m in found.ahead]
    # 2019-02-01 + 60 months = 2024-02-01, the day after the interview.
    assert "Sobriety becomes stable on 2024-02-01: 60 months without use" in ahead
    assert "Sustained sobriety, on 2020-02-01" in [m.sentence for m in found.reached]


def test_quality_of_life_below_intake_is_named_as_what_full_recovery_needs() -> None:
    history = client(
        intake("2025-01-10", sub(SIX, "2025-01-10"), quality_of_life=8, offending_days_28=0),
        visit("2025-06-10", sub(), quality_of_life=6, offending_days_28=0),
    )
    found = _at(history, "2025-06-10")
    assert found.ahead[-1].sentence == (
        "Full recovery when quality of life is back to its intake level of 8"
        " (or the BARC-10 score reaches 47)"
    )


def test_long_remission_is_said_in_years() -> None:
    history = client(
        intake("2020-01-10", sub(SIX, "2020-01-10"), **OK), visit("2023-03-01", sub(), **OK)
    )
    # 2020-01-10 to 2023-03-01: 37 whole months, 3 years.
    assert _at(history, "2023-03-01").classes[0].sentence == (
        "In sustained remission from opioids since 2020-01-10: no criteria but craving for 3 years"
    )


def test_unknown_status_offers_the_next_step() -> None:
    history = client(intake("2026-03-02", sub(SIX, "2026-03-02"), **OK))
    # 2026-03-02 + 183 days = 2026-09-01 is still known; 2026-09-02 is not.
    assert _at(history, "2026-09-01").next_step.sentence.startswith("Next interview by 2026-09-01")  # type: ignore[union-attr]
    found = _at(history, "2026-09-02")
    assert found.classes[0].sentence == (
        "Not assessed since 2026-03-02: the status for opioids is not known"
    )
    assert found.ahead == () and found.reached == ()
    # The status says since when; the step does not say it a second time.
    assert found.next_step is not None
    assert found.next_step.sentence == "A follow-up is due, to know where things stand now"


def test_classes_not_assessed_since_the_same_day_share_one_sentence() -> None:
    history = client(
        intake(
            "2026-03-02",
            sub(SIX, "2026-03-02"),
            sub(SIX, "2026-03-02", cls="alcohol", primary=False),
            **OK,
        )
    )
    # 2026-03-02 + 183 days = 2026-09-01; on 2026-09-02 neither status is known.
    assert [c.sentence for c in _at(history, "2026-09-02").classes] == [
        "Not assessed since 2026-03-02: the status for opioids and alcohol is not known"
    ]


AFTER_DISCHARGE = (
    "No interview is planned after the discharge of 2026-04-01, so no milestone ahead is"
    " listed. Full recovery stays the hope: if the client returns, a re-entry intake starts"
    " the path again"
)


def test_after_a_discharge_the_next_step_is_a_re_entry_intake_if_the_client_returns() -> None:
    history = client(
        intake("2026-03-02", sub(SIX, "2026-03-02"), **OK),
        visit("2026-04-01", sub(), kind="discharge", **OK),
    )
    # 2026-04-01 + 183 days = 2026-10-01: on 2026-12-01 the status is not known, and the
    # step no longer repeats "Not assessed since" after the status sentence.
    found = _at(history, "2026-12-01")
    assert [c.sentence for c in found.classes] == [
        "Not assessed since 2026-04-01: the status for opioids is not known"
    ]
    assert found.next_step is not None and found.next_step.sentence == AFTER_DISCHARGE
    # Known and discharged: the same step, since no interview is planned either.
    known = _at(history, "2026-05-01")
    assert known.next_step is not None and known.next_step.sentence == AFTER_DISCHARGE


def test_after_a_discharge_no_milestone_waits_for_an_interview_that_will_not_come() -> None:
    history = client(
        intake("2026-03-02", sub(SIX, "2026-03-02"), **OK),
        visit("2026-04-01", sub(), kind="discharge", **OK),
    )
    # B = 2026-03-02. On 2026-07-01 the status is known (2026-04-01 + 183 days is
    # 2026-10-01) and early remission's day, B + 3 months = 2026-06-02, has passed: an
    # open episode would list it "to confirm at the next interview", and sustained
    # remission on 2027-03-02. After the discharge nothing is ahead.
    found = _at(history, "2026-07-01")
    assert found.classes[0].sentence == (
        "Working towards remission from opioids: criteria were last present on 2026-03-02"
    )
    assert found.ahead == ()
    assert found.next_step is not None and found.next_step.sentence == AFTER_DISCHARGE
    # A re-entry intake on 2026-07-01 opens an episode: milestones are listed again
    # (B is now the intake's day when criteria were last met, 2026-06-20: + 3 months is
    # 2026-09-20).
    back = client(*history.assessments, intake("2026-07-01", sub(SIX, "2026-06-20"), **OK))
    again = _at(back, "2026-07-01")
    assert again.ahead[0].sentence == (
        "Early remission from opioids on 2026-09-20: 3 months with no criteria but craving"
    )


def test_no_interview_yet_asks_for_the_intake() -> None:
    found = outlook(client(), [], d("2026-01-01"))
    assert found.classes == ()
    assert found.next_step is not None
    assert found.next_step.sentence == "No completed interview yet: the intake is the next step"


def test_no_sentence_uses_a_stigmatising_word() -> None:
    cases = [
        _at(_case1("2024-04-15"), "2024-04-15"),
        _at(_case1("2024-04-14"), "2024-04-14"),
        _at(_case4(), "2024-05-01"),
        _at(_case5(), "2024-07-01"),
        _at(_case7("2024-03-15"), "2024-03-15"),
        _at(_case10("2024-01-31"), "2024-01-31"),
    ]
    for found in cases:
        for line in _said(found):
            words = line.lower().replace(",", " ").replace(":", " ").split()
            assert not set(words) & set(STIGMA), line


def test_a_milestone_whose_day_has_passed_since_the_last_interview_waits_for_the_next() -> None:
    # Case 1 with its second interview on 2024-12-01; read on 2025-02-01 (62 days later,
    # so the status is still known), the sustained remission (B + 12 months = 2025-01-15)
    # has come without an interview to confirm it.
    found = _at(_case1("2024-12-01"), "2025-02-01")
    assert [m.sentence for m in found.ahead] == [
        "Sustained remission from opioids on 2025-01-15: 12 months with no criteria but craving"
        " — to confirm at the next interview",
        "Full recovery becomes sustained on 2025-01-15 — to confirm at the next interview",
    ]
    assert [m.on for m in found.ahead] == [d("2025-01-15"), d("2025-01-15")]
    # Read on 2025-01-14 the same milestones are still simply ahead.
    before = _at(_case1("2024-12-01"), "2025-01-14")
    assert [m.sentence for m in before.ahead] == [
        "Sustained remission from opioids on 2025-01-15: 12 months with no criteria but craving",
        "Full recovery becomes sustained on 2025-01-15",
    ]
