<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="34" />
        <source>FluenzR Desktop — %1</source>
        <translation>FluenzR Desktop — %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="41" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="51" />
        <source>Campaigns</source>
        <translation>Campagnes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="41" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="45" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="52" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="41" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="53" />
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="41" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="54" />
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="45" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="45" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="49" />
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="49" />
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="66" />
        <source>Workspace: %1</source>
        <translation>Espace de travail : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="124" />
        <source>%n contact(s) in this workspace.</source>
        <translation><numerusform>%n contact dans cet espace de travail.</numerusform><numerusform>%n contacts dans cet espace de travail.</numerusform></translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="128" />
        <source>No contacts yet. Import a CSV file with: fluenzr contacts import FILE</source>
        <translation>Aucun contact pour l’instant. Importez un fichier CSV avec : fluenzr contacts import FICHIER</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="131" />
        <source>No sending account yet.</source>
        <translation>Aucun compte d’envoi pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="140" />
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="141" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="142" />
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="143" />
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="144" />
        <source>Archived</source>
        <translation>Archivée</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/app.py" line="60" />
        <source>FluenzR Desktop</source>
        <translation>FluenzR Desktop</translation>
    </message>
</context>
</TS>