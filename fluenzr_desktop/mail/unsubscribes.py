"""Unsubscribe requests in a person's own words, in EN/FR/DE/ES/IT/NL.

Whole words only, and not after a negation in the same clause ("don't stop emailing me"
is not a request); a message that is nothing but "STOP" (with politeness around it) is.
"""

from __future__ import annotations

import re

from .parsing import MAX_TEXT

# Removal requests; whole words, each checked against a negation in its own clause.
_REMOVAL = re.compile(
    r"""(?<![\w-])(?:
        unsubscribe(?:\s+me)?(?!\w)(?!\s+(?:rates?|links?|buttons?|pages?|process|flow|options?
            |footers?|requests?|emails?\sfrom\s(?:them|that|those)))
        | remove\s+(?:me|us|my\s+(?:e-?mail|address|name|details|contact)\w*)
            (?!\s+(?:from\s+)?(?:the\s+|this\s+|that\s+)?
                (?:cc|bcc|copy|thread|call|meeting|invite|invitation|chat|group|channel
                  |conversation|loop|distribution)\b)
        | take\s+(?:me|us|my\s+(?:e-?mail|address|name))\s+off
        | opt\s+(?:me|us)\s+out
        | stop\s+(?:e-?mailing|sending|contacting|mailing|messaging|writing|spamming|bothering)
        | (?:do\s+not|don't|never)\s+(?:e-?mail|contact|write\s+to|message|spam)\s+(?:me|us)
        | no\s+more\s+e-?mails
        | (?:me\s+)?d[ée]sinscri(?:re|vez(?:-moi)?|s|t|ption)
        | (?:me\s+)?d[ée]sabonn(?:er|ez(?:-moi)?|e|ement)
        | ne\s+(?:(?:souhaite|veux|voudrais|désire|desire)\s+)?plus\s+(?:recevoir|[êe]tre\s+contact[ée]e?s?
            |me\s+contacter|m'(?:[ée]crire|envoyer|contacter))
        | (?:retirez|supprimez|enlevez|rayez)[\s-]moi
        | arr[êe]t(?:ez|e|er)\s+de\s+m(?:'|e\s+)(?:[ée]crire|envoyer|contacter|spammer|solliciter)
        | abmelden | austragen | (?:melden|tragen|nehmen)\s+sie\s+mich\s+(?:\w+\s+){0,6}?(?:ab|aus|raus)
        | keine\s+(?:weiteren\s+)?(?:e-?mails|nachrichten)\s+mehr
        | (?:darme|dar|denme|deme)\s+de\s+baja | b[óo]rr(?:ame|enme|arme)
        | elim[íi]n(?:ame|enme|arme) | no\s+(?:quiero|deseo)\s+recibir\s+m[áa]s
        | cancellami | cancellatemi | disiscriv\w+ | rimuovetemi | rimuovermi | toglietemi
        | non\s+(?:voglio|desidero)\s+più\s+ricevere
        | afmelden | uitschrijven | meld\s+(?:me|mij)\s+(?:\w+\s+){0,4}?af | schrijf\s+(?:me|mij)\s+uit
        | verwijder\s+(?:me|mij|mijn\s+(?:e-?mail|adres)\w*)
    )(?![\w-])""",
    re.I | re.X,
)
_NEGATION = re.compile(
    r"\b(?:not|don't|dont|do\s+not|doesn't|didn't|won't|never|no\s+need|pas|nicht|kein\w*|no|non"
    r"|niet|geen|nunca|mai)\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[.,;:!?\n]")
# A message that is nothing but "STOP" (with politeness around it) is a removal request.
_STOP_WORDS = frozenset({"stop", "stopp", "arrêtez", "arretez", "basta", "unsubscribe", "remove"})
_POLITE = frozenset(
    [
        "please",
        "pls",
        "plz",
        "now",
        "thanks",
        "thank",
        "you",
        "merci",
        "svp",
        "bitte",
        "por",
        "favor",
        "grazie",
        "alstublieft",
        "aub",
        "danke",
        "gracias",
        "me",
        "it",
    ]
)


def asks_to_unsubscribe(text: str) -> bool:
    """Whether a person's own words ask to be taken off the list."""
    text = text.replace("’", "'").replace("\u2011", "-")[:MAX_TEXT]
    words = re.findall(r"[^\W\d_]+", text.lower())
    if (
        words
        and len(words) <= 6
        and any(w in _STOP_WORDS for w in words)
        and all(w in _STOP_WORDS or w in _POLITE for w in words)
    ):
        return True
    for match in _REMOVAL.finditer(text):
        clause_start = max(
            (m.end() for m in _CLAUSE_END.finditer(text, 0, match.start())), default=0
        )
        clause = text[max(clause_start, match.start() - 60) : match.start()]
        if not _NEGATION.search(clause):
            return True
    return False
