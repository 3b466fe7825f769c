<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
<context>
    <name />
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="191" />
        <source>Edit contact</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="191" />
        <source>Add contact</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="194" />
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="195" />
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="196" />
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="197" />
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="198" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="199" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="208" />
        <source>comma-separated, e.g. lead, vip</source>
        <translation>comma-separated, e.g. lead, vip</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="209" />
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="271" />
        <source>Search email, name or company</source>
        <translation>Search email, name or company</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="281" />
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="394" />
        <source>All tags</source>
        <translation>All tags</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="285" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="310" />
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="312" />
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="314" />
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="531" />
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="316" />
        <source>Tag…</source>
        <translation>Tag…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="317" />
        <source>Enroll in campaign…</source>
        <translation>Enroll in campaign…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="318" />
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="383" />
        <source>%1 matching</source>
        <translation>%1 matching</translation>
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
        <translation>This contact no longer exists.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="509" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="525" />
        <source>Delete contacts</source>
        <translation>Delete contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="527" />
        <source>Delete %1 contact(s)? Their tags, enrollments and history go too.</source>
        <translation>Delete %1 contact(s)? Their tags, enrollments and history go too.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="541" />
        <source>Deleting…</source>
        <translation>Deleting…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="555" />
        <source>Tag contacts</source>
        <translation>Tag contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="556" />
        <source>Tag for %1 contact(s):</source>
        <translation>Tag for %1 contact(s):</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="571" />
        <source>Tagging…</source>
        <translation>Tagging…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="587" />
        <source>No campaign takes new contacts: create one first.</source>
        <translation>No campaign takes new contacts: create one first.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="590" />
        <source>Enroll in campaign</source>
        <translation>Enroll in campaign</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="591" />
        <source>Campaign for %1 contact(s):</source>
        <translation>Campaign for %1 contact(s):</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="601" />
        <source>Enrolling…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="613" />
        <source>%1 enrolled, %2 skipped.</source>
        <translation>%1 enrolled, %2 skipped.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="622" />
        <source>Export contacts</source>
        <translation>Export contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="622" />
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="628" />
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_view.py" line="631" />
        <source>Exported %1 contact(s).</source>
        <translation>Exported %1 contact(s).</translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="130" />
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="306" />
        <source>New account</source>
        <translation>New account</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="145" />
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="148" />
        <source>This provider needs an app password, made in its security settings.</source>
        <translation>This provider needs an app password, made in its security settings.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="154" />
        <source>empty: no login (local relay, test server)</source>
        <translation>empty: no login (local relay, test server)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="159" />
        <source>no account cap</source>
        <translation>no account cap</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="166" />
        <source>the campaign's time zone</source>
        <translation>the campaign's time zone</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="167" />
        <source>Copy sent emails to the Sent folder (IMAP)</source>
        <translation>Copy sent emails to the Sent folder (IMAP)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="169" />
        <source>Added below every email of this account</source>
        <translation>Added below every email of this account</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="173" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="174" />
        <source>Email address:</source>
        <translation>Email address:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="175" />
        <source>From name:</source>
        <translation>From name:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="176" />
        <source>Reply-to:</source>
        <translation>Reply-to:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="178" />
        <source>Provider:</source>
        <translation>Provider:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="181" />
        <source>SMTP server:</source>
        <translation>SMTP server:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="185" />
        <source>IMAP server:</source>
        <translation>IMAP server:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="188" />
        <source>Username:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="189" />
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="191" />
        <source>Daily cap:</source>
        <translation>Daily cap:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="192" />
        <source>Time zone:</source>
        <translation>Time zone:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="194" />
        <source>Signature:</source>
        <translation>Signature:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="196" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="199" />
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="218" />
        <source>Identity</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="219" />
        <source>Servers</source>
        <translation>Servers</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="220" />
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="252" />
        <source>default</source>
        <translation>default</translation>
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
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="352" />
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="440" />
        <source>Password store</source>
        <translation>Password store</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="441" />
        <source>No system keyring was found. Master password of the encrypted password file:</source>
        <translation>No system keyring was found. Master password of the encrypted password file:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="445" />
        <source>no master password given: the password was not stored</source>
        <translation>no master password given: the password was not stored</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="452" />
        <source>Username: a password needs one (leave both empty to send without login)</source>
        <translation>Username: a password needs one (leave both empty to send without login)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="471" />
        <source>Password: an account with a username needs one</source>
        <translation>Password: an account with a username needs one</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="482" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="495" />
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="514" />
        <source>Password: type it to test the connection</source>
        <translation>Password: type it to test the connection</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="524" />
        <source>SMTP: connecting…</source>
        <translation>SMTP: connecting…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/accounts_view.py" line="543" />
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
</context>
<context>
    <name>CampaignView</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="261" />
        <source>Sequence</source>
        <translation>Sequence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="262" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="263" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="282" />
        <source>Activate</source>
        <translation>Activate</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="283" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="284" />
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="285" />
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="307" />
        <source>Click a problem to show where it is</source>
        <translation>Click a problem to show where it is</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="321" />
        <source>Save sequence</source>
        <translation>Save sequence</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="365" />
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="370" />
        <source>Enroll…</source>
        <translation>Enroll…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="372" />
        <source>Retry errors</source>
        <translation>Retry errors</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="375" />
        <source>Put the selected contacts in error (all of them if none is selected) back where they stood, once you fixed the cause.</source>
        <translation>Put the selected contacts in error (all of them if none is selected) back where they stood, once you fixed the cause.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="382" />
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="383" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="384" />
        <source>Current step</source>
        <translation>Current step</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="385" />
        <source>Next action</source>
        <translation>Next action</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="386" />
        <source>Last error</source>
        <translation>Last error</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="416" />
        <source>State:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="437" />
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="438" />
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="439" />
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="440" />
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="441" />
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="442" />
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="443" />
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="457" />
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="467" />
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="464" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="472" />
        <source>Stop a contact's sequence when they reply</source>
        <translation>Stop a contact's sequence when they reply</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="474" />
        <source>Stop a contact's sequence on an automatic reply (out of office)</source>
        <translation>Stop a contact's sequence on an automatic reply (out of office)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="476" />
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="484" />
        <source>Sending account</source>
        <translation>Sending account</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="485" />
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="486" />
        <source>Sending days</source>
        <translation>Sending days</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="487" />
        <source>Sending hours</source>
        <translation>Sending hours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="488" />
        <source>Gap between two emails</source>
        <translation>Gap between two emails</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="489" />
        <source>Daily cap</source>
        <translation>Daily cap</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="509" />
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="1064" />
        <source>None of the selected contacts is in error.</source>
        <translation>None of the selected contacts is in error.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="1079" />
        <source>%1 contact(s) back in the sequence, %2 skipped.</source>
        <translation>%1 contact(s) back in the sequence, %2 skipped.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="506" />
        <source>Waiting to start</source>
        <translation>Waiting to start</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="507" />
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="508" />
        <source>Replied</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="510" />
        <source>Unsubscribed</source>
        <translation>Unsubscribed</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="511" />
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="521" />
        <source>(removed step)</source>
        <translation>(removed step)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="530" />
        <source>Settings: %1</source>
        <translation>Settings: %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="569" />
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="579" />
        <source>This campaign is running: pause it to change its sequence.</source>
        <translation>This campaign is running: pause it to change its sequence.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="583" />
        <source>This campaign is %1: its sequence can no longer change.</source>
        <translation>This campaign is %1: its sequence can no longer change.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="633" />
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="681" />
        <source>Archive campaign</source>
        <translation>Archive campaign</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="682" />
        <source>Archive “%1”? An archived campaign cannot be reopened.</source>
        <translation>Archive “%1”? An archived campaign cannot be reopened.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="749" />
        <source>The campaign cannot be activated yet: fix the problems below.</source>
        <translation>The campaign cannot be activated yet: fix the problems below.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="758" />
        <source>The campaign is now %1.</source>
        <translation>The campaign is now %1.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="773" />
        <source>• %1: missing for %2 of %3 contact(s), e.g. %4</source>
        <translation>• %1: missing for %2 of %3 contact(s), e.g. %4</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="781" />
        <source>Missing values</source>
        <translation>Missing values</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="783" />
        <source>Some contacts have no value for a field the emails print without a default. They will not get those emails and will move to Error; you can fill the values and retry them later.</source>
        <translation>Some contacts have no value for a field the emails print without a default. They will not get those emails and will move to Error; you can fill the values and retry them later.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="792" />
        <source>Activate anyway</source>
        <translation>Activate anyway</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="792" />
        <source>Resume anyway</source>
        <translation>Resume anyway</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="800" />
        <source>Nothing started: fill the missing values first.</source>
        <translation>Nothing started: fill the missing values first.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="874" />
        <source>Saved. %1 problem(s) to fix before activation.</source>
        <translation>Saved. %1 problem(s) to fix before activation.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="879" />
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="908" />
        <source>Unknown time zone “%1” (e.g. Europe/Paris).</source>
        <translation>Unknown time zone “%1” (e.g. Europe/Paris).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="912" />
        <source>Choose at least one sending day.</source>
        <translation>Choose at least one sending day.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="914" />
        <source>The sending hours must end after they start.</source>
        <translation>The sending hours must end after they start.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="916" />
        <source>The minimum gap is larger than the maximum.</source>
        <translation>The minimum gap is larger than the maximum.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="939" />
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="987" />
        <source>%1 contact(s)</source>
        <translation>%1 contact(s)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="1037" />
        <source>%1 contact(s) enrolled, %2 skipped.</source>
        <translation>%1 contact(s) enrolled, %2 skipped.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="1053" />
        <source>Enrolling…</source>
        <translation>Enrolling…</translation>
    </message>
