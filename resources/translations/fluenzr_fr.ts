<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccountForm</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="92"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="95"/>
        <source>This provider needs an app password, made in its security settings.</source>
        <translation>Ce fournisseur exige un mot de passe d’application, créé dans ses réglages de sécurité.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="101"/>
        <source>empty: no login (local relay, test server)</source>
        <translation>vide : sans authentification (relais local, serveur de test)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="106"/>
        <source>no account cap</source>
        <translation>pas de plafond du compte</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="113"/>
        <source>the campaign&apos;s time zone</source>
        <translation>le fuseau horaire de la campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="114"/>
        <source>Copy sent emails to the Sent folder (IMAP)</source>
        <translation>Copier les e-mails envoyés dans le dossier Envoyés (IMAP)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="116"/>
        <source>Added below every email of this account</source>
        <translation>Ajoutée sous chaque e-mail de ce compte</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="120"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="121"/>
        <source>Email address:</source>
        <translation>Adresse e-mail :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="122"/>
        <source>From name:</source>
        <translation>Nom de l’expéditeur :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="123"/>
        <source>Reply-to:</source>
        <translation>Répondre à :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="125"/>
        <source>Provider:</source>
        <translation>Fournisseur :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="128"/>
        <source>SMTP server:</source>
        <translation>Serveur SMTP :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="132"/>
        <source>IMAP server:</source>
        <translation>Serveur IMAP :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="135"/>
        <source>Username:</source>
        <translation>Identifiant :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="136"/>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="138"/>
        <source>Daily cap:</source>
        <translation>Plafond quotidien :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="139"/>
        <source>Time zone:</source>
        <translation>Fuseau horaire :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="141"/>
        <source>Signature:</source>
        <translation>Signature :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="143"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="146"/>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="165"/>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="166"/>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="167"/>
        <source>Sending</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="193"/>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="197"/>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="197"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="197"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="216"/>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="253"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="339"/>
        <source>no master password given: the password was not stored</source>
        <translation>aucun mot de passe maître : le mot de passe n’a pas été enregistré</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="346"/>
        <source>Username: a password needs one (leave both empty to send without login)</source>
        <translation>Identifiant : un mot de passe en demande un (laissez les deux vides pour envoyer sans authentification)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="361"/>
        <source>Password: an account with a username needs one</source>
        <translation>Mot de passe : un compte avec identifiant en a besoin</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="372"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="384"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="402"/>
        <source>Password: type it to test the connection</source>
        <translation>Mot de passe : saisissez-le pour tester la connexion</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="412"/>
        <source>SMTP: connecting…</source>
        <translation>SMTP : connexion…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="438"/>
        <source>skipped</source>
        <translation>non testé</translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="47"/>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/app.py" line="72"/>
        <location filename="../../fluenzr_desktop/gui/app.py" line="141"/>
        <source>FluenzR Desktop</source>
        <translation>FluenzR Desktop</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/app.py" line="115"/>
        <source>no master password given: the engine stays off</source>
        <translation>aucun mot de passe maître saisi : le moteur reste arrêté</translation>
    </message>
