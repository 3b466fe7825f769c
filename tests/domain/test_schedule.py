"""Sending windows, delays, local days and pacing gaps (all datetimes naive UTC)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.domain.schedule import (
    SendingWindow,
    delay_delta,
    local_day_bounds,
    pick_gap,
    zone,
)

PARIS_OFFICE = {
    "timezone": "Europe/Paris",
    "window": {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "18:00"},
}


@pytest.fixture
def paris() -> SendingWindow:
    return SendingWindow.from_settings(PARIS_OFFICE)


# 2026-01-12 is a Monday; Paris is UTC+1 in January.
@pytest.mark.parametrize(
    ("at_utc", "inside"),
    [
        (datetime(2026, 1, 12, 7, 59), False),  # 08:59 Paris
        (datetime(2026, 1, 12, 8, 0), True),  # 09:00 Paris: the window opens
        (datetime(2026, 1, 12, 12, 0), True),
        (datetime(2026, 1, 12, 16, 59), True),  # 17:59 Paris
        (datetime(2026, 1, 12, 17, 0), False),  # 18:00 Paris: closed
        (datetime(2026, 1, 12, 22, 0), False),
        (datetime(2026, 1, 17, 12, 0), False),  # Saturday noon
        (datetime(2026, 1, 18, 12, 0), False),  # Sunday noon
    ],
)
def test_contains_follows_days_and_hours_in_the_campaign_zone(paris, at_utc, inside):
    assert paris.contains(at_utc) is inside


def test_weekend_is_open_only_when_its_days_are_listed():
    settings = {
        "timezone": "Europe/Paris",
        "window": {"days": ["sat", "sun"], "start": "10:00", "end": "12:00"},
    }
    window = SendingWindow.from_settings(settings)
    assert window.contains(datetime(2026, 1, 17, 10, 30))  # Saturday 11:30 Paris
    assert not window.contains(datetime(2026, 1, 12, 10, 30))  # Monday
    # From Monday the next slot is Saturday 10:00 Paris.
    assert window.next_open(datetime(2026, 1, 12, 10, 30)) == datetime(2026, 1, 17, 9, 0)


def test_next_open_before_opening_waits_for_the_opening(paris):
    assert paris.next_open(datetime(2026, 1, 12, 5, 0)) == datetime(2026, 1, 12, 8, 0)


def test_next_open_inside_the_window_is_now(paris):
    now = datetime(2026, 1, 13, 10, 17, 42)
    assert paris.next_open(now) == now


def test_next_open_after_closing_is_the_next_morning(paris):
    assert paris.next_open(datetime(2026, 1, 13, 17, 0)) == datetime(2026, 1, 14, 8, 0)
    # Late evening UTC is already the next local day in Paris (00:30 Wednesday).
    assert paris.next_open(datetime(2026, 1, 13, 23, 30)) == datetime(2026, 1, 14, 8, 0)


def test_next_open_on_friday_evening_is_monday_morning(paris):
    friday_evening = datetime(2026, 1, 16, 18, 30)  # 19:30 Paris
    assert paris.next_open(friday_evening) == datetime(2026, 1, 19, 8, 0)
    saturday = datetime(2026, 1, 17, 9, 0)
    assert paris.next_open(saturday) == datetime(2026, 1, 19, 8, 0)


def test_the_contact_zone_overrides_the_campaign_zone():
    campaign = SendingWindow.from_settings(PARIS_OFFICE)
    new_york = SendingWindow.from_settings(PARIS_OFFICE, "America/New_York")
    monday_9_utc = datetime(2026, 1, 12, 9, 0)  # 10:00 Paris, 04:00 New York
    assert campaign.contains(monday_9_utc)
    assert not new_york.contains(monday_9_utc)
    # 09:00 in New York (UTC-5 in January) is 14:00 UTC.
    assert new_york.next_open(monday_9_utc) == datetime(2026, 1, 12, 14, 0)
    # 17:30 UTC: closed in Paris (18:30), open in New York (12:30).
    assert not campaign.contains(datetime(2026, 1, 12, 17, 30))
    assert new_york.contains(datetime(2026, 1, 12, 17, 30))


def test_an_unknown_or_empty_contact_zone_keeps_the_campaign_zone():
    for override in (None, "", "Mars/Olympus_Mons"):
        window = SendingWindow.from_settings(PARIS_OFFICE, override)
        assert window.timezone.key == "Europe/Paris"


def test_opening_hour_in_utc_moves_with_dst_in_paris(paris):
    # Summer time starts on Sunday 29 March 2026 and ends on Sunday 25 October 2026.
    assert paris.next_open(datetime(2026, 3, 27, 0, 0)) == datetime(2026, 3, 27, 8, 0)  # winter
    assert paris.next_open(datetime(2026, 3, 30, 0, 0)) == datetime(2026, 3, 30, 7, 0)  # summer
    assert paris.contains(datetime(2026, 3, 30, 7, 0))
    assert not paris.contains(datetime(2026, 3, 27, 7, 30))
    assert paris.next_open(datetime(2026, 10, 23, 0, 0)) == datetime(2026, 10, 23, 7, 0)
    assert paris.next_open(datetime(2026, 10, 26, 0, 0)) == datetime(2026, 10, 26, 8, 0)


def test_next_open_across_the_dst_change_is_nine_local_on_both_sides(paris):
    tz = zone("Europe/Paris")
    # Friday evening before each change → Monday after it, 09:00 local either way.
    for friday_evening, monday_opening in (
        (datetime(2026, 3, 27, 17, 30), datetime(2026, 3, 30, 7, 0)),
        (datetime(2026, 10, 23, 16, 30), datetime(2026, 10, 26, 8, 0)),
    ):
        opening = paris.next_open(friday_evening)
        assert opening == monday_opening
        local = opening.replace(tzinfo=zone("UTC")).astimezone(tz)
        assert (local.hour, local.minute, local.weekday()) == (9, 0, 0)


def test_a_window_that_sends_on_the_dst_sunday_opens_at_nine_local():
    sundays = {**PARIS_OFFICE, "window": {**PARIS_OFFICE["window"], "days": ["sun"]}}
    window = SendingWindow.from_settings(sundays)
    # Saturday 28 March (winter) evening → Sunday 29 March 09:00 CEST = 07:00 UTC.
    assert window.next_open(datetime(2026, 3, 28, 20, 0)) == datetime(2026, 3, 29, 7, 0)
    # Saturday 24 October (summer) evening → Sunday 25 October 09:00 CET = 08:00 UTC.
    assert window.next_open(datetime(2026, 10, 24, 20, 0)) == datetime(2026, 10, 25, 8, 0)


def test_local_day_bounds_last_23_hours_and_25_hours_on_dst_days():
    tz = zone("Europe/Paris")
    start, end = local_day_bounds(datetime(2026, 3, 29, 12, 0), tz)
    assert (start, end) == (datetime(2026, 3, 28, 23, 0), datetime(2026, 3, 29, 22, 0))
    assert end - start == timedelta(hours=23)
    start, end = local_day_bounds(datetime(2026, 10, 25, 12, 0), tz)
    assert (start, end) == (datetime(2026, 10, 24, 22, 0), datetime(2026, 10, 25, 23, 0))
    assert end - start == timedelta(hours=25)
    start, end = local_day_bounds(datetime(2026, 1, 12, 23, 30), tz)  # 00:30 on the 13th
    assert (start, end) == (datetime(2026, 1, 12, 23, 0), datetime(2026, 1, 13, 23, 0))


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (30, "minutes", timedelta(minutes=30)),
        (2, "hours", timedelta(hours=2)),
        (3, "days", timedelta(days=3)),
        (1.5, "days", timedelta(hours=36)),
        (0, "days", timedelta(0)),
    ],
)
def test_delay_delta_units(amount, unit, expected):
    assert delay_delta(amount, unit) == expected


def test_delay_delta_refuses_an_unknown_unit():
    with pytest.raises(FluenzrError, match="weeks"):
        delay_delta(1, "weeks")


def test_pick_gap_stays_inside_the_range_and_varies():
    rng = random.Random(7)
    gaps = [pick_gap([60, 180], rng) for _ in range(500)]
    assert all(timedelta(seconds=60) <= gap <= timedelta(seconds=180) for gap in gaps)
    assert len(set(gaps)) > 100  # random, not a constant


def test_pick_gap_is_zero_for_zero_range_and_fixed_for_equal_bounds():
    rng = random.Random(1)
    assert pick_gap([0, 0], rng) == timedelta(0)
    assert pick_gap([], rng) == timedelta(0)
    assert pick_gap([45, 45], rng) == timedelta(seconds=45)


@pytest.mark.parametrize(
    ("window", "field"),
    [
        ("9 to 5", "settings.window"),
        ({"days": ["funday"]}, "settings.window.days"),
        ({"days": []}, "settings.window.days"),
        ({"start": "9h"}, "settings.window.start"),
        ({"start": "25:00"}, "settings.window.start"),
        ({"end": "18:75"}, "settings.window.end"),
        ({"end": None}, "settings.window.end"),
        ({"start": "18:00", "end": "09:00"}, "settings.window"),
        ({"start": "10:00", "end": "10:00"}, "settings.window"),
    ],
)
def test_bad_window_settings_raise_an_error_naming_the_field(window, field):
    with pytest.raises(FluenzrError) as caught:
        SendingWindow.from_settings({"timezone": "Europe/Paris", "window": window})
    assert str(caught.value).startswith(field)


def test_missing_window_means_weekdays_nine_to_six():
    window = SendingWindow.from_settings({"timezone": "Europe/Paris"})
    assert window.contains(datetime(2026, 1, 12, 8, 0))
    assert not window.contains(datetime(2026, 1, 17, 12, 0))


def test_a_one_day_window_after_closing_opens_a_week_later():
    tuesdays = {"timezone": "UTC", "window": {"days": ["tue"], "start": "09:00", "end": "10:00"}}
    window = SendingWindow.from_settings(tuesdays)
    assert window.next_open(datetime(2026, 1, 13, 10, 0)) == datetime(2026, 1, 20, 9, 0)


def test_a_null_window_means_the_defaults():
    window = SendingWindow.from_settings({"timezone": "UTC", "window": None})
    assert window.contains(datetime(2026, 1, 12, 9, 0))
    assert not window.contains(datetime(2026, 1, 12, 18, 0))
