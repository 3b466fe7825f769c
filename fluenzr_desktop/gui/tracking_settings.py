"""The Settings page's Tracking group: the workspace's tracking relay.

It sets the relay from its URL and the key file made on the relay (`ops.tracking`), tests
it, pulls its hits now, or stops using it; the key itself is never shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ..domain.errors import FluenzrError
from ..ops import Changes
from ..ops.tracking import (
    PullDone,
    RelayCheck,
    RelayState,
    check_relay,
    forget_relay,
    pull_tracking,
    relay_state,
    set_relay,
)
from ..workspace import Workspace
from .changes import change_hub, run_op
from .settings_rows import ERROR_STYLE, add_row, new_group, one_line
from .tasks import run_in_background

# A key file holds a few `KID:SECRET` lines: anything bigger is another file picked by mistake.
KEY_FILE_MAX_BYTES = 64 * 1024


def read_key_file(path: Path, unreadable: str, not_a_key_file: str) -> str:
    """The text of the key file the user chose (a BOM dropped), or one line saying why not.

    `unreadable` ("%1" the file, "%2" the reason) and `not_a_key_file` ("%1") are the
    window's sentences, translated on the GUI thread before this runs in a worker.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(KEY_FILE_MAX_BYTES + 1)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise FluenzrError(unreadable.replace("%1", str(path)).replace("%2", reason)) from None
    try:
        if len(data) > KEY_FILE_MAX_BYTES:
            raise UnicodeError
        return data.decode("utf-8-sig")
    except UnicodeError:
        raise FluenzrError(not_a_key_file.replace("%1", str(path))) from None