</context>
<context>
    <name>CampaignHeader</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/header.py" line="26"/>
        <source>Activate</source>
        <translation>Activer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/header.py" line="27"/>
        <source>Pause</source>
        <translation>Mettre en pause</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/header.py" line="28"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/header.py" line="29"/>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/header.py" line="51"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>CampaignView</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="94"/>
        <source>Sequence</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="95"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="96"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="77"/>
        <source>Click a problem to show where it is</source>
        <translation>Cliquez sur un problème pour voir où il se trouve</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="151"/>
        <source>(removed step)</source>
        <translation>(étape supprimée)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="161"/>
        <source>Settings: %1</source>
        <translation>Paramètres : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="28"/>
        <source>Archive campaign</source>
        <translation>Archiver la campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="29"/>
        <source>Archive “%1”? An archived campaign cannot be reopened.</source>
        <translation>Archiver « %1 » ? Une campagne archivée ne peut pas être rouverte.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="262"/>
        <source>The campaign cannot be activated yet: fix the problems below.</source>
        <translation>La campagne ne peut pas encore être activée : corrigez les problèmes ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="280"/>
        <source>The campaign is now %1.</source>
        <translation>La campagne est maintenant %1.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="51"/>
        <source>• %1: missing for %2 of %3 contact(s), e.g. %4</source>
        <translation>• %1 : manquant pour %2 contact(s) sur %3, p. ex. %4</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="61"/>
        <source>Missing values</source>
        <translation>Valeurs manquantes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="62"/>
        <source>Some contacts have no value for a field the emails print without a default. They will not get those emails and will move to Error; you can fill the values and retry them later.</source>
        <translation>Certains contacts n’ont pas de valeur pour un champ que les e-mails affichent sans valeur par défaut. Ils ne recevront pas ces e-mails et passeront en Erreur ; vous pourrez compléter les valeurs et les relancer ensuite.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="72"/>
        <source>Activate anyway</source>
        <translation>Activer quand même</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="74"/>
        <source>Resume anyway</source>
        <translation>Reprendre quand même</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="274"/>
        <source>Nothing started: fill the missing values first.</source>
        <translation>Rien n’a démarré : complétez d’abord les valeurs manquantes.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="211"/>
        <source>Saved. %1 problem(s) to fix before activation.</source>
        <translation>Enregistré. %1 problème(s) à corriger avant l’activation.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="216"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>CampaignsList</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="69"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="70"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="71"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="72"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="73"/>
        <source>Replied</source>
        <translation>Ont répondu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="17"/>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="74"/>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="75"/>
        <source>Unsubscribed</source>
        <translation>Désinscrits</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="76"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="92"/>
        <source>New…</source>
        <translation>Nouvelle…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="94"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="96"/>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="98"/>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="100"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="14"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="15"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="16"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="18"/>
        <source>Archived</source>
        <translation>Archivée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="198"/>
        <source>Pause the campaign before archiving it.</source>
        <translation>Mettez la campagne en pause avant de l’archiver.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="206"/>
        <source>New campaign</source>
        <translation>Nouvelle campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="213"/>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="255"/>
        <source>A campaign needs a name.</source>
        <translation>Une campagne a besoin d’un nom.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="216"/>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="231"/>
        <source>Campaign “%1” created.</source>
        <translation>Campagne « %1 » créée.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="230"/>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="248"/>
        <source>Rename campaign</source>
        <translation>Renommer la campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="261"/>
        <source>Campaign renamed.</source>
        <translation>Campagne renommée.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="280"/>
        <source>Campaign archived.</source>
        <translation>Campagne archivée.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="301"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_dialog.py" line="32"/>
        <source>Edit contact</source>
        <translation>Modifier le contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_dialog.py" line="32"/>
        <source>Add contact</source>
        <translation>Ajouter un contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_dialog.py" line="42"/>
        <source>comma-separated, e.g. lead, vip</source>
        <translation>séparées par des virgules, ex. : prospect, vip</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="13"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="14"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="15"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="16"/>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="17"/>
        <source>Title</source>
        <translation>Poste</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="18"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="19"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="61"/>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="66"/>
        <source>Enroll…</source>
        <translation>Inscrire…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="68"/>
        <source>Retry errors</source>
        <translation>Relancer les erreurs</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="71"/>
        <source>Put the selected contacts in error (all of them if none is selected) back where they stood, once you fixed the cause.</source>
        <translation>Remet les contacts en erreur sélectionnés (tous si aucun n’est sélectionné) là où ils en étaient, une fois la cause corrigée.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="77"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="78"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="79"/>
        <source>Current step</source>
        <translation>Étape actuelle</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="80"/>
        <source>Next action</source>
        <translation>Prochaine action</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="81"/>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="95"/>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="127"/>
        <source>Waiting to start</source>
        <translation>En attente de démarrage</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="128"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="129"/>
        <source>Replied</source>
        <translation>Ont répondu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="130"/>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="131"/>
        <source>Unsubscribed</source>
        <translation>Désinscrits</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="132"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="159"/>
        <source>%1 contact(s)</source>
        <translation>%1 contact(s)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="195"/>
        <source>no contact with this address</source>
        <translation>aucun contact avec cette adresse</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="198"/>
        <source>%1 contact(s) enrolled, %2 skipped.</source>
        <translation>%1 contact(s) inscrit(s), %2 ignoré(s).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="209"/>
        <source>Enrolling…</source>
        <translation>Inscription…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="218"/>
        <source>None of the selected contacts is in error.</source>
        <translation>Aucun des contacts sélectionnés n’est en erreur.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="227"/>
        <source>%1 contact(s) back in the sequence, %2 skipped.</source>
        <translation>%1 contact(s) remis dans la séquence, %2 ignoré(s).</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="63"/>
        <source>Search email, name or company</source>
        <translation>Rechercher un e-mail, un nom ou une entreprise</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="73"/>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="187"/>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="77"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="102"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="104"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="106"/>
        <location filename="../../fluenzr_desktop/gui/contacts_prompts.py" line="31"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="108"/>
        <source>Tag…</source>
        <translation>Étiqueter…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="109"/>
        <source>Enroll in campaign…</source>
        <translation>Inscrire dans une campagne…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="110"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="176"/>
        <source>%1 matching</source>
        <translation>%1 correspondant(s)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="178"/>
        <source>1 contact</source>
        <translation>1 contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="180"/>
        <source>%1 contacts</source>
        <translation>%1 contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="262"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="287"/>
        <source>This contact no longer exists.</source>
        <translation>Ce contact n’existe plus.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="297"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="316"/>
        <source>Deleting…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="331"/>
        <source>Tagging…</source>
        <translation>Étiquetage…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="344"/>
        <source>No campaign takes new contacts: create one first.</source>
        <translation>Aucune campagne n’accepte de nouveaux contacts : créez-en une d’abord.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="351"/>
        <source>Enrolling…</source>
        <translation>Inscription…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="361"/>
        <source>%1 enrolled, %2 skipped.</source>
        <translation>%1 inscrit(s), %2 ignoré(s).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="370"/>
        <source>Export contacts</source>
        <translation>Exporter des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="370"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="376"/>
        <source>Exporting…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="379"/>
        <source>Exported %1 contact(s).</source>
        <translation>%1 contact(s) exporté(s).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_prompts.py" line="24"/>
        <source>Delete contacts</source>
        <translation>Supprimer des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_prompts.py" line="26"/>
        <source>Delete %1 contact(s)? Their tags, enrollments and history go too.</source>
        <translation>Supprimer %1 contact(s) ? Leurs étiquettes, inscriptions et historique seront supprimés aussi.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_prompts.py" line="41"/>
        <source>Tag contacts</source>
        <translation>Étiqueter des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_prompts.py" line="43"/>
        <source>Tag for %1 contact(s):</source>
        <translation>Étiquette pour %1 contact(s) :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_prompts.py" line="62"/>
        <source>Enroll in campaign</source>
        <translation>Inscrire dans une campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_prompts.py" line="64"/>
        <source>Campaign for %1 contact(s):</source>
        <translation>Campagne pour %1 contact(s) :</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/enroll_dialog.py" line="29"/>
        <source>Enroll contacts</source>
        <translation>Inscrire des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/enroll_dialog.py" line="31"/>
        <source>All contacts</source>
        <translation>Tous les contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/enroll_dialog.py" line="32"/>
        <source>Contacts with the tag</source>
        <translation>Les contacts avec l’étiquette</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/enroll_dialog.py" line="33"/>
        <source>These addresses (one per line)</source>
        <translation>Ces adresses (une par ligne)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/enroll_dialog.py" line="40"/>
        <source>Loading tags…</source>
        <translation>Chargement des étiquettes…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/enroll_dialog.py" line="48"/>
        <source>Enroll</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/enroll_dialog.py" line="68"/>
        <source>No tags yet</source>
        <translation>Aucune étiquette pour l’instant</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="104"/>
        <source>Choose a CSV file</source>
        <translation>Choisir un fichier CSV</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="106"/>
        <source>Export your spreadsheet as CSV (comma, semicolon or tab separated).</source>
        <translation>Exportez votre tableur en CSV (séparé par des virgules, des points-virgules ou des tabulations).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="109"/>
        <source>Path of the CSV file</source>
        <translation>Chemin du fichier CSV</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="110"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="123"/>
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="125"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="487"/>
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="74"/>
        <source>FluenzR Desktop — %1</source>
        <translation>FluenzR Desktop — %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="81"/>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="108"/>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="81"/>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="109"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="81"/>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="110"/>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="81"/>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="111"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="92"/>
        <source>Import CSV…</source>
        <translation>Importer un CSV…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="106"/>
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="106"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="134"/>
        <source>Workspace: %1</source>
        <translation>Espace de travail : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="187"/>
        <source>Sending is handled by another FluenzR process</source>
        <translation>L’envoi est assuré par un autre processus FluenzR</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="190"/>
        <source>Read-only workspace: nothing is sent</source>
        <translation>Espace de travail en lecture seule : aucun envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="192"/>
        <source>Engine: off</source>
        <translation>Moteur : arrêté (désactivé)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="194"/>
        <source>Engine: error — %1</source>
        <translation>Moteur : erreur — %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="197"/>
        <source>Engine: running</source>
        <translation>Moteur : en marche</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="199"/>
        <source>Engine: stopped</source>
        <translation>Moteur : arrêté</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="204"/>
        <source>Sent today: %1 / %2</source>
        <translation>Envoyés aujourd’hui : %1 / %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="209"/>
        <source>Next send: none scheduled</source>
        <translation>Prochain envoi : aucun prévu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="213"/>
        <source>Next send: %1</source>
        <translation>Prochain envoi : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="281"/>
        <source>%n contact(s) in this workspace.</source>
        <translation>
            <numerusform>%n contact dans cet espace de travail.</numerusform>
            <numerusform>%n contacts dans cet espace de travail.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="285"/>
        <source>No contacts yet. Import a CSV file with: fluenzr contacts import FILE</source>
        <translation>Aucun contact pour l’instant. Importez un fichier CSV avec : fluenzr contacts import FICHIER</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="235"/>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="236"/>
        <source>Choose where each column of the file goes.</source>
        <translation>Choisissez où va chaque colonne du fichier.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="239"/>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="240"/>
        <source>Custom field (keeps the column name)</source>
        <translation>Champ personnalisé (garde le nom de la colonne)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="241"/>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="245"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="245"/>
        <source>First value</source>
        <translation>Première valeur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="245"/>
        <source>Import as</source>
        <translation>Importer comme</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="270"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="304"/>
        <source>Choose the column holding the email address.</source>
        <translation>Choisissez la colonne qui contient l’adresse e-mail.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="307"/>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="318"/>
        <source>Two columns are imported as “%1”; keep one.</source>
        <translation>Deux colonnes sont importées comme « %1 » ; gardez-en une.</translation>
    </message>
