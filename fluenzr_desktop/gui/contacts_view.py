"""The Contacts screen: search, tag filter, the lazy table, and add/edit/delete/tag/export.

Every database write runs through `run_in_background` (even one contact: the engine may
hold the write lock for a while), so the GUI thread never waits on SQLite. Dialogs are
opened with `open()` rather than `exec()` (only the file chooser is modal): nothing else
nests an event loop, and tests reach the dialog through `active_dialog`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine, delete, exists, insert, literal, select, update

from ..domain.contacts import address_problem, clean_tag, normalise_email, split_tags
from ..domain.errors import FluenzrError
from ..store.csv_io import export_contacts
from ..store.schema import contact_tags, contacts, now_of
from ..workspace import Workspace
from .contacts_model import ContactsModel, merge_intervals
from .tasks import Report, run_in_background

SEARCH_DELAY_MS = 200
_CHUNK = 500  # ids per statement: within every SQLite's bound-parameter limit
# The dialog's fields, in order; the values saved for a contact besides its tags.
DIALOG_FIELDS: tuple[str, ...] = ("email", "first_name", "last_name", "company", "title", "phone")


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


# -- work done off the GUI thread (plain SQLAlchemy Core, no Qt) ---------------


def save_contact(
    engine: Engine, contact_id: int | None, values: dict[str, Any], tags: list[str]
) -> int:
    """Insert (contact_id None) or update one contact and set its tags; returns its id."""
    now = now_of(engine)
    with engine.begin() as connection:
        clash = connection.execute(
            select(contacts.c.id).where(contacts.c.email == values["email"])
        ).scalar()
        if clash is not None and clash != contact_id:
            raise FluenzrError(f"a contact with email {values['email']} already exists")
        if contact_id is None:
            contact_id = connection.execute(
                insert(contacts).values(**values, custom_fields={}, created_at=now, updated_at=now)
            ).inserted_primary_key[0]
        else:
            changed = connection.execute(
                update(contacts).where(contacts.c.id == contact_id).values(**values, updated_at=now)
            ).rowcount
            if not changed:
                raise FluenzrError(f"the contact {values['email']} was deleted meanwhile")
            connection.execute(delete(contact_tags).where(contact_tags.c.contact_id == contact_id))
        if tags:
            connection.execute(
                insert(contact_tags), [{"contact_id": contact_id, "tag": tag} for tag in tags]
            )
    return contact_id


def load_contact(engine: Engine, contact_id: int) -> tuple[dict[str, Any], list[str]] | None:
    """A contact's dialog fields and sorted tags, or None if it no longer exists."""
    with engine.connect() as connection:
        row = connection.execute(
            select(*(contacts.c[name] for name in DIALOG_FIELDS)).where(contacts.c.id == contact_id)
        ).first()
        if row is None:
            return None
        tags = connection.execute(
            select(contact_tags.c.tag)
            .where(contact_tags.c.contact_id == contact_id)
            .order_by(contact_tags.c.tag)
        ).scalars()
        return dict(zip(DIALOG_FIELDS, row, strict=True)), list(tags)


def delete_contacts(engine: Engine, ids: list[int], report: Report) -> int:
    """Delete these contacts (tags, enrollments and events cascade) in one transaction."""
    deleted = 0
    with engine.begin() as connection:
        for chunk in _chunks(ids):
            deleted += connection.execute(delete(contacts).where(contacts.c.id.in_(chunk))).rowcount
            report(min(deleted, len(ids)), len(ids))
    return deleted


def tag_contacts(engine: Engine, ids: list[int], tag: str, report: Report) -> int:
    """Give `tag` to these contacts (those that have it already are left alone)."""
    added = 0
    done = 0
    with engine.begin() as connection:
        for chunk in _chunks(ids):
            already = exists().where(
                contact_tags.c.contact_id == contacts.c.id, contact_tags.c.tag == tag
            )
            # Reading the ids from contacts skips any deleted since the selection was made.
            source = select(contacts.c.id, literal(tag)).where(contacts.c.id.in_(chunk), ~already)
            added += connection.execute(
                insert(contact_tags).from_select(["contact_id", "tag"], source)
            ).rowcount
            done += len(chunk)
            report(done, len(ids))
    return added


