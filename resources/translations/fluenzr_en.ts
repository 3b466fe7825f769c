<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
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
        <translation>Campaigns</translation>
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
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="48" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="61" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="52" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="52" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="56" />
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="56" />
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="79" />
        <source>Workspace: %1</source>
        <translation>Workspace: %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="127" />
        <source>Engine: off</source>
        <translation>Engine: off</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="129" />
        <source>Engine: error — %1</source>
        <translation>Engine: error — %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="132" />
        <source>Engine: running</source>
        <translation>Engine: running</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="134" />
        <source>Engine: stopped</source>
        <translation>Engine: stopped</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="142" />
        <source>Sent today: %1 / %2</source>
        <translation>Sent today: %1 / %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="147" />
        <source>Next send: none scheduled</source>
        <translation>Next send: none scheduled</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="151" />
        <source>Next send: %1</source>
        <translation>Next send: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="193" />
        <source>%n contact(s) in this workspace.</source>
        <translation><numerusform>%n contact in this workspace.</numerusform><numerusform>%n contacts in this workspace.</numerusform></translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="197" />
        <source>No contacts yet. Import a CSV file with: fluenzr contacts import FILE</source>
        <translation>No contacts yet. Import a CSV file with: fluenzr contacts import FILE</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="200" />
        <source>No sending account yet.</source>
        <translation>No sending account yet.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="209" />
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="210" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="211" />
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="212" />
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="213" />
        <source>Archived</source>
        <translation>Archived</translation>
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
        <translation>No system keyring was found. Master password of the encrypted password file:</translation>
    </message>
</context>
</TS>