"""Tracked messages: links through the relay, pixel, honeypot, one-click unsubscribe (issue 14).

Every relay URL is read back with the relay's own `read_token`, as the relay will read it.
"""

from __future__ import annotations

import email
import email.policy
import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import pytest

from fluenzr_desktop.domain.errors import FluenzrError
from fluenzr_desktop.mail.message import (
    Sender,
    build_message,
    build_tracked_message,
    message_bytes,
    new_message_id,
    unsubscribe_mailto,
)
from fluenzr_desktop.mail.text import html_document, html_to_text
from fluenzr_desktop.mail.tracking import (
    UNSUBSCRIBE_SENTENCE,
    TrackingLinks,
    instrument_html,
    instrument_text,
    list_unsubscribe_values,
    send_id_of,
    unsubscribe_line,
)
from fluenzr_relay.tokens import RelayKeys, read_token

RELAY = "https://relay.startup.io"
SENDER = Sender("zoe@startup.io", "Zoë")
KEYS = RelayKeys.generate("k1")
MAILTO = unsubscribe_mailto(SENDER.address, "12-abcdefghijklmnop")

HTML_BODY = """<p>Hello Bob,</p>
<p>See <A HREF="https://startup.io/demo?a=1&amp;b=2">our demo</A>,
the <a href='https://startup.io/pricing'>pricing</a>
and <a class=cta href=https://startup.io/demo?a=1&amp;b=2>the demo again</a>.</p>
<p>Mail <a href="mailto:zoe@startup.io">me</a> or call <a href="tel:+33123456789">me</a>;
the docs live at https://docs.startup.io (not a link here).</p>
<!-- <a href="https://commented.example/">old link</a> -->
<script>var u = '<a href="https://script.example/">';</script>
<map><area shape="rect" coords="0,0,1,1" href="https://startup.io/map" alt="map"></map>
"""


def tracking(*, opens: bool = True, clicks: bool = True, message_id: str) -> TrackingLinks:
    return TrackingLinks(RELAY + "/", KEYS, send_id_of(message_id), opens, clicks)


def build(body: str = HTML_BODY, **overrides):
    message_id = overrides.pop("message_id", new_message_id(SENDER.address))
    fields = {
        "sender": SENDER,
        "to_address": "bob@example.com",
        "to_name": "Bob",
        "subject": "Quick question",
        "body": body,
        "message_id": message_id,
        "list_unsubscribe": MAILTO,
        "date": datetime.now(UTC),
        "tracking": tracking(message_id=message_id),
    }
    fields.update(overrides)
    message, links = build_tracked_message(**fields)
    raw = message_bytes(message)
    return email.message_from_bytes(raw, policy=email.policy.default), links, raw, message_id


def parts(parsed) -> tuple[str, str]:
    """The decoded text and HTML parts, LF line ends."""
    text = parsed.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = parsed.get_body(("html",)).get_content().replace("\r\n", "\n")
    return text, html


class _Tags(HTMLParser):
    """Every start tag of an HTML part with its attributes, as a mail client reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


def hrefs(html: str) -> list[str]:
    return [attrs["href"] for tag, attrs in tags(html) if tag in ("a", "area") and "href" in attrs]


def token(url: str, kind: str) -> dict | None:
    """The fields of a relay URL of `kind`, read with the relay's keys (None if not one)."""
    prefix = {"c": f"{RELAY}/c/", "o": f"{RELAY}/o/", "u": f"{RELAY}/u/"}[kind]
    if not url.startswith(prefix):
        return None
    value = url[len(prefix) :]
    return read_token(KEYS, value.removesuffix(".gif") if kind == "o" else value, kind)


TEXT_URL = re.compile(r"https?://\S+")
# A relay click URL in text: KID.PAYLOAD.SIG, the signature 22 base64url characters.
CLICK_URL = re.compile(re.escape(RELAY) + r"/c/[A-Za-z0-9]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}")


