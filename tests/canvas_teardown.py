"""Ending a test's canvas now, not whenever Python's cyclic collector gets to it.

A Hypothesis state machine lives in reference cycles, and its session, scene and view with it. Left to
the collector, their wrappers are cleared in no set order: an undo command's wrapper can go first,
deleting its command, which the stack then deletes a second time as the session goes (a crash in a
later test's collection; see MapScene.dispose). So the view and the scene are deleted here, then the
stack deletes its commands while their wrappers still stand, then the session goes."""

from __future__ import annotations

import shiboken6


def end_canvas(session, scene, view=None) -> None:
    if view is not None:
        view.close()
        shiboken6.delete(view)
    scene.dispose()
    session.undo_stack.clear()
    shiboken6.delete(session)
