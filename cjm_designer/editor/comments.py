"""Undo commands on a card's comment thread. Each names one comment by id, never the whole thread, so
that a participant's comment arriving meanwhile (with no undo step) survives the undo and redo of these."""

from __future__ import annotations

from ..model import Comment
from ..model.document import ElementKind
from .commands import Command, tr
from .session import DocumentSession


class AddComment(Command):
    """A comment at the end of a card's thread."""

    def __init__(self, session: DocumentSession, card_id: str, comment: Comment, text: str | None = None):
        super().__init__(session, text or tr("Add comment"))
        self.card_id, self.comment = card_id, comment

    def redo(self) -> None:
        add_comment(self.session, self.card_id, self.comment)

    def undo(self) -> None:
        remove_comment(self.session, self.card_id, self.comment.id)


class RemoveComment(Command):
    """A comment taken off a card's thread; undo puts it back at its place."""

    def __init__(self, session: DocumentSession, card_id: str, comment_id: str, text: str | None = None):
        super().__init__(session, text or tr("Delete comment"))
        self.card_id, self.comment_id = card_id, comment_id
        self.comment: Comment | None = None
        self.index = 0

    def redo(self) -> None:
        self.index, self.comment = remove_comment(self.session, self.card_id, self.comment_id)

    def undo(self) -> None:
        add_comment(self.session, self.card_id, self.comment, self.index)


class SetCommentResolved(Command):
    """A comment marked resolved, or open again."""

    def __init__(self, session: DocumentSession, card_id: str, comment_id: str, resolved: bool,
                 text: str | None = None):
        super().__init__(session, text or (tr("Resolve comment") if resolved else tr("Reopen comment")))
        self.card_id, self.comment_id, self.resolved = card_id, comment_id, resolved

    def _apply(self, resolved: bool) -> None:
        card = self.doc.card(self.card_id)
        comment = next(c for c in card.comments if c.id == self.comment_id)
        comment.resolved = resolved
        self.session.notify({self.card_id}, False, {ElementKind.CARD}, {"comments"})

    def redo(self) -> None:
        self._apply(self.resolved)

    def undo(self) -> None:
        self._apply(not self.resolved)


def add_comment(session: DocumentSession, card_id: str, comment: Comment, index: int | None = None) -> None:
    """Put `comment` into a card's thread (at its end when `index` is None) and tell the views."""
    card = session.doc.card(card_id)
    thread = list(card.comments)
    thread.insert(len(thread) if index is None else index, comment)
    card.comments = thread
    session.notify({card_id}, False, {ElementKind.CARD}, {"comments"})


def remove_comment(session: DocumentSession, card_id: str, comment_id: str) -> tuple[int, Comment]:
    """Take a comment off a card's thread; where it was and what it was."""
    card = session.doc.card(card_id)
    index = next(k for k, c in enumerate(card.comments) if c.id == comment_id)
    thread = list(card.comments)
    comment = thread.pop(index)
    card.comments = thread
    session.notify({card_id}, False, {ElementKind.CARD}, {"comments"})
    return index, comment
