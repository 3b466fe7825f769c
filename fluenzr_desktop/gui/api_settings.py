"""The Settings page's "Local API" group: serve the API on this computer, its port and token.

The switch and the port are kept by `ops.api_access`; the server itself
(`api.server.ApiServer`, imported lazily: FastAPI costs start-up time) is owned here, started
and stopped off the GUI thread, and stopped when the window closes. The token is hidden until
the user asks to see it; regenerating it (after a confirmation) stops the old one at once.
On a plan without the API, a line with the plan's badge says so and the switch stays off.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..domain.plans import Gate
from ..domain.settings import API_PORT_RANGE
from ..ops import Changes
from ..ops.api_access import (
    ApiSettings,
    api_gate,
    api_settings,
    api_token,
    regenerate_api_token,
    save_api_settings,
)
from ..workspace import Workspace
from .changes import change_hub, run_op
from .plan_text import gate_text, plan_name
from .settings_rows import ERROR_STYLE, HELP_STYLE, add_row, new_group, one_line
from .tasks import run_in_background

# The palette's badge (gui/canvas/palette.py): a small bold white pill naming the plan, in
# the colour of the Condition node, the Pro feature a user meets first.
BADGE_STYLE = (
    "QLabel { background: #6a1b9a; color: #ffffff; font-weight: bold; border-radius: 3px;"
    " padding: 0px 4px; }"
)


class GateLine(QWidget):
    """A plan badge ("Pro") and the gate's line ("The API needs the Pro plan"); hidden if none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.badge = QLabel()
        self.badge.setStyleSheet(BADGE_STYLE)
        font = self.badge.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        self.badge.setFont(font)
        self.text = QLabel()
        self.text.setWordWrap(True)
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        line.addWidget(self.text, 1)
        self.hide()

    def show_gate(self, gate: Gate | None) -> None:
        """Show the gate's plan and line, or hide when the plan in force includes the feature."""
        if gate is None:
            self.hide()
            return
        self.badge.setText(plan_name(gate.plan_needed))
        self.text.setText(gate_text(gate))
        self.show()


def read_api_state(workspace: Workspace) -> tuple[ApiSettings, Gate | None]:
    """The API's stored switch and port, and the plan's gate (two reads: off the GUI thread)."""
    return api_settings(workspace), api_gate(workspace)


