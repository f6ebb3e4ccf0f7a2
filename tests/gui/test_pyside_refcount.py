"""Regression guard for PySide6-Essentials 6.12.0, which drops a reference to None in
QGraphicsItem.setPos, moveBy and setRect until CPython aborts with "deallocating None".
pyproject.toml pins PySide6 below 6.12; this fails if a bad release is installed."""

import sys

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene

MOVES = 100_000


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
@pytest.mark.parametrize("call", ["setPos", "moveBy", "setRect"])
def test_moving_an_item_keeps_the_refcount_of_none(qapp, call):
    scene = QGraphicsScene()
    item = QGraphicsRectItem(0, 0, 10, 10)
    scene.addItem(item)
    actions = {
        "setPos": lambda i: item.setPos(QPointF(i % 500, i % 300)),
        "moveBy": lambda i: item.moveBy(1 if i % 2 else -1, 0.5),
        "setRect": lambda i: item.setRect(QRectF(0, 0, 10 + i % 7, 10)),
    }
    act = actions[call]
    act(0)
    before = sys.getrefcount(None)
    for i in range(MOVES):
        act(i)
    drift = sys.getrefcount(None) - before
    assert abs(drift) < 100, f"{call} changed the refcount of None by {drift} over {MOVES} calls"
