<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AbSettingsBox</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="460"/>
        <source>A/B test</source>
        <translation>Test A/B</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="464"/>
        <source>Replies</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="464"/>
        <source>Clicks</source>
        <translation>Clics</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="469"/>
        <source>What the variants are judged on; opens are not reliable enough to judge on</source>
        <translation>Ce sur quoi les variantes sont jugées ; les ouvertures ne sont pas assez fiables pour en juger</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="477"/>
        <source>Pick the winner automatically</source>
        <translation>Choisir le gagnant automatiquement</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="481"/>
        <source>Once a variant is the winner, every contact not yet sent this email gets it</source>
        <translation>Dès qu’une variante gagne, chaque contact qui n’a pas encore reçu cet e-mail la reçoit</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="485"/>
        <source>By weight</source>
        <translation>Selon les poids</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="486"/>
        <source>Thompson sampling</source>
        <translation>Échantillonnage de Thompson</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="493"/>
        <source>Thompson sampling sends more of the variant doing better, keeping each at 10 % at least</source>
        <translation>L’échantillonnage de Thompson envoie davantage la variante qui réussit le mieux, en gardant chacune à 10 % au moins</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="509"/>
        <source>Judged on</source>
        <translation>Jugé sur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="510"/>
        <source>Split</source>
        <translation>Répartition</translation>
    </message>
</context>
<context>
    <name>AbTestPanel</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="372"/>
        <source>A/B tests</source>
        <translation>Tests A/B</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="378"/>
        <source>A variant wins when it is at least %1 likely to be best, each variant has %2 sends or more and there are %3 replies (or clicks) in all. Opens are shown but never judged on.</source>
        <translation>Une variante l’emporte quand elle a au moins %1 de chances d’être la meilleure, que chaque variante compte au moins %2 envois et qu’il y a %3 réponses (ou clics) en tout. Les ouvertures sont affichées, jamais jugées.</translation>
    </message>
</context>
<context>
    <name>AbTests</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="48"/>
        <source>each variant needs %1 sends (%2 has %3)</source>
        <translation>chaque variante doit compter %1 envois (%2 en a %3)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="49"/>
        <source>no variant is %1 likely to be best yet (%2: %3)</source>
        <translation>aucune variante n’a encore %1 de chances d’être la meilleure (%2 : %3)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="50"/>
        <source>a test needs two variants or more</source>
        <translation>un test demande au moins deux variantes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="53"/>
        <source>%1 replies in all are needed (%2 so far)</source>
        <translation>il faut %1 réponses en tout (%2 pour l’instant)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="54"/>
        <source>%1 clicks in all are needed (%2 so far)</source>
        <translation>il faut %1 clics en tout (%2 pour l’instant)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="57"/>
        <source>replies</source>
        <translation>les réponses</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="58"/>
        <source>clicks</source>
        <translation>les clics</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="59"/>
        <source>opens</source>
        <translation>les ouvertures</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="62"/>
        <source>Reply rate
[90% interval]</source>
        <translation>Taux de réponse
[intervalle à 90 %]</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="63"/>
        <source>Click rate
[90% interval]</source>
        <translation>Taux de clic
[intervalle à 90 %]</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="64"/>
        <source>Open rate
[90% interval]</source>
        <translation>Taux d’ouverture
[intervalle à 90 %]</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="114"/>
        <source>Variant %1 wins: it is %2 likely to be best on %3.</source>
        <translation>La variante %1 l’emporte : elle a %2 de chances d’être la meilleure sur %3.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="125"/>
        <source>%1; %2</source>
        <translation>%1 ; %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="129"/>
        <source>Not enough data yet: %1.</source>
        <translation>Pas encore assez de données : %1.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="132"/>
        <source>About %1 more sends per variant would typically settle it.</source>
        <translation>Environ %1 envois de plus par variante suffiraient en général à trancher.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="151"/>
        <source>No winner yet: contacts are split between the variants until the test declares one (automatic winner is on).</source>
        <translation>Pas encore de gagnante : les contacts sont répartis entre les variantes jusqu’à ce que le test en désigne une (gagnante automatique activée).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="156"/>
        <source>No winner in force: contacts are split between the variants.</source>
        <translation>Aucune gagnante en vigueur : les contacts sont répartis entre les variantes.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="161"/>
        <source>In force: variant %1, picked by hand on %2. Contacts not yet sent get it.</source>
        <translation>En vigueur : variante %1, choisie à la main le %2. Les contacts qui n’ont pas encore reçu cet e-mail la recevront.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="169"/>
        <source>In force: variant %1, decided automatically on %2. Contacts not yet sent get it.</source>
        <translation>En vigueur : variante %1, désignée automatiquement le %2. Les contacts qui n’ont pas encore reçu cet e-mail la recevront.</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="101"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="104"/>
        <source>This provider needs an app password, made in its security settings.</source>
        <translation>Ce fournisseur exige un mot de passe d’application, créé dans ses réglages de sécurité.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="109"/>
        <source>e.g. smtp.example.com</source>
        <translation>p. ex. smtp.exemple.com</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="110"/>
        <source>none: replies are not watched</source>
        <translation>aucun : les réponses ne sont pas suivies</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="114"/>
        <source>empty: no login (local relay, test server)</source>
        <translation>vide : sans authentification (relais local, serveur de test)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="119"/>
        <source>no account cap</source>
        <translation>pas de plafond du compte</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="131"/>
        <source>the campaign&apos;s time zone</source>
        <translation>le fuseau horaire de la campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="132"/>
        <source>Copy sent emails to the Sent folder (IMAP)</source>
        <translation>Copier les e-mails envoyés dans le dossier Envoyés (IMAP)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="134"/>
        <source>Added below every email of this account</source>
        <translation>Ajoutée sous chaque e-mail de ce compte</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="147"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="148"/>
        <source>Email address:</source>
        <translation>Adresse e-mail :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="149"/>
        <source>From name:</source>
        <translation>Nom de l’expéditeur :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="150"/>
        <source>Reply-to:</source>
        <translation>Répondre à :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="152"/>
        <source>Provider:</source>
        <translation>Fournisseur :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="155"/>
        <source>SMTP server:</source>
        <translation>Serveur SMTP :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="159"/>
        <source>IMAP server:</source>
        <translation>Serveur IMAP :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="162"/>
        <source>Username:</source>
        <translation>Identifiant :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="163"/>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="165"/>
        <source>Daily cap:</source>
        <translation>Plafond quotidien :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="166"/>
        <source>Time zone:</source>
        <translation>Fuseau horaire :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="168"/>
        <source>Signature:</source>
        <translation>Signature :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="170"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="173"/>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="195"/>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="196"/>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="197"/>
        <source>Sending</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="224"/>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="228"/>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="228"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="228"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="242"/>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="306"/>
        <source>This account was changed elsewhere: saving keeps your version.</source>
        <translation>Ce compte a été modifié ailleurs : enregistrer conserve votre version.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="347"/>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="475"/>
        <source>no master password given: the password was not stored</source>
        <translation>aucun mot de passe maître : le mot de passe n’a pas été enregistré</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="482"/>
        <source>Username: a password needs one (leave both empty to send without login)</source>
        <translation>Identifiant : un mot de passe en demande un (laissez les deux vides pour envoyer sans authentification)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="497"/>
        <source>Password: an account with a username needs one</source>
        <translation>Mot de passe : un compte avec identifiant en a besoin</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="508"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="534"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="552"/>
        <source>Password: type it to test the connection</source>
        <translation>Mot de passe : saisissez-le pour tester la connexion</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="562"/>
        <source>SMTP: connecting…</source>
        <translation>SMTP : connexion…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/account_form.py" line="590"/>
        <source>skipped</source>
        <translation>non testé</translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="60"/>
        <source>No mailbox yet: fill in the form to connect one.</source>
        <translation>Aucune boîte mail pour l’instant : remplissez le formulaire pour en connecter une.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="68"/>
        <source>New account</source>
        <translation>Nouveau compte</translation>
    </message>
</context>
<context>
    <name>AddressIssue</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="31"/>
        <source>space</source>
        <translation>espace</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="43"/>
        <source>Enter an email address.</source>
        <translation>Saisissez une adresse e-mail.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="44"/>
        <source>An email address needs an @, as in name@example.com.</source>
        <translation>Une adresse e-mail doit contenir un @, comme dans nom@exemple.com.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="47"/>
        <source>Something must come before the @.</source>
        <translation>Il manque quelque chose avant le @.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="50"/>
        <source>A domain must come after the @, as in name@example.com.</source>
        <translation>Un domaine doit suivre le @, comme dans nom@exemple.com.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="53"/>
        <source>An email address cannot have two periods in a row.</source>
        <translation>Une adresse e-mail ne peut pas contenir deux points à la suite.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="56"/>
        <source>“%1” cannot start or end the address, nor touch the @.</source>
        <translation>« %1 » ne peut ni commencer ni finir l’adresse, ni toucher le @.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="59"/>
        <source>The domain after the @ needs a period, as in example.com.</source>
        <translation>Le domaine après le @ doit contenir un point, comme dans exemple.com.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="62"/>
        <source>The domain after the @ does not end with a valid extension.</source>
        <translation>Le domaine après le @ ne se termine pas par une extension valide.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="65"/>
        <source>The domain after the @ is reserved and cannot receive email.</source>
        <translation>Le domaine après le @ est réservé et ne peut pas recevoir d’e-mails.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="68"/>
        <source>Characters not allowed before the @: %1.</source>
        <translation>Caractères interdits avant le @ : %1.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="71"/>
        <source>Characters not allowed after the @: %1.</source>
        <translation>Caractères interdits après le @ : %1.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="74"/>
        <source>This email address is too long.</source>
        <translation>Cette adresse e-mail est trop longue.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="78"/>
        <source>This email address is not valid.</source>
        <translation>Cette adresse e-mail n’est pas valide.</translation>
    </message>
</context>
<context>
    <name>AnalyticsTab</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="137"/>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="237"/>
        <source>Loading figures…</source>
        <translation>Chargement des chiffres…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="139"/>
        <source>No emails sent yet: figures appear as the campaign sends.</source>
        <translation>Aucun e-mail envoyé pour l’instant : les chiffres apparaissent à mesure que la campagne envoie.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="161"/>
        <source>Day by day</source>
        <translation>Jour par jour</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="171"/>
        <source>By step</source>
        <translation>Par étape</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="177"/>
        <source>No tracked link was clicked yet.</source>
        <translation>Aucun lien suivi n’a encore été cliqué.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="178"/>
        <source>Links clicked</source>
        <translation>Liens cliqués</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="189"/>
        <source>Reply rate</source>
        <translation>Taux de réponse</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="192"/>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="193"/>
        <source>Delivered</source>
        <translation>Délivrés</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="194"/>
        <source>Opened</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="195"/>
        <source>Clicked</source>
        <translation>Cliqués</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="196"/>
        <source>Bounced</source>
        <translation>Rejetés</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="197"/>
        <source>Unsubscribed</source>
        <translation>Désinscrits</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="198"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="199"/>
        <source>Time to first reply</source>
        <translation>Délai de première réponse</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="213"/>
        <source>Apple Mail Privacy Protection downloads every image when a message arrives, read or not: those proxied opens are shown apart and never counted as opens.
Machine hits are prefetches, link scanners and mail filters opening or clicking before a person does: labelled, never counted as opens or clicks.</source>
        <translation>La protection de la confidentialité d’Apple Mail télécharge toutes les images à l’arrivée d’un message, qu’il soit lu ou non : ces ouvertures par proxy sont montrées à part et jamais comptées comme des ouvertures.
