"""Telling people from machines: one test per rule, with the user agents real clients send.

The rules are pure: each test passes the message's send time explicitly, so a fixed instant
is enough (nothing here reads the clock or depends on today's date).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from fluenzr_desktop.domain.tracking_verdicts import (
    LINK_BURST_WINDOW,
    TOO_SOON_AFTER_SEND,
    Hit,
    Reason,
    Verdict,
    VerdictKind,
    implied_open,
    judge_hit,
    judge_message_hits,
)

SENT_AT = datetime(2026, 3, 2, 9, 0)

# Mail clients fetching the pixel themselves (sources: ua-parser/uap-core issue 528 for Apple
# Mail on macOS; MDN's Gecko reference and a parser's test data for Thunderbird; Outlook's
# "Microsoft Office/16.0 ..." and "ms-office" forms from shon/httpagentparser issue 91).
APPLE_MAIL_MACOS = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
)
APPLE_MAIL_IOS = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Mobile/15E148"
)
OUTLOOK_WINDOWS = "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)"
OUTLOOK_WINDOWS_MSOFFICE = (
    "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; "
    ".NET CLR 2.0.50727; .NET CLR 3.0.30729; .NET CLR 3.5.30729; Microsoft Outlook 16.0.5257; "
    "ms-office; MSOffice 16)"
)
OUTLOOK_COM_IN_EDGE = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0"
)
THUNDERBIRD = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Thunderbird/115.6.0"
)
CHROME_MAC = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36"
)
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.4 Mobile/15E148 Safari/604.1"
)

# Proxies and bots (sources in fluenzr_desktop/domain/tracking_verdicts.py).
APPLE_MPP = "Mozilla/5.0"
GMAIL_IMAGE_PROXY = (
    "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)"
)
YAHOO_MAIL_PROXY = "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html"
GMAIL_PREFETCH = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/42.0.2311.135 Safari/537.36 Edge/12.246 Mozilla/5.0"
)
GMAIL_CONTENT_SAMPLING = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/42.0.2311.135 Safari/537.36 Edge/12.246 Gmail-content-sampling"
)
OFFICE_LINK_CHECK = "Mozilla/4.0 (compatible; ms-office; MSOffice 16)"  # uap-core issue 405
BARRACUDA = "Barracuda Sentinel (EE)"
HEADLESS_CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "HeadlessChrome/120.0.6099.109 Safari/537.36"
)
CURL = "curl/8.5.0"
PYTHON_REQUESTS = "python-requests/2.31.0"
# Microsoft Defender's sandbox, Proofpoint URL Defense and Mimecast URL Protect usually pose as
# an ordinary Chrome on Windows: their agent says nothing, their timing gives them away.
GATEWAY_AS_CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36"
)


def after(seconds: float) -> datetime:
    """An instant this long after the send."""
    return SENT_AT + timedelta(seconds=seconds)


def open_hit(user_agent: str, seconds: float = 3600, **fields) -> Hit:
    return Hit(
        kind="open",
        at=after(seconds),
        ip="203.0.113.7",
        user_agent=user_agent,
        method="GET",
        **fields,
    )


def click(user_agent: str, seconds: float = 3600, link: int | None = 0, **fields) -> Hit:
    return Hit(
        kind="click",
        at=after(seconds),
        ip="198.51.100.20",
        user_agent=user_agent,
        method="GET",
        link_index=link,
        **fields,
    )


def judge(hit: Hit, others: tuple[Hit, ...] = (), link_count: int = 3) -> Verdict:
    return judge_hit(hit, sent_at=SENT_AT, message_hits=(hit, *others), link_count=link_count)


HUMAN_OPEN = Verdict(True, VerdictKind.OPEN, "")
HUMAN_CLICK = Verdict(True, VerdictKind.CLICK, "")


# --- Opens ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "user_agent",
    [
        APPLE_MAIL_MACOS,
        APPLE_MAIL_IOS,
        OUTLOOK_WINDOWS,
        OUTLOOK_WINDOWS_MSOFFICE,
        OUTLOOK_COM_IN_EDGE,
        THUNDERBIRD,
    ],
)
def test_a_mail_client_fetching_the_pixel_itself_is_a_human_open(user_agent):
    assert judge(open_hit(user_agent)) == HUMAN_OPEN


def test_apple_mpp_is_a_proxied_open_shown_apart():
    verdict = judge(open_hit(APPLE_MPP, seconds=30))
    assert verdict == Verdict(False, VerdictKind.OPEN_PROXIED, Reason.APPLE_MPP)
    assert verdict.reason == "apple_mpp"
    assert not implied_open([verdict])


@pytest.mark.parametrize("seconds", [20, 3600])
def test_gmail_image_proxy_is_a_human_open_whenever_it_comes(seconds):
    assert judge(open_hit(GMAIL_IMAGE_PROXY, seconds=seconds)) == HUMAN_OPEN


def test_yahoo_image_proxy_is_a_human_open():
    assert judge(open_hit(YAHOO_MAIL_PROXY)) == HUMAN_OPEN


def test_gmail_prefetch_bot_is_a_machine_open():
    verdict = judge(open_hit(GMAIL_PREFETCH, seconds=5))
    assert verdict == Verdict(False, VerdictKind.OPEN_MACHINE, "gmail_prefetch")


@pytest.mark.parametrize("purpose", ["prefetch", "prefetch;prerender", "Preview"])
def test_a_prefetch_purpose_header_makes_a_machine_hit(purpose):
    assert judge(open_hit(CHROME_MAC, purpose=purpose)) == Verdict(
        False, VerdictKind.OPEN_MACHINE, "head_or_prefetch_header"
    )
    assert judge(click(CHROME_MAC, purpose=purpose)) == Verdict(
        False, VerdictKind.CLICK_MACHINE, "head_or_prefetch_header"
    )


def test_a_head_request_is_a_machine_hit():
    hit = Hit(
        kind="click",
        at=after(3600),
        ip="198.51.100.20",
        user_agent=CHROME_MAC,
        method="HEAD",
        link_index=0,
    )
    assert judge(hit).reason == "head_or_prefetch_header"
    assert not judge(hit).human


@pytest.mark.parametrize("user_agent", ["", "   "])
def test_an_empty_user_agent_is_a_machine(user_agent):
    assert judge(open_hit(user_agent)) == Verdict(
        False, VerdictKind.OPEN_MACHINE, "empty_user_agent"
    )
    assert judge(click(user_agent)) == Verdict(False, VerdictKind.CLICK_MACHINE, "empty_user_agent")


@pytest.mark.parametrize("user_agent", [BARRACUDA, HEADLESS_CHROME, CURL, PYTHON_REQUESTS])
def test_a_scanner_or_script_user_agent_is_a_machine_open(user_agent):
    assert judge(open_hit(user_agent)) == Verdict(
        False, VerdictKind.OPEN_MACHINE, "scanner_user_agent"
    )


# --- Clicks -----------------------------------------------------------------------------


@pytest.mark.parametrize("user_agent", [CHROME_MAC, SAFARI_IPHONE, OUTLOOK_COM_IN_EDGE])
def test_a_browser_click_an_hour_after_the_send_is_human(user_agent):
    assert judge(click(user_agent)) == HUMAN_CLICK


@pytest.mark.parametrize(
    "user_agent", [BARRACUDA, HEADLESS_CHROME, CURL, PYTHON_REQUESTS, APPLE_MPP]
)
def test_a_scanner_or_script_user_agent_is_a_machine_click(user_agent):
    assert judge(click(user_agent)) == Verdict(
        False, VerdictKind.CLICK_MACHINE, "scanner_user_agent"
    )


def test_gmail_content_sampling_following_a_link_is_a_machine_click():
    assert judge(click(GMAIL_CONTENT_SAMPLING)) == Verdict(
        False, VerdictKind.CLICK_MACHINE, "gmail_prefetch"
    )


@pytest.mark.parametrize("user_agent", [OFFICE_LINK_CHECK, OUTLOOK_WINDOWS])
def test_office_checking_a_link_before_the_browser_opens_it_is_not_the_human_click(user_agent):
    """Outlook on Windows probes the link, then the browser makes the person's request."""
    probe = click(user_agent, seconds=3600)
    browser = click(CHROME_MAC, seconds=3601)
    assert judge(probe, (browser,)) == Verdict(
        False, VerdictKind.CLICK_MACHINE, "scanner_user_agent"
    )
    assert judge(browser, (probe,)) == HUMAN_CLICK


