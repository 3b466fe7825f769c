<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="41" />
        <source>FluenzR Desktop — %1</source>
        <translation>FluenzR Desktop — %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="48" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="58" />
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="48" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="52" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="59" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="48" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="60" />
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="48" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="61" />
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="52" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="52" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="56" />
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="56" />
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="79" />
        <source>Workspace: %1</source>
        <translation>Espace de travail : %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="127" />
        <source>Engine: off</source>
        <translation>Moteur : arrêté (désactivé)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="129" />
        <source>Engine: error — %1</source>
        <translation>Moteur : erreur — %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="132" />
        <source>Engine: running</source>
        <translation>Moteur : en marche</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="134" />
        <source>Engine: stopped</source>
        <translation>Moteur : arrêté</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="142" />
        <source>Sent today: %1 / %2</source>
        <translation>Envoyés aujourd’hui : %1 / %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="147" />
        <source>Next send: none scheduled</source>
        <translation>Prochain envoi : aucun prévu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="151" />
        <source>Next send: %1</source>
        <translation>Prochain envoi : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="193" />
        <source>%n contact(s) in this workspace.</source>
        <translation><numerusform>%n contact dans cet espace de travail.</numerusform><numerusform>%n contacts dans cet espace de travail.</numerusform></translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="197" />
        <source>No contacts yet. Import a CSV file with: fluenzr contacts import FILE</source>
        <translation>Aucun contact pour l’instant. Importez un fichier CSV avec : fluenzr contacts import FICHIER</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="200" />
        <source>No sending account yet.</source>
        <translation>Aucun compte d’envoi pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="209" />
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="210" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="211" />
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="212" />
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="213" />
        <source>Archived</source>
        <translation>Archivée</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/app.py" line="63" />
        <location filename="../../fluenzr_desktop/gui/app.py" line="89" />
        <location filename="../../fluenzr_desktop/gui/app.py" line="110" />
        <source>FluenzR Desktop</source>
        <translation>FluenzR Desktop</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/app.py" line="90" />
        <source>No system keyring was found. Master password of the encrypted password file:</source>
        <translation>Aucun trousseau système trouvé. Mot de passe maître du fichier chiffré des mots de passe :</translation>
    </message>
</context>
</TS>