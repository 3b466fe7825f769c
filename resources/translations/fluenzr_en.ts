<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="281"/>
        <source>%n contact(s) in this workspace.</source>
        <translation>
            <numerusform>%n contact in this workspace.</numerusform>
            <numerusform>%n contacts in this workspace.</numerusform>
        </translation>
    </message>
</context>
</TS>