def test_a_hit_on_the_honeypot_is_a_machine_and_so_is_its_burst():
    honeypot = click(GATEWAY_AS_CHROME, seconds=600, link=None, honeypot=True)
    same_burst = click(GATEWAY_AS_CHROME, seconds=600 + 4, link=1)
    person_later = click(SAFARI_IPHONE, seconds=7200, link=1)
    hits = (honeypot, same_burst, person_later)
    assert judge(honeypot, hits) == Verdict(False, VerdictKind.CLICK_MACHINE, "honeypot")
    assert judge(same_burst, hits) == Verdict(False, VerdictKind.CLICK_MACHINE, "honeypot")
    assert judge(person_later, hits) == HUMAN_CLICK


@pytest.mark.parametrize("user_agent", [GATEWAY_AS_CHROME, CHROME_MAC])
def test_a_click_less_than_a_minute_after_the_send_is_a_scanner(user_agent):
    just_before = TOO_SOON_AFTER_SEND.total_seconds() - 1
    assert judge(click(user_agent, seconds=just_before)) == Verdict(
        False, VerdictKind.CLICK_MACHINE, "too_soon_after_send"
    )
    assert judge(click(user_agent, seconds=just_before + 2)) == HUMAN_CLICK


def test_every_link_hit_within_seconds_is_a_scanner_even_posing_as_chrome():
    """Defender's sandbox, Proofpoint or Mimecast, minutes after delivery, every link at once."""
    burst = tuple(click(GATEWAY_AS_CHROME, seconds=300 + 2 * link, link=link) for link in range(3))
    for verdict in judge_message_hits(burst, sent_at=SENT_AT, link_count=3):
        assert verdict == Verdict(False, VerdictKind.CLICK_MACHINE, "all_links_within_seconds")


