"""Tokens and key files: what the app signs, the relay reads back; nothing else reads at all."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets

import pytest

from fluenzr_relay.tokens import (
    KeyFileError,
    RelayKeys,
    accepted_bearers,
    events_bearer,
    make_token,
    read_token,
)

SEND = "0123456789abcdef0123456789abcdef"
OPEN = {"k": "o", "s": SEND}
CLICK = {"k": "c", "s": SEND, "l": 2, "u": "https://example.com/pricing?plan=pro#top"}
HONEYPOT = {"k": "c", "s": SEND, "h": 1}
UNSUBSCRIBE = {"k": "u", "s": SEND}


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def signed(keys: RelayKeys, payload: str, kid: str = "k1") -> str:
    """A correctly signed token around any payload text (to reach the shape checks)."""
    secret = keys.secret(kid)
    signature = b64(hmac.new(secret, f"{kid}.{payload}".encode(), hashlib.sha256).digest())[:22]
    return f"{kid}.{payload}.{signature}"


def payload_of(fields) -> str:
    return b64(json.dumps(fields, separators=(",", ":"), sort_keys=True).encode())


@pytest.fixture
def keys() -> RelayKeys:
    return RelayKeys.generate("k1")


@pytest.mark.parametrize("fields", [OPEN, CLICK, HONEYPOT, UNSUBSCRIBE])
def test_a_token_reads_back_its_fields(keys, fields):
    token = make_token(keys, fields)
    assert read_token(keys, token, fields["k"]) == fields
    assert token.startswith("k1.") and len(token.rsplit(".", 1)[1]) == 22


def test_the_token_format_is_the_contract(keys):
    """KID.PAYLOAD.SIG exactly as the spec writes it, so another implementation interoperates."""
    expected = signed(keys, payload_of(CLICK))
    assert make_token(keys, CLICK) == expected


def test_a_token_of_another_kind_reads_as_nothing(keys):
    assert read_token(keys, make_token(keys, OPEN), "c") is None
    assert read_token(keys, make_token(keys, CLICK), "o") is None
    assert read_token(keys, make_token(keys, UNSUBSCRIBE), "o") is None


def test_rotation_new_key_signs_old_key_still_verifies(keys):
    old_token = make_token(keys, CLICK)
    rotated = RelayKeys.generate("k2").followed_by(keys)
    assert rotated.signing_kid == "k2"
    new_token = make_token(rotated, CLICK)
    assert new_token.startswith("k2.")
    assert read_token(rotated, old_token, "c") == CLICK
    assert read_token(rotated, new_token, "c") == CLICK
    # A relay that still has only the old key refuses what the new key signed.
    assert read_token(keys, new_token, "c") is None
    # The relay accepts the app's bearer whichever of its keys the app signs with.
    assert events_bearer(keys) in accepted_bearers(rotated)
    assert events_bearer(rotated) in accepted_bearers(rotated)
    assert events_bearer(rotated) != events_bearer(keys)


def test_events_bearer_is_the_documented_hmac(keys):
    digest = hmac.new(keys.secret("k1"), b"fluenzr-relay events v1", hashlib.sha256).digest()
    assert events_bearer(keys) == b64(digest)


def _malformed(keys: RelayKeys) -> dict[str, object]:
    good = make_token(keys, CLICK)
    kid, payload, signature = good.split(".")
    other = RelayKeys.generate("k1")
    return {
        "empty": "",
        "not a string": None,
        "bytes": good.encode(),
        "truncated signature": good[:-1],
        "truncated payload": f"{kid}.{payload[:-4]}.{signature}",
        "cut in half": good[: len(good) // 2],
        "two parts": f"{kid}.{payload}",
        "four parts": good + ".x",
        "signature flipped": f"{kid}.{payload}.{signature[:-1]}{'A' if signature[-1] != 'A' else 'B'}",
        "signed with another secret": make_token(other, CLICK),
        "unknown kid": signed(RelayKeys.generate("zz"), payload, "zz"),
        "non-ascii": good[:-1] + "é",
        "too long": signed(keys, payload_of({**CLICK, "u": "https://e.com/" + "a" * 4000})),
        "payload not base64": signed(keys, "!!!!"),
        "payload bad padding length": signed(keys, "abcde"),
        "payload not json": signed(keys, b64(b"not json")),
        "payload a list": signed(keys, b64(b"[1,2]")),
        "payload not utf-8": signed(keys, b64(b"\xff\xfe")),
        "missing kind": signed(keys, payload_of({"s": SEND, "u": "https://e.com"})),
        "unknown kind": signed(keys, payload_of({"k": "x", "s": SEND})),
        "send id uppercase": signed(keys, payload_of({**CLICK, "s": SEND.upper()})),
        "send id short": signed(keys, payload_of({**CLICK, "s": SEND[:-1]})),
        "send id an int": signed(keys, payload_of({**CLICK, "s": 12})),
        "javascript destination": signed(keys, payload_of({**CLICK, "u": "javascript:alert(1)"})),
        "data destination": signed(keys, payload_of({**CLICK, "u": "data:text/html,hi"})),
        "relative destination": signed(keys, payload_of({**CLICK, "u": "/evil"})),
        "header injection": signed(
            keys, payload_of({**CLICK, "u": "https://e.com/\r\nSet-Cookie: a=b"})
        ),
        "no destination": signed(keys, payload_of({"k": "c", "s": SEND, "l": 0})),
        "negative link index": signed(keys, payload_of({**CLICK, "l": -1})),
        "boolean link index": signed(keys, payload_of({**CLICK, "l": True})),
        "honeypot with destination": signed(keys, payload_of({**HONEYPOT, "u": "https://e.com"})),
        "honeypot flag 2": signed(keys, payload_of({**HONEYPOT, "h": 2})),
        "open with a destination": signed(keys, payload_of({**OPEN, "u": "https://e.com"})),
        "extra field": signed(keys, payload_of({**OPEN, "email": "a@b.c"})),
        "deeply nested": signed(keys, b64(b"[" * 3000 + b"]" * 3000)),
    }


def test_every_malformed_token_reads_as_none_without_raising(keys):
    for name, token in _malformed(keys).items():
        for kind in ("o", "c", "u"):
            assert read_token(keys, token, kind) is None, name


def test_make_token_refuses_fields_off_the_contract(keys):
    with pytest.raises(ValueError, match="http"):
        make_token(keys, {"k": "c", "s": SEND, "u": "ftp://example.com/file"})
    with pytest.raises(ValueError, match="send id"):
        make_token(keys, {"k": "o", "s": "not-hex"})


def test_key_file_round_trip_and_comments(tmp_path):
    keys = RelayKeys.generate("new").followed_by(RelayKeys.generate("old"))
    path = tmp_path / "relay.key"
    path.write_text("# FluenzR relay keys\n\n" + keys.to_text())
    loaded = RelayKeys.load(path)
    assert loaded.kids == ("new", "old")
    assert loaded.signing_kid == "new"
    assert make_token(loaded, OPEN) == make_token(keys, OPEN)
    assert "secret" not in repr(loaded) and keys.to_text().split(":")[1][:10] not in repr(loaded)


SECRET = b64(secrets.token_bytes(32))


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        (f"k1:{SECRET}\nnot a key line\n", 2, "KID:SECRET"),
        (f"# keys\n\nbad-id:{SECRET}\n", 3, "key id"),
        (f"{'a' * 17}:{SECRET}\n", 1, "key id"),
        ("k1:abc\n", 1, "at least 32"),
        (f"k1:{SECRET}=\n", 1, "base64url"),
        (f"k1:{SECRET}\nk1:{SECRET}\n", 2, "twice"),
    ],
)
def test_a_bad_key_file_names_its_file_and_line(tmp_path, text, line, says):
    path = tmp_path / "relay.key"
    path.write_text(text)
    with pytest.raises(KeyFileError) as raised:
        RelayKeys.load(path)
    message = str(raised.value)
    assert message.startswith(f"{path}, line {line}:"), message
    assert says in message and "\n" not in message
    assert SECRET not in message


def test_a_key_file_without_keys_or_unreadable_says_so(tmp_path):
    empty = tmp_path / "empty.key"
    empty.write_text("# nothing yet\n\n")
    with pytest.raises(KeyFileError, match="no key"):
        RelayKeys.load(empty)
    with pytest.raises(KeyFileError, match="cannot read"):
        RelayKeys.load(tmp_path / "missing.key")
    binary = tmp_path / "binary.key"
    binary.write_bytes(f"k1:{SECRET}\n".encode() + b"\xff\xfe\n")
    with pytest.raises(KeyFileError, match=r"line 2: not UTF-8"):
        RelayKeys.load(binary)
