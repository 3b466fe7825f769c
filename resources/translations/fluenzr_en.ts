<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>ContactsTab</name>
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
            <numerusform>%Ln contact enrolled, %1 skipped.</numerusform>
            <numerusform>%Ln contacts enrolled, %1 skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/campaign/contacts_tab.py" line="235"/>
        <source>%Ln contact(s) back in the sequence, %1 skipped.</source>
        <translation>
            <numerusform>%Ln contact back in the sequence, %1 skipped.</numerusform>
            <numerusform>%Ln contacts back in the sequence, %1 skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="272"/>
        <source>%Ln matching</source>
        <translation>
            <numerusform>%Ln matching</numerusform>
            <numerusform>%Ln matching</numerusform>
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
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="418"/>
        <source>Delete %Ln contact(s)? Their tags, enrollments and history go too.</source>
        <translation>
            <numerusform>Delete %Ln contact? Its tags, enrollments and history go too.</numerusform>
            <numerusform>Delete %Ln contacts? Their tags, enrollments and history go too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="437"/>
        <source>Tag for %Ln contact(s):</source>
        <translation>
            <numerusform>Tag for %Ln contact:</numerusform>
            <numerusform>Tag for %Ln contacts:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="465"/>
        <source>Campaign for %Ln contact(s):</source>
        <translation>
            <numerusform>Campaign for %Ln contact:</numerusform>
            <numerusform>Campaign for %Ln contacts:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="481"/>
        <source>%Ln enrolled</source>
        <translation>
            <numerusform>%Ln enrolled</numerusform>
            <numerusform>%Ln enrolled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="482"/>
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln skipped</numerusform>
            <numerusform>%Ln skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="499"/>
        <source>Exported %Ln contact(s).</source>
        <translation>
            <numerusform>Exported %Ln contact.</numerusform>
            <numerusform>Exported %Ln contacts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountedText</name>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="27"/>
        <source>At most %n email(s) a day.</source>
        <translation>
            <numerusform>At most %n email a day.</numerusform>
            <numerusform>At most %n emails a day.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="30"/>
        <source>Activate “%1”? It will email %n contact(s).</source>
        <translation>
            <numerusform>Activate “%1”? It will email %n contact.</numerusform>
            <numerusform>Activate “%1”? It will email %n contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/campaign/confirmations.py" line="34"/>
        <source>• %1: missing for %2 of %n contact(s), e.g. %3</source>
        <translation>
            <numerusform>• %1: missing for %2 of %n contact, e.g. %3</numerusform>
            <numerusform>• %1: missing for %2 of %n contacts, e.g. %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="609"/>
        <source>%n contact(s) in this workspace.</source>
        <translation>
            <numerusform>%n contact in this workspace.</numerusform>
            <numerusform>%n contacts in this workspace.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="203"/>
        <source>Detected delimiter: %1 — Encoding: %2 — %Ln column(s)</source>
        <translation>
            <numerusform>Detected delimiter: %1 — Encoding: %2 — %Ln column</numerusform>
            <numerusform>Detected delimiter: %1 — Encoding: %2 — %Ln columns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TemplateGallery</name>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/template_gallery.py" line="172"/>
        <source>Wait %n minute(s)</source>
        <translation>
            <numerusform>Wait %n minute</numerusform>
            <numerusform>Wait %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/template_gallery.py" line="174"/>
        <source>Wait %n hour(s)</source>
        <translation>
            <numerusform>Wait %n hour</numerusform>
            <numerusform>Wait %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/template_gallery.py" line="175"/>
        <source>Wait %n day(s)</source>
        <translation>
            <numerusform>Wait %n day</numerusform>
            <numerusform>Wait %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrackingGroup</name>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="325"/>
        <source>%n open(s)</source>
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n opens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="326"/>
        <source>%n click(s)</source>
        <translation>
            <numerusform>%n click</numerusform>
            <numerusform>%n clicks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="327"/>
        <source>%n unsubscribe(s)</source>
        <translation>
            <numerusform>%n unsubscribe</numerusform>
            <numerusform>%n unsubscribes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="328"/>
        <source>%n machine hit(s)</source>
        <translation>
            <numerusform>%n machine hit</numerusform>
            <numerusform>%n machine hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="331"/>
        <source>%n open(s) by Apple&apos;s privacy proxy</source>
        <translation>
            <numerusform>%n open by Apple&apos;s privacy proxy</numerusform>
            <numerusform>%n opens by Apple&apos;s privacy proxy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/tracking_settings.py" line="334"/>
        <source>%n hit(s) for messages this workspace does not have</source>
        <translation>
            <numerusform>%n hit for messages this workspace does not have</numerusform>
            <numerusform>%n hits for messages this workspace does not have</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WebhookLogDialog</name>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/webhook_log.py" line="216"/>
        <source>%n delivery(ies), newest first</source>
        <translation>
            <numerusform>%n delivery, newest first</numerusform>
            <numerusform>%n deliveries, newest first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/welcome.py" line="338"/>
        <source>✓ %n contact(s) in this workspace.</source>
        <translation>
            <numerusform>✓ %n contact in this workspace.</numerusform>
            <numerusform>✓ %n contacts in this workspace.</numerusform>
        </translation>
    </message>
</context>
</TS>