</context>
<context>
    <name>MasterPassword</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/master_password.py" line="18"/>
        <source>Password store</source>
        <translation>Coffre des mots de passe</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/master_password.py" line="19"/>
        <source>No system keyring was found. Master password of the encrypted password file:</source>
        <translation>Aucun trousseau système trouvé. Mot de passe maître du fichier chiffré des mots de passe :</translation>
    </message>
</context>
<context>
    <name>NodeInspector</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="94"/>
        <source>Select a step to edit it</source>
        <translation>Sélectionnez une étape pour la modifier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="98"/>
        <source>This step has nothing to set.</source>
        <translation>Cette étape n’a rien à régler.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="135"/>
        <source>Empty on a follow-up: “Re: &lt;previous subject&gt;”</source>
        <translation>Vide pour une relance : « Re: &lt;objet précédent&gt; »</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="139"/>
        <source>Hello {{firstName}}, …</source>
        <translation>Bonjour {{firstName}}, …</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="149"/>
        <source>Insert field</source>
        <translation>Insérer un champ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="151"/>
        <source>Insert a contact field where the cursor is, in the subject or the body</source>
        <translation>Insérer un champ du contact à l’emplacement du curseur, dans l’objet ou le corps</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="162"/>
        <source>The contact the preview is rendered for</source>
        <translation>Le contact pour lequel l’aperçu est calculé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="180"/>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="182"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="184"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="192"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="208"/>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="209"/>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="210"/>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="217"/>
        <source>Wait</source>
        <translation>Attendre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="218"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="224"/>
        <source>A contact field</source>
        <translation>Un champ du contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="225"/>
        <source>Opened an email</source>
        <translation>A ouvert un e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="226"/>
        <source>Clicked a link in an email</source>
        <translation>A cliqué sur un lien d’un e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="227"/>
        <source>Replied to an email</source>
        <translation>A répondu à un e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="238"/>
        <source>equals</source>
        <translation>est égal à</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="239"/>
        <source>does not equal</source>
        <translation>est différent de</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="240"/>
        <source>contains</source>
        <translation>contient</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="241"/>
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="242"/>
        <source>is not empty</source>
        <translation>n’est pas vide</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="251"/>
        <source>Choose an email</source>
        <translation>Choisissez un e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="255"/>
        <source>If the contact</source>
        <translation>Si le contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="256"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="257"/>
        <source>Comparison</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="258"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="259"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="322"/>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="364"/>
        <source>(no contacts to preview)</source>
        <translation>(aucun contact pour l’aperçu)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="382"/>
        <source>subject</source>
        <translation>objet</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="382"/>
        <source>body</source>
        <translation>corps</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="390"/>
        <source>Missing for this contact: %1</source>
        <translation>Manquant pour ce contact : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="421"/>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="495"/>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="424"/>
        <source>Depends on the path the contact took:</source>
        <translation>Selon le chemin suivi par le contact :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="436"/>
        <source>Custom fields</source>
        <translation>Champs personnalisés</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/changes.py" line="57"/>
        <source>FluenzR Desktop</source>
        <translation>FluenzR Desktop</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="334"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="335"/>
        <source>Choose what happens to addresses already in the workspace.</source>
        <translation>Choisissez le sort des adresses déjà présentes dans l’espace de travail.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="336"/>
        <source>Update them with the file&apos;s values</source>
        <translation>Les mettre à jour avec les valeurs du fichier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="337"/>
        <source>Skip them (keep them as they are)</source>
        <translation>Les ignorer (les laisser telles quelles)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="343"/>
        <source>e.g. salon-2024, prospects</source>
        <translation>ex. salon-2024, prospects</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="351"/>
        <source>Contacts already in the workspace:</source>
        <translation>Contacts déjà dans l’espace de travail :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="352"/>
        <source>Add these tags to every imported contact:</source>
        <translation>Ajouter ces étiquettes à chaque contact importé :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="356"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="145"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="146"/>
        <source>Check that the columns are split and the accents read right.</source>
        <translation>Vérifiez que les colonnes sont bien séparées et les accents bien lus.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="150"/>
        <source>Detect</source>
        <translation>Détecter</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="150"/>
        <source>Comma (,)</source>
        <translation>Virgule (,)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="150"/>
        <source>Semicolon (;)</source>
        <translation>Point-virgule (;)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="150"/>
        <source>Tab</source>
        <translation>Tabulation</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="162"/>
        <source>Delimiter:</source>
        <translation>Séparateur :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="183"/>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="200"/>
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="202"/>
        <source>Detected delimiter: %1 — Encoding: %2 — %3 columns</source>
        <translation>Séparateur détecté : %1 — Encodage : %2 — %3 colonnes</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="25"/>
        <source>unknown node type &apos;%1&apos; (expected %2)</source>
        <translation>type d’étape inconnu « %1 » (attendu : %2)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="28"/>
        <source>the node has no type</source>
        <translation>l’étape n’a pas de type</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="29"/>
        <source>unknown field &apos;%1&apos; on this node</source>
        <translation>champ inconnu « %1 » sur cette étape</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="31"/>
        <source>the position must be two numbers [x, y]</source>
        <translation>la position doit être deux nombres [x, y]</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="34"/>
        <source>the %1 must be text</source>
        <translation>le champ « %1 » doit être du texte</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="36"/>
        <source>the body must be text</source>
        <translation>le corps du message doit être du texte</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="37"/>
        <source>the body is empty</source>
        <translation>le corps du message est vide</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="38"/>
        <source>the subject must be text</source>
        <translation>l’objet doit être du texte</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="40"/>
        <source>the subject is empty (the first email of a path needs one)</source>
        <translation>l’objet est vide (le premier e-mail d’un parcours en a besoin)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="44"/>
        <source>%1 does not compile: %2</source>
        <translation>%1 ne se compile pas : %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="48"/>
        <source>%1 builds a value too large (over %2 characters)</source>
        <translation>%1 produit une valeur trop grande (plus de %2 caractères)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="52"/>
        <source>%1 repeats text too many times (over %2 characters)</source>
        <translation>%1 répète du texte trop de fois (plus de %2 caractères)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="56"/>
        <source>%1 pads text too widely (a width over %2)</source>
        <translation>%1 complète du texte sur une largeur trop grande (plus de %2)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="60"/>
        <source>%1 computes too large a number (over %2 bits)</source>
        <translation>%1 calcule un nombre trop grand (plus de %2 bits)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="64"/>
        <source>%1 asks for a range of over %2 items</source>
        <translation>%1 demande une plage de plus de %2 éléments</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="68"/>
        <source>%1 asks for over %2 words of lorem ipsum</source>
        <translation>%1 demande plus de %2 mots de lorem ipsum</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="72"/>
        <source>%1 gives %2 too much text (over %3 characters)</source>
        <translation>%1 donne trop de texte à %2 (plus de %3 caractères)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="76"/>
        <source>%1 loops too many times (over %2 steps)</source>
        <translation>%1 boucle trop de fois (plus de %2 étapes)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="80"/>
        <source>%1 takes too long to render (over %2 s)</source>
        <translation>%1 prend trop de temps à produire (plus de %2 s)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="84"/>
        <source>%1 needs too much memory</source>
        <translation>%1 demande trop de mémoire</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="88"/>
        <source>%1 calls itself too deeply</source>
        <translation>%1 s’appelle lui-même trop profondément</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="92"/>
        <source>%1 is too large once rendered (over %2 MB)</source>
        <translation>%1 est trop volumineux une fois produit (plus de %2 Mo)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="96"/>
        <source>%1 is too long once rendered (over %2 characters)</source>
        <translation>%1 est trop long une fois produit (plus de %2 caractères)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="100"/>
        <source>%1 is nested too deeply (over %2 levels)</source>
        <translation>%1 est imbriqué trop profondément (plus de %2 niveaux)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="104"/>
        <source>the delay needs an amount</source>
        <translation>le délai doit avoir une durée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="106"/>
        <source>the delay amount must be a number</source>
        <translation>la durée du délai doit être un nombre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="110"/>
        <source>the delay amount must be greater than 0</source>
        <translation>la durée du délai doit être supérieure à 0</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="114"/>
        <source>the delay must be at most one year (%1 %2)</source>
        <translation>le délai ne peut pas dépasser un an (%1 %2)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="118"/>
        <source>the delay unit must be one of %1 (got %2)</source>
        <translation>l’unité du délai doit être l’une de %1 (reçu : %2)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="123"/>
        <source>the condition is missing or not an object</source>
        <translation>la condition est absente ou n’est pas un objet</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="127"/>
        <source>unknown condition kind %1 (expected %2)</source>
        <translation>type de condition inconnu : %1 (attendu : %2)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="131"/>
        <source>the condition must name a contact field</source>
        <translation>la condition doit nommer un champ du contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="135"/>
        <source>unknown comparison %1 (expected %2)</source>
        <translation>comparaison inconnue : %1 (attendu : %2)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="139"/>
        <source>the &apos;%1&apos; comparison needs a text or number value</source>
        <translation>la comparaison « %1 » a besoin d’une valeur texte ou nombre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="143"/>
        <source>the &apos;%1&apos; condition must name an email node</source>
        <translation>la condition « %1 » doit nommer une étape e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="147"/>
        <source>&apos;%1&apos; is not an email node</source>
        <translation>« %1 » n’est pas une étape e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="151"/>
        <source>email &apos;%1&apos; does not come before this condition</source>
        <translation>l’e-mail « %1 » ne vient pas avant cette condition</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="155"/>
        <source>the campaign has no Start node</source>
        <translation>la campagne n’a pas d’étape Départ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="156"/>
        <source>there can be only one Start node</source>
        <translation>il ne peut y avoir qu’une étape Départ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="158"/>
        <source>a link starts at unknown node &apos;%1&apos;</source>
        <translation>un lien part d’une étape inconnue « %1 »</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="162"/>
        <source>a link points to unknown node &apos;%1&apos;</source>
        <translation>un lien mène à une étape inconnue « %1 »</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="166"/>
        <source>nothing may link into Start (a link comes from &apos;%1&apos;)</source>
        <translation>rien ne peut mener au Départ (un lien vient de « %1 »)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="170"/>
        <source>a link&apos;s port must be Yes or No (or absent)</source>
        <translation>la sortie d’un lien doit être Oui ou Non (ou absente)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="173"/>
        <source>this node cannot be reached from Start</source>
        <translation>cette étape ne peut pas être atteinte depuis le Départ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="174"/>
        <source>no path from this node reaches an End</source>
        <translation>aucun chemin ne mène de cette étape à une Fin</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="176"/>
        <source>this node is in a loop without a Delay: add a Delay to the loop</source>
        <translation>cette étape est dans une boucle sans Délai : ajoutez un Délai à la boucle</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="182"/>
        <source>an End node cannot have outgoing links</source>
        <translation>une étape Fin ne peut pas avoir de lien sortant</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="186"/>
        <source>the condition has no &apos;%1&apos; branch</source>
        <translation>la condition n’a pas de branche « %1 »</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="190"/>
        <source>the condition has %1 &apos;%2&apos; branches</source>
        <translation>la condition a %1 branches « %2 »</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="194"/>
        <source>a condition&apos;s link must leave by Yes or No (link to &apos;%1&apos;)</source>
        <translation>un lien d’une condition doit partir par Oui ou Non (lien vers « %1 »)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="198"/>
        <source>this node has no &apos;%1&apos; output (link to &apos;%2&apos;)</source>
        <translation>cette étape n’a pas de sortie « %1 » (lien vers « %2 »)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="202"/>
        <source>this node leads nowhere: link it to the next step</source>
        <translation>cette étape ne mène nulle part : reliez-la à l’étape suivante</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="206"/>
        <source>this node has %1 outgoing links; it needs exactly one</source>
        <translation>cette étape a %1 liens sortants ; il en faut exactement un</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="211"/>
        <source>unknown time zone %1 (e.g. Europe/Paris)</source>
        <translation>fuseau horaire inconnu %1 (par ex. Europe/Paris)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="215"/>
        <source>the sending window must be an object</source>
        <translation>la plage d’envoi doit être un objet</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="218"/>
        <source>choose at least one sending day</source>
        <translation>choisissez au moins un jour d’envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="220"/>
        <source>sending days must be among %1</source>
        <translation>les jours d’envoi doivent être parmi %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="224"/>
        <source>the window %1 must be a time like 09:00</source>
        <translation>l’heure de %1 de la plage doit s’écrire comme 09:00</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="228"/>
        <source>the sending window must end after it starts</source>
        <translation>la plage d’envoi doit finir après son début</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="232"/>
        <source>the gap must be [min, max] whole seconds from 0 to %1 (one day)</source>
        <translation>l’écart doit être [min, max] en secondes entières de 0 à %1 (un jour)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="238"/>
        <source>the minimum gap is larger than the maximum</source>
        <translation>l’écart minimum est plus grand que le maximum</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="242"/>
        <source>the daily cap must be a whole number from 1 to %1</source>
        <translation>la limite quotidienne doit être un nombre entier de 1 à %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="245"/>
        <source>%1 must be true or false</source>
        <translation>%1 doit valoir true ou false</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="247"/>
        <source>the account must be an account id or null</source>
        <translation>le compte doit être un identifiant de compte ou null</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="252"/>
        <source>no sending account is chosen for this campaign</source>
        <translation>aucun compte d’envoi n’est choisi pour cette campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="255"/>
        <source>account %1 does not exist</source>
        <translation>le compte %1 n’existe pas</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="256"/>
        <source>unknown variable &apos;%1&apos;</source>
        <translation>variable inconnue « %1 »</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="258"/>
        <source>unknown variable &apos;%1&apos; — did you mean %2?</source>
        <translation>variable inconnue « %1 » — vouliez-vous dire %2 ?</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="265"/>
        <source>the subject</source>
        <translation>l’objet</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="266"/>
        <source>the body</source>
        <translation>le corps du message</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="267"/>
        <source>the template</source>
        <translation>le modèle</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="268"/>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="269"/>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="270"/>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="271"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="272"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="273"/>
        <source>start</source>
        <translation>début</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="274"/>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="275"/>
        <source>label</source>
        <translation>libellé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="276"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="281"/>
        <source>missing</source>
        <translation>aucune valeur</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="387"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="388"/>
        <source>Rejected lines are listed below; every other line was read.</source>
        <translation>Les lignes refusées sont listées ci-dessous ; toutes les autres ont été lues.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="394"/>
        <source>Rejected lines:</source>
        <translation>Lignes refusées :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="396"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="396"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="419"/>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="448"/>
        <source>Import finished.</source>
        <translation>Import terminé.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="450"/>
        <source>Imported: %1 — Updated: %2 — Skipped: %3 — Rejected: %4</source>
        <translation>Importés : %1 — Mis à jour : %2 — Ignorés : %3 — Refusés : %4</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="471"/>
        <source>Nothing was imported.</source>
        <translation>Rien n’a été importé.</translation>
    </message>
