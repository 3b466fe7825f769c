<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
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
        <translation>Campaigns</translation>
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
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="41" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="54" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="45" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="45" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="49" />
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="49" />
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="66" />
        <source>Workspace: %1</source>
        <translation>Workspace: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="124" />
        <source>%n contact(s) in this workspace.</source>
        <translation><numerusform>%n contact in this workspace.</numerusform><numerusform>%n contacts in this workspace.</numerusform></translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="128" />
        <source>No contacts yet. Import a CSV file with: fluenzr contacts import FILE</source>
        <translation>No contacts yet. Import a CSV file with: fluenzr contacts import FILE</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="131" />
        <source>No sending account yet.</source>
        <translation>No sending account yet.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="140" />
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="141" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="142" />
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="143" />
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="144" />
        <source>Archived</source>
        <translation>Archived</translation>
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