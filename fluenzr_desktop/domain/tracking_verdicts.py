"""Telling people from machines: the verdict on one relay hit, from the hit and its message.

The relay records every pixel fetch, click and one-click unsubscribe it receives; the app
pulls them and asks `judge_hit` for a verdict. A hit is never dropped, only labelled: the
statistics count human opens and clicks, and show proxied opens and machine hits apart.
The rules are pure (no I/O, no clock read), so they improve with app updates and are
re-run over a message's hits whenever a new hit for it arrives (the burst rule depends on
the other hits). docs/tracking.md explains each rule for users; the sources are cited
beside each rule below.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

# --- The thresholds, in one place -------------------------------------------------------

# A click less than this after the send is a gateway checking the link on delivery: no
# person reads and clicks within a minute, while Microsoft Defender's sandbox "usually"
# clicks "within 60 seconds of delivery" (check.live-direct-marketing.online/blog/
# microsoft-defender-link-click-pattern). Issue 14: "a click less than about 60 s after
# the send".
TOO_SOON_AFTER_SEND = timedelta(seconds=60)

# Every link of a message hit within this window is a scanner: gateways "click EVERY link
# in the email within 10 seconds" (same source), "real humans click one, maybe two"
# (check.live-direct-marketing.online/blog/bot-clicks-security-scanners-detect).
# The same window marks the clicks of a burst that also hit the honeypot.
LINK_BURST_WINDOW = timedelta(seconds=10)

# The burst rule needs at least this many links: with a single link, one click is "all the
# links" and says nothing (the other rules still apply).
LINK_BURST_MIN_LINKS = 2


# The kinds of hit the relay records (tracking_spec.md).
HIT_KINDS = ("open", "click", "unsubscribe")


class VerdictKind(StrEnum):
    """What a hit counts as in the statistics."""

    OPEN = "open"  # a person opened the mail (or their mailbox fetched images on open)
    OPEN_PROXIED = "open_proxied"  # Apple MPP: fetched whether or not anyone read it
    OPEN_MACHINE = "open_machine"  # a prefetch or a scanner, never a person
    CLICK = "click"  # a person followed a link
    CLICK_MACHINE = "click_machine"  # a link scanner, a prefetch, a preview bot
    UNSUBSCRIBE = "unsubscribe"  # an RFC 8058 one-click unsubscribe (always honoured)


class Reason(StrEnum):
    """Why a hit is not a plain human one (HUMAN, the empty string, when it is)."""

    HUMAN = ""
    APPLE_MPP = "apple_mpp"
    GMAIL_PREFETCH = "gmail_prefetch"
    HEAD_OR_PREFETCH_HEADER = "head_or_prefetch_header"
    EMPTY_USER_AGENT = "empty_user_agent"
    SCANNER_USER_AGENT = "scanner_user_agent"
    HONEYPOT = "honeypot"
    TOO_SOON_AFTER_SEND = "too_soon_after_send"
    ALL_LINKS_WITHIN_SECONDS = "all_links_within_seconds"


@dataclass(frozen=True)
class Hit:
    """One raw relay hit, as pulled from `/v1/events` (tracking_spec.md)."""

    kind: str  # "open" | "click" | "unsubscribe"
    at: datetime  # UTC, naive or aware
    ip: str
    user_agent: str
    method: str  # "GET" | "POST" | "HEAD"
    purpose: str | None = None  # Sec-Purpose / Purpose / X-Purpose / X-Moz header
    link_index: int | None = None  # clicks on a rewritten link
    honeypot: bool = False  # a click on the hidden honeypot link


@dataclass(frozen=True)
class Verdict:
    """Human or not, what the hit counts as, and the rule that decided (a Reason code)."""

    human: bool
    kind: str
    reason: str


# --- User agents --------------------------------------------------------------------------

# Apple Mail Privacy Protection fetches every remote image through Apple's relays when the
# message is downloaded, read or not, with the bare user agent "Mozilla/5.0" (ua-parser/
# uap-core issue 509, since 20 Sept 2021; SocketLabs, "Identifying Apple MPP opens").
# The relays also use Apple's published egress ranges, but the agent alone is decisive and
# this module does no I/O, so the address is not checked. No browser sends the bare token,
# so on a click it marks a machine.
APPLE_MPP_USER_AGENT = "Mozilla/5.0"

# Gmail's prefetch bot fetches images just before the web or mobile app shows a new mail
# "with the following user-agent string" (Bird/SparkPost, "Gmail is prefetching images",
# Jan 2022: "...Chrome/42.0.2311.135 Safari/537.36 Edge/12.246 Mozilla/5.0"); the same
# prefix ending in "Gmail-content-sampling" follows links (mssola/user_agent issue 71).
# Chrome 42 with Edge 12 has been no person's browser for years.
GMAIL_BOT_PREFIX = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/42.0.2311.135 Safari/537.36 Edge/12.246"
)

# Gmail's image proxy ("... (via ggpht.com GoogleImageProxy)") and Yahoo's
# ("YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html") fetch the
# pixel when the user opens the mail: Validity, "Because caching happens at open, Google
# Proxy and Yahoo Proxy are still good indicators of recipient open times". No rule needed:
# they fall through to a human open.

# Agents that are never a person, on opens and clicks alike (case-insensitive substrings).
MACHINE_USER_AGENT_TOKENS = (
    # Security gateways. "Barracuda Sentinel (EE)" is filtered as a bot click by Braze and
    # others; Proofpoint, Mimecast and Microsoft SafeLinks are reported to name themselves
    # at times (check.live-direct-marketing.online/blog/bot-clicks-security-scanners-detect),
    # though they often pose as Chrome: the timing rules catch those.
    "barracuda",
    "proofpoint",
    "mimecast",
    "safelinks",
    "headlesschrome",  # headless sandboxes (Defender detonation, scanners)
    "gmail-content-sampling",
    # HTTP libraries and command-line tools: scripts, never a mail reader.
    "curl/",
    "wget/",
    "python-requests",
    "python-urllib",
    "aiohttp",
    "go-http-client",
    "okhttp",
    "libwww-perl",
    "java/",
    "apache-httpclient",
    # Crawlers and link-preview bots.
    "googlebot",
    "bingbot",
    "bingpreview",
    "slackbot",
    "facebookexternalhit",
    "twitterbot",
    "linkedinbot",
    "telegrambot",
    "discordbot",
    "whatsapp",
    "skypeuripreview",
)

# Agents that are a person's mail client on an open, but not on a click: Outlook for
# Windows fetches images as "Microsoft Office/16.0 (...; Microsoft Outlook 16.0.x; Pro)"
# or "...; ms-office; MSOffice 16)" (shon/httpagentparser issue 91: "user agent when
# Outlook load a external image"), while a click there is Office checking the link before
# it hands it to the browser, whose own request is the human click
# (IdentityServer3 issue 2627, "Office url prefetching"; ua-parser/uap-core issue 405).
OFFICE_LINK_CHECK_TOKENS = ("ms-office", "msoffice", "microsoft office", "microsoft outlook")

# Purpose headers of speculative loads: Chrome's `Sec-Purpose: prefetch` (and
# `prefetch;prerender`), the older `Purpose: prefetch`, Firefox's `X-Moz: prefetch`, Safari's
# `X-Purpose: preview` (MDN, "Sec-Purpose"). A prefetch is not a person's action.
PREFETCH_PURPOSES = frozenset({"prefetch", "prerender", "preview"})


def judge_hit(
    hit: Hit,
    *,
    sent_at: datetime,
    message_hits: Sequence[Hit] = (),
    link_count: int = 0,
) -> Verdict:
    """The verdict on one hit, given its message's send time, other hits and link count.

    `message_hits` are the hits of the same message (they may include `hit` itself);
    `link_count` is how many rewritten links the message has (not counting the honeypot).
    The first rule that matches decides; docs/tracking.md lists them in this order.
    """
    if hit.kind not in HIT_KINDS:
        raise ValueError(f"unknown hit kind {hit.kind!r}")
    if hit.kind == "unsubscribe":
        # RFC 8058 one-click: a POST with a fixed body, sent only on the user's action; a GET
        # never unsubscribes. Honoured whatever the agent, like the mailto path.
        return Verdict(True, VerdictKind.UNSUBSCRIBE, Reason.HUMAN)
    machine_kind = VerdictKind.CLICK_MACHINE if hit.kind == "click" else VerdictKind.OPEN_MACHINE
    reason = _request_reason(hit)
    if reason is not None:
        return Verdict(False, machine_kind, reason)
    if hit.kind == "click":
        return _judge_click(hit, sent_at, message_hits, link_count)
    return _judge_open(hit)


def judge_message_hits(hits: Sequence[Hit], *, sent_at: datetime, link_count: int) -> list[Verdict]:
    """The verdicts on every hit of one message, in the order given."""
    return [judge_hit(h, sent_at=sent_at, message_hits=hits, link_count=link_count) for h in hits]


def implied_open(verdicts: Iterable[Verdict]) -> bool:
    """True when a message counts as opened by a person: a human open or a human click.

    A click proves the mail was read even when its pixel was blocked or hidden behind Apple
    MPP, so the statistics and the `opened` condition count a human click as an open.
    Proxied and machine opens alone do not count.
    """
    return any(v.human and v.kind in (VerdictKind.OPEN, VerdictKind.CLICK) for v in verdicts)


def _request_reason(hit: Hit) -> Reason | None:
    """A reason the request itself is a machine's (method, purpose header, empty agent)."""
    if hit.method.upper() == "HEAD" or _is_prefetch_purpose(hit.purpose):
        return Reason.HEAD_OR_PREFETCH_HEADER
    if not hit.user_agent.strip():
        # Browsers and mail clients always send an agent; scanners and scripts often don't
        # ("Microsoft SafeLinks ... usually leaks MSOffice or empty User-Agent").
        return Reason.EMPTY_USER_AGENT
    if hit.user_agent.strip().startswith(GMAIL_BOT_PREFIX):
        return Reason.GMAIL_PREFETCH
    if _has_token(hit.user_agent, MACHINE_USER_AGENT_TOKENS):
        return Reason.SCANNER_USER_AGENT
    return None