def export_selection(engine: Engine, ids: list[int], path: str, report: Report) -> int:
    """Write these contacts (every field, tags, custom fields) to a CSV file."""
    names: dict[str, None] = {}
    with engine.connect() as connection:
        # A first pass finds the custom columns: the header is written before any row.
        for chunk in _chunks(ids):
            for (custom,) in connection.execute(
                select(contacts.c.custom_fields).where(contacts.c.id.in_(chunk))
            ):
                for key in custom or {}:
                    names.setdefault(key, None)

        def rows() -> Iterator[tuple[dict[str, Any], list[str]]]:
            done = 0
            fields = ["email", "first_name", "last_name", "company", "title", "phone", "timezone"]
            for chunk in _chunks(ids):
                tags: dict[int, list[str]] = {}
                for contact_id, tag in connection.execute(
                    select(contact_tags.c.contact_id, contact_tags.c.tag)
                    .where(contact_tags.c.contact_id.in_(chunk))
                    .order_by(contact_tags.c.tag)
                ):
                    tags.setdefault(contact_id, []).append(tag)
                found = {
                    row[0]: row
                    for row in connection.execute(
                        select(
                            contacts.c.id,
                            *(contacts.c[f] for f in fields),
                            contacts.c.custom_fields,
                        ).where(contacts.c.id.in_(chunk))
                    )
                }
                for contact_id in chunk:  # in the table's order
                    row = found.get(contact_id)
                    if row is not None:
                        values = dict(zip(fields, row[1:-1], strict=True))
                        values["custom_fields"] = row[-1] or {}
                        yield values, tags.get(contact_id, [])
                done += len(chunk)
                report(done, len(ids))

        return export_contacts(rows(), list(names), path)


# -- widgets --------------------------------------------------------------------