class TrackingGroup(QGroupBox):
    """The workspace's tracking relay: its URL and key file, a test, a pull, stop using it.

    The key file is checked and stored by `ops.tracking.set_relay` (a refusal is shown under
    the fields, the typed URL kept); only the URL and the signing key's id are ever shown.
    """

    relay_read = Signal()  # the state line shows the stored relay
    answered = Signal(str)  # "save", "test", "pull" or "forget" finished, well or not

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Tracking"))
        self.workspace = workspace
        self.state: RelayState | None = None
        self.key_path: Path | None = None  # a key file chosen, not stored yet
        self.busy = False
        self.row_titles: list[QLabel] = []
        self._read_serial = 0

        intro = QLabel(
            self.tr(
                "Opens, clicks and one-click unsubscribes go through a small relay you run on "
                "your own server; replies need no relay. To set one up, follow the relay's "
                "README (packaging/relay/README.md): its command fluenzr-relay keygen makes "
                "the key file you choose here."
            )
        )
        intro.setWordWrap(True)
        self.state_label = QLabel(self.tr("Looking…"))
        self.state_label.setWordWrap(True)  # a relay that cannot be read says why, at length
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://relay.example.com")
        self.url_edit.returnPressed.connect(self.save)
        self.key_button = QPushButton(self.tr("Key file…"))
        self.key_button.clicked.connect(self.choose_key_file)
        self.key_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setObjectName("error_tracking_relay")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.test_button = QPushButton(self.tr("Test"))
        self.test_button.clicked.connect(self.test)
        self.pull_button = QPushButton(self.tr("Pull now"))
        self.pull_button.clicked.connect(self.pull)
        self.forget_button = QPushButton(self.tr("Stop using this relay"))
        self.forget_button.clicked.connect(self.ask_forget)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()

        new_group(self)
        form = self.layout()
        assert isinstance(form, QFormLayout)
        form.addRow(intro)
        state_line = QHBoxLayout()
        state_line.addWidget(self.state_label, 1)
        self.row_titles.append(
            add_row(
                self, self.tr("Relay"), state_line,
                self.tr("Campaigns that track opens or clicks can be activated only with a "
                        "relay."),
            )
        )  # fmt: skip
        url_line = QHBoxLayout()
        url_line.addWidget(self.url_edit, 1)
        self.row_titles.append(
            add_row(
                self, self.tr("Relay URL"), url_line,
                self.tr("Its public address, in https (plain http only on this computer)."),
            )
        )  # fmt: skip
        key_line = QHBoxLayout()
        key_line.addWidget(self.key_button)
        key_line.addWidget(self.key_label, 1)
        self.row_titles.append(
            add_row(
                self, self.tr("Key file"), key_line,
                self.tr("Copied into this workspace folder, readable by you only. The key "
                        "itself is never shown."),
            )
        )  # fmt: skip
        buttons = QHBoxLayout()
        for button in (self.save_button, self.test_button, self.pull_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.forget_button)
        for label in (self.state_label, self.error_label, self.result_label):
            # A wrapped label grows to the field column (the form keeps others at their hint).
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        form.addRow("", self.error_label)
        form.addRow("", buttons)
        form.addRow("", self.result_label)

        self._show_key_file()
        self._enable_buttons()
        change_hub().changed.connect(self._on_changes)
        self.reload()

    # -- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the workspace's relay in the background and show it."""
        workspace = self.workspace
        self._read_serial += 1
        serial = self._read_serial

        def done(state: RelayState | None) -> None:
            if serial == self._read_serial:  # an older read answering late is stale
                self.show_state(state)

        def failed(message: str) -> None:
            if serial == self._read_serial:
                self.show_state(None)
                self.state_label.setText(one_line(message))

        run_in_background(self, lambda _report: relay_state(workspace), on_done=done,
                          on_failed=failed)  # fmt: skip

    def show_state(self, state: RelayState | None) -> None:
        """Show the stored relay; a URL the user is editing stays as typed."""
        self.state = state
        if state is None:
            self.state_label.setText(self.tr("No relay: opens and clicks cannot be tracked."))
        else:
            self.state_label.setText(
                self.tr("Relay: %1 (signing key %2)")
                .replace("%1", state.url)
                .replace("%2", state.signing_kid or "?")
            )
        if not self.url_edit.isModified():
            self.url_edit.setText(state.url if state else "")
        self._show_key_file()
        self._enable_buttons()
        self.relay_read.emit()

    def _on_changes(self, changes: Changes) -> None:
        if changes.settings:
            self.reload()

    def _show_key_file(self) -> None:
        if self.key_path is not None:
            self.key_label.setText(self.key_path.name)
            self.key_label.setToolTip(str(self.key_path))
        else:
            self.key_label.setText(
                self.tr("The relay's key is kept in this workspace.")
                if self.state is not None
                else self.tr("No file chosen.")
            )
            self.key_label.setToolTip("")

    def _enable_buttons(self) -> None:
        for button in (self.save_button, self.key_button):
            button.setEnabled(not self.busy)
        for button in (self.test_button, self.pull_button, self.forget_button):
            button.setEnabled(not self.busy and self.state is not None)

    # -- acting -----------------------------------------------------------------------------

    def choose_key_file(self) -> None:
        """Pick the key file made on the relay; with a URL typed, the relay is set at once."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("The relay's key file"),
            str(self.key_path.parent) if self.key_path else QDir.homePath(),
            self.tr("Key files (*.key);;All files (*)"),
        )
        if not path:
            return
        self.key_path = Path(path)
        self._show_key_file()
        if self.url_edit.text().strip():
            self.save()
        else:
            self._show_error(self.tr("Enter the relay's URL, then Save."))

    def save(self) -> None:
        """Store the URL with the chosen key file (or the one kept, to change only the URL)."""
        if self.busy:
            return
        path = self.key_path or (self.state.key_file if self.state else None)
        if path is None:
            self._show_error(self.tr("Choose the key file made on the relay (Key file…)."))
            self.answered.emit("save")
            return
        url = self.url_edit.text().strip()
        workspace = self.workspace
        unreadable = self.tr("Cannot read %1 (%2).")
        not_a_key_file = self.tr("%1 is not a relay key file: it is not a few lines of text.")

        def work(_report: object) -> RelayState:
            key_text = read_key_file(path, unreadable, not_a_key_file)
            return set_relay(workspace, url, key_text, source=str(path))

        self._start()
        run_op(self, work, on_done=self._saved, on_failed=self._refused)

    def _saved(self, state: RelayState) -> None:
        self.key_path = None
        self.url_edit.setText(state.url)  # what was stored (also: no longer being edited)
        self._show_error("")
        self._stop()
        self.show_state(state)
        self._show_result(self.tr("Saved. Test checks that the relay answers."))
        self.answered.emit("save")

    def _refused(self, message: str) -> None:
        self._stop()
        line = one_line(message)
        for prefix in ("tracking_relay_url: ", "tracking: "):  # the command line's, not ours
            line = line.removeprefix(prefix)
        self._show_error(line[:1].upper() + line[1:])  # the typed URL and the chosen file stay
        self.answered.emit("save")

    def test(self) -> None:
        """Ask the relay whether it is up and accepts this workspace's key (network)."""
        workspace = self.workspace
        self._start()
        run_in_background(
            self,
            lambda _report: check_relay(workspace),
            on_done=self._tested,
            on_failed=lambda message: self._failed("test", message),
            blocks_on_system=True,  # a relay that does not answer may take seconds
        )

    def _tested(self, check: RelayCheck) -> None:
        self._stop()
        self._show_result(
            self.tr("Relay %1 is up and accepts this workspace's key.").replace("%1", check.version)
        )
        self.answered.emit("test")

    def pull(self) -> None:
        """Read the relay's new hits now (the engine does it every minute while it runs)."""
        workspace = self.workspace
        self._start()
        run_op(
            self,
            lambda _report: pull_tracking(workspace),
            on_done=self._pulled,
            on_failed=lambda message: self._failed("pull", message),
        )

    def _pulled(self, done: PullDone) -> None:
        self._stop()
        self._show_result(self.pull_summary(done))
        self.answered.emit("pull")

    def pull_summary(self, done: PullDone) -> str:
        """What one pull recorded, in one sentence: "3 opens, 1 click, 0 unsubscribes, …"."""
        report = done.report
        parts = [
            self.tr("%n open(s)", "", report.opens),
            self.tr("%n click(s)", "", report.clicks),
            self.tr("%n unsubscribe(s)", "", report.unsubscribes),
            self.tr("%n machine hit(s)", "", report.machine_hits),
        ]
        if report.proxied_opens:
            parts.append(self.tr("%n open(s) by Apple's privacy proxy", "", report.proxied_opens))
        if report.unmatched:
            parts.append(
                self.tr("%n hit(s) for messages this workspace does not have", "",
                        report.unmatched)
            )  # fmt: skip
        return self.tr("Pulled: %1.").replace("%1", ", ".join(parts))

    def ask_forget(self) -> QMessageBox | None:
        """Ask before forgetting the relay; the answer comes back without a nested loop."""
        if self.state is None or self.busy:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Stop using this relay"),
            self.tr(
                "Stop using the relay at %1? Campaigns that track opens or clicks cannot be "
                "activated until a relay is set again. The key file kept in this workspace "
                "is deleted; the relay keeps its own."
            ).replace("%1", self.state.url),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        stop = box.addButton(self.tr("Stop using"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda button: self.forget() if button is stop else None)
        box.open()
        return box

    def forget(self) -> None:
        """Stop using the relay (no question asked: `ask_forget` asks)."""
        workspace = self.workspace
        self._start()
        run_op(
            self,
            lambda _report: forget_relay(workspace),
            on_done=self._forgotten,
            on_failed=lambda message: self._failed("forget", message),
        )

    def _forgotten(self, _changes: Changes) -> None:
        self.key_path = None
        self.url_edit.clear()
        self.url_edit.setModified(False)
        self._show_error("")
        self._stop()
        self.show_state(None)
        self._show_result("")
        self.answered.emit("forget")

    # -- showing ----------------------------------------------------------------------------

    def _start(self) -> None:
        self.busy = True
        self._show_result("")
        self._enable_buttons()

    def _stop(self) -> None:
        self.busy = False
        self._enable_buttons()

    def _failed(self, action: str, message: str) -> None:
        self._stop()
        self._show_result(one_line(message), error=True)
        self.answered.emit(action)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _show_result(self, text: str, error: bool = False) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet(ERROR_STYLE if error else "")
        self.result_label.setVisible(bool(text))