def _judge_open(hit: Hit) -> Verdict:
    """An open that passed the request rules: Apple MPP is shown apart, the rest are human."""
    if hit.user_agent.strip() == APPLE_MPP_USER_AGENT:
        return Verdict(False, VerdictKind.OPEN_PROXIED, Reason.APPLE_MPP)
    return Verdict(True, VerdictKind.OPEN, Reason.HUMAN)


def _judge_click(
    hit: Hit, sent_at: datetime, message_hits: Sequence[Hit], link_count: int
) -> Verdict:
    """A click that passed the request rules: honeypot, agent, then timing rules."""
    reason = _click_reason(hit, sent_at, message_hits, link_count)
    if reason is None:
        return Verdict(True, VerdictKind.CLICK, Reason.HUMAN)
    return Verdict(False, VerdictKind.CLICK_MACHINE, reason)


def _click_reason(
    hit: Hit, sent_at: datetime, message_hits: Sequence[Hit], link_count: int
) -> Reason | None:
    """Why a click is a machine's, or None for a person's."""
    if hit.honeypot:
        # The honeypot link is hidden from readers: only a machine follows it.
        return Reason.HONEYPOT
    agent = hit.user_agent.strip()
    if agent == APPLE_MPP_USER_AGENT or _has_token(agent, OFFICE_LINK_CHECK_TOKENS):
        return Reason.SCANNER_USER_AGENT
    at = _naive_utc(hit.at)
    if at - _naive_utc(sent_at) < TOO_SOON_AFTER_SEND:
        return Reason.TOO_SOON_AFTER_SEND
    clicks = [h for h in message_hits if h.kind == "click" and h is not hit]
    if any(h.honeypot and abs(_naive_utc(h.at) - at) <= LINK_BURST_WINDOW for h in clicks):
        # A click in the same burst as a honeypot hit comes from the same scanner.
        return Reason.HONEYPOT
    if _in_all_links_burst(at, hit.link_index, clicks, link_count):
        return Reason.ALL_LINKS_WITHIN_SECONDS
    return None


