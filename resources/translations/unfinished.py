"""List the French catalogue's unfinished entries, and fill them from a tab-separated file.

`fluenzr_fr.ts` is the one source of the French (a translator may open it in Qt Linguist
instead). `make translations` rescans the window's tr() strings with pyside6-lupdate: a new
string lands in the .ts as `type="unfinished"` (with lupdate's suggestion when the same
English is translated elsewhere), and pyside6-lrelease rebuilds the .qm files. Then:

    python resources/translations/unfinished.py              # what still lacks French
    python resources/translations/unfinished.py --tsv > todo.tsv
    # ...write the French in the third column of todo.tsv...
    python resources/translations/unfinished.py --fill todo.tsv
    make translations                                        # rebuild the .qm files

The listing prints `file:line  context  “source”` for every entry that is unfinished or
empty, and exits with status 1 when there is any. `--tsv` prints the same entries as
`context<TAB>source<TAB>suggestion`, ready to edit.

The file given to `--fill` has one entry a line: `context<TAB>source<TAB>french`. A plural
entry (its source has `%n`, the code passes n) takes one column per form instead of one:
`context<TAB>source<TAB>singular<TAB>plural` for French (n ≤ 1, then the rest). The context
is the class whose `self.tr()` holds the string, or the first argument of
`QCoreApplication.translate`, as in the listing; for a string given a disambiguation
(`self.tr("Completed", "contacts")`) it is `CONTEXT|contacts`, so only that entry changes.
`\\t`, `\\n` and `\\\\` stand for a tab, a newline and a backslash; empty lines and lines
starting with `#` are skipped. Entries are found by context, source and disambiguation
(the way Qt looks them up at run time); a finished entry may be
given again to correct it. If a line matches no entry or has the wrong number of forms,
nothing is written and the script says which lines. Only the filled `<translation>`
elements change: the rest of the .ts stays byte for byte as lupdate wrote it.

`--ts FILE` works on another catalogue (default: fluenzr_fr.ts beside this script).
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
FRENCH_CATALOGUE = HERE / "fluenzr_fr.ts"
_MESSAGE = re.compile(r"<message\b.*?</message>", re.S)
_TRANSLATION = re.compile(r"<translation\b[^>]*/>|<translation\b.*?</translation>", re.S)
_ESCAPES = {"\\t": "\t", "\\n": "\n", "\\\\": "\\"}


@dataclass(frozen=True)
class Entry:
    """One message of a .ts catalogue, as Qt finds it: by context, source and comment."""

    context: str
    source: str
    comment: str
    numerus: bool
    state: str  # the translation's type: "" when finished, else unfinished/vanished/obsolete
    forms: tuple[str, ...]  # the translation, or one text per plural form
    locations: tuple[tuple[str, int], ...]  # (file relative to the .ts, line)

    @property
    def key(self) -> tuple[str, str, str]:
        """What Qt matches at run time."""
        return (self.context, self.source, self.comment)

    @property
    def finished(self) -> bool:
        """Qt will show this translation: not unfinished, and no form left empty."""
        return self.state == "" and bool(self.forms) and all(f.strip() for f in self.forms)

    @property
    def in_use(self) -> bool:
        """lupdate still found this string in the code (not vanished or obsolete)."""
        return self.state not in ("vanished", "obsolete")

    def where(self, catalogue: Path) -> str:
        """`file:line` of the first use, relative to the current folder when possible."""
        if not self.locations:
            return "?"
        name, line = self.locations[0]
        path = (catalogue.parent / name).resolve()
        if path.is_relative_to(Path.cwd()):
            path = path.relative_to(Path.cwd())
        return f"{path}:{line}"


def read_catalogue(path: Path) -> list[Entry]:
    """Every message of a .ts file, in the file's order."""
    entries = []
    for context in ET.parse(path).getroot().iter("context"):
        context_name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                state, forms = "unfinished", ()
            elif numerus:
                state = translation.get("type", "")
                forms = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                state, forms = translation.get("type", ""), (translation.text or "",)
            locations = tuple(
                (location.get("filename", ""), int(location.get("line") or 0))
                for location in message.iter("location")
            )
            entries.append(
                Entry(
                    context=context_name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=numerus,
                    state=state,
                    forms=forms,
                    locations=locations,
                )
            )
    return entries


def unfinished(entries: list[Entry]) -> list[Entry]:
    """The entries still used by the code that have no finished translation."""
    return [entry for entry in entries if entry.in_use and not entry.finished]


