"""`fluenzr campaign preview ID --contact E --variant B`: one A/B variant, as that contact gets it."""

from __future__ import annotations

from tests.cli.helpers import assert_refused, write_json
from tests.ops.test_variant_preview import variant_document


def _create(cli, tmp_path) -> str:
    path = write_json(tmp_path / "ab.json", variant_document())
    result = cli("campaign", "create", "--name", "A/B", "--from-file", path, "--json")
    assert result.code == 0, result.stderr
    return str(result.json["id"])


def test_preview_shows_the_variant_asked_for_and_its_thread(cli, tmp_path, contacts):
    campaign_id = _create(cli, tmp_path)

    result = cli("campaign", "preview", campaign_id, "--contact", "ann@acme.com",
                 "--variant", "B", "--json")  # fmt: skip

    assert result.code == 0, result.stderr
    first, follow_up = result.json["emails"]
    assert (first["variant"], first["subject"]) == ("B", "Acme and cold email")
    assert (follow_up["variant"], follow_up["subject"]) == (None, "Re: Acme and cold email")

    text = cli("campaign", "preview", campaign_id, "--contact", "ann@acme.com", "--variant", "C")
    assert text.code == 0, text.stderr
    assert "── e1 · variant C ──" in text.stdout
    assert "Hello Ann, C's body." in text.stdout
    assert "── e2 ──" in text.stdout  # no variants there: no variant named


def test_preview_without_variant_names_the_one_shown(cli, tmp_path, contacts):
    campaign_id = _create(cli, tmp_path)

    result = cli("campaign", "preview", campaign_id, "--contact", "ann@acme.com")

    assert result.code == 0, result.stderr
    assert "── e1 · variant A ──" in result.stdout  # not enrolled: the first variant
    assert "Subject: Quick question, Ann" in result.stdout


def test_an_unknown_variant_is_one_line(cli, tmp_path, contacts):
    campaign_id = _create(cli, tmp_path)

    for json_mode in (False, True):
        extra = ("--json",) if json_mode else ()
        result = cli("campaign", "preview", campaign_id, "--contact", "ann@acme.com",
                     "--variant", "Z", *extra)  # fmt: skip
        message = assert_refused(result, json_mode=json_mode)
        assert "no email of this campaign has variant 'Z' (variants: A, B, C)" in message
