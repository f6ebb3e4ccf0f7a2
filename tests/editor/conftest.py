"""What the editor tests share: the notifications a test's session sends."""

import pytest


@pytest.fixture
def heard(session):
    """Every `Change` the test module's `session` emits, in order."""
    changes = []
    session.changed.connect(changes.append)
    return changes
