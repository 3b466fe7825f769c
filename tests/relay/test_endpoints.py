"""A real relay process hit the way mail clients, image proxies and link scanners hit it."""

from __future__ import annotations

import pytest

from fluenzr_relay.tokens import RelayKeys, make_token
from tests.fixtures.relay_server import (
    APPLE_MAIL_PROXY,
    GMAIL_IMAGE_PROXY,
    LINK_SCANNER,
    OUTLOOK_DESKTOP,
    SAFE_LINKS_SCANNER,
    send_id,
)

ONE_CLICK = b"List-Unsubscribe=One-Click"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def is_transparent_pixel(body: bytes) -> bool:
    return body.startswith(b"GIF89a") and body[6:10] == b"\x01\x00\x01\x00"


def test_opens_from_each_mail_client_are_recorded_with_who_fetched(relay):
    clients = [APPLE_MAIL_PROXY, GMAIL_IMAGE_PROXY, OUTLOOK_DESKTOP]
    for number, agent in enumerate(clients):
        answer = relay.get(relay.pixel({"k": "o", "s": send_id(number)}), user_agent=agent)
        assert answer.status == 200
        assert answer.headers["content-type"] == "image/gif"
        assert answer.headers["cache-control"] == "no-store"
        assert is_transparent_pixel(answer.body)

    events = relay.events()
    assert [e["user_agent"] for e in events] == clients
    assert [e["token"] for e in events] == [{"k": "o", "s": send_id(n)} for n in range(3)]
    assert {e["kind"] for e in events} == {"open"}
    assert {e["method"] for e in events} == {"GET"}
    assert {e["ip"] for e in events} == {"127.0.0.1"}
    assert {e["kid"] for e in events} == {"k1"}
    assert all(e["at"].endswith("Z") and "T" in e["at"] for e in events)
    assert [e["id"] for e in events] == sorted(e["id"] for e in events)


def test_prefetch_purpose_header_is_kept_so_the_app_can_label_it(relay):
    relay.get(relay.pixel({"k": "o", "s": send_id(1)}), sec_purpose="prefetch")
    relay.get(relay.pixel({"k": "o", "s": send_id(2)}), x_moz="prefetch")
    relay.get(relay.pixel({"k": "o", "s": send_id(3)}))
    assert [e["purpose"] for e in relay.events()] == ["prefetch", "prefetch", None]


