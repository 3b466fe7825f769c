<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name />
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="191" />
        <source>Edit contact</source>
        <translation>Modifier le contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="191" />
        <source>Add contact</source>
        <translation>Ajouter un contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="194" />
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="195" />
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="196" />
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="197" />
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="198" />
        <source>Title</source>
        <translation>Poste</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="199" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="208" />
        <source>comma-separated, e.g. lead, vip</source>
        <translation>séparées par des virgules, ex. : prospect, vip</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="209" />
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="271" />
        <source>Search email, name or company</source>
        <translation>Rechercher un e-mail, un nom ou une entreprise</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="281" />
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="394" />
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="285" />
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="310" />
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="312" />
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="314" />
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="531" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="316" />
        <source>Tag…</source>
        <translation>Étiqueter…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="317" />
        <source>Enroll in campaign…</source>
        <translation>Inscrire dans une campagne…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="318" />
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="383" />
        <source>%1 matching</source>
        <translation>%1 correspondant(s)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="385" />
        <source>1 contact</source>
        <translation>1 contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="387" />
        <source>%1 contacts</source>
        <translation>%1 contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="465" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="492" />
        <source>This contact no longer exists.</source>
        <translation>Ce contact n’existe plus.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="509" />
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="525" />
        <source>Delete contacts</source>
        <translation>Supprimer des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="527" />
        <source>Delete %1 contact(s)? Their tags, enrollments and history go too.</source>
        <translation>Supprimer %1 contact(s) ? Leurs étiquettes, inscriptions et historique seront supprimés aussi.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="541" />
        <source>Deleting…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="555" />
        <source>Tag contacts</source>
        <translation>Étiqueter des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="556" />
        <source>Tag for %1 contact(s):</source>
        <translation>Étiquette pour %1 contact(s) :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="571" />
        <source>Tagging…</source>
        <translation>Étiquetage…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="587" />
        <source>No campaign takes new contacts: create one first.</source>
        <translation>Aucune campagne n’accepte de nouveaux contacts : créez-en une d’abord.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="590" />
        <source>Enroll in campaign</source>
        <translation>Inscrire dans une campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="591" />
        <source>Campaign for %1 contact(s):</source>
        <translation>Campagne pour %1 contact(s) :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="601" />
        <source>Enrolling…</source>
        <translation>Inscription…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="613" />
        <source>%1 enrolled, %2 skipped.</source>
        <translation>%1 inscrit(s), %2 ignoré(s).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="622" />
        <source>Export contacts</source>
        <translation>Exporter des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="622" />
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="628" />
        <source>Exporting…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="631" />
        <source>Exported %1 contact(s).</source>
        <translation>%1 contact(s) exporté(s).</translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="130" />
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="306" />
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="145" />
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="148" />
        <source>This provider needs an app password, made in its security settings.</source>
        <translation>Ce fournisseur exige un mot de passe d’application, créé dans ses réglages de sécurité.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="154" />
        <source>empty: no login (local relay, test server)</source>
        <translation>vide : sans authentification (relais local, serveur de test)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="159" />
        <source>no account cap</source>
        <translation>pas de plafond du compte</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="166" />
        <source>the campaign's time zone</source>
        <translation>le fuseau horaire de la campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="167" />
        <source>Copy sent emails to the Sent folder (IMAP)</source>
        <translation>Copier les e-mails envoyés dans le dossier Envoyés (IMAP)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="169" />
        <source>Added below every email of this account</source>
        <translation>Ajoutée sous chaque e-mail de ce compte</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="173" />
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="174" />
        <source>Email address:</source>
        <translation>Adresse e-mail :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="175" />
        <source>From name:</source>
        <translation>Nom de l’expéditeur :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="176" />
        <source>Reply-to:</source>
        <translation>Répondre à :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="178" />
        <source>Provider:</source>
        <translation>Fournisseur :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="181" />
        <source>SMTP server:</source>
        <translation>Serveur SMTP :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="185" />
        <source>IMAP server:</source>
        <translation>Serveur IMAP :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="188" />
        <source>Username:</source>
        <translation>Identifiant :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="189" />
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="191" />
        <source>Daily cap:</source>
        <translation>Plafond quotidien :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="192" />
        <source>Time zone:</source>
        <translation>Fuseau horaire :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="194" />
        <source>Signature:</source>
        <translation>Signature :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="196" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="199" />
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="218" />
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="219" />
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="220" />
        <source>Sending</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="252" />
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="256" />
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="256" />
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="256" />
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="352" />
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="440" />
        <source>Password store</source>
        <translation>Coffre des mots de passe</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="441" />
        <source>No system keyring was found. Master password of the encrypted password file:</source>
        <translation>Aucun trousseau système trouvé. Mot de passe maître du fichier chiffré des mots de passe :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="445" />
        <source>no master password given: the password was not stored</source>
        <translation>aucun mot de passe maître : le mot de passe n’a pas été enregistré</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="452" />
        <source>Username: a password needs one (leave both empty to send without login)</source>
        <translation>Identifiant : un mot de passe en demande un (laissez les deux vides pour envoyer sans authentification)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="471" />
        <source>Password: an account with a username needs one</source>
        <translation>Mot de passe : un compte avec identifiant en a besoin</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="482" />
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="495" />
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="514" />
        <source>Password: type it to test the connection</source>
        <translation>Mot de passe : saisissez-le pour tester la connexion</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="524" />
        <source>SMTP: connecting…</source>
        <translation>SMTP : connexion…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="543" />
        <source>skipped</source>
        <translation>non testé</translation>
    </message>
