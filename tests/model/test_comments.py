"""A card's comment thread: each comment is named by an id unique in its card, so an undo or a merge
names exactly one."""

import pytest
from pydantic import ValidationError

from cjm_designer.model import Card, Comment

WHEN = "2026-12-02T10:00:00Z"


def test_a_card_refuses_two_comments_with_one_id():
    with pytest.raises(ValidationError, match="two comments have the id 'c1'"):
        Card(id="k", stage="s", lane="l", comments=[Comment(id="c1", text="a", created=WHEN),
                                                     Comment(id="c2", text="b", created=WHEN),
                                                     Comment(id="c1", text="c", created=WHEN)])
    assert len(Card(id="k", stage="s", lane="l", comments=[Comment(id="c1", text="a", created=WHEN),
                                                          Comment(id="c2", text="b", created=WHEN)]).comments) == 2
