#!/usr/bin/env python3
"""Add a contact through FluenzR Desktop's local API, enroll it in a campaign, print its state.

Standard library only: copy it anywhere Python 3.9+ runs on the same computer as FluenzR.

    python enroll_and_watch.py --url http://127.0.0.1:8787 --token TOKEN --campaign 3 \\
        --email ann@acme.io --first-name Ann

The token is shown in Settings → API, or by `fluenzr api token`; it can also be given in
the FLUENZR_API_TOKEN environment variable (so it stays out of your shell history). An
address that is already a contact is used as it is. Every refusal of the API is a problem
document (application/problem+json) whose `code` and `detail` the script prints.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request


class ApiError(Exception):
    """A refusal of the API: its HTTP status and its problem document."""

    def __init__(self, status: int, problem: dict) -> None:
        super().__init__(f"{status} {problem.get('code', '?')}: {problem.get('detail') or ''}")
        self.status = status
        self.problem = problem


def call(base: str, token: str, method: str, path: str, body: dict | None = None) -> dict:
    """One request to the API; the decoded JSON answer, or ApiError with the problem."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(base.rstrip("/") + path, data=data, method=method)
    request.add_header("Authorization", f"Bearer {token}")
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as error:
        text = error.read().decode("utf-8", "replace")
        try:
            problem = json.loads(text)
        except ValueError:
            problem = {"detail": text.strip()[:200]}
        raise ApiError(error.code, problem if isinstance(problem, dict) else {}) from None


def find_contact(base: str, token: str, email: str) -> dict | None:
    """The contact with this address, if there is one (a search, then an exact match)."""
    wanted, cursor = email.strip().lower(), None
    while True:
        query = {"q": wanted, "limit": 500, **({"cursor": cursor} if cursor else {})}
        page = call(base, token, "GET", f"/v1/contacts?{urllib.parse.urlencode(query)}")
        for contact in page["items"]:
            if contact["email"].lower() == wanted:
                return contact
        cursor = page["next_cursor"]
        if not cursor:
            return None


def add_contact(base: str, token: str, email: str, first_name: str | None) -> dict:
    """Create the contact, or reuse the one that already has this address."""
    fields = {"email": email, **({"first_name": first_name} if first_name else {})}
    try:
        return call(base, token, "POST", "/v1/contacts", fields)
    except ApiError as error:
        existing = find_contact(base, token, email) if error.status in (400, 409) else None
        if existing is None:
            raise
        return existing


def enrollment_of(base: str, token: str, campaign: int, contact_id: int) -> dict | None:
    """The contact's enrollment in the campaign, walking the pages of the list."""
    cursor = None
    while True:
        query = {"limit": 500, **({"cursor": cursor} if cursor else {})}
        path = f"/v1/campaigns/{campaign}/enrollments?{urllib.parse.urlencode(query)}"
        page = call(base, token, "GET", path)
        for item in page["items"]:
            if item["contact"]["id"] == contact_id:
                return item
        cursor = page["next_cursor"]
        if not cursor:
            return None


def main(argv: list[str] | None = None) -> int:
    """Add, enroll, read back, print; 0 when the contact is in the campaign."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8787", help="the API's base URL")
    parser.add_argument("--token", default=os.environ.get("FLUENZR_API_TOKEN"))
    parser.add_argument("--campaign", type=int, required=True, metavar="ID")
    parser.add_argument("--email", default="ann@example.com", help="the contact to add")
    parser.add_argument("--first-name")
    args = parser.parse_args(argv)
    if not args.token:
        parser.error("give --token or set FLUENZR_API_TOKEN")
    try:
        contact = add_contact(args.url, args.token, args.email, args.first_name)
        print(f"contact {contact['id']}: {contact['email']}")
        outcome = call(
            args.url,
            args.token,
            "POST",
            f"/v1/campaigns/{args.campaign}/enrollments",
            {"contact_ids": [contact["id"]]},
        )
        print(f"enrolled: {outcome['enrolled']}")
        for skipped in outcome["skipped"]:
            print(f"skipped: {skipped['reason']}")
        enrollment = enrollment_of(args.url, args.token, args.campaign, contact["id"])
    except ApiError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except urllib.error.URLError as error:
        print(f"error: cannot reach {args.url} ({error.reason})", file=sys.stderr)
        return 1
    if enrollment is None:
        print(f"error: contact {contact['id']} is not in campaign {args.campaign}", file=sys.stderr)
        return 1
    print(f"state: {enrollment['state']}")
    print(f"next action: {enrollment['next_action_at'] or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