</context>
<context>
    <name>CampaignView</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="261" />
        <source>Sequence</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="262" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="263" />
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="282" />
        <source>Activate</source>
        <translation>Activer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="283" />
        <source>Pause</source>
        <translation>Mettre en pause</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="284" />
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="285" />
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="307" />
        <source>Click a problem to show where it is</source>
        <translation>Cliquez sur un problème pour voir où il se trouve</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="321" />
        <source>Save sequence</source>
        <translation>Enregistrer la séquence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="365" />
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="370" />
        <source>Enroll…</source>
        <translation>Inscrire…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="372" />
        <source>Retry errors</source>
        <translation>Relancer les erreurs</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="375" />
        <source>Put the selected contacts in error (all of them if none is selected) back where they stood, once you fixed the cause.</source>
        <translation>Remet les contacts en erreur sélectionnés (tous si aucun n’est sélectionné) là où ils en étaient, une fois la cause corrigée.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="382" />
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="383" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="384" />
        <source>Current step</source>
        <translation>Étape actuelle</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="385" />
        <source>Next action</source>
        <translation>Prochaine action</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="386" />
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="416" />
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="437" />
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="438" />
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="439" />
        <source>Wed</source>
        <translation>Mer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="440" />
        <source>Thu</source>
        <translation>Jeu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="441" />
        <source>Fri</source>
        <translation>Ven</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="442" />
        <source>Sat</source>
        <translation>Sam</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="443" />
        <source>Sun</source>
        <translation>Dim</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="457" />
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="467" />
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="464" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="472" />
        <source>Stop a contact's sequence when they reply</source>
        <translation>Arrêter la séquence d’un contact quand il répond</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="474" />
        <source>Stop a contact's sequence on an automatic reply (out of office)</source>
        <translation>Arrêter la séquence d’un contact sur une réponse automatique (absence)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="476" />
        <source>Save settings</source>
        <translation>Enregistrer les paramètres</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="484" />
        <source>Sending account</source>
        <translation>Compte d’envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="485" />
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="486" />
        <source>Sending days</source>
        <translation>Jours d’envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="487" />
        <source>Sending hours</source>
        <translation>Heures d’envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="488" />
        <source>Gap between two emails</source>
        <translation>Intervalle entre deux e-mails</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="489" />
        <source>Daily cap</source>
        <translation>Plafond quotidien</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="509" />
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="1064" />
        <source>None of the selected contacts is in error.</source>
        <translation>Aucun des contacts sélectionnés n’est en erreur.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="1079" />
        <source>%1 contact(s) back in the sequence, %2 skipped.</source>
        <translation>%1 contact(s) remis dans la séquence, %2 ignoré(s).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="506" />
        <source>Waiting to start</source>
        <translation>En attente de démarrage</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="507" />
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="508" />
        <source>Replied</source>
        <translation>Ont répondu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="510" />
        <source>Unsubscribed</source>
        <translation>Désinscrits</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="511" />
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="521" />
        <source>(removed step)</source>
        <translation>(étape supprimée)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="530" />
        <source>Settings: %1</source>
        <translation>Paramètres : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="569" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="579" />
        <source>This campaign is running: pause it to change its sequence.</source>
        <translation>Cette campagne est en cours : mettez-la en pause pour modifier sa séquence.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="583" />
        <source>This campaign is %1: its sequence can no longer change.</source>
        <translation>Cette campagne est %1 : sa séquence ne peut plus changer.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="633" />
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="681" />
        <source>Archive campaign</source>
        <translation>Archiver la campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="682" />
        <source>Archive “%1”? An archived campaign cannot be reopened.</source>
        <translation>Archiver « %1 » ? Une campagne archivée ne peut pas être rouverte.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="749" />
        <source>The campaign cannot be activated yet: fix the problems below.</source>
        <translation>La campagne ne peut pas encore être activée : corrigez les problèmes ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="758" />
        <source>The campaign is now %1.</source>
        <translation>La campagne est maintenant %1.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="773" />
        <source>• %1: missing for %2 of %3 contact(s), e.g. %4</source>
        <translation>• %1 : manquant pour %2 contact(s) sur %3, p. ex. %4</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="781" />
        <source>Missing values</source>
        <translation>Valeurs manquantes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="783" />
        <source>Some contacts have no value for a field the emails print without a default. They will not get those emails and will move to Error; you can fill the values and retry them later.</source>
        <translation>Certains contacts n’ont pas de valeur pour un champ que les e-mails affichent sans valeur par défaut. Ils ne recevront pas ces e-mails et passeront en Erreur ; vous pourrez compléter les valeurs et les relancer ensuite.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="792" />
        <source>Activate anyway</source>
        <translation>Activer quand même</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="792" />
        <source>Resume anyway</source>
        <translation>Reprendre quand même</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="800" />
        <source>Nothing started: fill the missing values first.</source>
        <translation>Rien n’a démarré : complétez d’abord les valeurs manquantes.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="874" />
        <source>Saved. %1 problem(s) to fix before activation.</source>
        <translation>Enregistré. %1 problème(s) à corriger avant l’activation.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="879" />
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="908" />
        <source>Unknown time zone “%1” (e.g. Europe/Paris).</source>
        <translation>Fuseau horaire inconnu « %1 » (ex. Europe/Paris).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="912" />
        <source>Choose at least one sending day.</source>
        <translation>Choisissez au moins un jour d’envoi.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="914" />
        <source>The sending hours must end after they start.</source>
        <translation>Les heures d’envoi doivent finir après leur début.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="916" />
        <source>The minimum gap is larger than the maximum.</source>
        <translation>L’intervalle minimum dépasse le maximum.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="939" />
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="987" />
        <source>%1 contact(s)</source>
        <translation>%1 contact(s)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="1037" />
        <source>%1 contact(s) enrolled, %2 skipped.</source>
        <translation>%1 contact(s) inscrit(s), %2 ignoré(s).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="1053" />
        <source>Enrolling…</source>
        <translation>Inscription…</translation>
    </message>
