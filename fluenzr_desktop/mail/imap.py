"""The user's IMAP account through IMAPClient: login, folders, Sent copies, Message-ID lookups."""

from __future__ import annotations

import contextlib
import imaplib
import re
import ssl
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from fluenzr_desktop.domain.errors import FluenzrError

SECURITY_MODES = ("ssl", "starttls", "none")
ImapFailureKind = Literal["auth", "connection", "protocol"]

# Common localised names, tried in this order when the server marks no special folder
# (no SPECIAL-USE, no XLIST). Compared case-insensitively, after the personal prefix.
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "\\Sent": (
        "Sent",
        "Sent Items",
        "Sent Messages",
        "Sent Mail",
        "[Gmail]/Sent Mail",
        "[Google Mail]/Sent Mail",
        "Envoyés",
        "Éléments envoyés",
        "Messages envoyés",
        "Gesendet",
        "Gesendete Elemente",
        "Gesendete Objekte",
        "Enviados",
        "Elementos enviados",
        "Posta inviata",
        "Inviata",
        "Elementi inviati",
        "Verzonden",
        "Verzonden items",
        "Verzonden berichten",
    ),
    "\\Junk": (
        "Junk",
        "Spam",
        "Junk E-mail",
        "Junk Email",
        "Junk Mail",
        "Bulk Mail",
        "[Gmail]/Spam",
        "[Google Mail]/Spam",
        "Courrier indésirable",
        "Indésirables",
        "Pourriel",
        "Junk-E-Mail",
        "Correo no deseado",
        "Posta indesiderata",
        "Ongewenste e-mail",
    ),
    "\\Trash": (
        "Trash",
        "Deleted Items",
        "Deleted Messages",
        "Deleted",
        "Bin",
        "[Gmail]/Trash",
        "[Gmail]/Bin",
        "[Google Mail]/Trash",
        "[Google Mail]/Bin",
        "Corbeille",
        "Éléments supprimés",
        "Papierkorb",
        "Gelöschte Elemente",
        "Papelera",
        "Elementos eliminados",
        "Cestino",
        "Posta eliminata",
        "Prullenbak",
        "Verwijderde items",
    ),
    "\\Drafts": (
        "Drafts",
        "Draft",
        "[Gmail]/Drafts",
        "[Google Mail]/Drafts",
        "Brouillons",
        "Entwürfe",
        "Borradores",
        "Bozze",
        "Concepten",
    ),
}
# XLIST (Gmail's pre-standard extension) names two of them differently.
_XLIST_ALIASES = {"\\junk": "\\spam", "\\all": "\\allmail"}
_SPECIAL_USE_FLAGS = {"\\all", "\\archive", "\\drafts", "\\flagged", "\\junk", "\\sent", "\\trash"}
_UNSELECTABLE = {"\\noselect", "\\nonexistent"}
_MESSAGE_ID = re.compile(rb"<[^<>\s]+>")
_MESSAGE_ID_FETCH = b"BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"
# Up to this many ids, one SEARCH each beats reading the folder's headers.
_SEARCH_LIMIT = 4
# Messages whose Message-ID header one FETCH reads (a few hundred KB at most).
_FETCH_CHUNK = 1000
_MIN_REDACTED_PASSWORD = 3


@dataclass(frozen=True)
class ImapSettings:
    """Where and how to reach one IMAP account; the password never appears in repr."""

    host: str
    port: int
    security: str  # "ssl" | "starttls" | "none"
    username: str
    password: str = field(repr=False)
    timeout: float = 30.0
    ssl_context: ssl.SSLContext | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.security not in SECURITY_MODES:
            raise ValueError(
                f"IMAP security must be one of {', '.join(SECURITY_MODES)}, not {self.security!r}"
            )