def test_every_web_link_of_both_parts_goes_through_the_relay_with_one_index_per_destination():
    parsed, links, _raw, message_id = build()
    text, html = parts(parsed)
    send_id = send_id_of(message_id)
    assert links[:3] == [
        "https://startup.io/demo?a=1&b=2",
        "https://startup.io/pricing",
        "https://startup.io/map",
    ]
    clicks = [token(href, "c") for href in hrefs(html) if href.startswith(RELAY + "/c/")]
    visible = [fields for fields in clicks if "h" not in fields]
    # demo, pricing, demo again (same index), map; every one signed for this message.
    assert [(fields["l"], fields["u"]) for fields in visible] == [
        (0, links[0]),
        (1, links[1]),
        (0, links[0]),
        (2, links[2]),
    ]
    assert all(fields["s"] == send_id for fields in clicks)
    # The text part's URLs map to the same indexes; the bare docs URL gets the next one.
    text_clicks = [token(url, "c") for url in CLICK_URL.findall(text)]
    tracked = [(fields["l"], fields["u"]) for fields in text_clicks]
    assert tracked == [(0, links[0]), (1, links[1]), (0, links[0]), (3, links[3])]
    assert links[3] == "https://docs.startup.io" and len(links) == 4
    # Every other URL left in the text is the unsubscribe page.
    assert all(token(url, "u") for url in TEXT_URL.findall(CLICK_URL.sub("", text)))


def test_unsubscribe_comments_scripts_mailto_and_text_content_are_left_alone():
    parsed, links, _raw, message_id = build()
    _text, html = parts(parsed)
    assert "mailto:zoe@startup.io" in hrefs(html) and "tel:+33123456789" in hrefs(html)
    assert '<!-- <a href="https://commented.example/">old link</a> -->' in html
    assert "<script>var u = '<a href=\"https://script.example/\">';</script>" in html
    assert "the docs live at https://docs.startup.io (not a link here)" in html
    assert not {"https://commented.example/", "https://script.example/"} & set(links)
    unsubscribe = [href for href in hrefs(html) if href.startswith(RELAY + "/u/")]
    assert len(unsubscribe) == 1 and token(unsubscribe[0], "u")["s"] == send_id_of(message_id)


def test_pixel_only_with_opens_and_honeypot_only_with_clicks_and_hidden():
    for opens, clicks in [(True, False), (False, True), (True, True), (False, False)]:
        message_id = new_message_id(SENDER.address)
        parsed, links, _raw, _ = build(
            message_id=message_id,
            tracking=tracking(opens=opens, clicks=clicks, message_id=message_id),
        )
        _text, html = parts(parsed)
        images = [attrs for tag, attrs in tags(html) if tag == "img"]
        pixels = [attrs for attrs in images if token(attrs["src"], "o")]
        assert len(pixels) == (1 if opens else 0)
        if opens:
            pixel = pixels[0]
            assert (pixel["width"], pixel["height"], pixel["alt"]) == ("1", "1", "")
            assert token(pixel["src"], "o") == {"k": "o", "s": send_id_of(message_id)}
            assert html.index(pixel["src"].replace("&", "&amp;")) < html.index("</body>")
        honeypots = [
            attrs
            for tag, attrs in tags(html)
            if tag == "a" and (token(attrs.get("href") or "", "c") or {}).get("h") == 1
        ]
        assert len(honeypots) == (1 if clicks else 0)
        if clicks:
            trap = honeypots[0]
            assert "display:none" in trap["style"]
            assert trap["aria-hidden"] == "true" and trap["tabindex"] == "-1"
            # Nothing for a reader to see or click: the anchor is empty.
            assert re.search(r'<a href="[^"]+/c/[^"]+" style="display:none[^>]*></a>', html)
        else:
            assert not any(href.startswith(RELAY + "/c/") for href in hrefs(html))
            assert links == []
            assert "https://startup.io/pricing" in hrefs(html)


