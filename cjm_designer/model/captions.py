"""The words a map's drawings and reports write around the user's own text, in the map's language:
the funnel line of a stage header and the web figures on a card (layout), the cover, legend, persona,
index and report pages and the header and footer of a PDF, and the Markdown report. One table, one
rule for which language a map is in (`map_language`); the window's own words are Qt translations
(`i18n.py`), not these."""

from __future__ import annotations

from .document import JourneyMap

LANGUAGES = ("ru", "en")

CAPTIONS: dict[str, dict[str, str | list[str]]] = {
    # -- shared by the PDF report page and the Markdown report
    "funnel": {"ru": "Воронка", "en": "Funnel"},
    "largest_drop": {"ru": "наибольшая потеря", "en": "largest drop"},  # also in a stage header
    "overall": {"ru": "Сквозная конверсия: {value}", "en": "Overall conversion: {value}"},
    "touchpoints": {"ru": "Точки контакта", "en": "Touchpoints"},
    "channels": {"ru": "Каналы", "en": "Channels"},  # also the legend
    "owners": {"ru": "Ответственные", "en": "Responsible"},
    "pains": {"ru": "Болевые точки", "en": "Pain points"},
    "kpis": {"ru": "Невыполненные KPI", "en": "Missed KPIs"},
    # -- a stage header and a card (layout)
    "funnel_entered": {"ru": "Вошли {entering}", "en": "Entered {entering}"},
    "funnel_going_on": {"ru": "дальше {conversion}", "en": "{conversion} go on"},
    "metric_clicks": {"ru": "{clicks}\u00a0кл.", "en": "{clicks} clicks"},
    "metric_conversion": {"ru": "CR\u00a0{conversion}\u00a0%", "en": "CR {conversion}%"},
    "metric_time": {"ru": "{seconds}\u00a0с на сайте", "en": "{seconds} s on site"},
    # -- the Markdown report
    "report": {"ru": "Отчёт по карте", "en": "Journey map report"},
    "untitled": {"ru": "Карта без названия", "en": "Untitled map"},
    "stage": {"ru": "Этап", "en": "Stage"},
    "entering": {"ru": "Вошли", "en": "Entering"},
    "conversion": {"ru": "Конверсия в следующий", "en": "Conversion to next"},
    "lost": {"ru": "Потеряно", "en": "Lost"},
    "no_funnel_field": {"ru": "Числа воронки не заданы (поле «Вошли на этап» у этапов).",
                        "en": "No funnel figures yet (the stages' “Entering” field)."},
    "touchpoint_count": {"ru": "Точек контакта", "en": "Touchpoints"},
    "total": {"ru": "Всего", "en": "Total"},
    "typical": {"ru": "Обычно до покупки бывает от 5 до 40 контактов.",
                "en": "A purchase usually follows 5 to 40 contacts."},
    "channel": {"ru": "Канал", "en": "Channel"},
    "owner": {"ru": "Ответственный", "en": "Owner"},
    "cards": {"ru": "Карточек", "en": "Cards"},
    "kpi_target": {"ru": "{actual} при цели {target}", "en": "{actual} against a target of {target}"},
    "kpi_limit": {"ru": "{actual} при цели не больше {target}", "en": "{actual} against a target of at most {target}"},
    "kpis_met": {"ru": "Выполнено KPI: {met} из {all}.", "en": "KPIs met: {met} of {all}."},
    "none_sentence": {"ru": "Нет.", "en": "None."},
    "stage_kpi": {"ru": "KPI этапа", "en": "stage KPI"},
    # -- the PDF report page
    "analytics": {"ru": "Аналитика карты", "en": "Map analytics"},
    "no_funnel": {"ru": "Числа воронки не заданы.", "en": "No funnel figures yet."},
    "none": {"ru": "нет", "en": "none"},
    "and_more": {"ru": "… ещё {more}", "en": "… and {more} more"},
    # -- the pages around the map in a PDF: cover, personas, legend, index, header and footer
    "map": {"ru": "Карта пути клиента", "en": "Customer journey map"},
    "author": {"ru": "Автор", "en": "Author"},
    "date": {"ru": "Дата", "en": "Date"},
    "date_format": {"ru": "{day:%d.%m.%Y}", "en": "{day:%Y-%m-%d}"},
    "contents": {"ru": "Этапов: {stages} · дорожек: {lanes} · карточек: {cards} · связей: {links}",
                 "en": "Stages: {stages} · lanes: {lanes} · cards: {cards} · links: {links}"},
    "personas": {"ru": "Персоны", "en": "Personas"},
    "age": {"ru": "Возраст", "en": "Age"}, "gender": {"ru": "Пол", "en": "Gender"},
    "geography": {"ru": "География", "en": "Geography"}, "occupation": {"ru": "Занятие", "en": "Occupation"},
    "quote": {"ru": "«{quote}»", "en": "“{quote}”"},
    "goals": {"ru": "Цели", "en": "Goals"}, "persona_pains": {"ru": "Боли", "en": "Pains"},
    "habits": {"ru": "Привычки", "en": "Habits"}, "interests": {"ru": "Интересы", "en": "Interests"},
    "legend": {"ru": "Условные обозначения", "en": "Legend"},
    "lanes": {"ru": "Дорожки", "en": "Lanes"},
    "devices": {"ru": "Устройства", "en": "Devices"}, "links": {"ru": "Связи", "en": "Links"},
    "emotions": {"ru": "Эмоции клиента", "en": "Customer emotion"},
    "emotion_scale": {"ru": ["очень плохо", "плохо", "нейтрально", "хорошо", "отлично"],
                      "en": ["very bad", "bad", "neutral", "good", "very good"]},
    "marks": {"ru": "Отметки на карточках", "en": "Marks on cards"},
    "quality": {"ru": "качество контакта, от 1 до 5", "en": "contact quality, 1 to 5"},
    "pain": {"ru": "болевая точка", "en": "pain point"},
    "owner_mark": {"ru": "ответственный", "en": "owner"},
    "metrics": {"ru": "клики · конверсия · время на сайте", "en": "clicks · conversion · time on site"},
    "kpi_met": {"ru": "KPI выполнен", "en": "KPI met"},
    "kpi_missed": {"ru": "KPI не выполнен", "en": "KPI missed"},
    "index": {"ru": "Как сложить страницы", "en": "How the pages fit together"},
    "index_note": {"ru": "Соседние листы перекрываются на {overlap} мм: совместите пунктирные линии.",
                   "en": "Neighbouring sheets overlap by {overlap} mm: line up the dashed lines."},
    "page_stages": {"ru": "Лист {number}: {stages}", "en": "Sheet {number}: {stages}"},
    "no_stages": {"ru": "поля карты", "en": "the map's edge"},
    "page_of": {"ru": "Страница {page} из {pages}", "en": "Page {page} of {pages}"},
    "sheet": {"ru": "лист {number}: ряд {row}, колонка {column}", "en": "sheet {number}: row {row}, column {column}"},
}


def language_of(code: str) -> str:
    """Which of the captions' languages a language code (a map's `meta.language`) is written in:
    "ru" for Russian (`ru`, `ru-RU`), otherwise "en"."""
    return "ru" if code.startswith("ru") else "en"


def map_language(doc: JourneyMap) -> str:
    """The language ("ru" or "en") of everything written around the map's own text."""
    return language_of(doc.meta.language)


def caption(key: str, language: str):
    """The caption `key` in `language` (a language code; anything not Russian reads as English)."""
    return CAPTIONS[key][language_of(language)]
