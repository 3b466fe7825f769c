"""The canvas's right-click menus: on a node (Connect to…, Insert step after, Duplicate, Copy,
Delete), on a link (Insert step here, Delete link), on empty canvas (Add … here, Paste)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtWidgets import QMenu

from ...domain.workflow import NODE_TYPES
from .commands import RemoveLink
from .insertion import Insertion
from .items import node_summary, type_title
from .shortcuts import shortcut_text
from .wiring import can_splice, link_targets

if TYPE_CHECKING:
    from .view import SequenceEditor


def context_menu(editor: SequenceEditor, scene_pos: QPointF) -> QMenu:
    """The right-click menu for this scene point: a node, a link, or empty canvas.

    Each action's data() names what it does ("connect", "connect:<port>:<id>",
    "insert", "insert:email", "duplicate", "copy", "delete", "delete_link",
    "add:email", "paste"), so it can be found and triggered without a mouse. A locked
    canvas offers only what changes nothing.
    """
    menu = QMenu(editor)
    point = QPointF(scene_pos)  # a copy: the caller's point may be reused by Qt
    node = editor.scene.node_at(point)
    link = None if node is not None else editor.scene.link_at(point)
    editable = editor.is_editable()
    if node is not None:
        if not node.isSelected():
            editor.scene.clearSelection()
            node.setSelected(True)
        if editable and node.output_ports:
            _add_connect_menu(editor, menu, node.node_id, list(node.output_ports))
            insert = _insert_menu(
                editor,
                menu,
                QCoreApplication.translate("SequenceEditor", "Insert step after"),
                node.node_id,
            )
            insert.menuAction().setData("insert")
            menu.addSeparator()
        names = ("duplicate", "copy", "delete") if editable else ("copy",)
        for name in names:
            action = getattr(editor, f"{name}_action")
            action.setData(name)
            menu.addAction(action)
    elif link is not None and editable:
        key = link.key
        insert = _insert_menu(
            editor,
            menu,
            QCoreApplication.translate("SequenceEditor", "Insert step here"),
            None,
            key,
        )
        insert.menuAction().setData("insert")
        remove = menu.addAction(QCoreApplication.translate("SequenceEditor", "Delete link"))
        remove.setData("delete_link")
        remove.triggered.connect(lambda: editor.undo_stack.push(RemoveLink(editor.document, key)))
    elif link is None and editable:
        for node_type in NODE_TYPES:
            add = menu.addAction(
                editor.add_actions[node_type].icon(),
                QCoreApplication.translate("SequenceEditor", "Add %1 here").replace(
                    "%1", type_title(node_type)
                ),
            )
            add.setData(f"add:{node_type}")
            add.triggered.connect(lambda _=False, t=node_type: editor.drop_node(t, point))
        menu.addSeparator()
        paste = menu.addAction(QCoreApplication.translate("SequenceEditor", "Paste"))
        paste.setShortcut(editor.paste_action.shortcut())
        paste.setData("paste")
        paste.setEnabled(editor.can_paste())
        paste.triggered.connect(lambda: editor.paste(point))
    return menu


def _add_connect_menu(
    editor: SequenceEditor, menu: QMenu, source_id: str, ports: list[str | None]
) -> None:
    """ "Connect to…": the nodes a link from this output may go to (Yes/No for a condition)."""
    connect = menu.addMenu(QCoreApplication.translate("SequenceEditor", "Connect to…"))
    connect.menuAction().setData("connect")
    port_titles = {
        "yes": QCoreApplication.translate("SequenceCanvas", "Yes"),
        "no": QCoreApplication.translate("SequenceCanvas", "No"),
    }
    for port in ports:
        targets = connect if port is None else connect.addMenu(port_titles.get(port, port))
        if port is not None:
            targets.menuAction().setData(f"connect:{port}")
        current = editor.document.workflow.next_node_id(source_id, port)
        allowed = link_targets(editor.document, source_id, port)
        for target_id in allowed:
            target = editor.document.node(target_id)
            label = f"{type_title(target.type)} — {node_summary(target, editor.document.workflow)}"
            action = targets.addAction(_elided(label))
            action.setData(f"connect:{port or ''}:{target_id}")
            action.setCheckable(True)
            action.setChecked(target_id == current)
            action.triggered.connect(
                lambda _=False, t=target_id, p=port: editor.connect_nodes(source_id, t, p)
            )
        if not allowed:
            targets.addAction(
                QCoreApplication.translate("SequenceEditor", "No step can follow here")
            ).setEnabled(False)


def _insert_menu(
    editor: SequenceEditor, menu: QMenu, title: str, after: str | None, link: tuple | None = None
) -> QMenu:
    """A submenu of step types, each spliced after a node or into a link."""
    submenu = menu.addMenu(title)
    for node_type in NODE_TYPES:
        if node_type == "start":
            continue
        keys = shortcut_text(editor.add_actions[node_type].shortcuts())
        # The keys are shown, not bound: the palette's actions own them.
        title_keys = f"{type_title(node_type)}\t{keys}" if after and keys else type_title(node_type)
        action = submenu.addAction(editor.add_actions[node_type].icon(), title_keys)
        action.setData(f"insert:{node_type}")
        if link is not None:
            place = Insertion(link[0], link[2], link[1])
            action.setEnabled(can_splice(node_type, place))
            action.triggered.connect(lambda _=False, t=node_type, p=place: editor.insert_at(t, p))
        else:
            action.triggered.connect(
                lambda _=False, t=node_type: editor.insert_step(t, after=after)
            )
    return submenu


def _elided(text: str, length: int = 60) -> str:
    """A menu label kept to one readable line."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"