def test_one_click_unsubscribe_headers_and_body_line():
    parsed, _links, _raw, message_id = build()
    value = str(parsed["List-Unsubscribe"])
    targets = re.findall(r"<([^>]+)>", value)
    assert len(targets) == 2 and targets[1] == MAILTO
    assert token(targets[0], "u") == {"k": "u", "s": send_id_of(message_id)}
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = parts(parsed)
    assert f"{UNSUBSCRIBE_SENTENCE}: {targets[0]}" in text
    assert f'<a href="{targets[0]}" style="color:#777777">{UNSUBSCRIBE_SENTENCE}</a>' in html
    assert html.index(UNSUBSCRIBE_SENTENCE) < html.index("</body>")


def test_custom_unsubscribe_sentence_is_escaped_and_blank_means_no_line():
    parsed, _, _, _ = build(unsubscribe_sentence="Plus de mails ? <Cliquez> & c'est fini")
    text, html = parts(parsed)
    assert "Plus de mails ? &lt;Cliquez&gt; &amp; c'est fini</a>" in html
    assert "Plus de mails ? <Cliquez> & c'est fini: https://relay.startup.io/u/" in text
    parsed, _, _, _ = build(unsubscribe_sentence="  ")
    text, html = parts(parsed)
    assert "/u/" not in text and not any("/u/" in href for href in hrefs(html))
    # The header stays: a relay is set.
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_sentence_without_relay_links_to_the_mailto():
    parsed, links, _, _ = build(tracking=None, unsubscribe_sentence="Stop")
    text, html = parts(parsed)
    assert text.endswith(f"Stop: {MAILTO}") and MAILTO in hrefs(html)
    assert parsed["List-Unsubscribe-Post"] is None and links == []
    with pytest.raises(FluenzrError, match="unsubscribe line"):
        build(tracking=None, list_unsubscribe=None, unsubscribe_sentence="Stop")


def test_plain_text_body_tracks_both_parts_and_keeps_punctuation_out():
    body = (
        "Hi Bob,\n\nSee https://startup.io/demo. Or <https://startup.io/b>,"
        " (https://en.wikipedia.org/wiki/Foo_(bar)) and https://startup.io/demo!\n"
        "Bye"
    )
    parsed, links, _, _ = build(body)
    text, html = parts(parsed)
    assert links == [
        "https://startup.io/demo",
        "https://startup.io/b",
        "https://en.wikipedia.org/wiki/Foo_(bar)",
    ]
    clicks = [token(href, "c") for href in hrefs(html) if href.startswith(RELAY + "/c/")]
    html_indexes = [fields["l"] for fields in clicks if "h" not in fields]
    assert html_indexes[:4] == [0, 1, 2, 0]
    # The sentence's punctuation stays in the text, outside the rewritten URLs.
    shape = CLICK_URL.sub("LINK", text)
    assert shape.startswith("Hi Bob,\n\nSee LINK. Or <LINK>, (LINK) and LINK!\nBye")
    assert [token(url, "c")["l"] for url in CLICK_URL.findall(text)] == [0, 1, 2, 0]


def test_instrument_text_reuses_known_indexes_and_skips_relay_urls():
    links = TrackingLinks(RELAY, KEYS, "0" * 32, track_clicks=True)
    own = links.unsubscribe_url()
    text = f"a https://b.example/x; c https://a.example/?q=1&r=2: {own} end"
    rewritten, known = instrument_text(text, links, ["https://a.example/?q=1&r=2"])
    assert known == ["https://a.example/?q=1&r=2", "https://b.example/x"]
    urls = re.findall(r"https://\S+?(?=[;:]? )", rewritten)
    assert [token(u, "c")["l"] for u in urls if "/c/" in u] == [1, 0]
    assert f": {own} end" in rewritten


