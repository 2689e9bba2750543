from datetime import date
from importlib import resources

import pytest

from aspire_tui.domain.catalog import CatalogError, catalog, find_path, parse_catalog
from aspire_tui.domain.models import CheckIn, Goal, Reflection, Target
from aspire_tui.domain.progress import (
    achieved_count,
    format_amount,
    goal_progress,
    progress_by_goal,
)
from aspire_tui.domain.validation import (
    ValidationError,
    check_reflection,
    parse_checkin_amount,
    parse_date,
    parse_optional_date,
    parse_target,
    parse_title,
)

D = date(2026, 1, 1)


def goal(target: Target, goal_id: int = 1) -> Goal:
    return Goal(aspiration_id=1, title="g", target=target, created=D, id=goal_id)


def checkin(day: int, amount: float, goal_id: int = 1, checkin_id: int = 0) -> CheckIn:
    return CheckIn(goal_id=goal_id, on=date(2026, 1, day), amount=amount, id=checkin_id or day)


class TestProgress:
    def test_no_checkins_is_zero(self) -> None:
        p = goal_progress(goal(Target.number(3)), [])
        assert (p.done, p.fraction, p.percent, p.achieved) == (0, 0, 0, False)

    def test_partial_progress(self) -> None:
        p = goal_progress(goal(Target.number(3, "certs")), [checkin(1, 1), checkin(2, 1)])
        assert p.percent == 67
        assert not p.achieved

    def test_achieved_on_the_day_the_target_is_reached(self) -> None:
        p = goal_progress(goal(Target.number(3)), [checkin(9, 5), checkin(2, 1), checkin(5, 2)])
        assert p.achieved_on == date(2026, 1, 5)
        assert p.fraction == 1.0
        assert p.done == 8

    def test_percent_reaches_100_only_at_the_target(self) -> None:
        p = goal_progress(goal(Target.number(1000)), [checkin(1, 999)])
        assert p.percent == 99 and not p.achieved

    def test_correction_below_target_unachieves(self) -> None:
        p = goal_progress(goal(Target.number(2)), [checkin(1, 2), checkin(2, -1)])
        assert p.achieved_on is None
        assert p.percent == 50

    def test_negative_total_clamps_to_zero(self) -> None:
        assert goal_progress(goal(Target.number(2)), [checkin(1, -1)]).fraction == 0

    def test_done_goal(self) -> None:
        p = goal_progress(goal(Target.done()), [checkin(4, 1)])
        assert p.achieved_on == date(2026, 1, 4)
        assert p.percent == 100

    def test_other_goals_checkins_are_ignored(self) -> None:
        p = goal_progress(goal(Target.number(1)), [checkin(1, 1, goal_id=2)])
        assert not p.achieved

    def test_progress_by_goal_and_count(self) -> None:
        goals = [goal(Target.number(1), 1), goal(Target.number(2), 2)]
        progress = progress_by_goal(goals, [checkin(1, 1, 1), checkin(2, 1, 2, checkin_id=9)])
        assert achieved_count(progress.values()) == (1, 2)
        assert progress[2].percent == 50

    def test_format_amount(self) -> None:
        assert format_amount(3.0) == "3"
        assert format_amount(2.5) == "2.5"


class TestValidation:
    def test_title_is_trimmed_and_required(self) -> None:
        assert parse_title("  Lead   a team ") == "Lead a team"
        with pytest.raises(ValidationError, match="cannot be empty"):
            parse_title("   ")
        with pytest.raises(ValidationError, match="too long"):
            parse_title("x" * 201)

    @pytest.mark.parametrize(
        ("text", "amount", "unit", "done_only"),
        [
            ("3 certifications", 3, "certifications", False),
            ("10 clients", 10, "clients", False),
            ("2.5", 2.5, "", False),
            ("1,000 users", 1000, "users", False),
            ("", 1, "", True),
            ("   ", 1, "", True),
        ],
    )
    def test_targets(self, text: str, amount: float, unit: str, done_only: bool) -> None:
        assert parse_target(text) == Target(amount, unit, done_only)

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("0 clients", "positive"),
            ("-3 talks", "positive"),
            ("many clients", "start with a number"),
            ("1.2.3 x", "must be a number"),
            ("nan", "start with a number"),
            ("inf", "start with a number"),
            ("1e400 x", "start with a number"),
            ("3certs", "start with a number"),
            ("2,5 hours", "point for decimals"),
            ("9" * 400 + " x", "too large"),
            ("3 \x1b[31mred", "control characters"),
        ],
    )
    def test_bad_targets(self, text: str, message: str) -> None:
        with pytest.raises(ValidationError, match=message):
            parse_target(text)

    def test_numbers_take_commas_only_as_thousands(self) -> None:
        assert parse_checkin_amount("1,250.5") == 1250.5
        with pytest.raises(ValidationError, match="point for decimals"):
            parse_checkin_amount("0,5")
        with pytest.raises(ValidationError, match="must be a number"):
            parse_checkin_amount("12,34,5")

    def test_titles_refuse_control_characters(self) -> None:
        with pytest.raises(ValidationError, match="control characters"):
            parse_title("Lead \x1b[2J a team")

    def test_dates(self) -> None:
        assert parse_date("2026-02-28") == date(2026, 2, 28)
        assert parse_optional_date("  ") is None
        with pytest.raises(ValidationError, match="does not exist"):
            parse_date("2026-02-30")
        with pytest.raises(ValidationError, match="year-month-day"):
            parse_date("28/02/2026")

    def test_checkin_amount(self) -> None:
        assert parse_checkin_amount("-1") == -1
        with pytest.raises(ValidationError):
            parse_checkin_amount("0")
        with pytest.raises(ValidationError):
            parse_checkin_amount("lots")

    def test_empty_reflection_is_refused(self) -> None:
        with pytest.raises(ValidationError, match="at least one"):
            check_reflection(Reflection(on=D))