</context>
<context>
    <name>CampaignsList</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="83" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="84" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="85" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="86" />
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="87" />
        <source>Replied</source>
        <translation>Ont répondu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="52" />
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="88" />
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="89" />
        <source>Unsubscribed</source>
        <translation>Désinscrits</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="90" />
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="106" />
        <source>New…</source>
        <translation>Nouvelle…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="108" />
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="110" />
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="112" />
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="114" />
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="49" />
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="50" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="51" />
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="53" />
        <source>Archived</source>
        <translation>Archivée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="210" />
        <source>Pause the campaign before archiving it.</source>
        <translation>Mettez la campagne en pause avant de l’archiver.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="218" />
        <source>New campaign</source>
        <translation>Nouvelle campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="225" />
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="269" />
        <source>A campaign needs a name.</source>
        <translation>Une campagne a besoin d’un nom.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="236" />
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="254" />
        <source>Campaign “%1” created.</source>
        <translation>Campagne « %1 » créée.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="245" />
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="262" />
        <source>Rename campaign</source>
        <translation>Renommer la campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="280" />
        <source>Campaign renamed.</source>
        <translation>Campagne renommée.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="292" />
        <source>Archive campaign</source>
        <translation>Archiver la campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="293" />
        <source>Archive “%1”? An archived campaign cannot be reopened.</source>
        <translation>Archiver « %1 » ? Une campagne archivée ne peut pas être rouverte.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="318" />
        <source>Campaign archived.</source>
        <translation>Campagne archivée.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="336" />
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_model.py" line="274" />
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_model.py" line="275" />
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_model.py" line="276" />
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_model.py" line="277" />
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_model.py" line="278" />
        <source>Title</source>
        <translation>Poste</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_model.py" line="279" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_model.py" line="280" />
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="185" />
        <source>Enroll contacts</source>
        <translation>Inscrire des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="187" />
        <source>All contacts</source>
        <translation>Tous les contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="188" />
        <source>Contacts with the tag</source>
        <translation>Les contacts avec l’étiquette</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="189" />
        <source>These addresses (one per line)</source>
        <translation>Ces adresses (une par ligne)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="196" />
        <source>Loading tags…</source>
        <translation>Chargement des étiquettes…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="204" />
        <source>Enroll</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="224" />
        <source>No tags yet</source>
        <translation>Aucune étiquette pour l’instant</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="100" />
        <source>Choose a CSV file</source>
        <translation>Choisir un fichier CSV</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="102" />
        <source>Export your spreadsheet as CSV (comma, semicolon or tab separated).</source>
        <translation>Exportez votre tableur en CSV (séparé par des virgules, des points-virgules ou des tabulations).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="105" />
        <source>Path of the CSV file</source>
        <translation>Chemin du fichier CSV</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="106" />
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="119" />
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="121" />
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="496" />
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="59" />
        <source>FluenzR Desktop — %1</source>
        <translation>FluenzR Desktop — %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="66" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="94" />
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="66" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="95" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="66" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="96" />
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="66" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="97" />
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="77" />
        <source>Import CSV…</source>
        <translation>Importer un CSV…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="92" />
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="92" />
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="120" />
        <source>Workspace: %1</source>
        <translation>Espace de travail : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="171" />
        <source>Sending is handled by another FluenzR process</source>
        <translation>L’envoi est assuré par un autre processus FluenzR</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="174" />
        <source>Read-only workspace: nothing is sent</source>
        <translation>Espace de travail en lecture seule : aucun envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="176" />
        <source>Engine: off</source>
        <translation>Moteur : arrêté (désactivé)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="178" />
        <source>Engine: error — %1</source>
        <translation>Moteur : erreur — %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="181" />
        <source>Engine: running</source>
        <translation>Moteur : en marche</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="183" />
        <source>Engine: stopped</source>
        <translation>Moteur : arrêté</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="188" />
        <source>Sent today: %1 / %2</source>
        <translation>Envoyés aujourd’hui : %1 / %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="193" />
        <source>Next send: none scheduled</source>
        <translation>Prochain envoi : aucun prévu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="197" />
        <source>Next send: %1</source>
        <translation>Prochain envoi : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="272" />
        <source>%n contact(s) in this workspace.</source>
        <translation><numerusform>%n contact dans cet espace de travail.</numerusform><numerusform>%n contacts dans cet espace de travail.</numerusform></translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="276" />
        <source>No contacts yet. Import a CSV file with: fluenzr contacts import FILE</source>
        <translation>Aucun contact pour l’instant. Importez un fichier CSV avec : fluenzr contacts import FICHIER</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="235" />
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="236" />
        <source>Choose where each column of the file goes.</source>
        <translation>Choisissez où va chaque colonne du fichier.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="238" />
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="239" />
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="240" />
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="241" />
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="242" />
        <source>Title</source>
        <translation>Poste</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="243" />
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="244" />
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="245" />
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="246" />
        <source>Custom field (keeps the column name)</source>
        <translation>Champ personnalisé (garde le nom de la colonne)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="247" />
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="251" />
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="251" />
        <source>First value</source>
        <translation>Première valeur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="251" />
        <source>Import as</source>
        <translation>Importer comme</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="276" />
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="310" />
        <source>Choose the column holding the email address.</source>
        <translation>Choisissez la colonne qui contient l’adresse e-mail.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="313" />
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="324" />
        <source>Two columns are imported as “%1”; keep one.</source>
        <translation>Deux colonnes sont importées comme « %1 » ; gardez-en une.</translation>
    </message>
