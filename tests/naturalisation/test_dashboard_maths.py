"""Dashboard maths: percentiles, median, age buckets, throughput and the backlog forecast."""

from __future__ import annotations

import datetime as dt

from lotse.naturalisation import stats

TODAY = dt.date(2026, 11, 15)


def test_nearest_rank_percentile_is_a_real_value():
    values = list(range(1, 11))  # 1..10
    assert stats.percentile(values, 90) == 9
    assert stats.percentile(values, 50) == 5
    assert stats.percentile(values, 100) == 10
    assert stats.percentile([42], 90) == 42
    assert stats.percentile([], 90) is None


def test_median_of_even_count_is_mean_of_the_middle_two():
    assert stats.median([100, 300, 200, 400]) == 250
    assert stats.median([5, 1, 3]) == 3
    assert stats.median([]) is None


def test_age_buckets_have_inclusive_boundaries():
    assert stats.age_bucket(90) == "0–3"
    assert stats.age_bucket(91) == "3–6"
    assert stats.age_bucket(365) == "6–12"
    assert stats.age_bucket(731) == "> 24"


def test_pending_are_counted_by_step_and_age():
    pending = [
        ("received", TODAY),
        ("received", TODAY - dt.timedelta(days=200)),
        ("complete", TODAY),
    ]
    table = stats.pending_by_age_and_step(pending, TODAY)
    assert table["received"] == {"0–3": 1, "6–12": 1}
    assert table["complete"] == {"0–3": 1}


def test_months_back_are_the_full_months_before_this_one():
    assert stats.months_back(dt.date(2026, 2, 10), 3) == ["2025-11", "2025-12", "2026-01"]


def test_forecast_divides_backlog_by_mean_monthly_decisions():
    # 12 decisions in the last 6 full months -> 2 a month; 10 open -> 5 months.
    decided = [dt.date(2026, m, 10) for m in range(5, 11) for _ in range(2)]
    rate, cleared = stats.forecast_clearance(10, decided, TODAY)
    assert rate == 2
    assert cleared == TODAY + dt.timedelta(days=153)  # ceil(5 * 30.4375)


def test_no_forecast_without_decisions_and_cleared_today_without_backlog():
    assert stats.forecast_clearance(5, [], TODAY) == (0, None)
    assert stats.forecast_clearance(0, [], TODAY)[1] == TODAY


def test_decisions_of_this_month_do_not_count_for_the_rate():
    rate, _ = stats.forecast_clearance(3, [TODAY], TODAY)
    assert rate == 0


def test_throughput_groups_by_calendar_month():
    days = [dt.date(2026, 1, 31), dt.date(2026, 1, 1), dt.date(2026, 2, 1)]
    assert stats.throughput_per_month(days) == {"2026-01": 2, "2026-02": 1}
