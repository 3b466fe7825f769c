"""Fill the French catalogue from this table and mirror sources into the English one.

Run after `pyside6-lupdate`; then `pyside6-lrelease` both `.ts` files.
"""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).parent
FRENCH = {
    "Sending is handled by another FluenzR process": "L’envoi est assuré par un autre processus FluenzR",
    "Read-only workspace: nothing is sent": "Espace de travail en lecture seule : aucun envoi",
    "empty: no login (local relay, test server)": "vide : sans authentification (relais local, serveur de test)",
    "Username: a password needs one (leave both empty to send without login)": "Identifiant : un mot de passe en demande un (laissez les deux vides pour envoyer sans authentification)",
    "Password: an account with a username needs one": "Mot de passe : un compte avec identifiant en a besoin",
    "• %1: missing for %2 of %3 contact(s), e.g. %4": "• %1 : manquant pour %2 contact(s) sur %3, p. ex. %4",
    "Missing values": "Valeurs manquantes",
    "Some contacts have no value for a field the emails print without a default. They will not get those emails and will move to Error; you can fill the values and retry them later.": "Certains contacts n’ont pas de valeur pour un champ que les e-mails affichent sans valeur par défaut. Ils ne recevront pas ces e-mails et passeront en Erreur ; vous pourrez compléter les valeurs et les relancer ensuite.",
    "Activate anyway": "Activer quand même",
    "Resume anyway": "Reprendre quand même",
    "Nothing started: fill the missing values first.": "Rien n’a démarré : complétez d’abord les valeurs manquantes.",
    "Retry errors": "Relancer les erreurs",
    "Put the selected contacts in error (all of them if none is selected) back where they stood, once you fixed the cause.": "Remet les contacts en erreur sélectionnés (tous si aucun n’est sélectionné) là où ils en étaient, une fois la cause corrigée.",
    "None of the selected contacts is in error.": "Aucun des contacts sélectionnés n’est en erreur.",
    "%1 contact(s) back in the sequence, %2 skipped.": "%1 contact(s) remis dans la séquence, %2 ignoré(s).",
    "Depends on the path the contact took:": "Selon le chemin suivi par le contact :",
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
# Accounts screen and CSV import wizard.
FRENCH.update(
    {
        "New account": "Nouveau compte",
        "Other": "Autre",
        "This provider needs an app password, made in its security settings.": (
            "Ce fournisseur exige un mot de passe d’application, créé dans ses réglages de sécurité."
        ),
        "no account cap": "pas de plafond du compte",
        "the campaign's time zone": "le fuseau horaire de la campagne",
        "Copy sent emails to the Sent folder (IMAP)": (
            "Copier les e-mails envoyés dans le dossier Envoyés (IMAP)"
        ),
        "Added below every email of this account": "Ajoutée sous chaque e-mail de ce compte",
        "Name:": "Nom :",
        "Email address:": "Adresse e-mail :",
        "From name:": "Nom de l’expéditeur :",
        "Reply-to:": "Répondre à :",
        "Provider:": "Fournisseur :",
        "SMTP server:": "Serveur SMTP :",
        "IMAP server:": "Serveur IMAP :",
        "Username:": "Identifiant :",
        "Password:": "Mot de passe :",
        "Daily cap:": "Plafond quotidien :",
        "Time zone:": "Fuseau horaire :",
        "Signature:": "Signature :",
        "Save": "Enregistrer",
        "Test connection": "Tester la connexion",
        "Identity": "Identité",
        "Servers": "Serveurs",
        "Sending": "Envoi",
        "default": "par défaut",
        "SSL/TLS": "SSL/TLS",
        "STARTTLS": "STARTTLS",
        "None": "Aucune",
        "unchanged": "inchangé",
        "Password store": "Coffre des mots de passe",
        "no master password given: the password was not stored": (
            "aucun mot de passe maître : le mot de passe n’a pas été enregistré"
        ),
        "Saving…": "Enregistrement…",
        "Saved.": "Enregistré.",
        "SMTP: connecting…": "SMTP : connexion…",
        "skipped": "non testé",
        "Choose a CSV file": "Choisir un fichier CSV",
        "Export your spreadsheet as CSV (comma, semicolon or tab separated).": (
            "Exportez votre tableur en CSV (séparé par des virgules, des points-virgules "
            "ou des tabulations)."
        ),
        "Path of the CSV file": "Chemin du fichier CSV",
        "Browse…": "Parcourir…",
        "Import contacts": "Importer des contacts",
        "CSV files (*.csv *.txt);;All files (*)": "Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)",
        "Columns": "Colonnes",
        "Choose where each column of the file goes.": "Choisissez où va chaque colonne du fichier.",
        "Email": "E-mail",
        "First name": "Prénom",
        "Last name": "Nom",
        "Company": "Société",
        "Title": "Poste",
        "Phone": "Téléphone",
        "Time zone": "Fuseau horaire",
        "Tags": "Étiquettes",
        "Custom field (keeps the column name)": "Champ personnalisé (garde le nom de la colonne)",
        "Ignore": "Ignorer",
        "Column": "Colonne",
        "First value": "Première valeur",
        "Import as": "Importer comme",
        "(no name)": "(sans nom)",
        "Choose the column holding the email address.": (
            "Choisissez la colonne qui contient l’adresse e-mail."
        ),
        "Two columns are imported as “%1”; keep one.": (
            "Deux colonnes sont importées comme « %1 » ; gardez-en une."
        ),
        "Options": "Options",
        "Choose what happens to addresses already in the workspace.": (
            "Choisissez le sort des adresses déjà présentes dans l’espace de travail."
        ),
        "Update them with the file's values": "Les mettre à jour avec les valeurs du fichier",
        "Skip them (keep them as they are)": "Les ignorer (les laisser telles quelles)",
        "e.g. salon-2024, prospects": "ex. salon-2024, prospects",
        "Contacts already in the workspace:": "Contacts déjà dans l’espace de travail :",
        "Add these tags to every imported contact:": (
            "Ajouter ces étiquettes à chaque contact importé :"
        ),
        "Import": "Importer",
        "Preview": "Aperçu",
        "Check that the columns are split and the accents read right.": (
            "Vérifiez que les colonnes sont bien séparées et les accents bien lus."
        ),
        "Detect": "Détecter",
        "Comma (,)": "Virgule (,)",
        "Semicolon (;)": "Point-virgule (;)",
        "Tab": "Tabulation",
        "Delimiter:": "Séparateur :",
        "Reading the file…": "Lecture du fichier…",
        "tab": "tabulation",
        "Detected delimiter: %1 — Encoding: %2 — %3 columns": (
            "Séparateur détecté : %1 — Encodage : %2 — %3 colonnes"
        ),
        "Rejected lines are listed below; every other line was read.": (
            "Les lignes refusées sont listées ci-dessous ; toutes les autres ont été lues."
        ),
        "Rejected lines:": "Lignes refusées :",
        "Line": "Ligne",
        "Reason": "Motif",
        "Importing…": "Import en cours…",
        "Import finished.": "Import terminé.",
        "Imported: %1 — Updated: %2 — Skipped: %3 — Rejected: %4": (
            "Importés : %1 — Mis à jour : %2 — Ignorés : %3 — Refusés : %4"
        ),
        "Nothing was imported.": "Rien n’a été importé.",
    }
)
FRENCH["Password: type it to test the connection"] = (
    "Mot de passe : saisissez-le pour tester la connexion"
)

# Contacts table and sequence canvas.
FRENCH.update(
    {
        "Edit contact": "Modifier le contact",
        "Add contact": "Ajouter un contact",
        "comma-separated, e.g. lead, vip": "séparées par des virgules, ex. : prospect, vip",
        "Search email, name or company": "Rechercher un e-mail, un nom ou une entreprise",
        "All tags": "Toutes les étiquettes",
        "Loading…": "Chargement…",
        "Add…": "Ajouter…",
        "Edit…": "Modifier…",
        "Delete": "Supprimer",
        "Tag…": "Étiqueter…",
        "Export…": "Exporter…",
        "%1 matching": "%1 correspondant(s)",
        "1 contact": "1 contact",
        "%1 contacts": "%1 contacts",
        "This contact no longer exists.": "Ce contact n’existe plus.",
        "Delete contacts": "Supprimer des contacts",
        "Delete %1 contact(s)? Their tags, enrollments and history go too.": "Supprimer %1 contact(s) ? Leurs étiquettes, inscriptions et historique seront supprimés aussi.",
        "Deleting…": "Suppression…",
        "Tag contacts": "Étiqueter des contacts",
        "Tag for %1 contact(s):": "Étiquette pour %1 contact(s) :",
        "Tagging…": "Étiquetage…",
        "Export contacts": "Exporter des contacts",
        "CSV files (*.csv)": "Fichiers CSV (*.csv)",
        "Exporting…": "Export…",
        "Exported %1 contact(s).": "%1 contact(s) exporté(s).",
        "Add node": "Ajouter une étape",
        "Delete nodes": "Supprimer des étapes",
        "Move nodes": "Déplacer des étapes",
        "Link nodes": "Relier des étapes",
        "Delete link": "Supprimer le lien",
        "Edit node": "Modifier l’étape",
        "This node no longer exists.": "Cette étape n’existe plus.",
        "A node cannot link to itself.": "Une étape ne peut pas se relier à elle-même.",
        "Nothing may link into Start.": "Rien ne peut mener au Départ.",
        "An End node has no output.": "Une étape Fin n’a pas de sortie.",
        "A condition's links leave by Yes or No.": "Les liens d’une condition partent par Oui ou Non.",
        "This node has a single output.": "Cette étape n’a qu’une sortie.",
        "This output is already linked; remove that link first.": "Cette sortie est déjà reliée ; supprimez d’abord ce lien.",
        "A loop must go through a Delay.": "Une boucle doit passer par un Délai.",
        "Start": "Départ",
        "Delay": "Délai",
        "Condition": "Condition",
        "End": "Fin",
        "Unknown step": "Étape inconnue",
        "%1 minute": "%1 minute",
        "%1 minutes": "%1 minutes",
        "%1 hour": "%1 heure",
        "%1 hours": "%1 heures",
        "%1 day": "%1 jour",
        "%1 days": "%1 jours",
        "Delay not set": "Délai non défini",
        "Condition not set": "Condition non définie",
        "Opened the email?": "A ouvert l’e-mail ?",
        "Clicked a link?": "A cliqué sur un lien ?",
        "Replied?": "A répondu ?",
        "contains": "contient",
        "is empty": "est vide",
        "is not empty": "n’est pas vide",
        "(no subject)": "(sans objet)",
        "Contacts enter here": "Les contacts entrent ici",
        "The sequence ends": "Fin de la séquence",
        "Yes": "Oui",
        "No": "Non",
        "Add a %1 step": "Ajouter une étape %1",
        "Undo": "Annuler",
        "Redo": "Rétablir",
        "Auto layout": "Disposition automatique",
        "Arrange the sequence from top to bottom": "Disposer la séquence de haut en bas",
        "Fit": "Ajuster",
        "Show the whole sequence (Ctrl+0)": "Afficher toute la séquence (Ctrl+0)",
        "Delete selection": "Supprimer la sélection",
    }
)

# Campaign list and sequence dialog.
FRENCH.update(
    {
        "Sequence — %1": "Séquence — %1",
        "This campaign is %1: pause it to change its sequence.": "Cette campagne est « %1 » : mettez-la en pause pour modifier sa séquence.",
        "Sequence": "Séquence",
        "New campaign": "Nouvelle campagne",
        "Open sequence…": "Ouvrir la séquence…",
        "Import CSV…": "Importer un CSV…",
        "Saved.": "Enregistré.",
    }
)

# Node inspector.
FRENCH.update(
    {
        "Select a step to edit it": "Sélectionnez une étape pour la modifier",
        "This step has nothing to set.": "Cette étape n’a rien à régler.",
        "Empty on a follow-up: “Re: <previous subject>”": "Vide pour une relance : « Re: <objet précédent> »",
        "Hello {{firstName}}, …": "Bonjour {{firstName}}, …",
        "Insert field": "Insérer un champ",
        "Insert a contact field where the cursor is, in the subject or the body": "Insérer un champ du contact à l’emplacement du curseur, dans l’objet ou le corps",
        "The contact the preview is rendered for": "Le contact pour lequel l’aperçu est calculé",
        "Body": "Corps",
        "Preview": "Aperçu",
        "Contact": "Contact",
        "Subject": "Objet",
        "minutes": "minutes",
        "hours": "heures",
        "days": "jours",
        "Wait": "Attendre",
        "Unit": "Unité",
        "A contact field": "Un champ du contact",
        "Opened an email": "A ouvert un e-mail",
        "Clicked a link in an email": "A cliqué sur un lien d’un e-mail",
        "Replied to an email": "A répondu à un e-mail",
        "equals": "est égal à",
        "does not equal": "est différent de",
        "Choose an email": "Choisissez un e-mail",
        "If the contact": "Si le contact",
        "Field": "Champ",
        "Comparison": "Comparaison",
        "Email": "E-mail",
        "Inspector": "Inspecteur",
        "(no contacts to preview)": "(aucun contact pour l’aperçu)",
        "subject": "objet",
        "body": "corps",
        "Missing for this contact: %1": "Manquant pour ce contact : %1",
        "Custom fields": "Champs personnalisés",
    }
)

# Canvas palette, menus and waiting counts.
FRENCH.update(
    {
        "Add a %1 step (click, or drag onto the canvas)": "Ajouter une étape %1 (cliquer, ou glisser sur le canevas)",
        "Add %1 here": "Ajouter une étape %1 ici",
        "Copy": "Copier",
        "Paste": "Coller",
        "Duplicate": "Dupliquer",
        "Contacts waiting here: %1": "Contacts en attente ici : %1",
    }
)

# Campaigns list and campaign view.
FRENCH.update(
    {
        " s": " s",
        "%1 (copy)": "%1 (copie)",
        "%1 contact(s)": "%1 contact(s)",
        "%1 contact(s) enrolled, %2 skipped.": "%1 contact(s) inscrit(s), %2 ignoré(s).",
        "%1 — %2": "%1 — %2",
        "(removed step)": "(étape supprimée)",
        "A campaign needs a name.": "Une campagne a besoin d’un nom.",
        "Activate": "Activer",
        "All contacts": "Tous les contacts",
        "All states": "Tous les états",
        "Archive": "Archiver",
        "Archive campaign": "Archiver la campagne",
        "Archive “%1”? An archived campaign cannot be reopened.": "Archiver « %1 » ? Une campagne archivée ne peut pas être rouverte.",
        "Campaign archived.": "Campagne archivée.",
        "Campaign renamed.": "Campagne renommée.",
        "Campaign “%1” created.": "Campagne « %1 » créée.",
        "Choose at least one sending day.": "Choisissez au moins un jour d’envoi.",
        "Click a problem to show where it is": "Cliquez sur un problème pour voir où il se trouve",
        "Contacts with the tag": "Les contacts avec l’étiquette",
        "Current step": "Étape actuelle",
        "Daily cap": "Plafond quotidien",
        "Enroll": "Inscrire",
        "Enroll contacts": "Inscrire des contacts",
        "Enrolling…": "Inscription…",
        "Enroll…": "Inscrire…",
        "Error": "Erreur",
        "Fri": "Ven",
        "Gap between two emails": "Intervalle entre deux e-mails",
        "In progress": "En cours",
        "Last error": "Dernière erreur",
        "Loading tags…": "Chargement des étiquettes…",
        "Mon": "Lun",
        "New…": "Nouvelle…",
        "Next action": "Prochaine action",
        "No tags yet": "Aucune étiquette pour l’instant",
        "Open": "Ouvrir",
        "Pause": "Mettre en pause",
        "Pause the campaign before archiving it.": "Mettez la campagne en pause avant de l’archiver.",
        "Rename campaign": "Renommer la campagne",
        "Rename…": "Renommer…",
        "Replied": "Ont répondu",
        "Resume": "Reprendre",
        "Sat": "Sam",
        "Save sequence": "Enregistrer la séquence",
        "Save settings": "Enregistrer les paramètres",
        "Saved. %1 problem(s) to fix before activation.": "Enregistré. %1 problème(s) à corriger avant l’activation.",
        "Sending account": "Compte d’envoi",
        "Sending days": "Jours d’envoi",
        "Sending hours": "Heures d’envoi",
        "Settings saved.": "Paramètres enregistrés.",
        "Settings: %1": "Paramètres : %1",
        "State": "État",
        "State:": "État :",
        "Stop a contact's sequence on an automatic reply (out of office)": "Arrêter la séquence d’un contact sur une réponse automatique (absence)",
        "Stop a contact's sequence when they reply": "Arrêter la séquence d’un contact quand il répond",
        "Sun": "Dim",
        "The campaign cannot be activated yet: fix the problems below.": "La campagne ne peut pas encore être activée : corrigez les problèmes ci-dessous.",
        "The campaign is now %1.": "La campagne est maintenant %1.",
        "The minimum gap is larger than the maximum.": "L’intervalle minimum dépasse le maximum.",
        "The sending hours must end after they start.": "Les heures d’envoi doivent finir après leur début.",
        "These addresses (one per line)": "Ces adresses (une par ligne)",
        "This campaign is %1: its sequence can no longer change.": "Cette campagne est %1 : sa séquence ne peut plus changer.",
        "This campaign is running: pause it to change its sequence.": "Cette campagne est en cours : mettez-la en pause pour modifier sa séquence.",
        "Thu": "Jeu",
        "Tue": "Mar",
        "Unknown time zone “%1” (e.g. Europe/Paris).": "Fuseau horaire inconnu « %1 » (ex. Europe/Paris).",
        "Unsubscribed": "Désinscrits",
        "Waiting to start": "En attente de démarrage",
        "Wed": "Mer",
        "to": "à",
        "no contact with this address": "aucun contact avec cette adresse",
        "None": "Aucun",
        "Time zone": "Fuseau horaire",
    }
)

# Enrolling from the contacts table.
FRENCH.update(
    {
        "Enroll in campaign…": "Inscrire dans une campagne…",
        "No campaign takes new contacts: create one first.": "Aucune campagne n’accepte de nouveaux contacts : créez-en une d’abord.",
        "Enroll in campaign": "Inscrire dans une campagne",
        "Campaign for %1 contact(s):": "Campagne pour %1 contact(s) :",
        "%1 enrolled, %2 skipped.": "%1 inscrit(s), %2 ignoré(s).",
    }
)

PLURALS = {
    "Saved. %n problem(s) to fix before activation.": (
        [
            "Enregistré. %n problème à corriger avant l’activation.",
            "Enregistré. %n problèmes à corriger avant l’activation.",
        ],
        [
            "Saved. %n problem to fix before activation.",
            "Saved. %n problems to fix before activation.",
        ],
    ),
    "%n contact(s) in this workspace.": (
        ["%n contact dans cet espace de travail.", "%n contacts dans cet espace de travail."],
        ["%n contact in this workspace.", "%n contacts in this workspace."],
    ),
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