</context>
<context>
    <name>NodeInspector</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="92" />
        <source>Select a step to edit it</source>
        <translation>Sélectionnez une étape pour la modifier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="96" />
        <source>This step has nothing to set.</source>
        <translation>Cette étape n’a rien à régler.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="133" />
        <source>Empty on a follow-up: “Re: &lt;previous subject&gt;”</source>
        <translation>Vide pour une relance : « Re: &lt;objet précédent&gt; »</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="137" />
        <source>Hello {{firstName}}, …</source>
        <translation>Bonjour {{firstName}}, …</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="147" />
        <source>Insert field</source>
        <translation>Insérer un champ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="149" />
        <source>Insert a contact field where the cursor is, in the subject or the body</source>
        <translation>Insérer un champ du contact à l’emplacement du curseur, dans l’objet ou le corps</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="160" />
        <source>The contact the preview is rendered for</source>
        <translation>Le contact pour lequel l’aperçu est calculé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="178" />
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="180" />
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="182" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="190" />
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="205" />
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="206" />
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="207" />
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="214" />
        <source>Wait</source>
        <translation>Attendre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="215" />
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="221" />
        <source>A contact field</source>
        <translation>Un champ du contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="222" />
        <source>Opened an email</source>
        <translation>A ouvert un e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="223" />
        <source>Clicked a link in an email</source>
        <translation>A cliqué sur un lien d’un e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="224" />
        <source>Replied to an email</source>
        <translation>A répondu à un e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="235" />
        <source>equals</source>
        <translation>est égal à</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="236" />
        <source>does not equal</source>
        <translation>est différent de</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="237" />
        <source>contains</source>
        <translation>contient</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="238" />
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="239" />
        <source>is not empty</source>
        <translation>n’est pas vide</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="248" />
        <source>Choose an email</source>
        <translation>Choisissez un e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="252" />
        <source>If the contact</source>
        <translation>Si le contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="253" />
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="254" />
        <source>Comparison</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="255" />
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="256" />
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="324" />
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="366" />
        <source>(no contacts to preview)</source>
        <translation>(aucun contact pour l’aperçu)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="384" />
        <source>subject</source>
        <translation>objet</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="384" />
        <source>body</source>
        <translation>corps</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="392" />
        <source>Missing for this contact: %1</source>
        <translation>Manquant pour ce contact : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="423" />
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="497" />
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="426" />
        <source>Depends on the path the contact took:</source>
        <translation>Selon le chemin suivi par le contact :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="438" />
        <source>Custom fields</source>
        <translation>Champs personnalisés</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="340" />
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="341" />
        <source>Choose what happens to addresses already in the workspace.</source>
        <translation>Choisissez le sort des adresses déjà présentes dans l’espace de travail.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="342" />
        <source>Update them with the file's values</source>
        <translation>Les mettre à jour avec les valeurs du fichier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="343" />
        <source>Skip them (keep them as they are)</source>
        <translation>Les ignorer (les laisser telles quelles)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="349" />
        <source>e.g. salon-2024, prospects</source>
        <translation>ex. salon-2024, prospects</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="357" />
        <source>Contacts already in the workspace:</source>
        <translation>Contacts déjà dans l’espace de travail :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="358" />
        <source>Add these tags to every imported contact:</source>
        <translation>Ajouter ces étiquettes à chaque contact importé :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="362" />
        <source>Import</source>
        <translation>Importer</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="142" />
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="143" />
        <source>Check that the columns are split and the accents read right.</source>
        <translation>Vérifiez que les colonnes sont bien séparées et les accents bien lus.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="147" />
        <source>Detect</source>
        <translation>Détecter</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="147" />
        <source>Comma (,)</source>
        <translation>Virgule (,)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="147" />
        <source>Semicolon (;)</source>
        <translation>Point-virgule (;)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="147" />
        <source>Tab</source>
        <translation>Tabulation</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="159" />
        <source>Delimiter:</source>
        <translation>Séparateur :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="183" />
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="200" />
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="202" />
        <source>Detected delimiter: %1 — Encoding: %2 — %3 columns</source>
        <translation>Séparateur détecté : %1 — Encodage : %2 — %3 colonnes</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="393" />
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="394" />
        <source>Rejected lines are listed below; every other line was read.</source>
        <translation>Les lignes refusées sont listées ci-dessous ; toutes les autres ont été lues.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="400" />
        <source>Rejected lines:</source>
        <translation>Lignes refusées :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="402" />
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="402" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="425" />
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="454" />
        <source>Import finished.</source>
        <translation>Import terminé.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="456" />
        <source>Imported: %1 — Updated: %2 — Skipped: %3 — Rejected: %4</source>
        <translation>Importés : %1 — Mis à jour : %2 — Ignorés : %3 — Refusés : %4</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="478" />
        <source>Nothing was imported.</source>
        <translation>Rien n’a été importé.</translation>
    </message>