class ContactDialog(QDialog):
    """Add or edit one contact: email (checked), names, company, title, phone, tags."""

    def __init__(
        self,
        parent: QWidget | None = None,
        values: dict[str, Any] | None = None,
        tags: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit contact") if values else self.tr("Add contact"))
        self.setMinimumWidth(420)
        labels = {
            "email": self.tr("Email"),
            "first_name": self.tr("First name"),
            "last_name": self.tr("Last name"),
            "company": self.tr("Company"),
            "title": self.tr("Title"),
            "phone": self.tr("Phone"),
        }
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for name in DIALOG_FIELDS:
            edit = QLineEdit((values or {}).get(name) or "")
            self.fields[name] = edit
            form.addRow(labels[name], edit)
        self.tags_edit = QLineEdit(", ".join(tags or []))
        self.tags_edit.setPlaceholderText(self.tr("comma-separated, e.g. lead, vip"))
        form.addRow(self.tr("Tags"), self.tags_edit)
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #b00020;")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        self.fields["email"].textChanged.connect(lambda _text: self.problem_label.hide())

    def values(self) -> dict[str, Any]:
        """The fields as stored: the email normalised, blank fields as None."""
        values: dict[str, Any] = {
            name: (edit.text().strip() or None) for name, edit in self.fields.items()
        }
        values["email"] = normalise_email(self.fields["email"].text())
        return values

    def tags(self) -> list[str]:
        """The tags typed, cleaned, each once."""
        tags: list[str] = []
        for tag in split_tags(self.tags_edit.text()):
            cleaned = clean_tag(tag)[:100]
            if cleaned not in tags:
                tags.append(cleaned)
        return tags

    def problem(self) -> str | None:
        """Why the dialog cannot be accepted, or None."""
        return address_problem(self.values()["email"])

    def accept(self) -> None:
        """Close only with a valid email; otherwise say why under the fields."""
        problem = self.problem()
        if problem:
            self.problem_label.setText(problem)
            self.problem_label.show()
            self.fields["email"].setFocus()
            return
        super().accept()


class ContactsView(QWidget):
    """Search box, tag filter, the contacts table, a count, and actions on the selection."""

    contacts_changed = Signal()  # after contacts were added, edited, deleted or tagged

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.engine = workspace.engine
        self.model = ContactsModel(self.engine, self)
        self.active_dialog: QDialog | None = None  # the dialog or message box last opened
        self.busy = False

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search email, name or company"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())

        self.tag_filter = QComboBox()
        self.tag_filter.setMinimumWidth(160)
        self.tag_filter.addItem(self.tr("All tags"), None)
        self.tag_filter.currentIndexChanged.connect(
            lambda _index: self.model.set_tag(self.tag_filter.currentData())
        )
        self.count_label = QLabel(self.tr("Loading…"))

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        # Uniform row heights: the view never measures a row, so a million rows cost nothing.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(150)
        header.resizeSection(0, 260)
        header.setStretchLastSection(True)
        # No sort indicator at first: rows come in the order they were added (by id).
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

        self.add_action = self._action(
            self.tr("Add…"), self.add_contact, QKeySequence.StandardKey.New
        )
        self.edit_action = self._action(self.tr("Edit…"), self.edit_selected)
        self.delete_action = self._action(
            self.tr("Delete"), self.delete_selected, QKeySequence.StandardKey.Delete
        )
        self.tag_action = self._action(self.tr("Tag…"), self.tag_selected)
        self.enroll_action = self._action(self.tr("Enroll in campaign…"), self.enroll_selected)
        self.export_action = self._action(self.tr("Export…"), self.export_selected)

        self.progress = QProgressBar()
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.status_label = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.tag_filter)
        top.addWidget(self.count_label)
        actions = QHBoxLayout()
        for action in (
            self.add_action,
            self.edit_action,
            self.delete_action,
            self.tag_action,
            self.enroll_action,
            self.export_action,
        ):
            button = QPushButton(action.text())
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: b.setEnabled(a.isEnabled()))
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.status_label)
        actions.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)

        self.model.loaded.connect(self._update_count)
        self.model.modelReset.connect(self._update_actions)
        self.model.metadata_changed.connect(self._update_tags)
        self.model.failed.connect(self.show_error)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self._update_actions()

    def _action(
        self, text: str, slot: Callable[[], None], shortcut: QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- filters and labels --------------------------------------------------

    def _apply_search(self) -> None:
        self.model.set_search(self.search.text())

    def _update_count(self) -> None:
        count = self.model.rowCount()
        number = (
            QLocale().toString(count)
            if QLocale().language() != QLocale.Language.C
            else (f"{count:,}")
        )
        if self.model.is_filtered:
            self.count_label.setText(self.tr("%1 matching").replace("%1", number))
        elif count == 1:
            self.count_label.setText(self.tr("1 contact"))
        else:
            self.count_label.setText(self.tr("%1 contacts").replace("%1", number))

    def _update_tags(self) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        try:
            self.tag_filter.clear()
            self.tag_filter.addItem(self.tr("All tags"), None)
            for tag in self.model.tags:
                self.tag_filter.addItem(tag, tag)
            found = self.tag_filter.findData(current) if current else 0
            self.tag_filter.setCurrentIndex(max(found, 0))
        finally:
            self.tag_filter.blockSignals(False)
        if current and self.tag_filter.currentData() != current:  # the tag is gone
            self.model.set_tag(None)

    def selected_intervals(self) -> list[tuple[int, int]]:
        """The selected rows as (top, bottom) intervals (cheap even for a million rows)."""
        return [(r.top(), r.bottom()) for r in self.table.selectionModel().selection()]

    def selected_ids(self) -> list[int]:
        """The ids of the selected contacts, in display order."""
        return self.model.ids_of_rows(self.selected_intervals())

    def selected_count(self) -> int:
        """How many contacts are selected, without listing their ids."""
        return sum(bottom - top + 1 for top, bottom in merge_intervals(self.selected_intervals()))

    def _update_actions(self) -> None:
        selected = self.selected_count()
        idle = not self.busy
        self.add_action.setEnabled(idle)
        self.edit_action.setEnabled(idle and selected == 1)
        for action in (
            self.delete_action,
            self.tag_action,
            self.enroll_action,
            self.export_action,
        ):
            action.setEnabled(idle and selected > 0)

    # -- background work -----------------------------------------------------

    def _run(
        self, message: str, work: Callable[[Report], Any], on_done: Callable[[Any], None]
    ) -> None:
        """Run `work` off the GUI thread with the progress bar; errors become a message box."""
        self.busy = True
        self._update_actions()
        self.status_label.setText(message)
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.show()

        def finish() -> None:
            self.busy = False
            self.progress.hide()
            self.status_label.clear()
            self._update_actions()

        def done(result: Any) -> None:
            finish()
            on_done(result)

        def failed(error: str) -> None:
            finish()
            self.show_error(error)

        def progressed(count: int, total: int) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(count)

        run_in_background(self, work, on_done=done, on_failed=failed, progress=progressed)

    def show_error(self, message: str) -> None:
        """One line in a warning box, never a traceback."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Contacts"),
            message.splitlines()[0] if message else "",
            parent=self,
        )
        self.active_dialog = box
        box.open()

    def _changed(self, *, ids_changed: bool) -> None:
        if ids_changed:
            self.model.refresh()
        else:
            self.model.reload_rows()
        self.contacts_changed.emit()

    # -- actions -------------------------------------------------------------

    def add_contact(self) -> None:
        """Open the dialog for a new contact; saved when accepted."""
        self._open_contact_dialog(None, ContactDialog(self))

    def edit_selected(self) -> None:
        """Open the dialog on the one selected contact."""
        ids = self.selected_ids()
        if len(ids) != 1 or self.busy:
            return
        loaded = load_contact(self.engine, ids[0])  # one row by primary key
        if loaded is None:
            self.show_error(self.tr("This contact no longer exists."))
            self.model.refresh()
            return
        values, tags = loaded
        self._open_contact_dialog(ids[0], ContactDialog(self, values, tags))

    def _open_contact_dialog(self, contact_id: int | None, dialog: ContactDialog) -> None:
        self.active_dialog = dialog

        def save() -> None:
            try:
                values, tags = dialog.values(), dialog.tags()
            except FluenzrError as error:
                self.show_error(str(error))
                return
            engine = self.engine
            self._run(
                self.tr("Saving…"),
                lambda _report: save_contact(engine, contact_id, values, tags),
                lambda _id: self._changed(ids_changed=contact_id is None),
            )

        dialog.accepted.connect(save)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def delete_selected(self) -> None:
        """Ask, then delete the selected contacts in the background."""
        ids = self.selected_ids()
        if not ids or self.busy:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete contacts"))
        box.setText(
            self.tr("Delete %1 contact(s)? Their tags, enrollments and history go too.").replace(
                "%1", f"{len(ids):,}"
            )
        )
        confirm = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.active_dialog = box

        def answered(_result: int) -> None:
            if box.clickedButton() is not confirm:
                return
            engine = self.engine
            self._run(
                self.tr("Deleting…"),
                lambda report: delete_contacts(engine, ids, report),
                lambda _count: self._changed(ids_changed=True),
            )

        box.finished.connect(answered)
        box.open()

    def tag_selected(self) -> None:
        """Ask for a tag, then give it to the selected contacts in the background."""
        ids = self.selected_ids()
        if not ids or self.busy:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Tag contacts"))
        dialog.setLabelText(self.tr("Tag for %1 contact(s):").replace("%1", f"{len(ids):,}"))
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setComboBoxEditable(True)
        self.active_dialog = dialog

        def answered() -> None:
            try:
                tag = clean_tag(dialog.textValue())[:100]
            except FluenzrError as error:
                self.show_error(str(error))
                return
            engine = self.engine
            # Only a tag filter can make rows leave or join the list.
            ids_changed = self.model.query.tag is not None
            self._run(
                self.tr("Tagging…"),
                lambda report: tag_contacts(engine, ids, tag, report),
                lambda _count: self._changed(ids_changed=ids_changed),
            )

        dialog.accepted.connect(answered)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def enroll_selected(self) -> None:
        """Choose a campaign, then enroll the selected contacts in it in the background."""
        ids = self.selected_ids()
        if not ids or self.busy:
            return
        campaigns = enrollable_campaigns(self.engine)
        if not campaigns:
            self.show_error(self.tr("No campaign takes new contacts: create one first."))
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Enroll in campaign"))
        dialog.setLabelText(self.tr("Campaign for %1 contact(s):").replace("%1", f"{len(ids):,}"))
        dialog.setComboBoxItems([name for _id, name in campaigns])
        dialog.setComboBoxEditable(False)
        self.active_dialog = dialog

        def answered() -> None:
            names = [name for _id, name in campaigns]
            campaign_id = campaigns[names.index(dialog.textValue())][0]
            engine = self.engine
            self._run(
                self.tr("Enrolling…"),
                lambda report: enroll_contacts(engine, campaign_id, ids),
                self._enrolled,
            )

        dialog.accepted.connect(answered)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _enrolled(self, outcome: tuple[int, list[dict[str, str]]]) -> None:
        enrolled, skipped = outcome
        self.last_enrollment = outcome
        text = self.tr("%1 enrolled, %2 skipped.").replace("%1", f"{enrolled:,}")
        self.status_label.setText(text.replace("%2", f"{len(skipped):,}"))

    def export_selected(self) -> None:
        """Choose a file, then write the selected contacts to it in the background."""
        ids = self.selected_ids()
        if not ids or self.busy:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export contacts"), "contacts.csv", self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        engine = self.engine
        self._run(
            self.tr("Exporting…"),
            lambda report: export_selection(engine, ids, path, report),
            lambda count: self.status_label.setText(
                self.tr("Exported %1 contact(s).").replace("%1", f"{count:,}")
            ),
        )


def enrollable_campaigns(engine) -> list[tuple[int, str]]:
    """(id, name) of the campaigns that take new contacts (draft, active, paused)."""
    from ..store.schema import campaigns

    with engine.connect() as connection:
        rows = connection.execute(
            select(campaigns.c.id, campaigns.c.name)
            .where(campaigns.c.status.in_(("draft", "active", "paused")))
            .order_by(campaigns.c.id)
        )
        return [(campaign_id, f"{name} (#{campaign_id})") for campaign_id, name in rows]


def enroll_contacts(engine, campaign_id: int, ids: list[int]) -> tuple[int, list[dict[str, str]]]:
    """Enroll these contacts (suppressed and already enrolled ones are skipped, with reasons)."""
    from sqlalchemy.orm import Session

    from ..store.campaigns import contacts_for_enrollment, enroll, get_campaign

    with Session(engine) as session:
        campaign = get_campaign(session, campaign_id)
        contacts, _unknown = contacts_for_enrollment(session, ids=ids)
        outcome = enroll(session, campaign, contacts)
        session.commit()
    return outcome