def test_the_burst_rule_counts_the_window_from_first_to_last_hit():
    edge = LINK_BURST_WINDOW.total_seconds()
    within = (
        click(GATEWAY_AS_CHROME, seconds=300, link=0),
        click(GATEWAY_AS_CHROME, seconds=300 + edge, link=1),
    )
    spread = (
        click(CHROME_MAC, seconds=300, link=0),
        click(CHROME_MAC, seconds=300 + edge + 1, link=1),
    )
    assert not any(v.human for v in judge_message_hits(within, sent_at=SENT_AT, link_count=2))
    assert all(v.human for v in judge_message_hits(spread, sent_at=SENT_AT, link_count=2))


def test_a_person_clicking_some_links_quickly_or_all_links_slowly_stays_human():
    two_of_three = (click(CHROME_MAC, seconds=900, link=0), click(CHROME_MAC, seconds=903, link=2))
    one_by_one = tuple(
        click(SAFARI_IPHONE, seconds=900 + 40 * link, link=link) for link in range(3)
    )
    for hits in (two_of_three, one_by_one):
        assert judge_message_hits(hits, sent_at=SENT_AT, link_count=3) == [HUMAN_CLICK] * len(hits)


def test_a_single_link_message_is_not_judged_by_the_burst_rule():
    only = click(CHROME_MAC, seconds=300, link=0)
    assert judge(only, link_count=1) == HUMAN_CLICK


def test_the_same_link_hit_twice_is_not_every_link():
    twice = (click(CHROME_MAC, seconds=900, link=0), click(CHROME_MAC, seconds=901, link=0))
    assert judge_message_hits(twice, sent_at=SENT_AT, link_count=2) == [HUMAN_CLICK, HUMAN_CLICK]


# --- Unsubscribes, implied opens, times ---------------------------------------------------------


@pytest.mark.parametrize("user_agent", [CHROME_MAC, "", GATEWAY_AS_CHROME])
def test_a_one_click_unsubscribe_is_always_honoured(user_agent):
    hit = Hit(
        kind="unsubscribe", at=after(10), ip="192.0.2.1", user_agent=user_agent, method="POST"
    )
    assert judge(hit) == Verdict(True, VerdictKind.UNSUBSCRIBE, "")


def test_a_human_click_implies_an_open_but_proxied_or_machine_hits_do_not():
    proxied = judge(open_hit(APPLE_MPP, seconds=30))
    human_click = judge(click(SAFARI_IPHONE))
    machine_click = judge(click(BARRACUDA))
    machine_open = judge(open_hit(GMAIL_PREFETCH))
    assert implied_open([proxied, human_click])
    assert implied_open([judge(open_hit(THUNDERBIRD))])
    assert not implied_open([proxied, machine_click, machine_open])
    assert not implied_open([])


def test_aware_and_naive_utc_times_are_compared_alike():
    """The relay says `...Z`; the database stores naive UTC."""
    aware = Hit(
        kind="click",
        at=after(30).replace(tzinfo=UTC),
        ip="198.51.100.20",
        user_agent=CHROME_MAC,
        method="GET",
        link_index=0,
    )
    assert judge(aware).reason == "too_soon_after_send"
    late = Hit(
        kind="click",
        at=after(3600).replace(tzinfo=UTC),
        ip="",
        user_agent=CHROME_MAC,
        method="GET",
        link_index=0,
    )
    assert judge_hit(late, sent_at=SENT_AT.replace(tzinfo=UTC), link_count=3) == HUMAN_CLICK


def test_verdict_kinds_and_reasons_are_the_documented_codes():
    assert {k.value for k in VerdictKind} == {
        "open",
        "open_proxied",
        "open_machine",
        "click",
        "click_machine",
        "unsubscribe",
    }
    assert Reason.HUMAN == ""


def test_an_unknown_hit_kind_is_refused_not_guessed():
    hit = Hit(kind="view", at=after(3600), ip="", user_agent=CHROME_MAC, method="GET")
    with pytest.raises(ValueError, match="view"):
        judge(hit)