Les accès automatiques sont des préchargements, des analyseurs de liens et des filtres de messagerie qui ouvrent ou cliquent avant une personne : ils sont signalés, jamais comptés comme des ouvertures ou des clics.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="261"/>
        <source>The figures could not be read: %1</source>
        <translation>Les chiffres n’ont pas pu être lus : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="312"/>
        <source>replied: %1 · delivered: %2</source>
        <translation>réponses : %1 · délivrés : %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="315"/>
        <source>Messages that got a reply, against messages delivered (sent − bounced).</source>
        <translation>Messages qui ont reçu une réponse, rapportés aux messages délivrés (envoyés − rejetés).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="323"/>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="331"/>
        <source>messages: %1</source>
        <translation>messages : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="324"/>
        <source>Unique human opens, against delivered messages that carried a pixel.</source>
        <translation>Ouvertures humaines uniques, rapportées aux messages délivrés qui portaient un pixel.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="327"/>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="337"/>
        <source>tracking off</source>
        <translation>suivi désactivé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="333"/>
        <source>Messages with a human click, against delivered messages with tracked links.</source>
        <translation>Messages avec un clic humain, rapportés aux messages délivrés dont les liens étaient suivis.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="342"/>
        <source>Final bounces (a delayed-delivery warning is not one), against messages sent.</source>
        <translation>Rejets définitifs (un avertissement de livraison retardée n’en est pas un), rapportés aux messages envoyés.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="346"/>
        <source>spam complaints: %1</source>
        <translation>plaintes pour spam : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="352"/>
        <source>Contacts of this campaign in Error now.</source>
        <translation>Contacts de cette campagne actuellement en erreur.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="356"/>
        <source>contacts who replied: %1</source>
        <translation>contacts ayant répondu : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="360"/>
        <source>Median time from the first email to the first reply, over contacts who replied.</source>
        <translation>Délai médian entre le premier e-mail et la première réponse, sur les contacts qui ont répondu.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="364"/>
        <source>Apple proxied opens: %1 · Machine hits: %2 (messages: %3)</source>
        <translation>Ouvertures par proxy Apple : %1 · Accès automatiques : %2 (messages : %3)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="372"/>
        <source>Sends, opens, clicks and replies per day (%1 time).</source>
        <translation>Envois, ouvertures, clics et réponses par jour (heure de %1).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="384"/>
        <source>Replies</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="385"/>
        <source>Sends</source>
        <translation>Envois</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="386"/>
        <source>Opens</source>
        <translation>Ouvertures</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="387"/>
        <source>Clicks</source>
        <translation>Clics</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tab.py" line="394"/>
        <source>No step (the contact wrote first)</source>
        <translation>Aucune étape (le contact a écrit en premier)</translation>
    </message>
</context>
<context>
    <name>ApiGroup</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="96"/>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="140"/>
        <source>Local API</source>
        <translation>API locale</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="108"/>
        <source>Serve the local API on this computer</source>
        <translation>Servir l’API locale sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="115"/>
        <source>Looking…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="120"/>
        <source>Hidden</source>
        <translation>Masqué</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="122"/>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="385"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="124"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="126"/>
        <source>Regenerate…</source>
        <translation>Régénérer…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="141"/>
        <source>Lets your scripts and tools drive FluenzR while this window is open, from this computer only.</source>
        <translation>Permet à vos scripts et outils de piloter FluenzR tant que cette fenêtre est ouverte, depuis cet ordinateur seulement.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="150"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="151"/>
        <source>Served at 127.0.0.1 on this port; web pages cannot reach it.</source>
        <translation>Servie sur 127.0.0.1 à ce port ; les pages web ne peuvent pas l’atteindre.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="160"/>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="161"/>
        <source>Send it as Authorization: Bearer &lt;token&gt;. Keep it like a password.</source>
        <translation>À envoyer dans l’en-tête Authorization: Bearer &lt;jeton&gt;. Gardez-le comme un mot de passe.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="257"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="282"/>
        <source>The API could not start: %1</source>
        <translation>L’API n’a pas pu démarrer : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="292"/>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="322"/>
        <source>Running at %1</source>
        <translation>En service à %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="324"/>
        <source>Off: the plan in force does not include the API</source>
        <translation>Arrêtée : l’offre en vigueur n’inclut pas l’API</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="326"/>
        <source>Off</source>
        <translation>Arrêtée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="376"/>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="393"/>
        <source>Token copied to the clipboard.</source>
        <translation>Jeton copié dans le presse-papiers.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="402"/>
        <source>Regenerate the API token</source>
        <translation>Régénérer le jeton de l’API</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="404"/>
        <source>Make a new token? The old one stops working at once: scripts and tools using it must be given the new one.</source>
        <translation>Créer un nouveau jeton ? L’ancien cesse aussitôt de fonctionner : les scripts et outils qui l’utilisent devront recevoir le nouveau.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="411"/>
        <source>Regenerate</source>
        <translation>Régénérer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/api_settings.py" line="426"/>
        <source>New token made: the old one no longer works.</source>
        <translation>Nouveau jeton créé : l’ancien ne fonctionne plus.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/app.py" line="84"/>
        <location filename="../../fluenzr_desktop/gui/app.py" line="184"/>
        <source>FluenzR Desktop</source>
        <translation>FluenzR Desktop</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/app.py" line="158"/>
        <source>no master password given: the engine stays off</source>
        <translation>aucun mot de passe maître saisi : le moteur reste arrêté</translation>
    </message>
</context>
<context>
    <name>CampaignAnalytics</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="80"/>
        <location filename="../../fluenzr_desktop/gui/figures_text.py" line="14"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/figures_text.py" line="30"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/figures_text.py" line="33"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/figures_text.py" line="38"/>
        <source>%1 d %2 h</source>
        <translation>%1 j %2 h</translation>
    </message>
</context>
<context>
    <name>CampaignHeader</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/header.py" line="29"/>
        <source>Activate</source>
        <translation>Activer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/header.py" line="30"/>
        <source>Pause</source>
        <translation>Mettre en pause</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/header.py" line="31"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/header.py" line="32"/>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/header.py" line="56"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/header.py" line="64"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/header.py" line="67"/>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/header.py" line="70"/>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
</context>
<context>
    <name>CampaignView</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="111"/>
        <source>Sequence</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="112"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="113"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="96"/>
        <source>Click a problem to show where it is</source>
        <translation>Cliquez sur un problème pour voir où il se trouve</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="115"/>
        <source>Analytics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="174"/>
        <source>Your last edits are not saved: %1</source>
        <translation>Vos dernières modifications ne sont pas enregistrées : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="263"/>
        <source>(removed step)</source>
        <translation>(étape supprimée)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="273"/>
        <source>Settings: %1</source>
        <translation>Paramètres : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="364"/>
        <source>Nothing started.</source>
        <translation>Rien n’a démarré.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="64"/>
        <source>Archive campaign</source>
        <translation>Archiver la campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="65"/>
        <source>Archive “%1”? An archived campaign cannot be reopened.</source>
        <translation>Archiver « %1 » ? Une campagne archivée ne peut pas être rouverte.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="374"/>
        <source>The campaign cannot be activated yet: fix the problems below.</source>
        <translation>La campagne ne peut pas encore être activée : corrigez les problèmes ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="428"/>
        <source>The campaign is now %1.</source>
        <translation>La campagne est maintenant %1.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="90"/>
        <source>Missing values</source>
        <translation>Valeurs manquantes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="91"/>
        <source>Some contacts have no value for a field the emails print without a default. They will not get those emails and will move to Error; you can fill the values and retry them later.</source>
        <translation>Certains contacts n’ont pas de valeur pour un champ que les e-mails affichent sans valeur par défaut. Ils ne recevront pas ces e-mails et passeront en Erreur ; vous pourrez compléter les valeurs et les relancer ensuite.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="100"/>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="176"/>
        <source>Activate anyway</source>
        <translation>Activer quand même</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="102"/>
        <source>Resume anyway</source>
        <translation>Reprendre quand même</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="133"/>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="171"/>
        <source>Activate campaign</source>
        <translation>Activer la campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="134"/>
        <source>“%1” has no contacts yet: activating it would send nothing.</source>
        <translation>« %1 » n’a encore aucun contact : l’activer n’enverrait rien.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="139"/>
        <source>Enroll contacts first, then activate the campaign.</source>
        <translation>Inscrivez d’abord des contacts, puis activez la campagne.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="145"/>
        <source>Enroll contacts…</source>
        <translation>Inscrire des contacts…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="153"/>
        <source>First email: %1</source>
        <translation>Premier e-mail : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="161"/>
        <source>Some contacts have no value for a field the emails print without a default: they will not get those emails and will move to Error.</source>
        <translation>Certains contacts n’ont pas de valeur pour un champ que les e-mails affichent sans valeur par défaut : ils ne recevront pas ces e-mails et passeront en Erreur.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="178"/>
        <source>Activate</source>
        <translation>Activer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/view.py" line="422"/>
        <source>Nothing started: fill the missing values first.</source>
        <translation>Rien n’a démarré : complétez d’abord les valeurs manquantes.</translation>
    </message>