def _in_all_links_burst(
    at: datetime, link_index: int | None, clicks: Sequence[Hit], link_count: int
) -> bool:
    """True when some window of LINK_BURST_WINDOW holding this click hit every link."""
    if link_count < LINK_BURST_MIN_LINKS or link_index is None:
        return False
    timeline = sorted(
        (_naive_utc(h.at), h.link_index)
        for h in clicks
        if not h.honeypot and h.link_index is not None and 0 <= h.link_index < link_count
    )
    timeline_times = [t for t, _ in timeline]
    every_link = set(range(link_count))
    # Each candidate window starts at a hit no earlier than LINK_BURST_WINDOW before this one.
    starts = timeline_times[
        bisect_left(timeline_times, at - LINK_BURST_WINDOW) : bisect_right(timeline_times, at)
    ]
    for start in [*starts, at]:
        end = start + LINK_BURST_WINDOW
        if not start <= at <= end:
            continue
        low, high = bisect_left(timeline_times, start), bisect_right(timeline_times, end)
        links = {index for _, index in timeline[low:high]} | {link_index}
        if links >= every_link:
            return True
    return False


def _is_prefetch_purpose(purpose: str | None) -> bool:
    """True when a Purpose-like header names a speculative load."""
    if not purpose:
        return False
    return any(token in PREFETCH_PURPOSES for token in re.split(r"[\s;,]+", purpose.lower()))


def _has_token(user_agent: str, tokens: Sequence[str]) -> bool:
    """True when the agent contains one of the tokens, ignoring case."""
    lowered = user_agent.lower()
    return any(token in lowered for token in tokens)


def _naive_utc(when: datetime) -> datetime:
    """A time as naive UTC (the database's convention); aware times are converted."""
    return when if when.tzinfo is None else when.astimezone(UTC).replace(tzinfo=None)