class ApiGroup(QGroupBox):
    """The local API: a switch, the port, the address while it runs, and its token."""

    loaded = Signal()  # the switch, port and plan line show what is stored
    server_changed = Signal()  # the server started, stopped or could not start
    answered = Signal(str)  # "show", "copy" or "regenerate" finished, well or not

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Local API"))
        self.workspace = workspace
        self.settings: ApiSettings | None = None
        self.gate: Gate | None = None
        self.server: Any = None  # an api.server.ApiServer while one exists
        self.server_busy = False  # a start or stop runs in a worker
        self.token_shown = False
        self.closing = False
        self.row_titles: list[QLabel] = []
        self._read_serial = 0

        self.gate_line = GateLine()
        self.enabled_box = QCheckBox(self.tr("Serve the local API on this computer"))
        self.enabled_box.setEnabled(False)  # until the stored settings are read
        self.enabled_box.clicked.connect(self._switched)
        self.port_spin = QSpinBox()
        self.port_spin.setRange(*API_PORT_RANGE)
        self.port_spin.setEnabled(False)
        self.port_spin.editingFinished.connect(self._port_edited)
        self.state_label = QLabel(self.tr("Looking…"))
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_label.setWordWrap(True)
        self.token_edit = QLineEdit()
        self.token_edit.setReadOnly(True)
        self.token_edit.setPlaceholderText(self.tr("Hidden"))
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.clicked.connect(self.toggle_token)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy_token)
        self.regenerate_button = QPushButton(self.tr("Regenerate…"))
        self.regenerate_button.clicked.connect(self.ask_regenerate)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.hide()

        new_group(self)
        form = self.layout()
        assert isinstance(form, QFormLayout)
        form.addRow(self.gate_line)
        switch_line = QHBoxLayout()
        switch_line.addWidget(self.enabled_box, 1)
        self.row_titles.append(
            add_row(
                self, self.tr("Local API"), switch_line,
                self.tr("Lets your scripts and tools drive FluenzR while this window is open, "
                        "from this computer only."),
            )
        )  # fmt: skip
        port_line = QHBoxLayout()
        port_line.addWidget(self.port_spin)
        port_line.addWidget(self.state_label, 1)
        self.row_titles.append(
            add_row(
                self, self.tr("Port"), port_line,
                self.tr("Served at 127.0.0.1 on this port; web pages cannot reach it."),
            )
        )  # fmt: skip
        token_line = QHBoxLayout()
        token_line.addWidget(self.token_edit, 1)
        for button in (self.show_button, self.copy_button, self.regenerate_button):
            token_line.addWidget(button)
        self.row_titles.append(
            add_row(
                self, self.tr("Token"), token_line,
                self.tr("Send it as Authorization: Bearer <token>. Keep it like a password."),
            )
        )  # fmt: skip
        form.addRow(self.result_label)

        change_hub().changed.connect(self._on_changes)
        self.reload()

    # -- reading ----------------------------------------------------------------------------

    def reload(self, start_server: bool = False) -> None:
        """Read the switch, the port and the plan's gate in the background, and show them.

        `start_server`: once read, start the server if it is switched on and the plan allows.
        """
        workspace = self.workspace
        self._read_serial += 1
        serial = self._read_serial

        def done(state: tuple[ApiSettings, Gate | None]) -> None:
            if serial != self._read_serial:  # an older read answering late is stale
                return
            self.show_settings(*state)
            if start_server or (self.gate is not None and self.server is not None):
                self._apply_server()  # start it, or stop it when the plan no longer allows

        def failed(message: str) -> None:
            if serial == self._read_serial:
                self._show_state(one_line(message), error=True)
                self.loaded.emit()

        run_in_background(self, lambda _report: read_api_state(workspace), on_done=done,
                          on_failed=failed)  # fmt: skip

    def _on_changes(self, changes: Changes) -> None:
        if changes.settings:  # a licence installed changes the plan, hence the gate
            self.reload()

    def show_settings(self, settings: ApiSettings, gate: Gate | None) -> None:
        """Show the stored switch and port, and the plan's line when it lacks the API."""
        self.settings = settings
        self.gate = gate
        self.gate_line.show_gate(gate)
        self.enabled_box.setChecked(settings.enabled)
        # Switching off is always possible; switching on needs the plan.
        self.enabled_box.setEnabled(gate is None or settings.enabled)
        self.port_spin.setEnabled(True)
        if not self.port_spin.hasFocus():
            self.port_spin.setValue(settings.port)
        if not self.server_busy:
            self._show_server_state()
        self.loaded.emit()

    # -- the server -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        """Whether this window's API server answers now."""
        return self.server is not None and bool(self.server.running)

    @property
    def wanted(self) -> bool:
        """Whether the server should run: switched on, the plan allows it, the window open."""
        return (
            not self.closing
            and self.settings is not None
            and self.settings.enabled
            and self.gate is None
        )

    def start_if_enabled(self) -> None:
        """At the window's opening: read the settings, then start the server if switched on."""
        self.reload(start_server=True)

    def _apply_server(self) -> None:
        """Start or stop the server (in a worker) until it matches the switch and the port."""
        if self.server_busy or self.closing:
            return
        assert self.settings is not None
        port = self.settings.port
        if self.wanted and self.running and self.server_port() != port:
            self._stop_server(then_apply=True)  # a new port: stop, then start on it
        elif self.wanted and not self.running:
            self._start_server(port)
        elif not self.wanted and self.server is not None:
            self._stop_server(then_apply=True)
        else:
            self._show_server_state()

    def server_port(self) -> int | None:
        """The port the running server listens on (from its URL)."""
        return None if self.server is None else int(self.server.port)

    def _start_server(self, port: int) -> None:
        workspace = self.workspace
        self.server_busy = True
        self._show_state(self.tr("Starting…"))

        def start(_report: object) -> Any:
            from ..api.server import ApiServer  # FastAPI and uvicorn: only when switched on

            server = ApiServer(workspace, port)
            server.start()
            return server

        def started(server: Any) -> None:
            self.server_busy = False
            if self.closing:  # the window closed while it started: it must not outlive it
                server.stop()
                return
            self.server = server
            if not self.wanted:  # switched off (or closed) while it started
                self._apply_server()
                return
            self._show_server_state()
            self.server_changed.emit()

        def refused(message: str) -> None:  # the port is taken, most often
            self.server_busy = False
            self.server = None
            self._show_state(
                self.tr("The API could not start: %1").replace("%1", one_line(message)),
                error=True,
            )
            self.server_changed.emit()

        run_in_background(self, start, on_done=started, on_failed=refused, blocks_on_system=True)

    def _stop_server(self, then_apply: bool) -> None:
        server = self.server
        self.server_busy = True
        self._show_state(self.tr("Stopping…"))

        def stopped(_result: object) -> None:
            self.server_busy = False
            self.server = None
            if then_apply and self.wanted:
                self._apply_server()
                return
            self._show_server_state()
            self.server_changed.emit()

        def failed(message: str) -> None:
            self.server_busy = False
            self._show_state(one_line(message), error=True)
            self.server_changed.emit()

        run_in_background(
            self, lambda _report: server.stop(), on_done=stopped, on_failed=failed,
            blocks_on_system=True,
        )  # fmt: skip

    def stop_server(self) -> None:
        """Stop the server now (the window closes): it answers no request after this returns."""
        self.closing = True
        if self.server is not None:
            self.server.stop()
            self.server = None

    def _show_server_state(self) -> None:
        if self.running:
            self._show_state(self.tr("Running at %1").replace("%1", str(self.server.url)))
        elif self.settings is not None and self.settings.enabled and self.gate is not None:
            self._show_state(self.tr("Off: the plan in force does not include the API"))
        else:
            self._show_state(self.tr("Off"))

    def _show_state(self, text: str, error: bool = False) -> None:
        self.state_label.setText(text)
        self.state_label.setStyleSheet(ERROR_STYLE if error else HELP_STYLE)

    # -- the switch and the port ------------------------------------------------------------

    def _switched(self, checked: bool) -> None:
        self._save(enabled=checked, port=self.port_spin.value())

    def _port_edited(self) -> None:
        if self.settings is not None and self.port_spin.value() != self.settings.port:
            self._save(enabled=self.settings.enabled, port=self.port_spin.value())

    def _save(self, *, enabled: bool, port: int) -> None:
        """Store the switch and port (in a worker), then start, stop or move the server."""
        workspace = self.workspace

        def saved(settings: ApiSettings) -> None:
            self.show_settings(settings, self.gate)
            self._apply_server()

        def refused(message: str) -> None:
            if self.settings is not None:  # the stored values stay; the refusal says why
                self.enabled_box.setChecked(self.settings.enabled)
            self._show_state(one_line(message), error=True)
            self.server_changed.emit()

        run_op(
            self,
            lambda _report: save_api_settings(workspace, enabled=enabled, port=port),
            on_done=saved,
            on_failed=refused,
        )

    # -- the token --------------------------------------------------------------------------

    def toggle_token(self) -> None:
        """Show the token (read in a worker), or hide it again."""
        if self.token_shown:
            self._hide_token()
            self.answered.emit("show")
            return
        workspace = self.workspace

        def shown(token: str) -> None:
            self.token_shown = True
            self.token_edit.setText(token)
            self.token_edit.setEchoMode(QLineEdit.EchoMode.Normal)
            self.show_button.setText(self.tr("Hide"))
            self.answered.emit("show")

        self._token_job("show", lambda _report: api_token(workspace), shown)

    def _hide_token(self) -> None:
        self.token_shown = False
        self.token_edit.clear()
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_button.setText(self.tr("Show"))

    def copy_token(self) -> None:
        """Copy the token to the clipboard without showing it."""
        workspace = self.workspace

        def copied(token: str) -> None:
            QGuiApplication.clipboard().setText(token)
            self._result(self.tr("Token copied to the clipboard."))
            self.answered.emit("copy")

        self._token_job("copy", lambda _report: api_token(workspace), copied)

    def ask_regenerate(self) -> QMessageBox:
        """Ask before making a new token; the answer comes back without a nested loop."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Regenerate the API token"),
            self.tr(
                "Make a new token? The old one stops working at once: scripts and tools "
                "using it must be given the new one."
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        regenerate = box.addButton(self.tr("Regenerate"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: self.regenerate() if button is regenerate else None
        )
        box.open()
        return box

    def regenerate(self) -> None:
        """Make a new token (no question asked: `ask_regenerate` asks)."""
        workspace = self.workspace

        def made(token: str) -> None:
            if self.token_shown:
                self.token_edit.setText(token)
            self._result(self.tr("New token made: the old one no longer works."))
            self.answered.emit("regenerate")

        self._token_job("regenerate", lambda _report: regenerate_api_token(workspace), made)

    def _token_job(self, name: str, work: Any, done: Any) -> None:
        buttons = (self.show_button, self.copy_button, self.regenerate_button)
        for button in buttons:
            button.setEnabled(False)

        def finished(token: str) -> None:
            for button in buttons:
                button.setEnabled(True)
            done(token)

        def failed(message: str) -> None:
            for button in buttons:
                button.setEnabled(True)
            self._result(one_line(message), error=True)
            self.answered.emit(name)

        run_in_background(self, work, on_done=finished, on_failed=failed)

    def _result(self, text: str, error: bool = False) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(ERROR_STYLE if error else "")
        self.result_label.setVisible(bool(text))
