"""Fill the French catalogue from this table and mirror sources into the English one.

Run after `pyside6-lupdate`; then `pyside6-lrelease` both `.ts` files.
"""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).parent
FRENCH = {
    "FluenzR Desktop — %1": "FluenzR Desktop — %1",
    "Campaigns": "Campagnes",
    "Contacts": "Contacts",
    "Accounts": "Comptes",
    "Settings": "Paramètres",
    "Name": "Nom",
    "Status": "Statut",
    "Setting": "Paramètre",
    "Value": "Valeur",
    "Workspace: %1": "Espace de travail : %1",
    "No contacts yet. Import a CSV file with: fluenzr contacts import FILE": (
        "Aucun contact pour l’instant. Importez un fichier CSV avec : "
        "fluenzr contacts import FICHIER"
    ),
    "No sending account yet.": "Aucun compte d’envoi pour l’instant.",
    "Draft": "Brouillon",
    "Active": "Active",
    "Paused": "En pause",
    "Completed": "Terminée",
    "Archived": "Archivée",
    "FluenzR Desktop": "FluenzR Desktop",
    "Engine: off": "Moteur : arrêté (désactivé)",
    "Engine: error — %1": "Moteur : erreur — %1",
    "Engine: running": "Moteur : en marche",
    "Engine: stopped": "Moteur : arrêté",
    "Sent today: %1 / %2": "Envoyés aujourd’hui : %1 / %2",
    "Next send: none scheduled": "Prochain envoi : aucun prévu",
    "Next send: %1": "Prochain envoi : %1",
    "No system keyring was found. Master password of the encrypted password file:": (
        "Aucun trousseau système trouvé. Mot de passe maître du fichier chiffré des mots de passe :"
    ),
}
PLURALS = {
    "%n contact(s) in this workspace.": (
        ["%n contact dans cet espace de travail.", "%n contacts dans cet espace de travail."],
        ["%n contact in this workspace.", "%n contacts in this workspace."],
    )
}


def fill(language: str) -> list[str]:
    path = HERE / f"fluenzr_{language}.ts"
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.find("source").text
        translation = message.find("translation")
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        translation.text = None
        if source in PLURALS:
            forms = PLURALS[source][0 if language == "fr" else 1]
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        elif language == "en":
            translation.text = source
        elif source in FRENCH:
            translation.text = FRENCH[source]
        else:
            translation.set("type", "unfinished")
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


if __name__ == "__main__":
    untranslated = fill("fr")
    fill("en")
    if untranslated:
        sys.exit("untranslated: " + "; ".join(untranslated))
