"""The document session: one open map, its undo stack, and the notifications that views follow.

Every change to the map is an undo command pushed here; commands change the model and report what
they touched through `notify`, and the canvas and the docks redraw from the model when `changed`
fires. Nothing else writes the model. One push, one batch, and one undo or redo of either, fire
`changed` exactly once, with what all of its commands touched merged into one `Change`.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..model import JourneyMap
from ..model.document import ElementKind


class Change(NamedTuple):
    """What a command touched: the ids of changed elements, whether the map's structure (which
    elements exist, where and in which order) changed, the kinds of the elements, and the names of
    the fields set. `fields` is empty when the structure changed or the fields are not known: then
    any field may have changed."""

    ids: frozenset[str] = frozenset()
    structure: bool = False
    kinds: frozenset[ElementKind] = frozenset()
    fields: frozenset[str] = frozenset()

    @staticmethod
    def merged(changes: Iterable[Change]) -> Change:
        """One change that says what all of `changes` say."""
        changes = list(changes)
        structure = any(c.structure for c in changes)
        fields_known = not structure and all(c.fields for c in changes)
        return Change(frozenset().union(*(c.ids for c in changes)), structure,
                      frozenset().union(*(c.kinds for c in changes)),
                      frozenset().union(*(c.fields for c in changes)) if fields_known else frozenset())

    def touches(self, kind: ElementKind, fields: Iterable[str] | None = None) -> bool:
        """Whether elements of `kind` may have changed (in one of `fields`, when given); a change that
        names no kinds may have changed any."""
        if self.kinds and kind not in self.kinds:
            return False
        return fields is None or self.structure or not self.fields or not self.fields.isdisjoint(fields)


class Batch(QUndoCommand):
    """Commands pushed inside `DocumentSession.batch`, undone and redone as one step with one
    notification. Each command is done when pushed (as QUndoStack's macros do), so the batch skips
    the redo that the stack asks for when the batch itself is pushed."""

    def __init__(self, session: DocumentSession, text: str):
        super().__init__(text)
        self.session = weakref.proxy(session)  # it owns the batch (see commands.Command)
        self.commands: list[QUndoCommand] = []
        self._done = True  # its commands are done already: the stack's first redo has nothing to do

    def add(self, command: QUndoCommand) -> None:
        command.redo()
        self.commands.append(command)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        with self.session.gathered():
            for command in self.commands:
                command.redo()

    def undo(self) -> None:
        with self.session.gathered():
            for command in reversed(self.commands):
                command.undo()


class DocumentSession(QObject):
    changed = Signal(object)  # Change

    def __init__(self, doc: JourneyMap, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self.path = path
        self.undo_stack = QUndoStack(self)
        self._batch: Batch | None = None
        self._pending: list[Change] | None = None  # changes held back while gathered

    def push(self, command: QUndoCommand) -> None:
        """Do `command` and put it on the undo stack (into the open batch, if there is one)."""
        if self._batch is not None:
            self._batch.add(command)
        else:
            self.undo_stack.push(command)

    @property
    def modified(self) -> bool:
        """Whether the map differs from what its file holds (or it has no file and was changed)."""
        return not self.undo_stack.isClean()

    def mark_saved(self) -> None:
        """The map as it is now is what its file holds: just written, or given up by its window (whose
        closing then asks nothing). Undoing past this point makes it modified again."""
        self.undo_stack.setClean()

    def mark_unsaved(self) -> None:
        """No file holds the map as it is now, whatever the undo steps say: work recovered from an
        autosave copy, a change with no undo step (a workshop participant's), a file deleted meanwhile.
        It stays modified until saved, even undone to where it was."""
        self.undo_stack.resetClean()

    def go_to(self, index: int) -> None:
        """Undo or redo to step `index` of the undo stack (a click in the History panel's list) as one
        gesture: QUndoStack.setIndex undoes or redoes the steps one by one, and the views hear of them
        once, merged, so the scene lays the map out once however far the jump goes."""
        with self.gathered():
            self.undo_stack.setIndex(index)

    @contextmanager
    def batch(self, text: str) -> Iterator[None]:
        """The commands pushed inside become one undo step named `text`, and the views hear of them
        once, on leaving. A batch inside a batch joins it. If something raises inside, the commands
        done so far are undone and nothing reaches the undo stack."""
        if self._batch is not None:
            yield
            return
        batch = self._batch = Batch(self, text)
        try:
            with self.gathered():
                try:
                    yield
                except BaseException:
                    for command in reversed(batch.commands):
                        command.undo()
                    raise
        finally:
            self._batch = None
        if batch.commands:
            self.undo_stack.push(batch)

    @contextmanager
    def gathered(self) -> Iterator[None]:
        """Changes notified inside are emitted once, merged, on leaving (by the outermost one)."""
        if self._pending is not None:
            yield
            return
        self._pending = []
        try:
            yield
        finally:
            pending, self._pending = self._pending, None
            if pending:
                self.changed.emit(Change.merged(pending))

    def notify(self, ids: Iterable[str] = frozenset(), structure: bool = False,
               kinds: Iterable[ElementKind] = frozenset(), fields: Iterable[str] = frozenset()) -> None:
        """Report what a command touched (see `Change`)."""
        change = Change(frozenset(ids), structure, frozenset(kinds), frozenset() if structure else frozenset(fields))
        if self._pending is not None:
            self._pending.append(change)
        else:
            self.changed.emit(change)