</context>
<context>
    <name>CampaignsList</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="83" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="84" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="85" />
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="86" />
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="87" />
        <source>Replied</source>
        <translation>Replied</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="52" />
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="88" />
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="89" />
        <source>Unsubscribed</source>
        <translation>Unsubscribed</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="90" />
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="106" />
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="108" />
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="110" />
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="112" />
        <source>Archive</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="114" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="49" />
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="50" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="51" />
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="53" />
        <source>Archived</source>
        <translation>Archived</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="210" />
        <source>Pause the campaign before archiving it.</source>
        <translation>Pause the campaign before archiving it.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="218" />
        <source>New campaign</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="225" />
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="269" />
        <source>A campaign needs a name.</source>
        <translation>A campaign needs a name.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="236" />
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="254" />
        <source>Campaign “%1” created.</source>
        <translation>Campaign “%1” created.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="245" />
        <source>%1 (copy)</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="262" />
        <source>Rename campaign</source>
        <translation>Rename campaign</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="280" />
        <source>Campaign renamed.</source>
        <translation>Campaign renamed.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="292" />
        <source>Archive campaign</source>
        <translation>Archive campaign</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="293" />
        <source>Archive “%1”? An archived campaign cannot be reopened.</source>
        <translation>Archive “%1”? An archived campaign cannot be reopened.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="318" />
        <source>Campaign archived.</source>
        <translation>Campaign archived.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaigns_list.py" line="336" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_model.py" line="274" />
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_model.py" line="275" />
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_model.py" line="276" />
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_model.py" line="277" />
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_model.py" line="278" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_model.py" line="279" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/contacts_model.py" line="280" />
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="185" />
        <source>Enroll contacts</source>
        <translation>Enroll contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="187" />
        <source>All contacts</source>
        <translation>All contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="188" />
        <source>Contacts with the tag</source>
        <translation>Contacts with the tag</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="189" />
        <source>These addresses (one per line)</source>
        <translation>These addresses (one per line)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="196" />
        <source>Loading tags…</source>
        <translation>Loading tags…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="204" />
        <source>Enroll</source>
        <translation>Enroll</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/campaign_view.py" line="224" />
        <source>No tags yet</source>
        <translation>No tags yet</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="100" />
        <source>Choose a CSV file</source>
        <translation>Choose a CSV file</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="102" />
        <source>Export your spreadsheet as CSV (comma, semicolon or tab separated).</source>
        <translation>Export your spreadsheet as CSV (comma, semicolon or tab separated).</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="105" />
        <source>Path of the CSV file</source>
        <translation>Path of the CSV file</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="106" />
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="119" />
        <source>Import contacts</source>
        <translation>Import contacts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="121" />
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="496" />
        <source>Import contacts</source>
        <translation>Import contacts</translation>
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
        <translation>Campaigns</translation>
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
        <translation>Accounts</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="66" />
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="97" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="77" />
        <source>Import CSV…</source>
        <translation>Import CSV…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="92" />
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="92" />
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="120" />
        <source>Workspace: %1</source>
        <translation>Workspace: %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="171" />
        <source>Sending is handled by another FluenzR process</source>
        <translation>Sending is handled by another FluenzR process</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="174" />
        <source>Read-only workspace: nothing is sent</source>
        <translation>Read-only workspace: nothing is sent</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="176" />
        <source>Engine: off</source>
        <translation>Engine: off</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="178" />
        <source>Engine: error — %1</source>
        <translation>Engine: error — %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="181" />
        <source>Engine: running</source>
        <translation>Engine: running</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="183" />
        <source>Engine: stopped</source>
        <translation>Engine: stopped</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="188" />
        <source>Sent today: %1 / %2</source>
        <translation>Sent today: %1 / %2</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="193" />
        <source>Next send: none scheduled</source>
        <translation>Next send: none scheduled</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="197" />
        <source>Next send: %1</source>
        <translation>Next send: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="272" />
        <source>%n contact(s) in this workspace.</source>
        <translation><numerusform>%n contact in this workspace.</numerusform><numerusform>%n contacts in this workspace.</numerusform></translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/main_window.py" line="276" />
        <source>No contacts yet. Import a CSV file with: fluenzr contacts import FILE</source>
        <translation>No contacts yet. Import a CSV file with: fluenzr contacts import FILE</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="235" />
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="236" />
        <source>Choose where each column of the file goes.</source>
        <translation>Choose where each column of the file goes.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="238" />
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="239" />
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="240" />
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="241" />
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="242" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="243" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="244" />
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="245" />
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="246" />
        <source>Custom field (keeps the column name)</source>
        <translation>Custom field (keeps the column name)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="247" />
        <source>Ignore</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="251" />
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="251" />
        <source>First value</source>
        <translation>First value</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="251" />
        <source>Import as</source>
        <translation>Import as</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="276" />
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="310" />
        <source>Choose the column holding the email address.</source>
        <translation>Choose the column holding the email address.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="313" />
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="324" />
        <source>Two columns are imported as “%1”; keep one.</source>
        <translation>Two columns are imported as “%1”; keep one.</translation>
    </message>
