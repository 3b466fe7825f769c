"""The graphics items of the canvas: node boxes with ports and a problem badge, and links."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ...domain.problems import Problem
from ...domain.subjects import clean_subject, possible_subjects
from ...domain.variants import variant_ids, variant_subject_sources
from ...domain.workflow import Node, Workflow
from ..problem_text import problem_text

NODE_WIDTH = 200
NODE_HEIGHT = 70
PORT_RADIUS = 6
# Ports are small to look at but easy to hit: the clickable shape is larger.
PORT_HIT_RADIUS = 11
GRID = 20

_COLOURS = {
    "start": QColor("#2e7d32"),
    "email": QColor("#1565c0"),
    "delay": QColor("#ef6c00"),
    "condition": QColor("#6a1b9a"),
    "end": QColor("#546e7a"),
}


def type_colour(node_type: str) -> QColor:
    """The colour of a node type (the band on its box, its palette swatch)."""
    return QColor(_COLOURS.get(node_type, QColor("#9e9e9e")))


def type_title(node_type: str) -> str:
    """The translated name of a node type, as shown on the node."""
    titles = {
        "start": QCoreApplication.translate("SequenceCanvas", "Start"),
        "email": QCoreApplication.translate("SequenceCanvas", "Email"),
        "delay": QCoreApplication.translate("SequenceCanvas", "Delay"),
        "condition": QCoreApplication.translate("SequenceCanvas", "Condition"),
        "end": QCoreApplication.translate("SequenceCanvas", "End"),
    }
    return titles.get(node_type, QCoreApplication.translate("SequenceCanvas", "Unknown step"))


def _delay_summary(amount: Any, unit: Any) -> str:
    one = amount == 1
    texts = {
        ("minutes", True): QCoreApplication.translate("SequenceCanvas", "%1 minute"),
        ("minutes", False): QCoreApplication.translate("SequenceCanvas", "%1 minutes"),
        ("hours", True): QCoreApplication.translate("SequenceCanvas", "%1 hour"),
        ("hours", False): QCoreApplication.translate("SequenceCanvas", "%1 hours"),
        ("days", True): QCoreApplication.translate("SequenceCanvas", "%1 day"),
        ("days", False): QCoreApplication.translate("SequenceCanvas", "%1 days"),
    }
    text = texts.get((unit, one))
    if text is None:
        return QCoreApplication.translate("SequenceCanvas", "Delay not set")
    return text.replace("%1", str(amount))


def _condition_summary(condition: Any) -> str:
    if not isinstance(condition, dict):
        return QCoreApplication.translate("SequenceCanvas", "Condition not set")
    kind = condition.get("kind")
    events = {
        "opened": QCoreApplication.translate("SequenceCanvas", "Opened the email?"),
        "clicked": QCoreApplication.translate("SequenceCanvas", "Clicked a link?"),
        "replied": QCoreApplication.translate("SequenceCanvas", "Replied?"),
    }
    if kind in events:
        return events[kind]
    if kind != "field":
        return QCoreApplication.translate("SequenceCanvas", "Condition not set")
    ops = {
        "equals": "=",
        "not_equals": "≠",
        "contains": QCoreApplication.translate("SequenceCanvas", "contains"),
        "is_empty": QCoreApplication.translate("SequenceCanvas", "is empty"),
        "is_not_empty": QCoreApplication.translate("SequenceCanvas", "is not empty"),
    }
    parts = [str(condition.get("field") or "?"), ops.get(condition.get("op"), "?")]
    if condition.get("op") in ("equals", "not_equals", "contains"):
        parts.append(repr(condition.get("value", "")))
    return " ".join(parts)


def node_summary(node: Node, workflow: Workflow | None = None) -> str:
    """What the node does, in a few words: the subject, "3 days", the condition.

    With the workflow, a follow-up without a subject shows the one it goes out with
    ("Re: <previous subject>", the domain's one rule); several when paths differ.
    """
    if node.type == "email":
        summary = _email_summary(node, workflow)
        count = len(variant_ids(node))
        if count:
            tested = QCoreApplication.translate("SequenceCanvas", "A/B test, %1 variants")
            summary = f"{tested.replace('%1', str(count))} · {summary}"
        return summary
    if node.type == "delay":
        return _delay_summary(node.get("amount"), node.get("unit"))
    if node.type == "condition":
        return _condition_summary(node.get("condition"))
    if node.type == "start":
        return QCoreApplication.translate("SequenceCanvas", "Contacts enter here")
    if node.type == "end":
        return QCoreApplication.translate("SequenceCanvas", "The sequence ends")
    return node.type


def _email_summary(node: Node, workflow: Workflow | None) -> str:
    subject = node.get("subject")
    if isinstance(subject, str) and subject.strip():
        return clean_subject(subject)
    if workflow is not None:
        own = {
            email.id: email.get("subject") if isinstance(email.get("subject"), str) else ""
            for email in workflow.email_nodes()
        }
        subjects = possible_subjects(
            workflow, node.id, own, variant_subject_sources(workflow) or None
        )
        if subjects:
            return " / ".join(subjects)
    return QCoreApplication.translate("SequenceCanvas", "(no subject)")


def output_ports(node_type: str) -> tuple[str | None, ...]:
    """The output ports of a node type: none for End, Yes and No for a Condition."""
    if node_type == "end":
        return ()
    if node_type == "condition":
        return ("yes", "no")
    return (None,)


def wrapped_lines(text: str, font: QFont, width: float, lines: int = 2) -> list[str]:
    """The text broken at word boundaries into at most `lines` lines, the last one elided."""
    text = " ".join(text.split())
    layout = QTextLayout(text, font)
    layout.beginLayout()
    starts: list[tuple[int, int]] = []
    while len(starts) < lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        starts.append((line.textStart(), line.textLength()))
    layout.endLayout()
    result = [text[start : start + length].strip() for start, length in starts]
    if starts:
        start = starts[-1][0]
        rest = text[start:]
        result[-1] = QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, int(width))
    return [line for line in result if line]


class PortItem(QGraphicsEllipseItem):
    """An input (top) or output (bottom) port of a node; links are dragged from outputs."""

    def __init__(self, node_item: NodeItem, is_output: bool, port: str | None) -> None:
        r = PORT_RADIUS
        super().__init__(-r, -r, 2 * r, 2 * r, node_item)
        self.node_item = node_item
        self.is_output = is_output
        self.port = port
        self.setBrush(QBrush(QColor("#ffffff")))
        self.setPen(QPen(QColor("#37474f"), 1.5))
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor if is_output else Qt.CursorShape.ArrowCursor)
        self.setZValue(2)

    @property
    def node_id(self) -> str:
        """The id of the node this port belongs to."""
        return self.node_item.node_id

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(QPointF(0, 0), PORT_HIT_RADIUS, PORT_HIT_RADIUS)
        return path

    def boundingRect(self) -> QRectF:
        r = PORT_HIT_RADIUS
        return QRectF(-r, -r, 2 * r, 2 * r)

    def set_highlight(self, state: str | None) -> None:
        """Colour the port while a link is dragged: "ok", "refused" or None."""
        colours = {"ok": "#66bb6a", "refused": "#e53935"}
        self.setBrush(QBrush(QColor(colours.get(state or "", "#ffffff"))))


class BadgeItem(QGraphicsEllipseItem):
    """The red "!" on a node that has problems; its tooltip lists them."""

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(-9, -9, 18, 18, parent)
        self.setBrush(QBrush(QColor("#d32f2f")))
        self.setPen(QPen(QColor("#ffffff"), 1.5))
        self.setZValue(3)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        super().paint(painter, option, widget)
        painter.setPen(QColor("#ffffff"))
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "!")


class WaitingBadge(QGraphicsItem):
    """A pill on a node's top edge with how many contacts wait there while the campaign runs."""

    HEIGHT = 18

    def __init__(self, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.count = 0
        self.text = ""
        self._width = float(self.HEIGHT)
        self.setZValue(3)
        self.setVisible(False)

    def set_count(self, count: int) -> None:
        """Show a count (hidden at 0); the pill's right end stays where it was placed."""
        self.prepareGeometryChange()
        self.count = max(0, int(count))
        # Thousands shortened so a busy node's pill stays small.
        self.text = str(self.count) if self.count < 10_000 else f"{self.count // 1000}k"
        font = QFont()
        font.setBold(True)
        self._width = max(float(self.HEIGHT), QFontMetrics(font).horizontalAdvance(self.text) + 12)
        self.setVisible(self.count > 0)
        self.setToolTip(
            QCoreApplication.translate("SequenceCanvas", "Contacts waiting here: %1").replace(
                "%1", str(self.count)
            )
        )
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(-self._width, -self.HEIGHT / 2, self._width, self.HEIGHT).adjusted(
            -1, -1, 1, 1
        )

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        rect = QRectF(-self._width, -self.HEIGHT / 2, self._width, self.HEIGHT)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QBrush(QColor("#00897b")))
        painter.drawRoundedRect(rect, self.HEIGHT / 2, self.HEIGHT / 2)
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.text)