def _escape(text: str) -> str:
    """A field for the tab-separated file."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _unescape(text: str) -> str:
    return re.sub(r"\\[tn\\]", lambda match: _ESCAPES[match.group()], text)


def _protect(text: str) -> str:
    """XML text escaped the way lupdate writes it, so a later lupdate run changes nothing."""
    for plain, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;")):
        text = text.replace(plain, entity)
    return text.replace("'", "&apos;")


def _translation_xml(forms: tuple[str, ...], numerus: bool) -> str:
    if not numerus:
        return f"<translation>{_protect(forms[0])}</translation>"
    lines = "".join(f"\n            <numerusform>{_protect(form)}</numerusform>" for form in forms)
    return f"<translation>{lines}\n        </translation>"


def _context_field(entry: Entry) -> str:
    """The TSV's first column: the context, and `|comment` for a disambiguated entry."""
    return f"{entry.context}|{entry.comment}" if entry.comment else entry.context


def read_fills(path: Path) -> tuple[dict[tuple[str, str, str], tuple[str, ...]], list[str]]:
    """(context, source, comment) → French forms from a tab-separated file, and its malformed
    lines. The first column is `context` or `context|comment` (tr()'s disambiguation)."""
    fills: dict[tuple[str, str, str], tuple[str, ...]] = {}
    problems = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [_unescape(field) for field in line.split("\t")]
        if len(fields) < 3 or not all(field.strip() for field in fields[2:]):
            problems.append(f"{path}:{number}: expected context<TAB>source<TAB>french")
            continue
        context, _bar, comment = fields[0].partition("|")
        fills[(context, fields[1], comment)] = tuple(fields[2:])
    return fills, problems


def fill(catalogue: Path, fills: dict[tuple[str, str, str], tuple[str, ...]]) -> list[str]:
    """Write these translations into the catalogue as finished; the problems, if any.

    Nothing is written when there is a problem (an unknown entry, a wrong number of forms).
    """
    text = catalogue.read_text(encoding="utf-8")
    entries = read_catalogue(catalogue)
    blocks = list(_MESSAGE.finditer(text))
    if len(blocks) != len(entries):
        return [f"{catalogue}: cannot match its <message> elements; open it in Qt Linguist"]
    found = {entry.key: index for index, entry in enumerate(entries)}
    problems = []
    for (context, source, comment), forms in fills.items():
        index = found.get((context, source, comment))
        if index is None:
            named = f"{context or '(none)'}" + (f" (comment {comment})" if comment else "")
            problems.append(f"no entry “{source}” in context {named}")
            continue
        entry = entries[index]
        wanted = max(len(entry.forms), 2) if entry.numerus else 1
        if len(forms) != wanted:
            problems.append(f"{context} “{source}”: {wanted} form(s) expected, {len(forms)} given")
    if problems:
        return problems
    pieces, last = [], 0
    for index, block in enumerate(blocks):
        entry = entries[index]
        forms = fills.get(entry.key)
        if forms is None:
            continue
        message = block.group()
        replaced = _TRANSLATION.sub(
            lambda _match, f=forms, e=entry: _translation_xml(f, e.numerus), message, count=1
        )
        pieces += [text[last : block.start()], replaced]
        last = block.end()
    pieces.append(text[last:])
    catalogue.write_text("".join(pieces), encoding="utf-8")
    return []


def main(argv: list[str] | None = None) -> int:
    """The command line: list (default), --tsv, or --fill FILE."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, default=FRENCH_CATALOGUE, help="the catalogue")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--tsv", action="store_true", help="print the entries to fill as TSV")
    action.add_argument("--fill", type=Path, metavar="FILE", help="fill entries from a TSV")
    args = parser.parse_args(argv)
    if args.fill:
        fills, problems = read_fills(args.fill)
        problems += fill(args.ts, fills) if not problems else []
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            return 1
        print(f"{len(fills)} entr{'y' if len(fills) == 1 else 'ies'} filled in {args.ts.name}")
        return 0
    todo = unfinished(read_catalogue(args.ts))
    for entry in todo:
        suggestion = [form for form in entry.forms if form.strip()]
        if args.tsv:
            forms = entry.forms if entry.numerus else entry.forms[:1]
            fields = (_context_field(entry), entry.source, *forms)
            print("\t".join(_escape(field) for field in fields))
            continue
        plural = " (plural: one French form per column)" if entry.numerus else ""
        hint = f"  suggested: {' | '.join(suggestion)}" if suggestion else ""
        print(
            f"{entry.where(args.ts)}  {entry.context or '(none)'}  “{entry.source}”{plural}{hint}"
        )
    if not args.tsv:
        print(f"{len(todo)} unfinished entr{'y' if len(todo) == 1 else 'ies'} in {args.ts.name}")
    return 1 if todo else 0


if __name__ == "__main__":
    sys.exit(main())