</context>
<context>
    <name>NodeInspector</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="92" />
        <source>Select a step to edit it</source>
        <translation>Select a step to edit it</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="96" />
        <source>This step has nothing to set.</source>
        <translation>This step has nothing to set.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="133" />
        <source>Empty on a follow-up: “Re: &lt;previous subject&gt;”</source>
        <translation>Empty on a follow-up: “Re: &lt;previous subject&gt;”</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="137" />
        <source>Hello {{firstName}}, …</source>
        <translation>Hello {{firstName}}, …</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="147" />
        <source>Insert field</source>
        <translation>Insert field</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="149" />
        <source>Insert a contact field where the cursor is, in the subject or the body</source>
        <translation>Insert a contact field where the cursor is, in the subject or the body</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="160" />
        <source>The contact the preview is rendered for</source>
        <translation>The contact the preview is rendered for</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="178" />
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="180" />
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="182" />
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="190" />
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="205" />
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="206" />
        <source>hours</source>
        <translation>hours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="207" />
        <source>days</source>
        <translation>days</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="214" />
        <source>Wait</source>
        <translation>Wait</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="215" />
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="221" />
        <source>A contact field</source>
        <translation>A contact field</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="222" />
        <source>Opened an email</source>
        <translation>Opened an email</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="223" />
        <source>Clicked a link in an email</source>
        <translation>Clicked a link in an email</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="224" />
        <source>Replied to an email</source>
        <translation>Replied to an email</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="235" />
        <source>equals</source>
        <translation>equals</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="236" />
        <source>does not equal</source>
        <translation>does not equal</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="237" />
        <source>contains</source>
        <translation>contains</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="238" />
        <source>is empty</source>
        <translation>is empty</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="239" />
        <source>is not empty</source>
        <translation>is not empty</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="248" />
        <source>Choose an email</source>
        <translation>Choose an email</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="252" />
        <source>If the contact</source>
        <translation>If the contact</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="253" />
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="254" />
        <source>Comparison</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="255" />
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="256" />
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="324" />
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="366" />
        <source>(no contacts to preview)</source>
        <translation>(no contacts to preview)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="384" />
        <source>subject</source>
        <translation>subject</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="384" />
        <source>body</source>
        <translation>body</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="392" />
        <source>Missing for this contact: %1</source>
        <translation>Missing for this contact: %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="423" />
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="497" />
        <source>(no subject)</source>
        <translation>(no subject)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="426" />
        <source>Depends on the path the contact took:</source>
        <translation>Depends on the path the contact took:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/inspector.py" line="438" />
        <source>Custom fields</source>
        <translation>Custom fields</translation>
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
        <translation>Choose what happens to addresses already in the workspace.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="342" />
        <source>Update them with the file's values</source>
        <translation>Update them with the file's values</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="343" />
        <source>Skip them (keep them as they are)</source>
        <translation>Skip them (keep them as they are)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="349" />
        <source>e.g. salon-2024, prospects</source>
        <translation>e.g. salon-2024, prospects</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="357" />
        <source>Contacts already in the workspace:</source>
        <translation>Contacts already in the workspace:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="358" />
        <source>Add these tags to every imported contact:</source>
        <translation>Add these tags to every imported contact:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="362" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="142" />
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="143" />
        <source>Check that the columns are split and the accents read right.</source>
        <translation>Check that the columns are split and the accents read right.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="147" />
        <source>Detect</source>
        <translation>Detect</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="147" />
        <source>Comma (,)</source>
        <translation>Comma (,)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="147" />
        <source>Semicolon (;)</source>
        <translation>Semicolon (;)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="147" />
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="159" />
        <source>Delimiter:</source>
        <translation>Delimiter:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="183" />
        <source>Reading the file…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="200" />
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="202" />
        <source>Detected delimiter: %1 — Encoding: %2 — %3 columns</source>
        <translation>Detected delimiter: %1 — Encoding: %2 — %3 columns</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="393" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="394" />
        <source>Rejected lines are listed below; every other line was read.</source>
        <translation>Rejected lines are listed below; every other line was read.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="400" />
        <source>Rejected lines:</source>
        <translation>Rejected lines:</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="402" />
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="402" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="425" />
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="454" />
        <source>Import finished.</source>
        <translation>Import finished.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="456" />
        <source>Imported: %1 — Updated: %2 — Skipped: %3 — Rejected: %4</source>
        <translation>Imported: %1 — Updated: %2 — Skipped: %3 — Rejected: %4</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/import_wizard.py" line="478" />
        <source>Nothing was imported.</source>
        <translation>Nothing was imported.</translation>
    </message>