</context>
<context>
    <name>SequenceCanvas</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="50"/>
        <source>Add node</source>
        <translation>Ajouter une étape</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="65"/>
        <source>Delete nodes</source>
        <translation>Supprimer des étapes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="100"/>
        <source>Move nodes</source>
        <translation>Déplacer des étapes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="133"/>
        <source>Link nodes</source>
        <translation>Relier des étapes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="148"/>
        <source>Delete link</source>
        <translation>Supprimer le lien</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="173"/>
        <source>Edit node</source>
        <translation>Modifier l’étape</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="193"/>
        <source>This node no longer exists.</source>
        <translation>Cette étape n’existe plus.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="194"/>
        <source>A node cannot link to itself.</source>
        <translation>Une étape ne peut pas se relier à elle-même.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="195"/>
        <source>Nothing may link into Start.</source>
        <translation>Rien ne peut mener au Départ.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="196"/>
        <source>An End node has no output.</source>
        <translation>Une étape Fin n’a pas de sortie.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="199"/>
        <source>A condition&apos;s links leave by Yes or No.</source>
        <translation>Les liens d’une condition partent par Oui ou Non.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="202"/>
        <source>This node has a single output.</source>
        <translation>Cette étape n’a qu’une sortie.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="205"/>
        <source>This output is already linked; remove that link first.</source>
        <translation>Cette sortie est déjà reliée ; supprimez d’abord ce lien.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="208"/>
        <source>A loop must go through a Delay.</source>
        <translation>Une boucle doit passer par un Délai.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="55"/>
        <source>Start</source>
        <translation>Départ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="56"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="57"/>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="58"/>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="59"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="61"/>
        <source>Unknown step</source>
        <translation>Étape inconnue</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="67"/>
        <source>%1 minute</source>
        <translation>%1 minute</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="68"/>
        <source>%1 minutes</source>
        <translation>%1 minutes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="69"/>
        <source>%1 hour</source>
        <translation>%1 heure</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="70"/>
        <source>%1 hours</source>
        <translation>%1 heures</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="71"/>
        <source>%1 day</source>
        <translation>%1 jour</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="72"/>
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="76"/>
        <source>Delay not set</source>
        <translation>Délai non défini</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="82"/>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="92"/>
        <source>Condition not set</source>
        <translation>Condition non définie</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="85"/>
        <source>Opened the email?</source>
        <translation>A ouvert l’e-mail ?</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="86"/>
        <source>Clicked a link?</source>
        <translation>A cliqué sur un lien ?</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="87"/>
        <source>Replied?</source>
        <translation>A répondu ?</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="96"/>
        <source>contains</source>
        <translation>contient</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="97"/>
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="98"/>
        <source>is not empty</source>
        <translation>n’est pas vide</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="112"/>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="118"/>
        <source>Contacts enter here</source>
        <translation>Les contacts entrent ici</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="120"/>
        <source>The sequence ends</source>
        <translation>Fin de la séquence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="212"/>
        <source>Contacts waiting here: %1</source>
        <translation>Contacts en attente ici : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="337"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="338"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>SequenceEditor</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="197"/>
        <source>Add a %1 step (click, or drag onto the canvas)</source>
        <translation>Ajouter une étape %1 (cliquer, ou glisser sur le canevas)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="206"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="211"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="222"/>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="423"/>
        <source>Auto layout</source>
        <translation>Disposition automatique</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="223"/>
        <source>Arrange the sequence from top to bottom</source>
        <translation>Disposer la séquence de haut en bas</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="225"/>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="226"/>
        <source>Show the whole sequence (Ctrl+0)</source>
        <translation>Afficher toute la séquence (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="230"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="233"/>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="317"/>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="389"/>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="236"/>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="324"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="239"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="377"/>
        <source>Delete link</source>
        <translation>Supprimer le lien</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="384"/>
        <source>Add %1 here</source>
        <translation>Ajouter une étape %1 ici</translation>
    </message>
</context>
<context>
    <name>SequenceScene</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/scene.py" line="224"/>
        <source>Delete selection</source>
        <translation>Supprimer la sélection</translation>
    </message>
</context>
<context>
    <name>SequenceTab</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/sequence_tab.py" line="42"/>
        <source>Save sequence</source>
        <translation>Enregistrer la séquence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/sequence_tab.py" line="65"/>
        <source>This campaign is running: pause it to change its sequence.</source>
        <translation>Cette campagne est en cours : mettez-la en pause pour modifier sa séquence.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/sequence_tab.py" line="69"/>
        <source>This campaign is %1: its sequence can no longer change.</source>
        <translation>Cette campagne est %1 : sa séquence ne peut plus changer.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="55"/>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="56"/>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="57"/>
        <source>Wed</source>
        <translation>Mer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="58"/>
        <source>Thu</source>
        <translation>Jeu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="59"/>
        <source>Fri</source>
        <translation>Ven</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="60"/>
        <source>Sat</source>
        <translation>Sam</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="61"/>
        <source>Sun</source>
        <translation>Dim</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="77"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="80"/>
        <source>Stop a contact&apos;s sequence when they reply</source>
        <translation>Arrêter la séquence d’un contact quand il répond</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="82"/>
        <source>Stop a contact&apos;s sequence on an automatic reply (out of office)</source>
        <translation>Arrêter la séquence d’un contact sur une réponse automatique (absence)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="84"/>
        <source>Save settings</source>
        <translation>Enregistrer les paramètres</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="90"/>
        <source>Sending account</source>
        <translation>Compte d’envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="91"/>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="92"/>
        <source>Sending days</source>
        <translation>Jours d’envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="93"/>
        <source>Sending hours</source>
        <translation>Heures d’envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="94"/>
        <source>Gap between two emails</source>
        <translation>Intervalle entre deux e-mails</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="95"/>
        <source>Daily cap</source>
        <translation>Plafond quotidien</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="109"/>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="140"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="226"/>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
</context>
</TS>
