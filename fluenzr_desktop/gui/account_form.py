"""The account form: one sending account's identity, servers and sending rules, saved and tested.

Passwords go to the workspace's secret store (OS keyring or encrypted file), never to
the database. An account without a username sends without login (a local relay, a test
server) and has no password. Reading an account, saving and the connection test run in a
worker (through `ops.accounts`); the form is checked on the GUI thread first so mistakes
show at once, as one line. A stored account changed elsewhere is shown again only while
the user has not edited the form: what they typed is never replaced under them.
"""

from __future__ import annotations

import ssl
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import FluenzrError
from ..ops.accounts import (
    SECURITY_MODES,
    AccountSaved,
    account_fields,
    add_account,
    check_connection,
    check_fields,
    update_account,
)
from ..store.secrets import SecretStore
from ..workspace import Workspace
from .account_fields import (
    ERROR_STYLE,
    OK_STYLE,
    MessageLabel,
    left_aligned,
    server_row,
    set_security,
    shown_fields,
    text_or_none,
    time_zones,
    user_message,
)
from .account_presets import OTHER, PRESETS, preset, preset_for_hosts
from .changes import run_op
from .master_password import ask_master_password
from .tasks import BackgroundTask, run_in_background


class AccountForm(QWidget):
    """Edits one account (or a new one); emits `saved(id)` once a save is stored."""

    saved = Signal(int)
    loaded = Signal(int)  # a stored account's values are in the form (chosen or refreshed)

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        *,
        secrets: SecretStore | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._secrets = secrets
        # None: the system's trusted CAs; tests pass one trusting their own certificate.
        self.ssl_context = ssl_context
        self.account_id: int | None = None
        self._has_login = False  # the account shown has a username (so a stored password)
        self.save_task: BackgroundTask | None = None
        self.test_task: BackgroundTask | None = None
        self._request = 0  # the newest read wins; an older one arriving late is dropped
        self._loading_id: int | None = None  # the account being read for the user
        self._shown_values: dict[str, Any] | None = None  # the stored values the form shows
        self._clean: tuple[object, ...] = ()  # the form as last filled: edits make it differ

        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-weight: bold; font-size: 14pt;")
        self.name_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.from_name_edit = QLineEdit()
        self.reply_to_edit = QLineEdit()
        self.preset_combo = QComboBox()
        for candidate in PRESETS:
            self.preset_combo.addItem(candidate.label, candidate.key)
        self.preset_combo.addItem(self.tr("Other"), OTHER)
        self.preset_combo.currentIndexChanged.connect(self._preset_chosen)
        self.preset_hint = QLabel(
            self.tr("This provider needs an app password, made in its security settings.")
        )
        self.preset_hint.setWordWrap(True)
        self.smtp_host_edit, self.smtp_port_spin, self.smtp_security_combo = self._server_fields()
        self.imap_host_edit, self.imap_port_spin, self.imap_security_combo = self._server_fields()
        self.smtp_host_edit.setPlaceholderText(self.tr("e.g. smtp.example.com"))
        self.imap_host_edit.setPlaceholderText(self.tr("none: replies are not watched"))
        # Without an IMAP server its port and security mean nothing: greyed, not "default".
        self.imap_host_edit.textChanged.connect(self._update_imap_fields)
        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText(self.tr("empty: no login (local relay, test server)"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.daily_cap_spin = QSpinBox()
        self.daily_cap_spin.setRange(0, 100_000)
        self.daily_cap_spin.setSpecialValueText(self.tr("no account cap"))
        self.daily_cap_spin.setMinimumWidth(160)
        self.timezone_combo = QComboBox()
        self.timezone_combo.setEditable(True)
        # Its minimum is a usual zone name, not the longest: the form fits a narrow window.
        self.timezone_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.timezone_combo.setMinimumContentsLength(10)
        self.timezone_combo.addItem("")
        self.timezone_combo.addItems(time_zones())
        self.timezone_combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.timezone_combo.lineEdit().setPlaceholderText(self.tr("the campaign's time zone"))
        self.copy_to_sent_check = QCheckBox(self.tr("Copy sent emails to the Sent folder (IMAP)"))
        self.signature_edit = QPlainTextEdit()
        self.signature_edit.setPlaceholderText(self.tr("Added below every email of this account"))
        # Three lines: taller would push the form's end out of sight on a small screen.
        margins = self.signature_edit.contentsMargins()
        self.signature_edit.setFixedHeight(
            int(
                3 * self.signature_edit.fontMetrics().lineSpacing()
                + 2 * self.signature_edit.document().documentMargin()
            )
            + margins.top()
            + margins.bottom()
        )

        identity = QFormLayout()
        identity.addRow(self.tr("Name:"), self.name_edit)
        identity.addRow(self.tr("Email address:"), self.email_edit)
        identity.addRow(self.tr("From name:"), self.from_name_edit)
        identity.addRow(self.tr("Reply-to:"), self.reply_to_edit)
        servers = QFormLayout()
        servers.addRow(self.tr("Provider:"), self.preset_combo)
        servers.addRow(self.preset_hint)
        servers.addRow(
            self.tr("SMTP server:"),
            server_row(self.smtp_host_edit, self.smtp_port_spin, self.smtp_security_combo),
        )
        servers.addRow(
            self.tr("IMAP server:"),
            server_row(self.imap_host_edit, self.imap_port_spin, self.imap_security_combo),
        )
        servers.addRow(self.tr("Username:"), self.username_edit)
        servers.addRow(self.tr("Password:"), self.password_edit)
        sending = QFormLayout()
        sending.addRow(self.tr("Daily cap:"), left_aligned(self.daily_cap_spin))
        sending.addRow(self.tr("Time zone:"), self.timezone_combo)
        sending.addRow(self.copy_to_sent_check)
        sending.addRow(self.tr("Signature:"), self.signature_edit)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.error_label = MessageLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.status_label = QLabel()
        self.smtp_result_label = MessageLabel()
        self.imap_result_label = MessageLabel()
        for label in (self.smtp_result_label, self.imap_result_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.status_label, 1)

        # Slim margins above and below each section: the whole form fits a 1100×700 window,
        # and at 1024×640 it scrolls as one piece with Save and Test always in sight.
        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(9, 4, 9, 4)
        form_layout.addWidget(self.title_label)
        for title, layout in (
            (self.tr("Identity"), identity),
            (self.tr("Servers"), servers),
            (self.tr("Sending"), sending),
        ):
            box = QGroupBox(title)
            layout.setContentsMargins(9, 4, 9, 6)
            box.setLayout(layout)
            form_layout.addWidget(box)
        form_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        # The buttons and messages stay in sight below the scrolling form.
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addLayout(buttons)
        right.addWidget(self.error_label)
        right.addWidget(self.smtp_result_label)
        right.addWidget(self.imap_result_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(right)
        self.new_account()

    # -- building
    def _server_fields(self) -> tuple[QLineEdit, QSpinBox, QComboBox]:
        host = QLineEdit()
        port = QSpinBox()
        port.setRange(0, 65535)
        port.setSpecialValueText(self.tr("default"))
        security = QComboBox()
        for value, label in zip(
            SECURITY_MODES,
            (self.tr("SSL/TLS"), self.tr("STARTTLS"), self.tr("None")),
            strict=True,
        ):
            security.addItem(label, value)
        return host, port, security

    # -- the form
    def new_account(self) -> None:
        """Empty the form for a new account (Gmail's servers pre-filled)."""
        self._request += 1  # a read still running is for an account no longer wanted
        self._set_loading(None)
        self.account_id = None
        self._has_login = False
        self._shown_values = None
        self.title_label.setText(self.tr("New account"))
        for edit in (
            self.name_edit,
            self.email_edit,
            self.from_name_edit,
            self.reply_to_edit,
            self.username_edit,
            self.password_edit,
        ):
            edit.clear()
        self.password_edit.setPlaceholderText("")
        self.daily_cap_spin.setValue(0)
        self.timezone_combo.setCurrentText("")
        self.copy_to_sent_check.setChecked(False)
        self.signature_edit.clear()
        self._clear_messages()
        self.set_preset(PRESETS[0].key)
        self._clean = self._snapshot()

    def shown_account_id(self) -> int | None:
        """The account the form shows or is reading (None for a new one)."""
        return self._loading_id if self._loading_id is not None else self.account_id

    def is_loading(self) -> bool:
        """Whether an account chosen by the user is being read (the form is disabled)."""
        return self._loading_id is not None

    def is_dirty(self) -> bool:
        """Whether the user changed the form since it was last filled."""
        return self._snapshot() != self._clean

    def load_account(self, account_id: int) -> None:
        """Show a stored account: read in a worker, the form disabled meanwhile.

        Its password stays in the keyring: nothing here reads it.
        """
        self._set_loading(account_id)
        self._read(account_id, refresh=False)

    def refresh_account(self) -> None:
        """Read the shown account again (changed elsewhere); shown only if the form is unedited."""
        if self.account_id is not None and not self.is_loading():
            self._read(self.account_id, refresh=True)

    def _read(self, account_id: int, *, refresh: bool) -> None:
        self._request += 1
        request, workspace = self._request, self.workspace
        run_in_background(
            self,
            lambda _report: account_fields(workspace, account_id),
            on_done=lambda values: self._read_done(request, account_id, values, refresh),
            on_failed=lambda message: self._read_failed(request, message),
        )

    def _read_done(
        self, request: int, account_id: int, values: dict[str, Any], refresh: bool
    ) -> None:
        if request != self._request:
            return  # another account was chosen meanwhile
        if refresh:
            if account_id != self.account_id or shown_fields(values) == self._shown_values:
                return  # nothing new to show
            if self.is_dirty():  # never replace what the user is typing
                self.status_label.setText(
                    self.tr("This account was changed elsewhere: saving keeps your version.")
                )
                return
        self._set_loading(None)
        self._show_values(account_id, values, clear_messages=not refresh)
        self.loaded.emit(account_id)

    def _read_failed(self, request: int, message: str) -> None:
        if request != self._request:
            return
        refreshing = self._loading_id is None
        self._set_loading(None)
        if not refreshing:
            self.new_account()  # never leave another account's values under this one's name
        self.error_label.setText(user_message(message))

    def _set_loading(self, account_id: int | None) -> None:
        """Disable the form while the account the user chose is read."""
        self._loading_id = account_id
        self.setEnabled(account_id is None)

    def _show_values(
        self, account_id: int, values: dict[str, Any], *, clear_messages: bool = True
    ) -> None:
        """Fill the form with a stored account's fields (never a password)."""
        copy_to_sent = bool((values.get("options") or {}).get("append_to_sent"))
        self.account_id = account_id
        self._has_login = bool(values["username"])
        self.title_label.setText(values["name"])
        self.name_edit.setText(values["name"] or "")
        self.email_edit.setText(values["email"] or "")
        self.from_name_edit.setText(values["from_name"] or "")
        self.reply_to_edit.setText(values["reply_to"] or "")
        self.smtp_host_edit.setText(values["smtp_host"] or "")
        self.smtp_port_spin.setValue(values["smtp_port"] or 0)
        set_security(self.smtp_security_combo, values["smtp_security"] or "starttls")
        self.imap_host_edit.setText(values["imap_host"] or "")
        self.imap_port_spin.setValue(values["imap_port"] or 0)
        set_security(self.imap_security_combo, values["imap_security"] or "ssl")
        self.username_edit.setText(values["username"] or "")
        self.password_edit.clear()
        self.password_edit.setPlaceholderText(self.tr("unchanged"))
        self.daily_cap_spin.setValue(values["daily_cap"] or 0)
        self.timezone_combo.setCurrentText(values["timezone"] or "")
        self.copy_to_sent_check.setChecked(copy_to_sent)
        self.signature_edit.setPlainText(values["signature"] or "")
        if clear_messages:
            self._clear_messages()
        self.preset_combo.blockSignals(True)
        key = preset_for_hosts(values["smtp_host"], values["imap_host"])
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(key))
        self.preset_combo.blockSignals(False)
        self._update_hint()
        self._update_imap_fields()
        self._shown_values = shown_fields(values)
        self._clean = self._snapshot()

    def _snapshot(self) -> tuple[object, ...]:
        """Everything the user can change in the form, to tell an edited form from a filled one."""
        texts = (
            self.name_edit,
            self.email_edit,
            self.from_name_edit,
            self.reply_to_edit,
            self.smtp_host_edit,
            self.imap_host_edit,
            self.username_edit,
            self.password_edit,
        )
        spins = (self.smtp_port_spin, self.imap_port_spin, self.daily_cap_spin)
        combos = (self.smtp_security_combo, self.imap_security_combo, self.preset_combo)
        return (
            *(edit.text() for edit in texts),
            *(spin.value() for spin in spins),
            *(combo.currentData() for combo in combos),
            self.timezone_combo.currentText(),
            self.copy_to_sent_check.isChecked(),
            self.signature_edit.toPlainText(),
        )

    def set_preset(self, key: str) -> None:
        """Choose a provider in the combo (fills the servers, as a user's choice does)."""
        index = self.preset_combo.findData(key)
        if index == self.preset_combo.currentIndex():
            self._preset_chosen(index)
        else:
            self.preset_combo.setCurrentIndex(index)

    def _preset_chosen(self, _index: int) -> None:
        chosen = preset(self.preset_combo.currentData())
        if chosen is not None:
            self.smtp_host_edit.setText(chosen.smtp_host)
            self.smtp_port_spin.setValue(chosen.smtp_port)
            set_security(self.smtp_security_combo, chosen.smtp_security)
            self.imap_host_edit.setText(chosen.imap_host)
            self.imap_port_spin.setValue(chosen.imap_port)
            set_security(self.imap_security_combo, chosen.imap_security)
        else:  # "Other": a provider's servers left filled in would be sent to by mistake
            self._clear_preset_servers()
        self._update_hint()

    def _clear_preset_servers(self) -> None:
        """Empty the server fields that still hold a provider's preset (typed ones stay)."""
        preset_hosts = {p.smtp_host for p in PRESETS} | {p.imap_host for p in PRESETS}
        for host, port, security in (
            (self.smtp_host_edit, self.smtp_port_spin, self.smtp_security_combo),
            (self.imap_host_edit, self.imap_port_spin, self.imap_security_combo),
        ):
            if host.text().strip().lower() in preset_hosts:
                host.clear()
                port.setValue(0)
                security.setCurrentIndex(0)

    def _update_imap_fields(self) -> None:
        watched = bool(self.imap_host_edit.text().strip())
        self.imap_port_spin.setEnabled(watched)
        self.imap_security_combo.setEnabled(watched)

    def _update_hint(self) -> None:
        chosen = preset(self.preset_combo.currentData())
        self.preset_hint.setVisible(chosen is not None and chosen.app_password)

    def _clear_messages(self) -> None:
        for label in (
            self.error_label,
            self.status_label,
            self.smtp_result_label,
            self.imap_result_label,
        ):
            label.clear()

    def form_fields(self) -> dict[str, Any]:
        """The form as account fields, checked and normalised; raises FluenzrError."""
        fields: dict[str, Any] = {
            "name": self.name_edit.text().strip(),
            "email": self.email_edit.text(),
            "from_name": text_or_none(self.from_name_edit.text()),
            "reply_to": text_or_none(self.reply_to_edit.text()),
            "smtp_host": text_or_none(self.smtp_host_edit.text()),
            "smtp_port": self.smtp_port_spin.value() or None,
            "smtp_security": self.smtp_security_combo.currentData(),
            "imap_host": text_or_none(self.imap_host_edit.text()),
            "imap_port": self.imap_port_spin.value() or None,
            "imap_security": self.imap_security_combo.currentData(),
            "username": text_or_none(self.username_edit.text()),
            "daily_cap": self.daily_cap_spin.value() or None,
            "timezone": text_or_none(self.timezone_combo.currentText()),
            "signature": self.signature_edit.toPlainText().strip("\n") or None,
            "options": {"append_to_sent": self.copy_to_sent_check.isChecked()},
        }
        return check_fields(fields)

    def _form_or_error(self) -> dict[str, Any] | None:
        self.error_label.clear()
        try:
            return self.form_fields()
        except FluenzrError as error:
            self.error_label.setText(user_message(str(error)))
            return None

    def secrets(self) -> SecretStore:
        """The password store, unlocked here on the GUI thread where a dialog can ask."""
        if self._secrets is None:
            self._secrets = self.workspace.secret_store(prompt=self._ask_master_password)
        # Resolving the backend may prompt for the master password: never in a worker.
        _ = self._secrets.uses_file
        return self._secrets

    def _ask_master_password(self, _prompt: str) -> str:
        refusal = self.tr("no master password given: the password was not stored")
        return ask_master_password(self, refusal)

    def _login_ok(self, fields: dict[str, Any], password: str | None) -> bool:
        """A password goes with a username (without one the account sends without login)."""
        if password and not fields.get("username"):
            self.error_label.setText(
                self.tr("Username: a password needs one (leave both empty to send without login)")
            )
            return False
        return True

    # -- actions
    def save(self) -> None:
        """Check the form, then store the account and its password in a worker."""
        fields = self._form_or_error()
        if fields is None:
            return
        password = self.password_edit.text() or None
        if not self._login_ok(fields, password):
            return
        if password is None and fields.get("username") and not self._has_login:
            self.error_label.setText(self.tr("Password: an account with a username needs one"))
            return
        # The store is unlocked only to write a password, or to delete one with the login.
        clears_login = self._has_login and not fields.get("username")
        try:
            secrets = self.secrets() if password or clears_login else None
        except FluenzrError as error:
            self.error_label.setText(user_message(str(error)))
            return
        workspace, account_id = self.workspace, self.account_id
        self.save_button.setEnabled(False)
        self.status_label.setText(self.tr("Saving…"))
        typed = self._snapshot()

        def work(_report: object) -> AccountSaved:
            if account_id is None:
                return add_account(workspace, fields, password=password, secrets=secrets)
            return update_account(workspace, account_id, fields, password=password, secrets=secrets)

        self.save_task = run_op(
            self,
            work,
            on_done=lambda saved: self._saved(saved, fields, typed),
            on_failed=self._save_failed,
        )

    def _saved(self, saved: AccountSaved, fields: dict[str, Any], typed: tuple) -> None:
        """Show the account as stored (the checked fields: no read needed), unless edited since."""
        self.save_button.setEnabled(True)
        if self._snapshot() == typed:
            self._request += 1  # an older read must not land on the saved values
            self._show_values(saved.id, fields)
        else:  # the user went on typing while it saved: keep their text
            self.account_id = saved.id
            self._has_login = bool(fields.get("username"))
            self.title_label.setText(fields["name"])
            self._shown_values = shown_fields(fields)
        self.status_label.setText(self.tr("Saved."))
        self.saved.emit(saved.id)

    def _save_failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.status_label.clear()
        self.error_label.setText(user_message(message))

    def test_connection(self) -> None:
        """Log in to the form's servers in a worker and show each server's answer."""
        fields = self._form_or_error()
        if fields is None:
            return
        password = self.password_edit.text() or None
        account_id = self.account_id
        if not self._login_ok(fields, password):
            return
        if password is None and account_id is None and fields.get("username"):
            self.error_label.setText(self.tr("Password: type it to test the connection"))
            return
        stored = password is None and account_id is not None and bool(fields.get("username"))
        try:
            secrets = self.secrets() if stored else None
        except FluenzrError as error:
            self.error_label.setText(user_message(str(error)))
            return
        self.test_button.setEnabled(False)
        self.smtp_result_label.setStyleSheet("")
        self.smtp_result_label.setText(self.tr("SMTP: connecting…"))
        self.imap_result_label.clear()
        workspace, context = self.workspace, self.ssl_context
        self.test_task = run_in_background(
            self,
            lambda _report: check_connection(
                workspace,
                account_id,
                fields=fields,
                password=password,
                secrets=secrets,
                ssl_context=context,
            ),
            on_done=self._tested,
            on_failed=self._test_failed,
            # Talks to mail servers (seconds, or a time-out) and writes nothing.
            blocks_on_system=True,
        )

    def _tested(self, results: dict[str, dict[str, object]]) -> None:
        self.test_button.setEnabled(True)
        for label, server, key in (
            (self.smtp_result_label, "SMTP", "smtp"),
            (self.imap_result_label, "IMAP", "imap"),
        ):
            result = results.get(key, {})
            ok, answer = result.get("ok"), user_message(str(result.get("answer", "")))
            if ok is None:
                mark, style = self.tr("skipped"), ""
            else:
                mark, style = ("✓", OK_STYLE) if ok else ("✗", ERROR_STYLE)
            label.setStyleSheet(style)
            label.setText(f"{server} {mark} — {answer}")

    def _test_failed(self, message: str) -> None:
        self.test_button.setEnabled(True)
        self.smtp_result_label.clear()
        self.error_label.setText(user_message(message))