</context>
<context>
    <name>SequenceCanvas</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="50" />
        <source>Add node</source>
        <translation>Add node</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="65" />
        <source>Delete nodes</source>
        <translation>Delete nodes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="100" />
        <source>Move nodes</source>
        <translation>Move nodes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="133" />
        <source>Link nodes</source>
        <translation>Link nodes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="148" />
        <source>Delete link</source>
        <translation>Delete link</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/commands.py" line="173" />
        <source>Edit node</source>
        <translation>Edit node</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="91" />
        <source>This node no longer exists.</source>
        <translation>This node no longer exists.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="93" />
        <source>A node cannot link to itself.</source>
        <translation>A node cannot link to itself.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="95" />
        <source>Nothing may link into Start.</source>
        <translation>Nothing may link into Start.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="97" />
        <source>An End node has no output.</source>
        <translation>An End node has no output.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="99" />
        <source>A condition's links leave by Yes or No.</source>
        <translation>A condition's links leave by Yes or No.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="103" />
        <source>This node has a single output.</source>
        <translation>This node has a single output.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="105" />
        <source>This output is already linked; remove that link first.</source>
        <translation>This output is already linked; remove that link first.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/document.py" line="109" />
        <source>A loop must go through a Delay.</source>
        <translation>A loop must go through a Delay.</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="53" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="54" />
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="55" />
        <source>Delay</source>
        <translation>Delay</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="56" />
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="57" />
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="59" />
        <source>Unknown step</source>
        <translation>Unknown step</translation>
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
        <translation>%1 hour</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="68" />
        <source>%1 hours</source>
        <translation>%1 hours</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="69" />
        <source>%1 day</source>
        <translation>%1 day</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="70" />
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="74" />
        <source>Delay not set</source>
        <translation>Delay not set</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="80" />
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="90" />
        <source>Condition not set</source>
        <translation>Condition not set</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="83" />
        <source>Opened the email?</source>
        <translation>Opened the email?</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="84" />
        <source>Clicked a link?</source>
        <translation>Clicked a link?</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="85" />
        <source>Replied?</source>
        <translation>Replied?</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="94" />
        <source>contains</source>
        <translation>contains</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="95" />
        <source>is empty</source>
        <translation>is empty</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="96" />
        <source>is not empty</source>
        <translation>is not empty</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="110" />
        <source>(no subject)</source>
        <translation>(no subject)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="116" />
        <source>Contacts enter here</source>
        <translation>Contacts enter here</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="118" />
        <source>The sequence ends</source>
        <translation>The sequence ends</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="210" />
        <source>Contacts waiting here: %1</source>
        <translation>Contacts waiting here: %1</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="339" />
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/items.py" line="340" />
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>SequenceEditor</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="197" />
        <source>Add a %1 step (click, or drag onto the canvas)</source>
        <translation>Add a %1 step (click, or drag onto the canvas)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="206" />
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="211" />
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="222" />
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="423" />
        <source>Auto layout</source>
        <translation>Auto layout</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="223" />
        <source>Arrange the sequence from top to bottom</source>
        <translation>Arrange the sequence from top to bottom</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="225" />
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="226" />
        <source>Show the whole sequence (Ctrl+0)</source>
        <translation>Show the whole sequence (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="230" />
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="233" />
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="317" />
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="389" />
        <source>Paste</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="236" />
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="324" />
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="239" />
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="377" />
        <source>Delete link</source>
        <translation>Delete link</translation>
    </message>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/view.py" line="384" />
        <source>Add %1 here</source>
        <translation>Add %1 here</translation>
    </message>
</context>
<context>
    <name>SequenceScene</name>
    <message>
        <location filename="../../fluenzr_desktop/gui/canvas/scene.py" line="225" />
        <source>Delete selection</source>
        <translation>Delete selection</translation>
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
        <translation>No system keyring was found. Master password of the encrypted password file:</translation>
    </message>
</context>
</TS>