"""The workshop page of a PDF (with the report): the votes, newest first, with their cards ranked by dots,
and the open comments; no such page for a map without votes or open comments."""

from datetime import UTC, date, datetime

from cjm_designer.export.pdf import PdfOptions
from cjm_designer.io import load
from cjm_designer.model import Comment, Vote
from cjm_designer.paths import templates_dir
from tests.export.test_pdf import read

DAY = date(2026, 12, 2)
NOW = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)


def voted_map():
    doc = load(templates_dir() / "window-installation.ru.cjm")
    first, second = doc.cards[0], doc.cards[1]
    doc.add_vote(Vote(id="v1", name="Что болит сильнее?", lanes=[first.lane], dots=3, started=NOW, ended=NOW,
                      voters=9, counts={first.id: 4, second.id: 11}))
    first.comments = [Comment(id="1", author="Анна", text="Проверить на интервью", created=NOW),
                      Comment(id="2", author="Олег", text="Уже решено", created=NOW, resolved=True)]
    return doc, first, second


def test_the_page_after_the_report_ranks_the_cards_and_lists_open_comments():
    doc, first, second = voted_map()
    reader, texts = read(PdfOptions(report=True, day=DAY), doc)
    page = texts[1]
    assert page.startswith(("Голосование точками", "Установка окон"))
    assert "Что болит сильнее?" in page and "проголосовали: 9" in page
    assert page.index(second.title[:20]) < page.index(first.title[:20])  # most dots first
    assert "Анна: Проверить на интервью" in page and "Уже решено" not in page
    plain, _ = read(PdfOptions(report=True, day=DAY), load(templates_dir() / "window-installation.ru.cjm"))
    assert len(reader.pages) == len(plain.pages) + 1


def test_no_page_without_the_report():
    doc, _, _ = voted_map()
    with_report, _ = read(PdfOptions(report=True, day=DAY), doc)
    without, texts = read(PdfOptions(day=DAY), doc)
    assert len(without.pages) == len(with_report.pages) - 2
    assert not any("Открытые комментарии" in text for text in texts)
