"""`fluenzr tracking …`: set a relay from its key file, check it, pull it — and say plainly
what is wrong, without ever printing a key."""

from __future__ import annotations

import stat

from fluenzr_relay.tokens import RelayKeys


def test_a_relay_is_set_checked_and_pulled_without_printing_its_key(cli, relay, workspace_dir):
    url = f"http://127.0.0.1:{relay.port}"
    set_ = cli("tracking", "set-relay", url, "--token-file", str(relay.key_file))
    assert set_.code == 0, set_.stderr
    assert set_.stdout.strip() == (
        f"tracking relay: {url} (signing key k1); check it with `fluenzr tracking test`"
    )
    kept = workspace_dir / "tracking-relay.key"
    assert RelayKeys.load(kept).to_text() == relay.keys.to_text()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600

    tested = cli("tracking", "test")
    assert tested.code == 0, tested.stderr
    assert "is up and accepts this workspace's key" in tested.stdout
    pulled = cli("tracking", "pull", "--json")
    assert pulled.code == 0 and pulled.json["opens"] == 0 and pulled.json["unmatched"] == 0
    shown = cli("tracking", "show")
    secret = relay.keys.to_text().split(":", 1)[1].strip()
    for output in (set_, tested, pulled, shown):
        assert secret not in output.stdout + output.stderr
    assert cli("settings", "get", "tracking_relay_url").stdout.strip() == url


def test_a_bad_key_file_is_refused_naming_its_line_and_nothing_is_written(
    cli, tmp_path, workspace_dir
):
    bad = tmp_path / "relay.key"
    bad.write_text("# made on the relay\nk1:not-base64!\n")
    result = cli("tracking", "set-relay", "https://relay.example.com", "--token-file", str(bad))
    assert result.code != 0 and result.stdout == ""
    assert str(bad) in result.stderr and "line 2" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not (workspace_dir / "tracking-relay.key").exists()
    assert cli("settings", "get", "tracking_relay_url").stdout.strip() == ""


def test_plain_http_to_another_host_is_refused(cli, relay_keys):
    _keys, key_file = relay_keys
    result = cli("tracking", "set-relay", "http://relay.example.com", "--token-file", str(key_file))
    assert result.code != 0
    assert "must use https" in result.stderr


def test_a_relay_with_another_key_or_no_answer_is_said_in_one_line(cli, relay, tmp_path):
    other = tmp_path / "other.key"
    other.write_text(RelayKeys.generate("k9").to_text())
    url = f"http://127.0.0.1:{relay.port}"
    assert cli("tracking", "set-relay", url, "--token-file", str(other)).code == 0
    refused = cli("tracking", "pull")
    assert refused.code != 0
    assert "refused the key" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    relay.stop()
    gone = cli("tracking", "test")
    assert gone.code != 0 and f"cannot reach the relay at {url}" in gone.stderr


def test_without_a_relay_the_commands_say_how_to_set_one(cli):
    for verb in ("test", "pull"):
        result = cli("tracking", verb)
        assert result.code != 0
        assert "fluenzr tracking set-relay URL --token-file FILE" in result.stderr
    assert cli("tracking", "show").stdout.strip() == "tracking relay: none"