</context>
<context>
    <name>CampaignsList</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="101"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="102"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="103"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="104"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="105"/>
        <source>Replied</source>
        <translation>Ont répondu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="27"/>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="108"/>
        <source>Unsubscribed</source>
        <translation>Désinscrits</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="109"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="126"/>
        <source>New…</source>
        <translation>Nouvelle…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="130"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="132"/>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="134"/>
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="136"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="24"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="25"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="26"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="28"/>
        <source>Archived</source>
        <translation>Archivée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="107"/>
        <source>Completed</source>
        <comment>contacts</comment>
        <translation>Terminés</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="128"/>
        <source>Start from a template…</source>
        <translation>Partir d’un modèle…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="173"/>
        <source>No campaigns yet</source>
        <translation>Aucune campagne pour l’instant</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="177"/>
        <source>A campaign sends a sequence of emails to your contacts from your own mailbox, and stops for each contact who replies.</source>
        <translation>Une campagne envoie une suite d’e-mails à vos contacts depuis votre propre boîte mail, et s’arrête pour chaque contact qui répond.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="186"/>
        <source>Connect your mailbox…</source>
        <translation>Connecter votre boîte mail…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="188"/>
        <source>✓ Mailbox connected</source>
        <translation>✓ Boîte mail connectée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="189"/>
        <source>Import contacts…</source>
        <translation>Importer des contacts…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="191"/>
        <source>✓ Contacts imported</source>
        <translation>✓ Contacts importés</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="192"/>
        <source>New campaign…</source>
        <translation>Nouvelle campagne…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="312"/>
        <source>%1 stopped</source>
        <translation>%1 arrêté(s)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="314"/>
        <source>The campaign is over: these contacts get no more emails.</source>
        <translation>La campagne est terminée : ces contacts ne recevront plus d’e-mails.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="358"/>
        <source>Pause the campaign before archiving it.</source>
        <translation>Mettez la campagne en pause avant de l’archiver.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="373"/>
        <source>New campaign</source>
        <translation>Nouvelle campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="380"/>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="447"/>
        <source>A campaign needs a name.</source>
        <translation>Une campagne a besoin d’un nom.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="383"/>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="408"/>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="423"/>
        <source>Campaign “%1” created.</source>
        <translation>Campagne « %1 » créée.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="422"/>
        <source>%1 (copy)</source>
        <translation>%1 (copie)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="440"/>
        <source>Rename campaign</source>
        <translation>Renommer la campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="453"/>
        <source>Campaign renamed.</source>
        <translation>Campagne renommée.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="472"/>
        <source>Campaign archived.</source>
        <translation>Campagne archivée.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="493"/>
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
    <name>ContactPanel</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_panel.py" line="81"/>
        <source>Select a contact to see its campaigns and history</source>
        <translation>Sélectionnez un contact pour voir ses campagnes et son historique</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_panel.py" line="92"/>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_panel.py" line="95"/>
        <source>Latest events</source>
        <translation>Derniers événements</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_panel.py" line="180"/>
        <source>This contact could not be read.</source>
        <translation>Ce contact n’a pas pu être lu.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_panel.py" line="210"/>
        <source>This contact no longer exists.</source>
        <translation>Ce contact n’existe plus.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_panel.py" line="221"/>
        <source>Tags: %1</source>
        <translation>Étiquettes : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_panel.py" line="225"/>
        <source>Never mailed again since %1 (%2)</source>
        <translation>Plus jamais contacté depuis le %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_panel.py" line="238"/>
        <source>In no campaign</source>
        <translation>Dans aucune campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_panel.py" line="246"/>
        <source>%1: %2, next action %3</source>
        <translation>%1 : %2, prochaine action %3</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_panel.py" line="254"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_panel.py" line="266"/>
        <source>Nothing has happened yet</source>
        <translation>Rien ne s’est encore passé</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="15"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="16"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="17"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="18"/>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="19"/>
        <source>Title</source>
        <translation>Poste</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="20"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contact_fields.py" line="21"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="62"/>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="67"/>
        <source>Enroll…</source>
        <translation>Inscrire…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="69"/>
        <source>Retry errors</source>
        <translation>Relancer les erreurs</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="72"/>
        <source>Put the selected contacts in error (all of them if none is selected) back where they stood, once you fixed the cause.</source>
        <translation>Remet les contacts en erreur sélectionnés (tous si aucun n’est sélectionné) là où ils en étaient, une fois la cause corrigée.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="78"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="79"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="80"/>
        <source>Current step</source>
        <translation>Étape actuelle</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="81"/>
        <source>Next action</source>
        <translation>Prochaine action</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="82"/>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="97"/>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="37"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="39"/>
        <source>Waiting to start</source>
        <translation>En attente de démarrage</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="40"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="41"/>
        <source>Replied</source>
        <translation>A répondu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="42"/>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="43"/>
        <source>Unsubscribed</source>
        <translation>Désinscrit</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/statuses.py" line="44"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="140"/>
        <source>Next action (%1)</source>
        <translation>Prochaine action (%1)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="161"/>
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="205"/>
        <source>%Ln contact(s) enrolled, %1 skipped.</source>
        <translation>
            <numerusform>%Ln contact inscrit (ignorés : %1).</numerusform>
            <numerusform>%Ln contacts inscrits (ignorés : %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="235"/>
        <source>%Ln contact(s) back in the sequence, %1 skipped.</source>
        <translation>
            <numerusform>%Ln contact remis dans la séquence (ignorés : %1).</numerusform>
            <numerusform>%Ln contacts remis dans la séquence (ignorés : %1).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="202"/>
        <source>no contact with this address</source>
        <translation>aucun contact avec cette adresse</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="216"/>
        <source>Enrolling…</source>
        <translation>Inscription…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="225"/>
        <source>None of the selected contacts is in error.</source>
        <translation>Aucun des contacts sélectionnés n’est en erreur.</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="96"/>
        <source>Search email, name or company</source>
        <translation>Rechercher un e-mail, un nom ou une entreprise</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="106"/>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="282"/>
        <source>All tags</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="110"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="140"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="142"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="144"/>
        <location filename="../../fluenzr_desktop/gui/contacts_prompts.py" line="24"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="146"/>
        <source>Tag…</source>
        <translation>Étiqueter…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="147"/>
        <source>Enroll in campaign…</source>
        <translation>Inscrire dans une campagne…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="148"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="217"/>
        <source>No contacts yet</source>
        <translation>Aucun contact pour l’instant</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="221"/>
        <source>Import a CSV file exported from a spreadsheet or a CRM, or add your contacts one by one.</source>
        <translation>Importez un fichier CSV exporté d’un tableur ou d’un CRM, ou ajoutez vos contacts un par un.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="226"/>
        <source>Import a CSV file…</source>
        <translation>Importer un fichier CSV…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="229"/>
        <source>Add a contact…</source>
        <translation>Ajouter un contact…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="272"/>
        <source>%Ln matching</source>
        <translation>
            <numerusform>%Ln contact trouvé</numerusform>
            <numerusform>%Ln contacts trouvés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="274"/>
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="481"/>
        <source>%Ln enrolled</source>
        <translation>
            <numerusform>%Ln inscrit</numerusform>
            <numerusform>%Ln inscrits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="482"/>
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln ignoré</numerusform>
            <numerusform>%Ln ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="499"/>
        <source>Exported %Ln contact(s).</source>
        <translation>
            <numerusform>%Ln contact exporté.</numerusform>
            <numerusform>%Ln contacts exportés.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="362"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="394"/>
        <source>This contact no longer exists.</source>
        <translation>Ce contact n’existe plus.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="404"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="418"/>
        <source>Delete %Ln contact(s)? Their tags, enrollments and history go too.</source>
        <translation>
            <numerusform>Supprimer %Ln contact ? Ses tags, inscriptions et historique seront supprimés aussi.</numerusform>
            <numerusform>Supprimer %Ln contacts ? Leurs tags, inscriptions et historique seront supprimés aussi.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="426"/>
        <source>Deleting…</source>
        <translation>Suppression…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="437"/>
        <source>Tag for %Ln contact(s):</source>
        <translation>
            <numerusform>Tag pour %Ln contact :</numerusform>
            <numerusform>Tag pour %Ln contacts :</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="441"/>
        <source>Tagging…</source>
        <translation>Étiquetage…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="463"/>
        <source>No campaign takes new contacts: create one first.</source>
        <translation>Aucune campagne n’accepte de nouveaux contacts : créez-en une d’abord.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="465"/>
        <source>Campaign for %Ln contact(s):</source>
        <translation>
            <numerusform>Campagne pour %Ln contact :</numerusform>
            <numerusform>Campagne pour %Ln contacts :</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="471"/>
        <source>Enrolling…</source>
        <translation>Inscription…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="491"/>
        <source>Export contacts</source>
        <translation>Exporter des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="491"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="497"/>
        <source>Exporting…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_prompts.py" line="21"/>
        <source>Delete contacts</source>
        <translation>Supprimer des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_prompts.py" line="34"/>
        <source>Tag contacts</source>
        <translation>Étiqueter des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_prompts.py" line="51"/>
        <source>Enroll in campaign</source>
        <translation>Inscrire dans une campagne</translation>
    </message>
</context>
<context>
    <name>CountedText</name>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="27"/>
        <source>At most %n email(s) a day.</source>
        <translation>
            <numerusform>Au plus %n e-mail par jour.</numerusform>
            <numerusform>Au plus %n e-mails par jour.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="30"/>
        <source>Activate “%1”? It will email %n contact(s).</source>
        <translation>
            <numerusform>Activer « %1 » ? Elle écrira à %n contact.</numerusform>
            <numerusform>Activer « %1 » ? Elle écrira à %n contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="34"/>
        <source>• %1: missing for %2 of %n contact(s), e.g. %3</source>
        <translation>
            <numerusform>• %1 : absent pour %2 contact sur %n, ex. %3</numerusform>
            <numerusform>• %1 : absent pour %2 des %n contacts, ex. %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="53"/>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="132"/>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="54"/>
        <source>Opened</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="55"/>
        <source>Clicked</source>
        <translation>Cliqués</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="56"/>
        <source>Replied</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="108"/>
        <source>Sent today</source>
        <translation>Envoyés aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="115"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="115"/>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="130"/>
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="115"/>
        <source>Reply</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="115"/>
        <source>Received</source>
        <translation>Reçue</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="123"/>
        <source>Double-click a reply to see the contact.</source>
        <translation>Double-cliquez sur une réponse pour voir le contact.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="125"/>
        <source>No replies yet. They appear here as they arrive.</source>
        <translation>Aucune réponse pour l’instant. Elles apparaissent ici dès leur arrivée.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="126"/>
        <source>Replies to answer</source>
        <translation>Réponses à traiter</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="131"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="133"/>
        <source>Reply rate</source>
        <translation>Taux de réponse</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="134"/>
        <source>Open rate</source>
        <translation>Taux d’ouverture</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="141"/>
        <source>Double-click a campaign to open it.</source>
        <translation>Double-cliquez sur une campagne pour l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="147"/>
        <source>No campaigns yet.</source>
        <translation>Aucune campagne pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="148"/>
        <source>Go to Campaigns</source>
        <translation>Aller aux campagnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="156"/>
        <source>Campaigns by reply rate</source>
        <translation>Campagnes par taux de réponse</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="164"/>
        <source>Sends, opens, clicks and replies appear here.</source>
        <translation>Les envois, ouvertures, clics et réponses apparaissent ici.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="165"/>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="274"/>
        <source>The dashboard could not be read: %1</source>
        <translation>Le tableau de bord n’a pas pu être lu : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="298"/>
        <source>%1 plan: %2 of %3 emails sent today across the workspace.</source>
        <translation>Forfait %1 : %2 e-mails envoyés aujourd’hui sur %3 pour tout l’espace de travail.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="305"/>
        <source>%1 plan: no limit from the plan; the daily caps you set still apply.</source>
        <translation>Forfait %1 : aucune limite imposée par le forfait ; les plafonds quotidiens que vous avez fixés s’appliquent toujours.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="321"/>
        <source>Daily cap, all accounts</source>
        <translation>Plafond quotidien, tous comptes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="322"/>
        <source>Emails sent today by all your accounts together.</source>
        <translation>E-mails envoyés aujourd’hui par tous vos comptes réunis.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="331"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="335"/>
        <source>The cap is reached: sending waits for tomorrow.</source>
        <translation>Le plafond est atteint : les envois reprennent demain.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/dashboard.py" line="400"/>
        <source>%1 sent, %2 opened, %3 clicked, %4 replied · days in %5</source>
        <translation>%1 envoyés, %2 ouverts, %3 cliqués, %4 réponses · jours du fuseau %5</translation>
    </message>
</context>
<context>
    <name>EmailPreview</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="66"/>
        <source>Sample contact — Ada Lovelace, Analytical Engines</source>
        <translation>Contact d’exemple — Ada Lovelace, Analytical Engines</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="167"/>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="239"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="173"/>
        <source>The contact the preview is rendered for</source>
        <translation>Le contact pour lequel l’aperçu est calculé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="176"/>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="275"/>
        <source>No contacts yet: a sample contact is used. It is never saved or sent.</source>
        <translation>Aucun contact pour l’instant : un contact d’exemple est utilisé. Il n’est jamais enregistré ni envoyé.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="198"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="241"/>
        <source>Preview of variant %1</source>
        <translation>Aperçu de la variante %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="254"/>
        <source>Loading contacts…</source>
        <translation>Chargement des contacts…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="273"/>
        <source>The contacts could not be read (%1): a sample contact is used instead.</source>
        <translation>Impossible de lire les contacts (%1) : un contact d’exemple est utilisé à la place.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="294"/>
        <source>subject</source>
        <translation>objet</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="294"/>
        <source>body</source>
        <translation>corps</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="302"/>
        <source>Missing for this contact: %1</source>
        <translation>Manquant pour ce contact : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="334"/>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="338"/>
        <source>Depends on the path the contact took:</source>
        <translation>Selon le chemin suivi par le contact :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="340"/>
        <source>Depends on the path the contact took and the variants it got:</source>
        <translation>Dépend du chemin suivi par le contact et des variantes qu’il a reçues :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/preview.py" line="342"/>
        <source>Depends on the variant the contact got earlier:</source>
        <translation>Dépend de la variante reçue plus tôt par le contact :</translation>
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
        <location filename="../../fluenzr_desktop/gui/campaign/enroll_dialog.py" line="70"/>
        <source>Choose a tag</source>
        <translation>Choisissez une étiquette</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/enroll_dialog.py" line="73"/>
        <source>No tags yet</source>
        <translation>Aucune étiquette pour l’instant</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/enroll_dialog.py" line="78"/>
        <source>Tags unavailable</source>
        <translation>Étiquettes indisponibles</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="25"/>
        <source>Sent “%1”</source>
        <translation>Envoyé « %1 »</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="26"/>
        <source>Finished the sequence</source>
        <translation>A terminé la séquence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="27"/>
        <source>Not mailed, on the suppression list: %1</source>
        <translation>Non envoyé, adresse sur la liste d’exclusion : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="28"/>
        <source>Held: the email may already have gone out, so it is not sent again</source>
        <translation>Retenu : l’e-mail est peut-être déjà parti, il n’est donc pas renvoyé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="31"/>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="32"/>
        <source>Tracking relay unreachable: the condition went on the opens and clicks known (%1)</source>
        <translation>Relais de suivi injoignable : la condition s’est fondée sur les ouvertures et clics connus (%1)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="36"/>
        <source>Opened</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="37"/>
        <source>Opened (Apple Mail Privacy Protection: not counted as a human open)</source>
        <translation>Ouvert (protection de la confidentialité d’Apple Mail : non compté comme une ouverture humaine)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="40"/>
        <source>Machine open (%1)</source>
        <translation>Ouverture automatique (%1)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="41"/>
        <source>Clicked %1</source>
        <translation>A cliqué sur %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="42"/>
        <source>Machine click (%1): %2</source>
        <translation>Clic automatique (%1) : %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="43"/>
        <source>Replied: %1</source>
        <translation>A répondu : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="44"/>
        <source>Auto-reply</source>
        <translation>Réponse automatique</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="45"/>
        <source>Bounced (hard)</source>
        <translation>Rejeté (définitif)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="46"/>
        <source>Unsubscribed</source>
        <translation>Désabonné</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="47"/>
        <source>Marked the email as spam</source>
        <translation>A signalé l’e-mail comme spam</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="51"/>
        <source>Bounced (soft)</source>
        <translation>Rejeté (temporaire)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="52"/>
        <source>Delivery delayed (the server keeps trying)</source>
        <translation>Remise retardée (le serveur réessaie)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="53"/>
        <source>Auto-reply (back on %1)</source>
        <translation>Réponse automatique (de retour le %1)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="54"/>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="59"/>
        <source>Apple Mail Privacy Protection</source>
        <translation>protection de la confidentialité d’Apple Mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="60"/>
        <source>Gmail image prefetch</source>
        <translation>préchargement des images par Gmail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="61"/>
        <source>prefetch</source>
        <translation>préchargement</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="62"/>
        <source>no browser named</source>
        <translation>aucun navigateur indiqué</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="63"/>
        <source>link scanner</source>
        <translation>analyseur de liens</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="64"/>
        <source>hidden link followed: link scanner</source>
        <translation>lien caché suivi : analyseur de liens</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="65"/>
        <source>link scanner: too soon after sending</source>
        <translation>analyseur de liens : trop tôt après l’envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="66"/>
        <source>link scanner: every link within seconds</source>
        <translation>analyseur de liens : tous les liens en quelques secondes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="69"/>
        <source>for an email no longer here</source>
        <translation>pour un e-mail qui n’est plus là</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/event_text.py" line="71"/>
        <source>machine</source>
        <translation>machine</translation>
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
    <name>GettingStartedDialog</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="37"/>
        <source>Getting started</source>
        <translation>Bien démarrer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="43"/>
        <source>Show the first steps</source>
        <translation>Afficher les premières étapes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="69"/>
        <source>1. Connect your mailbox</source>
        <translation>1. Connecter votre boîte mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="71"/>
        <source>Under Accounts, choose your provider, type your address and password, and test the connection. Emails go out from your own mailbox; the password never goes into the workspace&apos;s database.</source>
        <translation>Dans Comptes, choisissez votre fournisseur, saisissez votre adresse et votre mot de passe, puis testez la connexion. Les e-mails partent de votre propre boîte mail ; le mot de passe n’entre jamais dans la base de données de l’espace de travail.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="77"/>
        <source>2. Import contacts</source>
        <translation>2. Importer des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="79"/>
        <source>File › Import contacts reads a CSV file from a spreadsheet or a CRM; the Contacts screen also adds one by hand. Tags keep them in groups.</source>
        <translation>Fichier › Importer des contacts lit un fichier CSV issu d’un tableur ou d’un CRM ; l’écran Contacts en ajoute aussi un à la main. Les étiquettes les rangent en groupes.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="84"/>
        <source>3. Draw the sequence</source>
        <translation>3. Dessiner la séquence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="86"/>
        <source>A campaign&apos;s Sequence tab is a canvas: Start, then Email and Delay steps, to End. Write each email with {{firstName}} and {{company}}, and check the preview for a real contact.</source>
        <translation>L’onglet Séquence d’une campagne est un canevas : Départ, puis des étapes E-mail et Délai, jusqu’à Fin. Rédigez chaque e-mail avec {{firstName}} et {{company}}, et vérifiez l’aperçu pour un vrai contact.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="92"/>
        <source>4. Activate</source>
        <translation>4. Activer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="94"/>
        <source>Enroll contacts in the campaign&apos;s Contacts tab, then click Activate. Emails go out within the sending window, at a human pace, while the window (or the fluenzr engine run command) is open.</source>
        <translation>Inscrivez des contacts dans l’onglet Contacts de la campagne, puis cliquez sur « Activer ». Les e-mails partent dans la plage d’envoi, à un rythme humain, tant que la fenêtre (ou la commande fluenzr engine run) est ouverte.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="100"/>
        <source>5. Replies stop the sequence</source>
        <translation>5. Les réponses arrêtent la séquence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="102"/>
        <source>With an IMAP server set on the account, a contact who replies gets no more emails; bounces and unsubscribes stop too.</source>
        <translation>Avec un serveur IMAP réglé sur le compte, un contact qui répond ne reçoit plus d’e-mails ; les rebonds et les désinscriptions arrêtent aussi la séquence.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="107"/>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="109"/>
        <source>The Dashboard shows today&apos;s sends, the replies to answer and the best campaigns; a campaign&apos;s Analytics tab shows each step&apos;s figures, reply rate first (opens and clicks when tracking is on).</source>
        <translation>Le tableau de bord montre les envois du jour, les réponses à traiter et les meilleures campagnes ; l’onglet Statistiques d’une campagne donne les chiffres de chaque étape, taux de réponse en tête (ouvertures et clics quand le suivi est activé).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="115"/>
        <source>Plans</source>
        <translation>Forfaits</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="117"/>
        <source>Free sends up to %1 emails a day. Starter lifts that cap and adds A/B tests; Pro adds Condition steps, webhooks and the API. Drafting is never limited; a licence is added under Settings.</source>
        <translation>Gratuit envoie jusqu’à %1 e-mails par jour. Starter lève ce plafond et ajoute les tests A/B ; Pro ajoute les étapes Condition, les webhooks et l’API. La rédaction n’est jamais limitée ; une licence s’ajoute dans Paramètres.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="126"/>
        <source>What FluenzR Desktop does</source>
        <translation>Ce que fait FluenzR Desktop</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="130"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/getting_started.py" line="133"/>
        <source>The canvas and the window have keys for everything: %1.</source>
        <translation>Le canevas et la fenêtre ont des touches pour tout : %1.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="502"/>
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
</context>
<context>
    <name>LinkTable</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="126"/>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="127"/>
        <source>Unique clicks</source>
        <translation>Clics uniques</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="128"/>
        <source>All clicks</source>
        <translation>Tous les clics</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="129"/>
        <source>Machine clicks</source>
        <translation>Clics automatiques</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="137"/>
        <source>Clicks by link scanners and mail filters: shown apart, never counted as clicks.</source>
        <translation>Clics des analyseurs de liens et des filtres de messagerie : montrés à part, jamais comptés comme des clics.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="172"/>
        <source>FluenzR Desktop — %1</source>
        <translation>FluenzR Desktop — %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="182"/>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="225"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="183"/>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="226"/>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="184"/>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="227"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="185"/>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="228"/>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="186"/>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="229"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="207"/>
        <source>Import CSV…</source>
        <translation>Importer un CSV…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="252"/>
        <source>Workspace: %1</source>
        <translation>Espace de travail : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="308"/>
        <source>Webhook turned off: %1 — %2</source>
        <translation>Webhook désactivé : %1 — %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="322"/>
        <source>Sending is handled by another FluenzR process</source>
        <translation>L’envoi est assuré par un autre processus FluenzR</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="325"/>
        <source>Read-only workspace: nothing is sent</source>
        <translation>Espace de travail en lecture seule : aucun envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="327"/>
        <source>Engine: off</source>
        <translation>Moteur : arrêté (désactivé)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="329"/>
        <source>Engine: error — %1</source>
        <translation>Moteur : erreur — %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="332"/>
        <source>Engine: running</source>
        <translation>Moteur : en marche</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="334"/>
        <source>Engine: stopped</source>
        <translation>Moteur : arrêté</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="346"/>
        <source>Sent today: %1 / %2</source>
        <translation>Envoyés aujourd’hui : %1 / %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="368"/>
        <source>The %1 licence expired on %2: the Free plan applies.</source>
        <translation>La licence %1 a expiré le %2 : le forfait Gratuit s’applique.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="381"/>
        <source>Next send: none scheduled</source>
        <translation>Prochain envoi : aucun prévu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="386"/>
        <source>Next send: %1 (%2)</source>
        <translation>Prochain envoi : %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="518"/>
        <source>No contacts to export.</source>
        <translation>Aucun contact à exporter.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="580"/>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="595"/>
        <source>This contact no longer exists.</source>
        <translation>Ce contact n’existe plus.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="609"/>
        <source>%n contact(s) in this workspace.</source>
        <translation>
            <numerusform>%n contact dans cet espace de travail.</numerusform>
            <numerusform>%n contacts dans cet espace de travail.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="236"/>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="237"/>
        <source>Choose where each column of the file goes.</source>
        <translation>Choisissez où va chaque colonne du fichier.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="240"/>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="241"/>
        <source>Custom field (keeps the column name)</source>
        <translation>Champ personnalisé (garde le nom de la colonne)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="242"/>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="246"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="246"/>
        <source>First value</source>
        <translation>Première valeur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="246"/>
        <source>Import as</source>
        <translation>Importer comme</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="271"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="305"/>
        <source>Choose the column holding the email address.</source>
        <translation>Choisissez la colonne qui contient l’adresse e-mail.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="308"/>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="319"/>
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
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="92"/>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="283"/>
        <source>Select a step to edit it</source>
        <translation>Sélectionnez une étape pour la modifier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="96"/>
        <source>This step has nothing to set.</source>
        <translation>Cette étape n’a rien à régler.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="384"/>
        <source>Subject of the first email (required)</source>
        <translation>Objet du premier e-mail (obligatoire)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="386"/>
        <source>Empty on a follow-up: “Re: &lt;previous subject&gt;”</source>
        <translation>Vide pour une relance : « Re: &lt;objet précédent&gt; »</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="144"/>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="387"/>
        <source>Hello {{firstName}}, …</source>
        <translation>Bonjour {{firstName}}, …</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="154"/>
        <source>Insert field</source>
        <translation>Insérer un champ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="156"/>
        <source>Insert a contact field where the cursor is, in the subject or the body</source>
        <translation>Insérer un champ du contact à l’emplacement du curseur, dans l’objet ou le corps</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="173"/>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="178"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="207"/>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="208"/>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="209"/>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="216"/>
        <source>Wait</source>
        <translation>Attendre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="217"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="223"/>
        <source>A contact field</source>
        <translation>Un champ du contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="224"/>
        <source>Opened an email</source>
        <translation>A ouvert un e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="225"/>
        <source>Clicked a link in an email</source>
        <translation>A cliqué sur un lien d’un e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="226"/>
        <source>Replied to an email</source>
        <translation>A répondu à un e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="237"/>
        <source>equals</source>
        <translation>est égal à</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="238"/>
        <source>does not equal</source>
        <translation>est différent de</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="239"/>
        <source>contains</source>
        <translation>contient</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="240"/>
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="241"/>
        <source>is not empty</source>
        <translation>n’est pas vide</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="250"/>
        <source>Choose an email</source>
        <translation>Choisissez un e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="254"/>
        <source>If the contact</source>
        <translation>Si le contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="255"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="256"/>
        <source>Comparison</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="257"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="258"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="283"/>
        <source>Select a step to see it</source>
        <translation>Sélectionnez une étape pour la voir</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="331"/>
        <source>Problems with this step:</source>
        <translation>Problèmes de cette étape :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="343"/>
        <source>variant %1: %2</source>
        <translation>variante %1 : %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="363"/>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="497"/>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="430"/>
        <source>Custom fields</source>
        <translation>Champs personnalisés</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/fields.py" line="26"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
</context>
<context>
    <name>NodeTestBox</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="292"/>
        <source>Back to the split</source>
        <translation>Revenir à la répartition</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="295"/>
        <source>Forget the pick: new contacts are split between the variants again (an automatic winner, if on, may be declared again).</source>
        <translation>Oublier le choix : les nouveaux contacts sont de nouveau répartis entre les variantes (une gagnante automatique, si elle est activée, peut être désignée à nouveau).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="322"/>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="337"/>
        <source>Make %1 the winner</source>
        <translation>Faire de %1 la gagnante</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="324"/>
        <source>Pick another variant</source>
        <translation>Choisir une autre variante</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="328"/>
        <source>Send this variant to every contact not yet sent at this email. A pick by hand overrides automatic winners.</source>
        <translation>Envoyer cette variante à tous les contacts qui n’ont pas encore reçu cet e-mail. Un choix à la main l’emporte sur les gagnantes automatiques.</translation>
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
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="335"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="336"/>
        <source>Choose what happens to addresses already in the workspace.</source>
        <translation>Choisissez le sort des adresses déjà présentes dans l’espace de travail.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="337"/>
        <source>Update them with the file&apos;s values</source>
        <translation>Les mettre à jour avec les valeurs du fichier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="338"/>
        <source>Skip them (keep them as they are)</source>
        <translation>Les ignorer (les laisser telles quelles)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="344"/>
        <source>e.g. salon-2024, prospects</source>
        <translation>ex. salon-2024, prospects</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="352"/>
        <source>Contacts already in the workspace:</source>
        <translation>Contacts déjà dans l’espace de travail :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="353"/>
        <source>Add these tags to every imported contact:</source>
        <translation>Ajouter ces étiquettes à chaque contact importé :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="357"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
</context>
<context>
    <name>PaletteButton</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/palette.py" line="167"/>
        <source>%1
%2. Draw and preview it freely; activating needs that plan.</source>
        <translation>%1
%2. Vous pouvez le dessiner et le prévisualiser librement ; l’activation demande ce forfait.</translation>
    </message>
</context>
<context>
    <name>PlanGroup</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="44"/>
        <source>Plan and licence</source>
        <translation>Forfait et licence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="51"/>
        <source>Looking…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="64"/>
        <source>Install licence file…</source>
        <translation>Installer un fichier de licence…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="82"/>
        <source>Plan</source>
        <translation>Forfait</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="83"/>
        <source>Licensed to</source>
        <translation>Titulaire</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="84"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="85"/>
        <source>Issued</source>
        <translation>Émise le</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="86"/>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="87"/>
        <source>Features</source>
        <translation>Fonctionnalités</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="151"/>
        <source>The plan could not be read.</source>
        <translation>Le forfait n’a pas pu être lu.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="168"/>
        <source>No limit from the plan: the daily caps you set still apply.</source>
        <translation>Aucune limite imposée par le forfait : les plafonds quotidiens que vous avez fixés s’appliquent toujours.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="173"/>
        <source>The installed licence is not valid, so the Free plan applies: %1</source>
        <translation>La licence installée n’est pas valide, le forfait Gratuit s’applique donc : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="186"/>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="190"/>
        <source>expired on %1 — the Free plan applies</source>
        <translation>expirée le %1 — le forfait Gratuit s’applique</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="198"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="207"/>
        <source>Your FluenzR licence file</source>
        <translation>Votre fichier de licence FluenzR</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="209"/>
        <source>Licence files (*.json *.licence);;All files (*)</source>
        <translation>Fichiers de licence (*.json *.licence);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="235"/>
        <source>Licence installed, but it expired on %1: the Free plan applies.</source>
        <translation>Licence installée, mais elle a expiré le %1 : le forfait Gratuit s’applique.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="239"/>
        <source>Licence installed: %1 plan, licensed to %2.</source>
        <translation>Licence installée : forfait %1, au nom de %2.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_settings.py" line="250"/>
        <source>This file was not installed: %1</source>
        <translation>Ce fichier n’a pas été installé : %1</translation>
    </message>
</context>
<context>
    <name>PlanText</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_text.py" line="32"/>
        <source>Free</source>
        <translation>Gratuit</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_text.py" line="33"/>
        <source>Starter</source>
        <translation>Starter</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_text.py" line="34"/>
        <source>Pro</source>
        <translation>Pro</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_text.py" line="38"/>
        <source>A/B tests</source>
        <translation>Tests A/B</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_text.py" line="39"/>
        <source>Analytics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_text.py" line="40"/>
        <source>Condition nodes</source>
        <translation>Nœuds Condition</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_text.py" line="41"/>
        <source>Outgoing webhooks</source>
        <translation>Webhooks sortants</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_text.py" line="42"/>
        <source>The API</source>
        <translation>L’API</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_text.py" line="48"/>
        <source>Condition nodes need the Pro plan</source>
        <translation>Les nœuds Condition nécessitent le forfait Pro</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_text.py" line="49"/>
        <source>A/B variants need Starter</source>
        <translation>Les variantes A/B nécessitent le forfait Starter</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_text.py" line="50"/>
        <source>Outgoing webhooks need the Pro plan</source>
        <translation>Les webhooks sortants nécessitent le forfait Pro</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_text.py" line="51"/>
        <source>The API needs the Pro plan</source>
        <translation>L’API nécessite le forfait Pro</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_text.py" line="54"/>
        <source>%1 · %2/%3 today</source>
        <translation>%1 · %2/%3 aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_text.py" line="55"/>
        <source>%1 plan</source>
        <translation>Forfait %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/plan_text.py" line="56"/>
        <source>Free plan: up to %1 emails a day across the workspace</source>
        <translation>Forfait Gratuit : jusqu’à %1 e-mails par jour pour tout l’espace de travail</translation>
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
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="203"/>
        <source>Detected delimiter: %1 — Encoding: %2 — %Ln column(s)</source>
        <translation>
            <numerusform>Séparateur détecté : %1 — Encodage : %2 — %Ln colonne</numerusform>
            <numerusform>Séparateur détecté : %1 — Encodage : %2 — %Ln colonnes</numerusform>
        </translation>
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
        <source>the variants must be a list</source>
        <translation>les variantes doivent être une liste</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="106"/>
        <source>an email with variants needs at least %1 of them (it has %2)</source>
        <translation>un e-mail à variantes en demande au moins %1 (il en a %2)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="112"/>
        <source>an email can have at most %1 variants (it has %2)</source>
        <translation>un e-mail peut avoir au plus %1 variantes (il en a %2)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="116"/>
        <source>variant number %1 must be an object</source>
        <translation>la variante numéro %1 doit être un objet</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="120"/>
        <source>variant number %1 needs an id (a letter such as A)</source>
        <translation>la variante numéro %1 doit avoir un identifiant (une lettre comme A)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="124"/>
        <source>two variants have the id &apos;%1&apos;</source>
        <translation>deux variantes ont l’identifiant « %1 »</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="128"/>
        <source>the weight of variant %1 must be a number greater than 0 and at most %2</source>
        <translation>le poids de la variante %1 doit être un nombre supérieur à 0 et au plus égal à %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="134"/>
        <source>the A/B test&apos;s %1 must be %2 (got %3)</source>
        <translation>le %1 du test A/B doit être %2 (reçu : %3)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="138"/>
        <source>unknown field &apos;%1&apos; on variant %2</source>
        <translation>champ inconnu « %1 » dans la variante %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="142"/>
        <source>variant %1 has no body, and the email has none for it to take</source>
        <translation>la variante %1 n’a pas de corps de message, et l’e-mail n’en a pas à lui prêter</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="148"/>
        <source>variant %1 has no subject, and neither has the email (the first email of a path needs one)</source>
        <translation>la variante %1 n’a pas d’objet, et l’e-mail non plus (le premier e-mail d’un parcours en a besoin)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="156"/>
        <source>the delay needs an amount</source>
        <translation>le délai doit avoir une durée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="158"/>
        <source>the delay amount must be a number</source>
        <translation>la durée du délai doit être un nombre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="162"/>
        <source>the delay amount must be greater than 0</source>
        <translation>la durée du délai doit être supérieure à 0</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="166"/>
        <source>the delay must be at most one year (%1 %2)</source>
        <translation>le délai ne peut pas dépasser un an (%1 %2)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="170"/>
        <source>the delay unit must be one of %1 (got %2)</source>
        <translation>l’unité du délai doit être l’une de %1 (reçu : %2)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="175"/>
        <source>the condition is missing or not an object</source>
        <translation>la condition est absente ou n’est pas un objet</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="179"/>
        <source>unknown condition kind %1 (expected %2)</source>
        <translation>type de condition inconnu : %1 (attendu : %2)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="183"/>
        <source>the condition must name a contact field</source>
        <translation>la condition doit nommer un champ du contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="187"/>
        <source>unknown comparison %1 (expected %2)</source>
        <translation>comparaison inconnue : %1 (attendu : %2)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="191"/>
        <source>the &apos;%1&apos; comparison needs a text or number value</source>
        <translation>la comparaison « %1 » a besoin d’une valeur texte ou nombre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="195"/>
        <source>the &apos;%1&apos; condition must name an email node</source>
        <translation>la condition « %1 » doit nommer une étape e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="199"/>
        <source>&apos;%1&apos; is not an email node</source>
        <translation>« %1 » n’est pas une étape e-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="203"/>
        <source>email &apos;%1&apos; does not come before this condition</source>
        <translation>l’e-mail « %1 » ne vient pas avant cette condition</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="207"/>
        <source>the campaign has no Start node</source>
        <translation>la campagne n’a pas d’étape Départ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="208"/>
        <source>there can be only one Start node</source>
        <translation>il ne peut y avoir qu’une étape Départ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="210"/>
        <source>a link starts at unknown node &apos;%1&apos;</source>
        <translation>un lien part d’une étape inconnue « %1 »</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="214"/>
        <source>a link points to unknown node &apos;%1&apos;</source>
        <translation>un lien mène à une étape inconnue « %1 »</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="218"/>
        <source>nothing may link into Start (a link comes from &apos;%1&apos;)</source>
        <translation>rien ne peut mener au Départ (un lien vient de « %1 »)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="222"/>
        <source>a link&apos;s port must be Yes or No (or absent)</source>
        <translation>la sortie d’un lien doit être Oui ou Non (ou absente)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="225"/>
        <source>this node cannot be reached from Start</source>
        <translation>cette étape ne peut pas être atteinte depuis le Départ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="226"/>
        <source>no path from this node reaches an End</source>
        <translation>aucun chemin ne mène de cette étape à une Fin</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="228"/>
        <source>this node is in a loop without a Delay: add a Delay to the loop</source>
        <translation>cette étape est dans une boucle sans Délai : ajoutez un Délai à la boucle</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="234"/>
        <source>an End node cannot have outgoing links</source>
        <translation>une étape Fin ne peut pas avoir de lien sortant</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="238"/>
        <source>the condition has no &apos;%1&apos; branch</source>
        <translation>la condition n’a pas de branche « %1 »</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="242"/>
        <source>the condition has %1 &apos;%2&apos; branches</source>
        <translation>la condition a %1 branches « %2 »</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="246"/>
        <source>a condition&apos;s link must leave by Yes or No (link to &apos;%1&apos;)</source>
        <translation>un lien d’une condition doit partir par Oui ou Non (lien vers « %1 »)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="250"/>
        <source>this node has no &apos;%1&apos; output (link to &apos;%2&apos;)</source>
        <translation>cette étape n’a pas de sortie « %1 » (lien vers « %2 »)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="254"/>
        <source>this node leads nowhere: link it to the next step</source>
        <translation>cette étape ne mène nulle part : reliez-la à l’étape suivante</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="258"/>
        <source>this node has %1 outgoing links; it needs exactly one</source>
        <translation>cette étape a %1 liens sortants ; il en faut exactement un</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="263"/>
        <source>unknown time zone %1 (e.g. Europe/Paris)</source>
        <translation>fuseau horaire inconnu %1 (par ex. Europe/Paris)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="267"/>
        <source>the sending window must be an object</source>
        <translation>la plage d’envoi doit être un objet</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="270"/>
        <source>choose at least one sending day</source>
        <translation>choisissez au moins un jour d’envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="272"/>
        <source>sending days must be among %1</source>
        <translation>les jours d’envoi doivent être parmi %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="276"/>
        <source>the window %1 must be a time like 09:00</source>
        <translation>l’heure de %1 de la plage doit s’écrire comme 09:00</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="280"/>
        <source>the sending window must end after it starts</source>
        <translation>la plage d’envoi doit finir après son début</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="284"/>
        <source>the gap must be [min, max] whole seconds from 0 to %1 (one day)</source>
        <translation>l’écart doit être [min, max] en secondes entières de 0 à %1 (un jour)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="290"/>
        <source>the minimum gap is larger than the maximum</source>
        <translation>l’écart minimum est plus grand que le maximum</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="294"/>
        <source>the daily cap must be a whole number from 1 to %1</source>
        <translation>la limite quotidienne doit être un nombre entier de 1 à %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="297"/>
        <source>%1 must be true or false</source>
        <translation>%1 doit valoir true ou false</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="299"/>
        <source>opens and clicks are tracked through a tracking relay, and none is set: set one on the Settings page (in the sidebar), or turn tracking off</source>
        <translation>les ouvertures et les clics sont suivis par un relais de suivi, et aucun n’est configuré : configurez-en un dans la page Paramètres (barre latérale), ou désactivez le suivi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="307"/>
        <source>the unsubscribe sentence must be one line of at most %1 characters</source>
        <translation>la phrase de désinscription doit tenir sur une ligne d’au plus %1 caractères</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="313"/>
        <source>the account must be an account id or null</source>
        <translation>le compte doit être un identifiant de compte ou null</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="318"/>
        <source>no sending account is chosen for this campaign</source>
        <translation>aucun compte d’envoi n’est choisi pour cette campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="321"/>
        <source>account %1 does not exist</source>
        <translation>le compte %1 n’existe pas</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="322"/>
        <source>unknown variable &apos;%1&apos;</source>
        <translation>variable inconnue « %1 »</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="324"/>
        <source>unknown variable &apos;%1&apos; — did you mean %2?</source>
        <translation>variable inconnue « %1 » — vouliez-vous dire %2 ?</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="331"/>
        <source>the subject</source>
        <translation>l’objet</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="332"/>
        <source>the body</source>
        <translation>le corps du message</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="333"/>
        <source>the template</source>
        <translation>le modèle</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="334"/>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="335"/>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="336"/>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="337"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="338"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="339"/>
        <source>start</source>
        <translation>début</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="340"/>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="341"/>
        <source>label</source>
        <translation>libellé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="342"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/problem_text.py" line="347"/>
        <source>missing</source>
        <translation>aucune valeur</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="388"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="389"/>
        <source>Rejected lines are listed below; every other line was read.</source>
        <translation>Les lignes refusées sont listées ci-dessous ; toutes les autres ont été lues.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="395"/>
        <source>Rejected lines:</source>
        <translation>Lignes refusées :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="397"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="397"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="420"/>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="449"/>
        <source>Import finished.</source>
        <translation>Import terminé.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="451"/>
        <source>Imported: %1 — Updated: %2 — Skipped: %3 — Rejected: %4</source>
        <translation>Importés : %1 — Mis à jour : %2 — Ignorés : %3 — Refusés : %4</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="477"/>
        <source>%1 fields but the header has %2</source>
        <translation>%1 champs alors que l’en-tête en a %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="486"/>
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
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="198"/>
        <source>This node no longer exists.</source>
        <translation>Cette étape n’existe plus.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="199"/>
        <source>A node cannot link to itself.</source>
        <translation>Une étape ne peut pas se relier à elle-même.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="200"/>
        <source>Nothing may link into Start.</source>
        <translation>Rien ne peut mener au Départ.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="201"/>
        <source>An End node has no output.</source>
        <translation>Une étape Fin n’a pas de sortie.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="204"/>
        <source>A condition&apos;s links leave by Yes or No.</source>
        <translation>Les liens d’une condition partent par Oui ou Non.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="207"/>
        <source>This node has a single output.</source>
        <translation>Cette étape n’a qu’une sortie.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="210"/>
        <source>This output is already linked; remove that link first.</source>
        <translation>Cette sortie est déjà reliée ; supprimez d’abord ce lien.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="213"/>
        <source>A loop must go through a Delay.</source>
        <translation>Une boucle doit passer par un Délai.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="58"/>
        <source>Start</source>
        <translation>Départ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="59"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="60"/>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="61"/>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="62"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="64"/>
        <source>Unknown step</source>
        <translation>Étape inconnue</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="70"/>
        <source>%1 minute</source>
        <translation>%1 minute</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="71"/>
        <source>%1 minutes</source>
        <translation>%1 minutes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="72"/>
        <source>%1 hour</source>
        <translation>%1 heure</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="73"/>
        <source>%1 hours</source>
        <translation>%1 heures</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="74"/>
        <source>%1 day</source>
        <translation>%1 jour</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="75"/>
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="79"/>
        <source>Delay not set</source>
        <translation>Délai non défini</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="85"/>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="95"/>
        <source>Condition not set</source>
        <translation>Condition non définie</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="88"/>
        <source>Opened the email?</source>
        <translation>A ouvert l’e-mail ?</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="89"/>
        <source>Clicked a link?</source>
        <translation>A cliqué sur un lien ?</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="90"/>
        <source>Replied?</source>
        <translation>A répondu ?</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="99"/>
        <source>contains</source>
        <translation>contient</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="100"/>
        <source>is empty</source>
        <translation>est vide</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="101"/>
        <source>is not empty</source>
        <translation>n’est pas vide</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="119"/>
        <source>A/B test, %1 variants</source>
        <translation>Test A/B, %1 variantes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="147"/>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="127"/>
        <source>Contacts enter here</source>
        <translation>Les contacts entrent ici</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="129"/>
        <source>The sequence ends</source>
        <translation>Fin de la séquence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="259"/>
        <source>Contacts waiting here: %1</source>
        <translation>Contacts en attente ici : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/menus.py" line="93"/>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="393"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/menus.py" line="94"/>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="394"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/wiring.py" line="44"/>
        <source>Insert %1 step</source>
        <translation>Insérer l’étape %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/shortcuts.py" line="37"/>
        <source>Insert an Email step after the selection</source>
        <translation>Insérer une étape E-mail après la sélection</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/shortcuts.py" line="43"/>
        <source>Insert a Delay step after the selection</source>
        <translation>Insérer une étape Délai après la sélection</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/shortcuts.py" line="47"/>
        <source>Insert a Condition step after the selection</source>
        <translation>Insérer une étape Condition après la sélection</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/shortcuts.py" line="53"/>
        <source>Delete the selection</source>
        <translation>Supprimer la sélection</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/shortcuts.py" line="57"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/shortcuts.py" line="61"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/shortcuts.py" line="65"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/shortcuts.py" line="69"/>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/shortcuts.py" line="72"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/shortcuts.py" line="74"/>
        <source>Show the whole sequence</source>
        <translation>Afficher toute la séquence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/shortcuts.py" line="78"/>
        <source>Arrange the sequence from top to bottom</source>
        <translation>Disposer la séquence de haut en bas</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/shortcuts.py" line="82"/>
        <source>Nudge the selection (with Shift: five times further)</source>
        <translation>Décaler la sélection (avec Maj : cinq fois plus loin)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/shortcuts.py" line="88"/>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/shortcuts.py" line="92"/>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="74"/>
        <source>Edit variants</source>
        <translation>Modifier les variantes</translation>
    </message>
</context>
<context>
    <name>SequenceEditor</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="285"/>
        <source>Insert a %1 step after the selected one (click), or drag it onto a link or the canvas</source>
        <translation>Insérer une étape %1 après celle sélectionnée (clic), ou la glisser sur un lien ou sur le canevas</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="297"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="300"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="304"/>
        <source>Undo: %1</source>
        <translation>Annuler : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="305"/>
        <source>Redo: %1</source>
        <translation>Rétablir : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="317"/>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="529"/>
        <source>Auto layout</source>
        <translation>Disposition automatique</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="330"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/menus.py" line="78"/>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="331"/>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="468"/>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="333"/>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="475"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="336"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/menus.py" line="44"/>
        <source>Insert step after</source>
        <translation>Insérer une étape après</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/menus.py" line="59"/>
        <source>Insert step here</source>
        <translation>Insérer une étape ici</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/menus.py" line="64"/>
        <source>Delete link</source>
        <translation>Supprimer le lien</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/menus.py" line="71"/>
        <source>Add %1 here</source>
        <translation>Ajouter une étape %1 ici</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/menus.py" line="90"/>
        <source>Connect to…</source>
        <translation>Relier à…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/menus.py" line="114"/>
        <source>No step can follow here</source>
        <translation>Aucune étape ne peut suivre ici</translation>
    </message>
</context>
<context>
    <name>SequenceScene</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/scene.py" line="247"/>
        <source>Delete selection</source>
        <translation>Supprimer la sélection</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/scene.py" line="270"/>
        <source>Replace link</source>
        <translation>Remplacer le lien</translation>
    </message>
</context>
<context>
    <name>SequenceTab</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/sequence_tab.py" line="59"/>
        <source>This campaign is running: pause it to change its sequence.</source>
        <translation>Cette campagne est en cours : mettez-la en pause pour modifier sa séquence.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/sequence_tab.py" line="63"/>
        <source>This campaign is %1: its sequence can no longer change.</source>
        <translation>Cette campagne est %1 : sa séquence ne peut plus changer.</translation>
    </message>
</context>
<context>
    <name>SequenceView</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="77"/>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="78"/>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="79"/>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="58"/>
        <source>Unsubscribe from these emails</source>
        <translation>Se désinscrire de ces e-mails</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="98"/>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="99"/>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="100"/>
        <source>Wed</source>
        <translation>Mer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="101"/>
        <source>Thu</source>
        <translation>Jeu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="102"/>
        <source>Fri</source>
        <translation>Ven</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="103"/>
        <source>Sat</source>
        <translation>Sam</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="104"/>
        <source>Sun</source>
        <translation>Dim</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="120"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="123"/>
        <source>Stop a contact&apos;s sequence when they reply</source>
        <translation>Arrêter la séquence d’un contact quand il répond</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="125"/>
        <source>Stop a contact&apos;s sequence on an automatic reply (out of office)</source>
        <translation>Arrêter la séquence d’un contact sur une réponse automatique (absence)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="133"/>
        <source>Sending account</source>
        <translation>Compte d’envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="134"/>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="135"/>
        <source>Sending days</source>
        <translation>Jours d’envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="136"/>
        <source>Sending hours</source>
        <translation>Heures d’envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="137"/>
        <source>Gap between two emails</source>
        <translation>Intervalle entre deux e-mails</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="138"/>
        <source>Daily cap</source>
        <translation>Plafond quotidien</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="160"/>
        <source>Track opens (a tiny image in the email)</source>
        <translation>Suivre les ouvertures (une image minuscule dans l’e-mail)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="162"/>
        <source>Track clicks (links go through your tracking relay)</source>
        <translation>Suivre les clics (les liens passent par votre relais de suivi)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="166"/>
        <source>Pixels and rewritten links can send cold email to spam. Replies are what counts: track only if you need to.</source>
        <translation>Les pixels et les liens réécrits peuvent faire passer vos e-mails de prospection en spam. Ce sont les réponses qui comptent : n’activez le suivi que si vous en avez besoin.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="179"/>
        <source>Added at the end of every email when a tracking relay is set, with a one-click unsubscribe link.</source>
        <translation>Ajoutée à la fin de chaque e-mail quand un relais de suivi est configuré, avec un lien de désinscription en un clic.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="186"/>
        <source>Left empty, the line is sent in English (“%1”): type your own in your prospects&apos; language.</source>
        <translation>Laissée vide, la ligne est envoyée en anglais (« %1 ») : écrivez la vôtre dans la langue de vos prospects.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="198"/>
        <source>Tracking</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="204"/>
        <source>Unsubscribe line</source>
        <translation>Ligne de désinscription</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="243"/>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/settings_form.py" line="279"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="76"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="93"/>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="93"/>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="93"/>
        <source>Wed</source>
        <translation>Mer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="93"/>
        <source>Thu</source>
        <translation>Jeu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="94"/>
        <source>Fri</source>
        <translation>Ven</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="94"/>
        <source>Sat</source>
        <translation>Sam</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="94"/>
        <source>Sun</source>
        <translation>Dim</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="109"/>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="114"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="119"/>
        <source>Looking…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="124"/>
        <source>Sending</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="126"/>
        <source>Daily cap, all accounts</source>
        <translation>Plafond quotidien, tous comptes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="127"/>
        <source>Emails per day across all accounts and campaigns; the Free plan allows 50 at most. 0 sends nothing.</source>
        <translation>E-mails par jour, tous comptes et campagnes confondus ; le forfait Gratuit en permet 50 au plus. 0 n’envoie rien.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="130"/>
        <source>New campaigns</source>
        <translation>Nouvelles campagnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="132"/>
        <source>Used by campaigns created from now on; each campaign can change them in its Settings tab.</source>
        <translation>Utilisés par les campagnes créées désormais ; chaque campagne peut les modifier dans son onglet Paramètres.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="136"/>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="137"/>
        <source>The zone the sending hours are read in.</source>
        <translation>Le fuseau dans lequel les heures d’envoi s’entendent.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="139"/>
        <source>Sending days</source>
        <translation>Jours d’envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="141"/>
        <source>Sending hours</source>
        <translation>Heures d’envoi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="142"/>
        <source>Emails go out only between these hours, in the time zone above.</source>
        <translation>Les e-mails ne partent qu’entre ces heures, dans le fuseau ci-dessus.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="144"/>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="146"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="147"/>
        <source>Applies at next start. System follows the computer&apos;s language.</source>
        <translation>S’applique au prochain démarrage. « Système » suit la langue de l’ordinateur.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="154"/>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="156"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="157"/>
        <source>Holds the database, the logs and this workspace&apos;s settings.</source>
        <translation>Contient la base de données, les journaux et les paramètres de cet espace de travail.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="160"/>
        <source>Passwords</source>
        <translation>Mots de passe</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="161"/>
        <source>Account passwords are never written in the database or a log.</source>
        <translation>Les mots de passe des comptes ne sont jamais écrits dans la base de données ni dans un journal.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="264"/>
        <source>Decided when a password is first needed.</source>
        <translation>Décidé quand un mot de passe sera nécessaire pour la première fois.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="273"/>
        <source>In the computer&apos;s keyring (%1).</source>
        <translation>Dans le trousseau de l’ordinateur (%1).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="276"/>
        <source>In an encrypted file, %1, unlocked by your master password (no keyring was found on this computer).</source>
        <translation>Dans un fichier chiffré, %1, déverrouillé par votre mot de passe maître (aucun trousseau trouvé sur cet ordinateur).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/settings_view.py" line="338"/>
        <source>Enter a whole number, %1 or more.</source>
        <translation>Saisissez un nombre entier, %1 ou plus.</translation>
    </message>
</context>
<context>
    <name>StepFunnel</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="179"/>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="179"/>
        <source>Opened</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="179"/>
        <source>Clicked</source>
        <translation>Cliqués</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="179"/>
        <source>Replied</source>
        <translation>Ont répondu</translation>
    </message>
</context>
<context>
    <name>StepTable</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="67"/>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="68"/>
        <source>Reply rate</source>
        <translation>Taux de réponse</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="69"/>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="70"/>
        <source>Delivered</source>
        <translation>Délivrés</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="71"/>
        <source>Open rate</source>
        <translation>Taux d’ouverture</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="72"/>
        <source>Click rate</source>
        <translation>Taux de clic</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="73"/>
        <source>Bounces</source>
        <translation>Rejets</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/analytics_tables.py" line="74"/>
        <source>Unsubscribes</source>
        <translation>Désinscriptions</translation>
    </message>
</context>
<context>
    <name>TemplateGallery</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/template_gallery.py" line="43"/>
        <source>en</source>
        <translation>fr</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/template_gallery.py" line="57"/>
        <source>Start from a template</source>
        <translation>Partir d’un modèle</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/template_gallery.py" line="60"/>
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/template_gallery.py" line="78"/>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/template_gallery.py" line="87"/>
        <source>Every email, delay and setting stays editable once the campaign is created. It sends on working days, 09:00–17:00, and stops for anyone who replies.</source>
        <translation>Chaque e-mail, délai et réglage reste modifiable une fois la campagne créée. Elle envoie les jours ouvrés, de 9 h à 17 h, et s’arrête pour tout contact qui répond.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/template_gallery.py" line="107"/>
        <source>Campaign name:</source>
        <translation>Nom de la campagne :</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/template_gallery.py" line="115"/>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/template_gallery.py" line="159"/>
        <source>Email %1: %2</source>
        <translation>E-mail %1 : %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/template_gallery.py" line="172"/>
        <source>Wait %n minute(s)</source>
        <translation>
            <numerusform>Attendre %n minute</numerusform>
            <numerusform>Attendre %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/template_gallery.py" line="174"/>
        <source>Wait %n hour(s)</source>
        <translation>
            <numerusform>Attendre %n heure</numerusform>
            <numerusform>Attendre %n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/template_gallery.py" line="175"/>
        <source>Wait %n day(s)</source>
        <translation>
            <numerusform>Attendre %n jour</numerusform>
            <numerusform>Attendre %n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrackingGroup</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="78"/>
        <source>Tracking</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="88"/>
        <source>Opens, clicks and one-click unsubscribes go through a small relay you run on your own server; replies need no relay. To set one up, follow the relay&apos;s README (packaging/relay/README.md): its command fluenzr-relay keygen makes the key file you choose here.</source>
        <translation>Les ouvertures, les clics et les désinscriptions en un clic passent par un petit relais que vous faites tourner sur votre propre serveur ; les réponses n’en ont pas besoin. Pour en installer un, suivez le README du relais (packaging/relay/README.md) : sa commande fluenzr-relay keygen crée le fichier de clé à choisir ici.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="95"/>
        <source>Looking…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="101"/>
        <source>Key file…</source>
        <translation>Fichier de clé…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="109"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="111"/>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="113"/>
        <source>Pull now</source>
        <translation>Relever maintenant</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="115"/>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="345"/>
        <source>Stop using this relay</source>
        <translation>Ne plus utiliser ce relais</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="130"/>
        <source>Relay</source>
        <translation>Relais</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="131"/>
        <source>Campaigns that track opens or clicks can be activated only with a relay.</source>
        <translation>Les campagnes qui suivent les ouvertures ou les clics ne peuvent être activées qu’avec un relais.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="139"/>
        <source>Relay URL</source>
        <translation>URL du relais</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="140"/>
        <source>Its public address, in https (plain http only on this computer).</source>
        <translation>Son adresse publique, en https (http simple seulement sur cet ordinateur).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="148"/>
        <source>Key file</source>
        <translation>Fichier de clé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="149"/>
        <source>Copied into this workspace folder, readable by you only. The key itself is never shown.</source>
        <translation>Copié dans le dossier de cet espace de travail, lisible par vous seul. La clé elle-même n’est jamais affichée.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="194"/>
        <source>No relay: opens and clicks cannot be tracked.</source>
        <translation>Aucun relais : les ouvertures et les clics ne peuvent pas être suivis.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="197"/>
        <source>Relay: %1 (signing key %2)</source>
        <translation>Relais : %1 (clé de signature %2)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="217"/>
        <source>The relay&apos;s key is kept in this workspace.</source>
        <translation>La clé du relais est conservée dans cet espace de travail.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="219"/>
        <source>No file chosen.</source>
        <translation>Aucun fichier choisi.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="235"/>
        <source>The relay&apos;s key file</source>
        <translation>Le fichier de clé du relais</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="237"/>
        <source>Key files (*.key);;All files (*)</source>
        <translation>Fichiers de clé (*.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="246"/>
        <source>Enter the relay&apos;s URL, then Save.</source>
        <translation>Saisissez l’URL du relais, puis Enregistrer.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="254"/>
        <source>Choose the key file made on the relay (Key file…).</source>
        <translation>Choisissez le fichier de clé créé sur le relais (Fichier de clé…).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="259"/>
        <source>Cannot read %1 (%2).</source>
        <translation>Impossible de lire %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="260"/>
        <source>%1 is not a relay key file: it is not a few lines of text.</source>
        <translation>%1 n’est pas un fichier de clé de relais : ce ne sont pas quelques lignes de texte.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="275"/>
        <source>Saved. Test checks that the relay answers.</source>
        <translation>Enregistré. Tester vérifie que le relais répond.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="301"/>
        <source>Relay %1 is up and accepts this workspace&apos;s key.</source>
        <translation>Le relais %1 est en ligne et accepte la clé de cet espace de travail.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="325"/>
        <source>%n open(s)</source>
        <translation>
            <numerusform>%n ouverture</numerusform>
            <numerusform>%n ouvertures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="326"/>
        <source>%n click(s)</source>
        <translation>
            <numerusform>%n clic</numerusform>
            <numerusform>%n clics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="327"/>
        <source>%n unsubscribe(s)</source>
        <translation>
            <numerusform>%n désinscription</numerusform>
            <numerusform>%n désinscriptions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="328"/>
        <source>%n machine hit(s)</source>
        <translation>
            <numerusform>%n passage automatique</numerusform>
            <numerusform>%n passages automatiques</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="331"/>
        <source>%n open(s) by Apple&apos;s privacy proxy</source>
        <translation>
            <numerusform>%n ouverture par le proxy de confidentialité d’Apple</numerusform>
            <numerusform>%n ouvertures par le proxy de confidentialité d’Apple</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="334"/>
        <source>%n hit(s) for messages this workspace does not have</source>
        <translation>
            <numerusform>%n passage pour des messages absents de cet espace de travail</numerusform>
            <numerusform>%n passages pour des messages absents de cet espace de travail</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="337"/>
        <source>Pulled: %1.</source>
        <translation>Relevé : %1.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="347"/>
        <source>Stop using the relay at %1? Campaigns that track opens or clicks cannot be activated until a relay is set again. The key file kept in this workspace is deleted; the relay keeps its own.</source>
        <translation>Ne plus utiliser le relais %1 ? Les campagnes qui suivent les ouvertures ou les clics ne pourront plus être activées tant qu’aucun relais n’est configuré. Le fichier de clé conservé dans cet espace de travail est supprimé ; le relais garde le sien.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="355"/>
        <source>Stop using</source>
        <translation>Ne plus l’utiliser</translation>
    </message>
</context>
<context>
    <name>VariantTable</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="185"/>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="186"/>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="187"/>
        <source>Delivered</source>
        <translation>Délivrés</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="188"/>
        <source>Replies</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="190"/>
        <source>Human opens
(unreliable)</source>
        <translation>Ouvertures humaines
(peu fiables)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="191"/>
        <source>Clicks</source>
        <translation>Clics</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="192"/>
        <source>P(best)</source>
        <translation>P(meilleure)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="193"/>
        <source>Expected
loss</source>
        <translation>Perte
attendue</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="204"/>
        <source>How likely each variant is to have the best true rate, given the sends so far (a Beta model per variant). A winner needs 95%.</source>
        <translation>La probabilité que chaque variante ait le meilleur taux réel, au vu des envois faits (un modèle Bêta par variante). Une gagnante doit atteindre 95 %.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="210"/>
        <source>What choosing this variant would cost on average if another is in fact better, in points of rate. Close to 0: little to lose.</source>
        <translation>Ce que coûterait en moyenne le choix de cette variante si une autre est en fait meilleure, en points de taux. Proche de 0 : peu à perdre.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="217"/>
        <source>Opens are not reliable: Apple Mail Privacy Protection downloads every image when a message arrives, read or not, and other clients block images. Those proxied opens are not counted here, but a test is never judged on opens.</source>
        <translation>Les ouvertures ne sont pas fiables : la protection de la confidentialité de Mail d’Apple télécharge toutes les images à l’arrivée d’un message, lu ou non, et d’autres logiciels bloquent les images. Ces ouvertures par proxy ne sont pas comptées ici, mais un test n’est jamais jugé sur les ouvertures.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="227"/>
        <source>The measured rate, and the range that holds the true rate with 90% probability: the wider it is, the less the sends so far tell.</source>
        <translation>Le taux mesuré, et l’intervalle qui contient le taux réel avec 90 % de probabilité : plus il est large, moins les envois faits en disent.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="236"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign/ab_test_panel.py" line="246"/>
        <source>%1 [%2 – %3]</source>
        <translation>%1 [%2 – %3]</translation>
    </message>
</context>
<context>
    <name>VariantTabs</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="209"/>
        <source>+ A/B variant</source>
        <translation>+ Variante A/B</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="211"/>
        <source>Test another version of this email: it becomes variant A, the new one B</source>
        <translation>Tester une autre version de cet e-mail : il devient la variante A, la nouvelle la B</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="223"/>
        <source>Add a variant</source>
        <translation>Ajouter une variante</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="229"/>
        <source>The variant&apos;s share of the contacts is its weight over the total</source>
        <translation>La part des contacts d’une variante est son poids divisé par le total</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="235"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="236"/>
        <source>Add a copy of this variant</source>
        <translation>Ajouter une copie de cette variante</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="245"/>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="352"/>
        <source>%1 % at first</source>
        <translation>%1 % au départ</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="354"/>
        <source>%1 % of contacts</source>
        <translation>%1 % des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/variant_tabs.py" line="387"/>
        <source>Remove this variant (with one left, the email is plain again)</source>
        <translation>Supprimer cette variante (s’il n’en reste qu’une, l’e-mail redevient simple)</translation>
    </message>
</context>
<context>
    <name>WebhookDialog</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="75"/>
        <source>Add a webhook</source>
        <translation>Ajouter un webhook</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="75"/>
        <source>Edit webhook</source>
        <translation>Modifier le webhook</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="81"/>
        <source>What it feeds, e.g. CRM deals</source>
        <translation>Ce qu’il alimente, p. ex. les affaires du CRM</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="82"/>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="91"/>
        <source>All campaigns</source>
        <translation>Toutes les campagnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="101"/>
        <source>No campaigns yet: new ones are included.</source>
        <translation>Pas encore de campagne : les nouvelles sont incluses.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="117"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="118"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="122"/>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="127"/>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="186"/>
        <source>Tick at least one event, or All events.</source>
        <translation>Cochez au moins un événement, ou Tous les événements.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="193"/>
        <source>Tick at least one campaign, or All campaigns.</source>
        <translation>Cochez au moins une campagne, ou Toutes les campagnes.</translation>
    </message>
</context>
<context>
    <name>WebhookLog</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="64"/>
        <source>Delivered</source>
        <translation>Livrée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="66"/>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="68"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="70"/>
        <source>Retrying at %1</source>
        <translation>Nouvel essai le %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="73"/>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
</context>
<context>
    <name>WebhookLogDialog</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="103"/>
        <source>Delivery log — %1</source>
        <translation>Journal des livraisons — %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="106"/>
        <source>Failed only</source>
        <translation>Échecs seulement</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="113"/>
        <source>Queued</source>
        <translation>Mise en file</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="114"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="115"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="116"/>
        <source>Attempts</source>
        <translation>Essais</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="117"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="118"/>
        <source>Last answer or error</source>
        <translation>Dernière réponse ou erreur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="131"/>
        <source>Redeliver</source>
        <translation>Relivrer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="137"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="206"/>
        <source>Last attempt: %1</source>
        <translation>Dernier essai : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="216"/>
        <source>%n delivery(ies), newest first</source>
        <translation>
            <numerusform>%n livraison, la plus récente en premier</numerusform>
            <numerusform>%n livraisons, les plus récentes en premier</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="219"/>
        <source>No failed deliveries.</source>
        <translation>Aucune livraison échouée.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="221"/>
        <source>Nothing sent to this endpoint yet.</source>
        <translation>Rien n’a encore été envoyé à ce point de réception.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="248"/>
        <source>Queued again: it is sent in turn, with the same webhook-id.</source>
        <translation>Remise en file : elle partira à son tour, avec le même webhook-id.</translation>
    </message>
</context>
<context>
    <name>WebhookText</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="34"/>
        <source>An email was sent</source>
        <translation>Un e-mail a été envoyé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="35"/>
        <source>An email bounced</source>
        <translation>Un e-mail a été rejeté</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="36"/>
        <source>An email was opened</source>
        <translation>Un e-mail a été ouvert</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="37"/>
        <source>A link was clicked</source>
        <translation>Un lien a été cliqué</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="38"/>
        <source>A contact replied</source>
        <translation>Un contact a répondu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="39"/>
        <source>A contact unsubscribed</source>
        <translation>Un contact s’est désinscrit</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="40"/>
        <source>A contact&apos;s state changed</source>
        <translation>L’état d’un contact a changé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="41"/>
        <source>A contact finished the sequence</source>
        <translation>Un contact a terminé la séquence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="42"/>
        <source>A campaign&apos;s status changed</source>
        <translation>Le statut d’une campagne a changé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="43"/>
        <source>A mailbox could not be read or used</source>
        <translation>Une boîte mail n’a pas pu être lue ou utilisée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_dialog.py" line="44"/>
        <source>A test sent from this window</source>
        <translation>Un test envoyé depuis cette fenêtre</translation>
    </message>
</context>
<context>
    <name>WebhooksGroup</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="77"/>
        <source>turned off by you</source>
        <translation>désactivé par vous</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="78"/>
        <source>being set up: its signing secret was not stored</source>
        <translation>en cours de création : son secret de signature n’a pas été enregistré</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="81"/>
        <source>the receiver answered 410 Gone: it no longer takes these webhooks</source>
        <translation>le destinataire a répondu 410 Gone : il ne prend plus ces webhooks</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="87"/>
        <source>gave up after %1 attempts; last answer: %2</source>
        <translation>abandon après %1 tentatives ; dernière réponse : %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="103"/>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="116"/>
        <source>FluenzR posts each event you choose to your endpoints (a CRM, Zapier, Make, n8n, a script), signed as Standard Webhooks describes, while this window or the engine runs. Failed deliveries are retried for about three days.</source>
        <translation>FluenzR envoie chaque événement choisi à vos points de réception (un CRM, Zapier, Make, n8n, un script), signé selon Standard Webhooks, tant que cette fenêtre ou le moteur tourne. Les livraisons échouées sont retentées pendant environ trois jours.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="127"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="128"/>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="129"/>
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="130"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="131"/>
        <source>Deliveries</source>
        <translation>Livraisons</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="132"/>
        <source>Last delivery</source>
        <translation>Dernière livraison</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="150"/>
        <source>No webhooks yet.</source>
        <translation>Aucun webhook pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="153"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="154"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="155"/>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="156"/>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="310"/>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="157"/>
        <source>Copy secret</source>
        <translation>Copier le secret</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="158"/>
        <source>Rotate secret…</source>
        <translation>Renouveler le secret…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="159"/>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="160"/>
        <source>Delivery log…</source>
        <translation>Journal des livraisons…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="255"/>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="257"/>
        <source>campaign %1</source>
        <translation>campagne %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="260"/>
        <source>All campaigns</source>
        <translation>Toutes les campagnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="262"/>
        <source>Enabled</source>
        <translation>Activé</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="264"/>
        <source>Disabled: %1</source>
        <translation>Désactivé : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="268"/>
        <source>%1 delivered · %2 failed · %3 pending</source>
        <translation>%1 livrées · %2 échouées · %3 en attente</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="274"/>
        <source>none yet</source>
        <translation>aucune pour l’instant</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="310"/>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="341"/>
        <source>Webhook saved: %1</source>
        <translation>Webhook enregistré : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="395"/>
        <source>Sending a test to %1…</source>
        <translation>Envoi d’un test à %1…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="404"/>
        <source>Test delivered: %1</source>
        <translation>Test livré : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="405"/>
        <source>Test not delivered: %1</source>
        <translation>Test non livré : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="405"/>
        <source>no answer</source>
        <translation>pas de réponse</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="417"/>
        <source>Webhook enabled: %1</source>
        <translation>Webhook activé : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="417"/>
        <source>Webhook disabled: %1</source>
        <translation>Webhook désactivé : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="430"/>
        <source>Signing secret copied to the clipboard.</source>
        <translation>Secret de signature copié dans le presse-papiers.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="440"/>
        <source>Rotate the signing secret</source>
        <translation>Renouveler le secret de signature</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="442"/>
        <source>Make a new signing secret for %1? For 24 hours deliveries are signed with both, so the receiver can switch; the new secret is copied to the clipboard.</source>
        <translation>Créer un nouveau secret de signature pour %1 ? Pendant 24 heures, les livraisons sont signées avec les deux, le temps que le destinataire change ; le nouveau secret est copié dans le presse-papiers.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="445"/>
        <source>Rotate</source>
        <translation>Renouveler</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="455"/>
        <source>New signing secret copied to the clipboard; the old one still signs for 24 hours.</source>
        <translation>Nouveau secret de signature copié dans le presse-papiers ; l’ancien signe encore pendant 24 heures.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="466"/>
        <source>Remove the webhook</source>
        <translation>Supprimer le webhook</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="468"/>
        <source>Remove the webhook to %1? Its delivery log and signing secret are deleted and nothing more is sent to it.</source>
        <translation>Supprimer le webhook vers %1 ? Son journal des livraisons et son secret de signature sont effacés, et plus rien ne lui est envoyé.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="471"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/webhook_settings.py" line="480"/>
        <source>Webhook removed: %1</source>
        <translation>Webhook supprimé : %1</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="127"/>
        <source>Welcome to FluenzR Desktop</source>
        <translation>Bienvenue dans FluenzR Desktop</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="129"/>
        <source>Three steps to your first campaign, sent from your own mailbox.</source>
        <translation>Trois étapes jusqu’à votre première campagne, envoyée depuis votre propre boîte mail.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="134"/>
        <source>Connect your mailbox</source>
        <translation>Connecter votre boîte mail</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="135"/>
        <source>Import contacts</source>
        <translation>Importer des contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="136"/>
        <source>Create your first campaign</source>
        <translation>Créer votre première campagne</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="163"/>
        <source>Skip for now</source>
        <translation>Passer pour l’instant</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="167"/>
        <source>Back</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="169"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="220"/>
        <source>Choose your provider, fill in your address and password, click Test connection, then Save.</source>
        <translation>Choisissez votre fournisseur, saisissez votre adresse et votre mot de passe, cliquez sur « Tester la connexion », puis sur « Enregistrer ».</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="231"/>
        <source>Import a CSV file…</source>
        <translation>Importer un fichier CSV…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="233"/>
        <source>Add one by hand…</source>
        <translation>En ajouter un à la main…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="237"/>
        <source>Bring in the people you will write to: a CSV file exported from a spreadsheet or a CRM, or one contact typed by hand.</source>
        <translation>Ajoutez les personnes à qui vous écrirez : un fichier CSV exporté d’un tableur ou d’un CRM, ou un contact saisi à la main.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="246"/>
        <source>Start from a template…</source>
        <translation>Partir d’un modèle…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="248"/>
        <source>Blank campaign…</source>
        <translation>Campagne vierge…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="252"/>
        <source>A campaign is a sequence of emails drawn on a canvas. Start from a ready-made sequence and edit it, or from a blank one.</source>
        <translation>Une campagne est une séquence d’e-mails dessinée sur un canevas. Partez d’une séquence toute prête et modifiez-la, ou d’une séquence vierge.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="309"/>
        <source>Step %1 of %2</source>
        <translation>Étape %1 sur %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="334"/>
        <source>✓ Mailbox connected: %1</source>
        <translation>✓ Boîte mail connectée : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="338"/>
        <source>✓ %n contact(s) in this workspace.</source>
        <translation>
            <numerusform>✓ %n contact dans cet espace de travail.</numerusform>
            <numerusform>✓ %n contacts dans cet espace de travail.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="341"/>
        <source>✓ You have a campaign: the Campaigns screen lists it.</source>
        <translation>✓ Vous avez une campagne : l’écran Campagnes la liste.</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="49"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="51"/>
        <source>&amp;Import contacts…</source>
        <translation>&amp;Importer des contacts…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="54"/>
        <source>&amp;Export contacts…</source>
        <translation>&amp;Exporter des contacts…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="58"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="62"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="66"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="67"/>
        <source>&amp;Campaigns</source>
        <translation>&amp;Campagnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="68"/>
        <source>C&amp;ontacts</source>
        <translation>C&amp;ontacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="69"/>
        <source>&amp;Accounts</source>
        <translation>Co&amp;mptes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="70"/>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="81"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="83"/>
        <source>&amp;Getting started…</source>
        <translation>&amp;Bien démarrer…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="86"/>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Raccourcis clavier…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="89"/>
        <source>&amp;About FluenzR Desktop</source>
        <translation>À &amp;propos de FluenzR Desktop</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="125"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="127"/>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="130"/>
        <source>Sequence canvas</source>
        <translation>Canevas de la séquence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="131"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="131"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="161"/>
        <source>About FluenzR Desktop</source>
        <translation>À propos de FluenzR Desktop</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/menus.py" line="163"/>
        <source>&lt;b&gt;FluenzR Desktop %1&lt;/b&gt;&lt;p&gt;Cold-email sequences sent from your own computer, through your own email account. Everything stays in your workspace folder.&lt;/p&gt;</source>
        <translation>&lt;b&gt;FluenzR Desktop %1&lt;/b&gt;&lt;p&gt;Des séquences d’e-mails de prospection envoyées depuis votre ordinateur, par votre propre compte e-mail. Tout reste dans le dossier de votre espace de travail.&lt;/p&gt;</translation>
    </message>
</context>
</TS>
