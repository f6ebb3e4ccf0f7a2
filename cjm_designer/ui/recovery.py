"""At start, offer back the work autosaved by windows that did not close cleanly (a crash, a kill)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..io import CjmError
from . import messages
from .autosave import Recovery, pending_recoveries
from .main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("Recovery", text)


def ask(parent, recoveries: list[Recovery]) -> str:
    """"recover", "discard" or "later"."""
    lines = []
    for r in recoveries:
        name = r.original.name if r.original else (r.title or tr("Untitled"))
        lines.append(f"• {name} — {r.saved_at.astimezone().strftime('%Y-%m-%d %H:%M')}")
    box = messages.message_box(parent, messages.Icon.Question, tr("Recover unsaved work?"),
                               tr("CJM Designer was not closed properly. It kept these unsaved maps:") + "\n\n"
                               + "\n".join(lines), buttons=messages.Button.NoButton)
    recover = box.addButton(tr("Recover"), messages.Role.AcceptRole)
    discard = box.addButton(tr("Discard"), messages.Role.DestructiveRole)
    box.addButton(tr("Not now"), messages.Role.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return "recover" if clicked is recover else "discard" if clicked is discard else "later"


def offer_recovery(parent=None, choose=ask) -> list[MainWindow]:
    """Ask about the copies left behind and open a window for each one recovered; each recovered
    map shows as modified until it is saved, and its window keeps the copy until then. A copy that
    cannot be read is reported once with where it is kept, and not offered again."""
    recoveries = pending_recoveries()
    if not recoveries:
        return []
    answer = choose(parent, recoveries)
    if answer == "later":
        return []
    windows = []
    for recovery in recoveries:
        if answer == "discard":
            recovery.discard()
            continue
        lock = recovery.claim()
        if lock is None:
            continue  # another instance recovered it meanwhile
        try:
            doc = recovery.load()
        except CjmError as error:
            aside = recovery.set_aside(lock)
            messages.warning(parent, tr("Cannot recover"),
                             tr("An autosaved map cannot be read. It is kept as %1.").replace("%1", str(aside)),
                             str(error))
            continue
        window = MainWindow(doc, recovery.original, recovery.title or None)
        window.files.adopt_recovered(recovery.copy, lock)
        window.show()
        windows.append(window)
    return windows