class NodeItem(QGraphicsItem):
    """A node drawn as a rounded box: title, a two-line summary, ports, and a problem badge."""

    def __init__(self, node: Node) -> None:
        super().__init__()
        self.node_id = node.id
        self.node_type = node.type
        self.title = ""
        self.summary = ""
        self.problems: list[Problem] = []
        # Movable only so Qt keeps a multi-selection on press; the scene does the moving.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setZValue(1)
        self.input_port = PortItem(self, is_output=False, port=None)
        self.input_port.setPos(NODE_WIDTH / 2, 0)
        self.input_port.setVisible(node.type != "start")
        self.output_ports: dict[str | None, PortItem] = {}
        ports = output_ports(node.type)
        for index, port in enumerate(ports):
            item = PortItem(self, is_output=True, port=port)
            item.setPos(NODE_WIDTH * (index + 1) / (len(ports) + 1), NODE_HEIGHT)
            self.output_ports[port] = item
        self.badge = BadgeItem(self)
        self.badge.setPos(NODE_WIDTH - 4, 4)
        self.badge.setVisible(False)
        # Left of the problem badge, on the top edge, so neither hides the other.
        self.waiting_badge = WaitingBadge(self)
        self.waiting_badge.setPos(NODE_WIDTH - 18, 0)
        self.update_from(node)

    def update_from(self, node: Node, workflow: Workflow | None = None) -> None:
        """Show the node's current props (title, summary, position); see `node_summary`."""
        label = node.get("label")
        self.title = label if isinstance(label, str) and label.strip() else type_title(node.type)
        self.set_summary(node_summary(node, workflow))
        position = node.position or (0, 0)
        self.setPos(QPointF(position[0], position[1]))
        self.update()

    def set_summary(self, summary: str) -> None:
        """Show another summary (a follow-up's "Re: …" changes with the emails before it)."""
        if summary != self.summary:
            self.summary = summary
            self.setToolTip(summary)
            self.update()

    def set_problems(self, problems: list[Problem]) -> None:
        """Show (or hide) the badge; its tooltip lists the problems."""
        self.problems = list(problems)
        self.badge.setVisible(bool(problems))
        self.badge.setToolTip("\n".join(problem_text(problem) for problem in problems))

    def set_waiting(self, count: int) -> None:
        """Show how many contacts wait at this node (nothing at 0)."""
        self.waiting_badge.set_count(count)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, NODE_WIDTH, NODE_HEIGHT).adjusted(-2, -2, 2, 2)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, NODE_WIDTH, NODE_HEIGHT), 10, 10)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        colour = type_colour(self.node_type)
        rect = QRectF(0, 0, NODE_WIDTH, NODE_HEIGHT)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = self.isSelected()
        painter.setPen(
            QPen(QColor("#ffb300") if selected else colour.darker(130), 3 if selected else 1.5)
        )
        painter.setBrush(QBrush(QColor("#ffffff")))
        painter.drawRoundedRect(rect, 10, 10)
        # A coloured band on the left tells the type at a glance, even zoomed out.
        band = QPainterPath()
        band.addRoundedRect(QRectF(0, 0, 12, NODE_HEIGHT), 6, 6)
        painter.fillPath(band, colour)
        text_rect = rect.adjusted(22, 8, -20, -10)
        title_font = QFont(painter.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(colour.darker(120))
        metrics = QFontMetrics(title_font)
        title = metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, int(text_rect.width()))
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        body_font = QFont(painter.font())
        body_font.setBold(False)
        painter.setFont(body_font)
        painter.setPen(QColor("#263238"))
        # Below the title, two lines wide to the right edge (the badges sit on the top edge).
        summary_rect = QRectF(22, 8 + metrics.height() + 2, NODE_WIDTH - 32, NODE_HEIGHT - 8)
        for index, line in enumerate(wrapped_lines(self.summary, body_font, summary_rect.width())):
            top = summary_rect.top() + index * QFontMetrics(body_font).lineSpacing()
            painter.drawText(
                QRectF(summary_rect.left(), top, summary_rect.width(), metrics.height() + 4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                line,
            )
        if self.node_type == "condition":
            small = QFont(body_font)
            small.setPointSizeF(max(6.0, body_font.pointSizeF() * 0.8))
            painter.setFont(small)
            painter.setPen(QColor("#455a64"))
            for port, text in (
                ("yes", QCoreApplication.translate("SequenceCanvas", "Yes")),
                ("no", QCoreApplication.translate("SequenceCanvas", "No")),
            ):
                centre = self.output_ports[port].pos()
                painter.drawText(
                    QRectF(centre.x() + 8, NODE_HEIGHT + 2, 40, 16),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                    text,
                )


LANE_MARGIN = 30  # how far a detour keeps from the boxes it goes around


def link_path(start: QPointF, end: QPointF, obstacles: Sequence[QRectF] = ()) -> QPainterPath:
    """A vertical S-curve from an output port to an input port, detouring around obstacles."""
    path = QPainterPath(start)
    bend = max(40.0, abs(end.y() - start.y()) / 2)
    path.cubicTo(start + QPointF(0, bend), end - QPointF(0, bend), end)
    blocking = [rect for rect in obstacles if path_crosses(path, rect)]
    if not blocking:
        return path
    # Go down a lane beside the boxes in the way; widen it while the detour still hits one.
    for _ in range(4):
        union = QRectF(blocking[0])
        for rect in blocking[1:]:
            union = union.united(rect)
        lanes = (union.left() - LANE_MARGIN, union.right() + LANE_MARGIN)
        lane = min(lanes, key=lambda x: abs(start.x() - x) + abs(end.x() - x))
        top, bottom = start.y() + PORT_RADIUS * 3, end.y() - PORT_RADIUS * 3
        points = [
            start,
            QPointF(start.x(), top),
            QPointF(lane, top),
            QPointF(lane, bottom),
            QPointF(end.x(), bottom),
            end,
        ]
        path = _rounded_polyline(points)
        more = [r for r in obstacles if r not in blocking and path_crosses(path, r)]
        if not more:
            break
        blocking.extend(more)
    return path


def path_crosses(path: QPainterPath, rect: QRectF, samples: int = 64) -> bool:
    """True when the drawn line (not the area it encloses) passes through the rectangle."""
    if not path.controlPointRect().intersects(rect):
        return False
    return any(rect.contains(path.pointAtPercent(i / samples)) for i in range(samples + 1))


def _rounded_polyline(points: Sequence[QPointF], radius: float = 12.0) -> QPainterPath:
    """Straight segments through the points with rounded corners."""
    path = QPainterPath(points[0])
    for before, corner, after in zip(points, points[1:], points[2:], strict=False):
        into, out = corner - before, after - corner
        length_in = max(1e-6, (into.x() ** 2 + into.y() ** 2) ** 0.5)
        length_out = max(1e-6, (out.x() ** 2 + out.y() ** 2) ** 0.5)
        r = min(radius, length_in / 2, length_out / 2)
        path.lineTo(corner - into * (r / length_in))
        path.quadTo(corner, corner + out * (r / length_out))
    path.lineTo(points[-1])
    return path


class LinkItem(QGraphicsPathItem):
    """A link from a node's output port to another node's input port."""

    def __init__(self, source: str, target: str, port: str | None) -> None:
        super().__init__()
        self.source = source
        self.target = target
        self.port = port
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0)
        self.setPen(QPen(QColor("#607d8b"), 2))

    @property
    def key(self) -> tuple[str, str, str | None]:
        """(source, target, port): the link's name in the document."""
        return (self.source, self.target, self.port)

    def update_path(self, start: QPointF, end: QPointF, obstacles: Sequence[QRectF] = ()) -> None:
        """Redraw between two scene points, going around the obstacles (other boxes)."""
        self.setPath(link_path(start, end, obstacles))

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(10)  # easy to click a 2 px line
        return stroker.createStroke(self.path())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        colour = QColor("#ffb300") if self.isSelected() else QColor("#607d8b")
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 3 if self.isSelected() else 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path())
        # An arrow head shows the direction even when a link goes back up (a loop).
        end = self.path().pointAtPercent(1.0)
        painter.setBrush(colour)
        arrow = QPainterPath(end)
        arrow.lineTo(end + QPointF(-5, -9))
        arrow.lineTo(end + QPointF(5, -9))
        arrow.closeSubpath()
        painter.drawPath(arrow)