class TestCatalog:
    def test_the_three_example_paths_are_there(self) -> None:
        names = {p.name for p in catalog()}
        assert {"Join management", "Subject-matter expert", "Own a business"} <= names

    def test_own_business_is_honest_about_clients(self) -> None:
        path = find_path("business")
        assert path is not None and "clients become your boss" in path.costs.lower()

    def test_management_grows_to_the_whole_organisation(self) -> None:
        path = find_path("management")
        assert path is not None and "whole organisation" in path.summary

    def test_the_catalog_has_at_least_eight_paths_each_a_ladder(self) -> None:
        paths = catalog()
        assert len(paths) >= 8
        for path in paths:
            assert 4 <= len(path.levels) <= 6, path.key
            assert all(2 <= len(level.goals) <= 4 for level in path.levels), path.key
            assert path.serves and path.suits

    def test_own_business_asks_for_a_reason(self) -> None:
        business = find_path("business")
        assert business is not None and business.needs_reason
        assert [level.name for level in business.levels][:2] == [
            "Validate an idea",
            "First paying client",
        ]

    def test_starter_goals_are_measurable(self) -> None:
        first = catalog()[0].levels[0].goals
        assert first[0].target.done_only
        assert first[1].target == Target.number(12, "weeks")


BROKEN_CATALOGS = {
    "not json": ("{nope", "not valid JSON"),
    "no paths": ('{"paths": []}', "no 'paths'"),
    "missing fields": ('{"paths": [{"key": "x"}]}', "wrong fields"),
}


def _entry(**changes: object) -> str:
    import json

    good = json.loads(
        resources.files("aspire_tui.domain").joinpath("catalog.json").read_text("utf-8")
    )["paths"][0]
    return json.dumps({"paths": [{**good, **changes}]})


class TestBrokenCatalog:
    @pytest.mark.parametrize(("raw", "message"), BROKEN_CATALOGS.values(), ids=BROKEN_CATALOGS)
    def test_shape(self, raw: str, message: str) -> None:
        with pytest.raises(CatalogError, match=message):
            parse_catalog(raw)

    def test_too_few_levels(self) -> None:
        with pytest.raises(CatalogError, match="4 to 6 levels"):
            parse_catalog(_entry(levels=[]))

    def test_unknown_driver(self) -> None:
        with pytest.raises(CatalogError, match="unknown driver"):
            parse_catalog(_entry(serves=["fame"]))

    def test_unmeasurable_starter_goal(self) -> None:
        level = {
            "name": "x",
            "goals": [{"title": "a", "target": "lots"}, {"title": "b", "target": ""}],
        }
        with pytest.raises(CatalogError, match="level 1, goal 1"):
            parse_catalog(_entry(levels=[level] * 4))

    def test_a_priced_path_must_carry_its_question(self) -> None:
        with pytest.raises(CatalogError, match="reason_prompt"):
            parse_catalog(_entry(needs_reason=True, reason_prompt=""))
        with pytest.raises(CatalogError, match="reason_prompt"):
            parse_catalog(_entry(needs_reason=False, reason_prompt="Why?"))


def test_targets_and_amounts_have_a_sane_ceiling() -> None:
    with pytest.raises(ValidationError, match="too large"):
        parse_target("99999999999999999999999 words")
    with pytest.raises(ValidationError, match="too large"):
        parse_checkin_amount("-2000000000000")
    assert parse_target("1,000,000 words").amount == 1_000_000