def test_entity_escaped_and_odd_attributes_round_trip():
    links = TrackingLinks(RELAY, KEYS, "f" * 32, track_clicks=True)
    source = (
        "<p><a title='x href=https://no.example' HREF = 'https://a.example/?x=1&amp;y=&quot;2&quot;'"
        '>a</a><a href="HTTPS://B.example/">b</a><a href="javascript:alert(1)">c</a>'
        '<a href="#top">d</a><a name="anchor">e</a></p>'
    )
    rewritten, known = instrument_html(source, links)
    assert known == ['https://a.example/?x=1&y="2"', "https://B.example/"]
    found = [(tag, attrs) for tag, attrs in tags(rewritten) if tag == "a"]
    assert found[0][1]["title"] == "x href=https://no.example"
    assert token(found[0][1]["href"], "c")["u"] == known[0]
    assert token(found[1][1]["href"], "c") == {"k": "c", "s": "f" * 32, "l": 1, "u": known[1]}
    assert [attrs.get("href") for _, attrs in found[2:5]] == ["javascript:alert(1)", "#top", None]


def test_destination_too_long_for_a_token_is_left_untracked():
    links = TrackingLinks(RELAY, KEYS, "a" * 32, track_clicks=True)
    huge = "https://a.example/?" + "x" * 5000
    rewritten, known = instrument_html(
        f'<a href="{huge}">x</a><a href="https://ok.example">y</a>', links
    )
    assert huge in hrefs(rewritten) and known == ["https://ok.example"]


def test_message_parses_and_stays_7bit():
    parsed, _links, raw, _ = build(
        "<p>Zoë dit : <a href='https://café.example/ü?q=é'>ici</a></p>", subject="Café ?"
    )
    assert all(byte < 128 for byte in raw)
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    text, html = parts(parsed)
    assert "Zoë dit" in text and "Zoë dit" in html
    click = token(hrefs(html)[0], "c")
    assert click["u"] == "https://café.example/ü?q=é"


def test_without_tracking_nothing_changes():
    message = build_message(
        sender=SENDER,
        to_address="bob@example.com",
        to_name="Bob",
        subject="Quick question",
        body=HTML_BODY,
        message_id=new_message_id(SENDER.address),
        list_unsubscribe=MAILTO,
        date=datetime.now(UTC),
    )
    parsed = email.message_from_bytes(message_bytes(message), policy=email.policy.default)
    text, html = parts(parsed)
    assert html == html_document(HTML_BODY) and text.rstrip("\n") == html_to_text(HTML_BODY)
    # (compat32 folds this long value after the colon, as it always has.)
    assert parsed["List-Unsubscribe"].strip() == f"<{MAILTO}>"
    assert parsed["List-Unsubscribe-Post"] is None
    assert RELAY not in message_bytes(message).decode()


def test_list_unsubscribe_values_and_line():
    assert list_unsubscribe_values(f"{RELAY}/u/T", "mailto:a@b.c?subject=x") == (
        f"<{RELAY}/u/T>, <mailto:a@b.c?subject=x>",
        "List-Unsubscribe=One-Click",
    )
    assert list_unsubscribe_values(f"{RELAY}/u/T", None)[0] == f"<{RELAY}/u/T>"
    html, text = unsubscribe_line("Se désinscrire :", "https://r.example/u/T?a=1&b=2")
    assert text == "Se désinscrire: https://r.example/u/T?a=1&b=2"
    assert 'href="https://r.example/u/T?a=1&amp;b=2"' in html and ">Se désinscrire :</a>" in html


@pytest.mark.parametrize(
    "relay", ["ftp://relay.example", "https://", "relay.example", "https://r.example/\r\nX: y"]
)
def test_bad_relay_url_or_message_id_is_refused(relay):
    with pytest.raises(FluenzrError, match="relay URL"):
        TrackingLinks(relay, KEYS, "0" * 32)
    with pytest.raises(FluenzrError, match="Message-ID"):
        send_id_of("<not-hex@startup.io>")
