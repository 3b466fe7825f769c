"""The sequence canvas: a document over the workflow graph, undo commands, a scene and a view."""

from .commands import AddLink, AddNode, EditNode, MoveNodes, RemoveLink, RemoveNodes, load
from .document import SequenceDocument
from .scene import SequenceScene
from .shortcuts import canvas_shortcuts
from .view import SequenceEditor, SequenceView

__all__ = [
    "AddLink",
    "AddNode",
    "EditNode",
    "MoveNodes",
    "RemoveLink",
    "RemoveNodes",
    "SequenceDocument",
    "SequenceEditor",
    "SequenceScene",
    "SequenceView",
    "canvas_shortcuts",
    "load",
]