</context>
<context>
    <name>SequenceCanvas</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="50" />
        <source>Add node</source>
        <translation>Ajouter une étape</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="65" />
        <source>Delete nodes</source>
        <translation>Supprimer des étapes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="100" />
        <source>Move nodes</source>
        <translation>Déplacer des étapes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="133" />
        <source>Link nodes</source>
        <translation>Relier des étapes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="148" />
        <source>Delete link</source>
        <translation>Supprimer le lien</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="173" />
        <source>Edit node</source>
        <translation>Modifier l’étape</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="91" />
        <source>This node no longer exists.</source>
        <translation>Cette étape n’existe plus.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="93" />
        <source>A node cannot link to itself.</source>
        <translation>Une étape ne peut pas se relier à elle-même.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="95" />
        <source>Nothing may link into Start.</source>
        <translation>Rien ne peut mener au Départ.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="97" />
        <source>An End node has no output.</source>
        <translation>Une étape Fin n’a pas de sortie.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="99" />
        <source>A condition's links leave by Yes or No.</source>
        <translation>Les liens d’une condition partent par Oui ou Non.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="103" />
        <source>This node has a single output.</source>
        <translation>Cette étape n’a qu’une sortie.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="105" />
        <source>This output is already linked; remove that link first.</source>
        <translation>Cette sortie est déjà reliée ; supprimez d’abord ce lien.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="109" />
        <source>A loop must go through a Delay.</source>
        <translation>Une boucle doit passer par un Délai.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="53" />
        <source>Start</source>
        <translation>Départ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="54" />
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="55" />
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="56" />
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="57" />
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="59" />
        <source>Unknown step</source>
        <translation>Étape inconnue</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="65" />
        <source>%1 minute</source>
        <translation>%1 minute</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="66" />
        <source>%1 minutes</source>
        <translation>%1 minutes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="67" />
        <source>%1 hour</source>
        <translation>%1 heure</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="68" />
        <source>%1 hours</source>
        <translation>%1 heures</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="69" />
        <source>%1 day</source>
        <translation>%1 jour</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="70" />
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="74" />
        <source>Delay not set</source>
        <translation>Délai non défini</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="80" />
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="90" />
        <source>Condition not set</source>
        <translation>Condition non définie</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="83" />
        <source>Opened the email?</source>
        <translation>A ouvert l’e-mail ?</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="84" />
        <source>Clicked a link?</source>
        <translation>A cliqué sur un lien ?</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="85" />
        <source>Replied?</source>
        <translation>A répondu ?</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="94" />
        <source>contains</source>
        <translation>contient</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="95" />
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="96" />
        <source>is not empty</source>
        <translation>n’est pas vide</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="110" />
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="116" />
        <source>Contacts enter here</source>
        <translation>Les contacts entrent ici</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="118" />
        <source>The sequence ends</source>
        <translation>Fin de la séquence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="210" />
        <source>Contacts waiting here: %1</source>
        <translation>Contacts en attente ici : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="339" />
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="340" />
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>SequenceEditor</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="197" />
        <source>Add a %1 step (click, or drag onto the canvas)</source>
        <translation>Ajouter une étape %1 (cliquer, ou glisser sur le canevas)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="206" />
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="211" />
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="222" />
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="423" />
        <source>Auto layout</source>
        <translation>Disposition automatique</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="223" />
        <source>Arrange the sequence from top to bottom</source>
        <translation>Disposer la séquence de haut en bas</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="225" />
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="226" />
        <source>Show the whole sequence (Ctrl+0)</source>
        <translation>Afficher toute la séquence (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="230" />
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="233" />
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="317" />
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="389" />
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="236" />
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="324" />
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="239" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="377" />
        <source>Delete link</source>
        <translation>Supprimer le lien</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="384" />
        <source>Add %1 here</source>
        <translation>Ajouter une étape %1 ici</translation>
    </message>
</context>
<context>
    <name>SequenceScene</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/scene.py" line="225" />
        <source>Delete selection</source>
        <translation>Supprimer la sélection</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/app.py" line="70" />
        <location filename="../../fluenzr_desktop/gui/app.py" line="112" />
        <location filename="../../fluenzr_desktop/gui/app.py" line="143" />
        <source>FluenzR Desktop</source>
        <translation>FluenzR Desktop</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/app.py" line="113" />
        <source>No system keyring was found. Master password of the encrypted password file:</source>
        <translation>Aucun trousseau système trouvé. Mot de passe maître du fichier chiffré des mots de passe :</translation>
    </message>
</context>
</TS>