def test_a_forged_or_truncated_pixel_still_shows_the_image_but_records_nothing(relay):
    good = make_token(relay.keys, {"k": "o", "s": send_id(1)})
    forged = make_token(RelayKeys.generate("k1"), {"k": "o", "s": send_id(1)})
    for token in (forged, good[:-3], good[: len(good) // 2], "garbage", ""):
        answer = relay.get(f"/o/{token}.gif")
        assert answer.status == 200 and is_transparent_pixel(answer.body), token
    assert relay.events() == []


def test_a_replayed_token_is_recorded_each_time(relay):
    """The relay keeps raw hits; the app decides what a repeat means."""
    pixel = relay.pixel({"k": "o", "s": send_id(9)})
    relay.get(pixel)
    relay.get(pixel)
    events = relay.events()
    assert len(events) == 2 and events[0]["token"] == events[1]["token"]
    assert events[0]["id"] != events[1]["id"]


def test_a_click_redirects_to_the_signed_destination_and_is_recorded(relay):
    fields = {"k": "c", "s": send_id(4), "l": 1, "u": "https://example.com/pricing?plan=pro"}
    answer = relay.get(f"/c/{make_token(relay.keys, fields)}", user_agent=OUTLOOK_DESKTOP)
    assert answer.status == 302
    assert answer.headers["location"] == "https://example.com/pricing?plan=pro"
    assert answer.headers["referrer-policy"] == "no-referrer"
    [event] = relay.events()
    assert event["kind"] == "click" and event["token"] == fields
    assert event["user_agent"] == OUTLOOK_DESKTOP


def test_a_destination_with_spaces_or_accents_is_percent_encoded_not_broken(relay):
    fields = {"k": "c", "s": send_id(4), "l": 0, "u": "https://example.com/café menu?q=a b"}
    answer = relay.get(f"/c/{make_token(relay.keys, fields)}")
    assert answer.status == 302
    assert answer.headers["location"] == "https://example.com/caf%C3%A9%20menu?q=a%20b"


def test_the_honeypot_link_is_recorded_and_answers_an_empty_page(relay):
    honeypot = {"k": "c", "s": send_id(5), "h": 1}
    answer = relay.get(f"/c/{make_token(relay.keys, honeypot)}", user_agent=LINK_SCANNER)
    assert answer.status == 200 and "location" not in answer.headers
    assert answer.headers["content-type"].startswith("text/html")
    [event] = relay.events()
    assert event["token"] == honeypot and event["user_agent"] == LINK_SCANNER


def test_a_forged_click_is_a_404_never_a_redirect(relay):
    fields = {"k": "c", "s": send_id(6), "l": 0, "u": "https://evil.example/phish"}
    forged = make_token(RelayKeys.generate("k1"), fields)
    pixel_as_click = make_token(relay.keys, {"k": "o", "s": send_id(6)})
    good = make_token(relay.keys, fields)
    for token in (forged, pixel_as_click, good[:-1], good + "A", "k1.e30.AAAAAAAAAAAAAAAAAAAAAA"):
        answer = relay.get(f"/c/{token}")
        assert answer.status == 404 and "location" not in answer.headers, token
    assert relay.events() == []


@pytest.mark.parametrize(
    ("accept_language", "words"),
    [
        ("fr-FR,fr;q=0.9,en;q=0.8", "Me désabonner"),
        ("en-GB,en;q=0.9,fr;q=0.8", "Unsubscribe"),
        ("de-DE", "Unsubscribe"),
        ("de,fr;q=0.7", "Me désabonner"),
    ],
)
def test_the_unsubscribe_page_asks_in_the_readers_language_and_records_nothing(
    relay, accept_language, words
):
    token = make_token(relay.keys, {"k": "u", "s": send_id(7)})
    answer = relay.get(f"/u/{token}", accept_language=accept_language)
    assert answer.status == 200
    page = answer.body.decode()
    assert words in page
    assert '<form method="post">' in page
    assert 'name="List-Unsubscribe" value="One-Click"' in page
    assert relay.events() == []  # a GET never unsubscribes (link scanners follow GETs)


def test_rfc8058_one_click_post_unsubscribes(relay):
    fields = {"k": "u", "s": send_id(8)}
    path = f"/u/{make_token(relay.keys, fields)}"
    # Gmail and Yahoo post the form body themselves, with no Accept: text/html.
    answer = relay.request("POST", path, {**FORM, "User-Agent": "Google-Apps-Script"}, ONE_CLICK)
    assert answer.status == 200 and "location" not in answer.headers
    # A person pressing the button on the page gets a confirmation in French.
    page = relay.request(
        "POST", path, {**FORM, "Accept": "text/html", "Accept-Language": "fr"}, ONE_CLICK
    )
    assert page.status == 200 and "désabonné" in page.body.decode()
    events = relay.events()
    assert [e["kind"] for e in events] == ["unsubscribe", "unsubscribe"]
    assert {e["method"] for e in events} == {"POST"}
    assert events[0]["token"] == fields


def test_a_multipart_one_click_post_unsubscribes_too(relay):
    """RFC 8058 lets the mailbox provider send multipart/form-data."""
    path = f"/u/{make_token(relay.keys, {'k': 'u', 's': send_id(8)})}"
    body = (
        b'--XyZ\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\n'
        b"One-Click\r\n--XyZ--\r\n"
    )
    answer = relay.request(
        "POST", path, {"Content-Type": "multipart/form-data; boundary=XyZ"}, body
    )
    assert answer.status == 200
    assert [e["kind"] for e in relay.events()] == ["unsubscribe"]


def test_an_unsubscribe_post_without_the_one_click_field_or_with_a_bad_token_records_nothing(relay):
    good = f"/u/{make_token(relay.keys, {'k': 'u', 's': send_id(8)})}"
    forged = f"/u/{make_token(RelayKeys.generate('k1'), {'k': 'u', 's': send_id(8)})}"
    assert relay.request("POST", good, FORM, b"").status == 400
    assert relay.request("POST", good, FORM, b"List-Unsubscribe=Yes").status == 400
    assert relay.request("POST", forged, FORM, ONE_CLICK).status == 404
    assert relay.get(forged).status == 404
    assert (
        relay.request("POST", good, FORM, b"List-Unsubscribe=One-Click&x=" + b"a" * 1100).status
        == 413
    )
    assert relay.events() == []


def test_head_answers_200_and_records_nothing(relay):
    """Link scanners probe with HEAD before (or instead of) following."""
    good_click = make_token(relay.keys, {"k": "c", "s": send_id(1), "l": 0, "u": "https://e.com/"})
    paths = [
        relay.pixel({"k": "o", "s": send_id(1)}),
        f"/c/{good_click}",
        f"/c/{good_click[:-2]}",
        "/o/anything.gif",
        f"/u/{make_token(relay.keys, {'k': 'u', 's': send_id(1)})}",
    ]
    for path in paths:
        answer = relay.request("HEAD", path, {"User-Agent": SAFE_LINKS_SCANNER})
        assert answer.status == 200 and answer.body == b"", path
    assert relay.events() == []


def test_healthz_and_unknown_paths(relay):
    health = relay.get("/healthz")
    assert health.status == 200
    assert health.json["ok"] is True and health.json["version"]
    assert relay.get("/").status == 404
    assert relay.get("/o/").status == 404
    assert relay.get("/admin").status == 404
    assert relay.request("PUT", relay.pixel({"k": "o", "s": send_id(1)})).status == 405
    assert relay.request("DELETE", "/v1/events").status == 405
    assert relay.events() == []


def test_the_client_address_behind_a_trusted_proxy_is_the_forwarded_one(start_relay):
    """Behind Caddy on the same host, X-Forwarded-For carries the reader's address."""
    trusting = start_relay("--forwarded-allow-ips", "127.0.0.1")
    pixel = trusting.pixel({"k": "o", "s": send_id(1)})
    trusting.get(pixel, x_forwarded_for="203.0.113.7")
    assert [e["ip"] for e in trusting.events()] == ["203.0.113.7"]
    trusting.stop()

    # A relay that does not trust the sender of the header records the real peer instead.
    distrusting = start_relay("--forwarded-allow-ips", "10.9.9.9")
    distrusting.get(pixel, x_forwarded_for="203.0.113.7")
    assert [e["ip"] for e in distrusting.events()][-1] == "127.0.0.1"


def test_a_database_keeps_its_instance_across_restarts_and_a_new_one_gets_another(
    start_relay, tmp_path
):
    """Hit ids count from 1 again in a new database: the instance tells the app so."""
    first = start_relay()
    instance = first.get("/healthz").json["instance"]
    assert len(instance) == 32
    first.stop()
    again = start_relay()
    assert again.get("/healthz").json["instance"] == instance
    again.stop()
    fresh = start_relay(db=tmp_path / "fresh.db")
    assert fresh.get("/healthz").json["instance"] != instance