class ImapFailure(FluenzrError):
    """An IMAP exchange that failed; `kind` is "auth", "connection" or "protocol"."""

    def __init__(self, kind: ImapFailureKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def _text(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return "" if value is None else str(value)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _flags(raw: Iterable[object]) -> set[str]:
    # IMAP flags are case-insensitive.
    return {_text(flag).lower() for flag in raw}


def _fold(name: str) -> str:
    # Servers and clients disagree on Unicode normalisation and case of localised names.
    return unicodedata.normalize("NFC", name).casefold()


def _slashed(name: str, delim: str) -> str:
    # Compared with "/" as delimiter so that "[Gmail]/Sent Mail" matches on any server.
    return _fold(name.replace(delim, "/") if delim else name)


def _normalise_use(use: str) -> str:
    """'\\Sent', 'Sent' or 'sent' → '\\Sent'."""
    bare = use.strip().lstrip("\\")
    if not bare:
        raise ValueError("a special-use flag such as \\Sent is required")
    for known in COMMON_NAMES:
        if known[1:].lower() == bare.lower():
            return known
    return "\\" + bare[0].upper() + bare[1:]


def normalise_message_id(message_id: str) -> str:
    """The `<...>` form of a Message-ID, case kept; rejects what cannot be a Message-ID."""
    text = message_id.strip()
    if not text.startswith("<"):
        text = f"<{text}>"
    if (
        not text.isascii()
        or len(text) < 3
        or not text.endswith(">")
        or any(c.isspace() or c in '<>"\\' for c in text[1:-1])
    ):
        raise ValueError(f"not a Message-ID: {message_id!r}")
    return text


def _ids_in_fetch(data: dict[bytes, object]) -> set[str]:
    """Message-IDs in one FETCH item's header block."""
    found: set[str] = set()
    for key, value in data.items():
        # Servers echo the header name in their own case, so match on the prefix only.
        if isinstance(key, bytes) and key.upper().startswith(b"BODY[") and isinstance(value, bytes):
            found.update(match.decode("ascii") for match in _MESSAGE_ID.findall(value))
    return found


class ImapMailbox:
    """One logged-in IMAP connection to the user's account (a context manager)."""

    def __init__(self, settings: ImapSettings) -> None:
        self.settings = settings
        self._client: IMAPClient | None = None
        self._delimiter: str | None = None
        self._folders: list[tuple[set[str], str, str]] | None = None
        self._special: dict[str, str | None] = {}

    def __enter__(self) -> ImapMailbox:
        if self._client is None:
            self.connect()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        s = self.settings
        return f"ImapMailbox({s.username}@{s.host}:{s.port}, {s.security})"

    # -- connection -------------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        """Whether a logged-in connection is open (as far as we know)."""
        return self._client is not None

    @property
    def client(self) -> IMAPClient:
        """The logged-in IMAPClient, for what this class does not wrap (IDLE, FETCH…)."""
        if self._client is None:
            raise ImapFailure("connection", self._message("not connected"))
        return self._client

    def connect(self) -> str:
        """Connect, secure and log in; return a readable summary of the server's answers."""
        if self._client is not None:
            self.close()
        s = self.settings
        context = s.ssl_context or ssl.create_default_context()
        answers: list[str] = []
        with self._guard("cannot connect"):
            client = IMAPClient(
                s.host,
                s.port,
                ssl=s.security == "ssl",
                ssl_context=context if s.security == "ssl" else None,
                timeout=s.timeout,
            )
        try:
            answers.append("greeting: " + self._clean_answer(client.welcome))
            if s.security == "starttls":
                if not client.has_capability("STARTTLS"):
                    # Going on in clear text would send the password unprotected.
                    raise ImapFailure(
                        "connection", self._message("STARTTLS failed", "not offered by the server")
                    )
                with self._guard("STARTTLS failed"):
                    answers.append("starttls: " + self._clean_answer(client.starttls(context)))
            with self._guard("login failed"):
                answers.append("login: " + self._clean_answer(client.login(s.username, s.password)))
        except BaseException:
            with contextlib.suppress(Exception):
                client.shutdown()
            raise
        self._client = client
        self._delimiter = None
        self._folders = None
        self._special = {}
        return "; ".join(answers)

    def close(self) -> None:
        """Log out and close the connection; never raises."""
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:
            with contextlib.suppress(Exception):
                client.shutdown()

    def _clean_answer(self, answer: object) -> str:
        text = _one_line(_text(answer))
        if text.startswith("* OK "):
            text = text[5:]
        # The capability list in the greeting is noise for a person reading the summary.
        text = re.sub(r"^\[CAPABILITY [^\]]*\]\s*", "", text)
        return self._redact(text) or "(empty)"

    def _redact(self, text: str) -> str:
        password = self.settings.password
        if len(password) >= _MIN_REDACTED_PASSWORD:
            text = text.replace(password, "***")
        return text

    def _message(self, what: str, detail: object = None) -> str:
        s = self.settings
        text = f"IMAP {s.host}:{s.port}: {what}"
        if detail is not None:
            # imaplib puts server answers into its messages as b'...' reprs.
            shown = re.sub(r"""\bb(['"])(.*?)\1""", r"\2", _text(detail))
            text += f": {shown or type(detail).__name__}"
        return self._redact(_one_line(text))

    @contextlib.contextmanager
    def _guard(self, what: str) -> Iterator[None]:
        """Turn IMAPClient, socket and TLS errors into ImapFailure."""
        try:
            yield
        except ImapFailure:
            raise
        except LoginError as exc:
            # IMAPClient reports a hang-up during LOGIN as a LoginError, and Dovecot says
            # UNAVAILABLE when its own auth is broken: neither is the user's password.
            broken = any(sign in str(exc) for sign in ("[UNAVAILABLE]", "socket error"))
            kind: ImapFailureKind = "connection" if broken else "auth"
            raise ImapFailure(kind, self._message(what, exc)) from None
        except (imaplib.IMAP4.abort, OSError) as exc:
            # abort: the server hung up; OSError covers refused, timeouts and ssl.SSLError.
            self._drop()
            raise ImapFailure("connection", self._message(what, exc)) from None
        except (imaplib.IMAP4.error, ValueError) as exc:
            raise ImapFailure("protocol", self._message(what, exc)) from None

    def _drop(self) -> None:
        """Forget a connection that is broken."""
        client, self._client = self._client, None
        if client is not None:
            with contextlib.suppress(Exception):
                client.shutdown()

    # -- folders ----------------------------------------------------------------------------

    def delimiter(self) -> str:
        """The hierarchy delimiter the server reports ("" for a flat server)."""
        if self._delimiter is None:
            client = self.client
            found = ""
            with self._guard("cannot read the folder delimiter"):
                if client.has_capability("NAMESPACE"):
                    personal = client.namespace().personal or ()
                    if personal:
                        found = _text(personal[0][1])
                if not found:
                    # RFC 3501: LIST "" "" answers with the delimiter of the root.
                    for _, delim, _ in client.list_folders("", ""):
                        found = found or _text(delim)
                if not found:
                    found = next((d for _, d, _ in self._listing() if d), "")
            self._delimiter = found
        return self._delimiter

    def _personal_prefix(self) -> str:
        """Where the user's own folders live ("" on most servers, "INBOX." on Courier)."""
        client = self.client
        with self._guard("cannot read the namespace"):
            if client.has_capability("NAMESPACE"):
                personal = client.namespace().personal or ()
                return _text(personal[0][0]) if personal else ""
        delim = self.delimiter()
        if not delim:
            return ""
        others = [name for _, _, name in self._listing() if name.upper() != "INBOX"]
        prefix = "INBOX" + delim
        if others and all(name.upper().startswith(prefix.upper()) for name in others):
            return prefix
        return ""

    def _listing(self) -> list[tuple[set[str], str, str]]:
        """All folders as (lower-cased flags, delimiter, name), cached until one is created."""
        if self._folders is None:
            with self._guard("cannot list folders"):
                rows = self.client.list_folders()
            self._folders = [
                (_flags(flags), _text(delim), _text(name)) for flags, delim, name in rows
            ]
        return self._folders

    def _extended_listing(self) -> list[tuple[set[str], str, str]]:
        """LIST "" "*" RETURN (SPECIAL-USE): RFC 6154 lets servers keep flags out of plain LIST."""
        client = self.client
        # IMAPClient has no LIST-EXTENDED call; reuse its parser on imaplib's raw answer.
        imap = client._imap
        with self._guard("cannot list special-use folders"):
            typ, data = imap._simple_command("LIST", '""', '"*"', "RETURN", "(SPECIAL-USE)")
            if typ != "OK":
                return []
            typ, data = imap._untagged_response(typ, data, "LIST")
            rows = client._proc_folder_list(data)
        return [(_flags(flags), _text(delim), _text(name)) for flags, delim, name in rows]

    def folder_for(self, use: str) -> str | None:
        """The folder the server designates for a use (\\Sent, \\Junk, \\Trash, \\Drafts)."""
        flag = _normalise_use(use)
        if flag not in self._special:
            self._special[flag] = self._find_folder(flag)
        return self._special[flag]

    def _find_folder(self, flag: str) -> str | None:
        wanted = flag.lower()
        listing = self._listing()
        found = self._by_flag(listing, {wanted})
        if found:
            return found
        if self.client.has_capability("SPECIAL-USE") and not any(
            flags & _SPECIAL_USE_FLAGS for flags, _, _ in listing
        ):
            found = self._by_flag(self._extended_listing(), {wanted})
            if found:
                return found
        if self.client.has_capability("XLIST"):
            with self._guard("cannot list folders (XLIST)"):
                rows = self.client.xlist_folders()
            xlisting = [(_flags(f), _text(d), _text(n)) for f, d, n in rows]
            found = self._by_flag(xlisting, {wanted, _XLIST_ALIASES.get(wanted, wanted)})
            if found:
                return found
        return self._by_name(listing, flag)

    @staticmethod
    def _by_flag(listing: list[tuple[set[str], str, str]], wanted: set[str]) -> str | None:
        for flags, _, name in listing:
            if flags & wanted and not flags & _UNSELECTABLE:
                return name
        return None

    def _by_name(self, listing: list[tuple[set[str], str, str]], flag: str) -> str | None:
        names = COMMON_NAMES.get(flag, ())
        if not names:
            return None
        prefix = self._personal_prefix()
        candidates: dict[str, str] = {}
        for flags, delim, name in listing:
            if flags & _UNSELECTABLE:
                continue
            folded = _slashed(name, delim)
            candidates.setdefault(folded, name)
            # "INBOX.Sent" on Courier-style servers is the user's "Sent".
            for lead in {
                _slashed(prefix, delim),
                _slashed("INBOX" + delim, delim) if delim else "",
            }:
                if lead and folded.startswith(lead):
                    candidates.setdefault(folded[len(lead) :], name)
        for known in names:
            if _fold(known) in candidates:
                return candidates[_fold(known)]
        return None

    def ensure_sent_folder(self) -> str:
        """The Sent folder; creates "Sent" (in the personal namespace) if the server has none."""
        existing = self.folder_for("\\Sent")
        if existing:
            return existing
        name = self._personal_prefix() + "Sent"
        client = self.client
        try:
            with self._guard(f"cannot create the folder {name!r}"):
                client.create_folder(name)
        except ImapFailure as failure:
            # Another client may have created it meanwhile: only then is the error harmless.
            self._folders = None
            if failure.kind != "protocol" or not any(n == name for _, _, n in self._listing()):
                raise
        with contextlib.suppress(Exception):
            # Subscribed so that mail clients show it; some servers refuse, which is fine.
            client.subscribe_folder(name)
        self._folders = None
        self._special["\\Sent"] = name
        return name

    # -- Sent copies and Message-ID lookups --------------------------------------------------

    def append_sent(self, message_bytes: bytes, when: datetime | None = None) -> None:
        """Store a copy of a sent message, marked \\Seen, in the Sent folder."""
        folder = self.ensure_sent_folder()
        with self._guard(f"cannot append to {folder!r}"):
            self.client.append(folder, message_bytes, flags=(b"\\Seen",), msg_time=when)

    def _examine(self, folder: str) -> int:
        """Open a folder read-only; return its message count."""
        with self._guard(f"cannot open {folder!r}"):
            info = self.client.select_folder(folder, readonly=True)
        return int(info.get(b"EXISTS", 0))

    def _lookup_folder(self, folder: str | None) -> str | None:
        return folder if folder is not None else self.folder_for("\\Sent")

    def find_message_id(self, message_id: str, folder: str | None = None) -> bool:
        """Whether a message with exactly this Message-ID is in the folder (default Sent)."""
        wanted = normalise_message_id(message_id)
        target = self._lookup_folder(folder)
        if target is None or self._examine(target) == 0:
            return False
        return wanted in self._search_ids([wanted])

    def find_message_ids(self, message_ids: Iterable[str], folder: str | None = None) -> set[str]:
        """Which of these Message-IDs are in the folder (default Sent), as given."""
        given = {normalise_message_id(mid): mid for mid in message_ids}
        target = self._lookup_folder(folder)
        if not given or target is None:
            return set()
        count = self._examine(target)
        if count == 0:
            return set()
        if len(given) <= _SEARCH_LIMIT:
            found = self._search_ids(list(given))
        else:
            found = self._scan_ids(set(given), count)
        return {given[mid] for mid in found}

    def _search_ids(self, wanted: list[str]) -> set[str]:
        """SEARCH HEADER per id, then FETCH to keep exact matches only (SEARCH is a substring)."""
        client = self.client
        found: set[str] = set()
        with self._guard("cannot search by Message-ID"):
            for mid in wanted:
                uids = client.search(["HEADER", "Message-ID", mid])
                if not uids:
                    continue
                for data in client.fetch(uids, [_MESSAGE_ID_FETCH]).values():
                    if mid in _ids_in_fetch(data):
                        found.add(mid)
                        break
        return found

    def _scan_ids(self, wanted: set[str], count: int) -> set[str]:
        """Read Message-ID headers newest first, stopping once every id is found."""
        client = self.client
        found: set[str] = set()
        high = count
        with self._guard("cannot read Message-IDs"):
            # Sequence numbers let us page from the newest message without listing UIDs.
            client.use_uid = False
            try:
                while high >= 1 and found != wanted:
                    low = max(1, high - _FETCH_CHUNK + 1)
                    for data in client.fetch(range(low, high + 1), [_MESSAGE_ID_FETCH]).values():
                        found.update(_ids_in_fetch(data) & wanted)
                    high = low - 1
            finally:
                client.use_uid = True
        return found
