"""The arithmetic of statistics: rates against delivered, medians, local days, periods."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.domain.stats import (
    Counts,
    DayRange,
    Figures,
    check_period,
    delay_median,
    duration_text,
    local_date,
    median,
    parse_day,
    percent_text,
    rate,
)
from tests.timing import PARIS, next_dst_change


def test_rates_are_against_delivered_and_tracked_delivered() -> None:
    counts = Counts(
        sent=40,
        sent_tracked_opens=30,
        sent_tracked_clicks=20,
        bounced_hard=3,
        bounced_soft=1,
        bounced_tracked_opens=2,
        bounced_tracked_clicks=0,
        replied=9,
        opened=14,
        clicked=5,
        unsubscribed=1,
        complained=1,
    )
    figures = Figures(counts)
    assert figures.bounced == 4
    assert figures.delivered == 36
    assert figures.delivered_tracked_opens == 28
    assert figures.delivered_tracked_clicks == 20
    rates = figures.rates()
    assert next(iter(rates)) == "reply_rate"
    assert rates["reply_rate"] == pytest.approx(9 / 36)
    assert rates["open_rate"] == pytest.approx(14 / 28)
    assert rates["click_rate"] == pytest.approx(5 / 20)
    assert rates["unsubscribe_rate"] == pytest.approx(2 / 36)
    assert rates["bounce_rate"] == pytest.approx(4 / 40)


def test_a_rate_without_denominator_is_none_and_shown_as_a_dash() -> None:
    figures = Figures(Counts(sent=3, bounced_hard=3, replied=0))
    assert figures.delivered == 0
    assert figures.rates()["reply_rate"] is None
    assert figures.rates()["open_rate"] is None  # nothing was tracked
    assert percent_text(None) == "—"
    assert percent_text(rate(1, 8)) == "12.5%"
    assert percent_text(rate(2, 3)) == "66.7%"


def test_counts_add_up_field_by_field() -> None:
    total = Counts(sent=2, replied=1)
    total.add(Counts(sent=3, opened=4))
    assert (total.sent, total.replied, total.opened) == (5, 1, 4)


def test_median_of_odd_even_and_empty() -> None:
    assert median([5, 1, 3]) == 3
    assert median([4, 1, 3, 2]) == 2.5
    assert median([]) is None


def test_time_to_first_reply_is_the_median_delay_and_skips_replies_before_any_email() -> None:
    delays = [3600.0, 3 * 3600.0, 50 * 3600.0, -2 * 3600.0]  # the last wrote to us first
    value, contacts = delay_median(delays)
    assert (value, contacts) == (3 * 3600, 3)
    assert delay_median([]) == (None, 0)


def test_durations_read_as_minutes_hours_or_days() -> None:
    assert duration_text(None) == "—"
    assert duration_text(25 * 60) == "25 min"
    assert duration_text(3 * 3600 + 5 * 60) == "3 h 05 min"
    assert duration_text(3 * 86400 + 4 * 3600) == "3 d 4 h"


def test_local_days_follow_the_time_zone_across_a_dst_change() -> None:
    change = next_dst_change(PARIS, back=True)  # a 25-hour day
    days = DayRange(change - timedelta(days=1), change + timedelta(days=1), PARIS)
    bounds = days.boundaries_utc()
    assert len(bounds) == 4
    assert bounds[2] - bounds[1] == timedelta(hours=25)
    assert bounds[1] - bounds[0] == timedelta(hours=24)
    # The first minute of the change's day (in UTC, the evening before) is that day.
    assert local_date(bounds[1], PARIS) == change
    assert local_date(bounds[1] - timedelta(minutes=1), PARIS) == change - timedelta(days=1)
    assert days.start_utc == bounds[0] and days.end_utc == bounds[-1]


def test_a_day_in_tokyo_starts_the_evening_before_in_utc() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    day = date.today() + timedelta(days=10)
    (start, end) = DayRange(day, day, tokyo).boundaries_utc()
    assert start == datetime.combine(day, datetime.min.time()) - timedelta(hours=9)
    assert end - start == timedelta(days=1)


def test_dates_typed_by_the_user_are_checked() -> None:
    assert parse_day("2031-02-03", "--from") == date(2031, 2, 3)
    with pytest.raises(FluenzrError, match="--to: expected a date as YYYY-MM-DD"):
        parse_day("03/02/2031", "--to")
    with pytest.raises(FluenzrError, match="is after"):
        check_period(date.today(), date.today() - timedelta(days=1))
    check_period(date.today(), date.today())
    check_period(None, date.today())
