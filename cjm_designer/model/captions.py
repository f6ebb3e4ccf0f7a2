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
    "time_minutes": {"ru": "{minutes}\u00a0мин", "en": "{minutes}\u00a0min"},  # time on site (the HTML page)
    "time_seconds": {"ru": "{seconds}\u00a0с", "en": "{seconds}\u00a0s"},
    "ab_wins": {"ru": "A/B: победил {winner}", "en": "A/B: {winner} wins"},
    "ab_variants": {"ru": ["A/B: {n}\u00a0вариант", "A/B: {n}\u00a0варианта", "A/B: {n}\u00a0вариантов"],
                    "en": ["A/B: {n} variant", "A/B: {n} variants"]},  # plural forms, see `plural`
    "ab_tie": {"ru": "ничья", "en": "a tie"},
    "curve_no_persona": {"ru": "Без персоны", "en": "No persona"},  # an emotions lane's legend: the map's own curve
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
    "ab_tests": {"ru": "A/B-тесты", "en": "A/B tests"},
    "ab_rule": {"ru": "Победитель — по конверсии, если она есть хотя бы у двух вариантов, иначе по кликам; прирост — "
                      "к контрольному (первому) варианту, а если победил он — к лучшему из остальных.",
                "en": "The winner is by conversion when at least two variants have it, else by clicks; the lift is "
                      "over the control (the first variant), or over the best of the others when the control wins."},
    "variant": {"ru": "Вариант", "en": "Variant"},
    "variant_description": {"ru": "Что изменено", "en": "What differs"},
    "clicks": {"ru": "Клики", "en": "Clicks"},
    "conversion_rate": {"ru": "Конверсия", "en": "Conversion"},
    "time_on_site": {"ru": "Время на сайте, с", "en": "Time on site, s"},
    "ab_won": {"ru": "Победил {winner} {measure}", "en": "{winner} wins {measure}"},
    "ab_lift": {"ru": ", прирост {lift}", "en": ", lift {lift}"},
    "ab_by_conversion": {"ru": "по конверсии", "en": "on conversion"},
    "ab_by_clicks": {"ru": "по кликам", "en": "on clicks"},
    "ab_tied": {"ru": "Ничья {measure}.", "en": "A tie {measure}."},
    "ab_undecided": {"ru": "Победитель не определён: конверсия или клики есть меньше чем у двух вариантов.",
                     "en": "No winner: fewer than two variants have a conversion rate or clicks."},
    # -- a comparison of two maps: its summary sentence (model/compare.py) and report (io/diff_report.py)
    "diff_same": {"ru": "Карты совпадают.", "en": "The maps are the same."},
    "diff_cards": {"ru": ["{n} карточка", "{n} карточки", "{n} карточек"],
                   "en": ["{n} card", "{n} cards", "{n} cards"]},
    "diff_stages": {"ru": ["{n} этап", "{n} этапа", "{n} этапов"], "en": ["{n} stage", "{n} stages", "{n} stages"]},
    "diff_lanes": {"ru": ["{n} дорожка", "{n} дорожки", "{n} дорожек"], "en": ["{n} lane", "{n} lanes", "{n} lanes"]},
    "diff_links": {"ru": ["{n} связь", "{n} связи", "{n} связей"], "en": ["{n} link", "{n} links", "{n} links"]},
    "diff_personas": {"ru": ["{n} персона", "{n} персоны", "{n} персон"],
                      "en": ["{n} persona", "{n} personas", "{n} personas"]},
    "diff_added": {"ru": ["добавлена", "добавлены", "добавлено"], "en": ["added", "added", "added"]},
    "diff_removed": {"ru": ["удалена", "удалены", "удалено"], "en": ["removed", "removed", "removed"]},
    "diff_changed": {"ru": ["изменена", "изменены", "изменено"], "en": ["changed", "changed", "changed"]},
    "diff_moved": {"ru": ["перемещена", "перемещены", "перемещено"], "en": ["moved", "moved", "moved"]},
    "diff_added_m": {"ru": ["добавлен", "добавлены", "добавлено"], "en": ["added", "added", "added"]},  # этап
    "diff_removed_m": {"ru": ["удалён", "удалены", "удалено"], "en": ["removed", "removed", "removed"]},
    "diff_changed_m": {"ru": ["изменён", "изменены", "изменено"], "en": ["changed", "changed", "changed"]},
    "diff_meta": {"ru": "изменены сведения о карте", "en": "the map's details changed"},
    "diff_drop": {"ru": "наибольшая потеря сместилась с этапа «{before}» на «{after}»",
                  "en": "the largest drop moved from “{before}” to “{after}”"},
    "diff_conversion": {"ru": "сквозная конверсия {before} → {after}", "en": "conversion {before} → {after}"},
    "diff_title": {"ru": "Сравнение карт", "en": "Map comparison"},
    "diff_maps": {"ru": "Было: {before}. Стало: {after}.", "en": "Before: {before}. After: {after}."},
    "diff_meta_section": {"ru": "Сведения о карте", "en": "Map details"},
    "diff_cards_section": {"ru": "Карточки", "en": "Cards"},
    "diff_stages_section": {"ru": "Этапы", "en": "Stages"},
    "diff_kpis_section": {"ru": "KPI", "en": "KPIs"},
    "diff_added_list": {"ru": "Добавленные", "en": "Added"},
    "diff_removed_list": {"ru": "Удалённые", "en": "Removed"},
    "diff_changed_list": {"ru": "Изменённые", "en": "Changed"},
    "diff_moved_list": {"ru": "Перемещённые в другую ячейку", "en": "Moved to another cell"},
    "diff_attainment": {"ru": "Достижение цели", "en": "Attainment"},
    "diff_where": {"ru": "Где", "en": "Where"},
    "diff_no_changes": {"ru": "Без изменений.", "en": "No changes."},
    # -- a comparison drawn as a map (layout/comparison.py): its legend, marks and notes
    "cmp_added": {"ru": "добавлено", "en": "added"},
    "cmp_changed": {"ru": "изменено", "en": "changed"},
    "cmp_removed": {"ru": "удалено", "en": "removed"},
    "cmp_moved": {"ru": "перемещено", "en": "moved"},
    "cmp_moved_from": {"ru": "перемещено из {stage} / {lane}", "en": "moved from {stage} / {lane}"},
    "cmp_curve_before": {"ru": "эмоции раньше", "en": "emotions before"},
    "cmp_entered": {"ru": "Вошли {before} → {after}", "en": "Entered {before} → {after}"},
    "cmp_going_on": {"ru": "дальше {before} → {after}", "en": "going on {before} → {after}"},
    "cmp_kpi": {"ru": "KPI {before} → {after}", "en": "KPI {before} → {after}"},
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
    "ab_mark": {"ru": "A/B-тест: победитель и прирост", "en": "A/B test: the winner and its lift"},
    "kpi_met": {"ru": "KPI выполнен", "en": "KPI met"},
    "kpi_missed": {"ru": "KPI не выполнен", "en": "KPI missed"},
    "index": {"ru": "Как сложить страницы", "en": "How the pages fit together"},
    "index_note": {"ru": "Соседние листы перекрываются на {overlap} мм: совместите пунктирные линии.",
                   "en": "Neighbouring sheets overlap by {overlap} mm: line up the dashed lines."},
    "page_stages": {"ru": "Лист {number}: {stages}", "en": "Sheet {number}: {stages}"},
    "no_stages": {"ru": "поля карты", "en": "the map's edge"},
    "page_of": {"ru": "Страница {page} из {pages}", "en": "Page {page} of {pages}"},
    "sheet": {"ru": "лист {number}: ряд {row}, колонка {column}", "en": "sheet {number}: row {row}, column {column}"},
    # -- the tables of a map's CSV and Excel workbook (io/sheet_words.py): sheet names, headers, the Map sheet's
    #    rows and the workbook template's instructions (io/xlsx_template.py)
    "sheet_cards": {"ru": "Карточки", "en": "Cards"},
    "sheet_stages": {"ru": "Этапы", "en": "Stages"},
    "sheet_lanes": {"ru": "Дорожки", "en": "Lanes"},
    "sheet_links": {"ru": "Связи", "en": "Links"},
    "sheet_personas": {"ru": "Персоны", "en": "Personas"},
    "sheet_variants": {"ru": "A-B варианты", "en": "A-B variants"},
    "sheet_map": {"ru": "Карта", "en": "Map"},
    "sheet_help": {"ru": "Как заполнять", "en": "How to fill in"},
    "column_cards_id": {"ru": "ID карточки", "en": "Card ID"},
    "column_cards_stage": {"ru": "Этап", "en": "Stage"},
    "column_cards_stage_goal": {"ru": "Цель этапа", "en": "Stage goal"},
    "column_cards_lane": {"ru": "Дорожка", "en": "Lane"},
    "column_cards_lane_kind": {"ru": "Вид дорожки", "en": "Lane kind"},
    "column_cards_position": {"ru": "Позиция", "en": "Position"},
    "column_cards_title": {"ru": "Заголовок", "en": "Title"},
    "column_cards_text": {"ru": "Текст", "en": "Text"},
    "column_cards_channel": {"ru": "Канал", "en": "Channel"},
    "column_cards_device": {"ru": "Устройство", "en": "Device"},
    "column_cards_owner": {"ru": "Ответственный", "en": "Owner"},
    "column_cards_emotion": {"ru": "Эмоция", "en": "Emotion"},
    "column_cards_quality": {"ru": "Качество", "en": "Quality"},
    "column_cards_pain": {"ru": "Боль", "en": "Pain point"},
    "column_cards_kpi_name": {"ru": "KPI: название", "en": "KPI name"},
    "column_cards_kpi_target": {"ru": "KPI: цель", "en": "KPI target"},
    "column_cards_kpi_actual": {"ru": "KPI: факт", "en": "KPI actual"},
    "column_cards_kpi_unit": {"ru": "KPI: единица", "en": "KPI unit"},
    "column_cards_kpi_lower_is_better": {"ru": "KPI: меньше — лучше", "en": "KPI: lower is better"},
    "column_cards_clicks": {"ru": "Клики", "en": "Clicks"},
    "column_cards_conversion": {"ru": "Конверсия (%)", "en": "Conversion (%)"},
    "column_cards_time_on_site": {"ru": "Время на сайте (с)", "en": "Time on site (s)"},
    "column_cards_tags": {"ru": "Теги", "en": "Tags"},
    "column_cards_color": {"ru": "Цвет", "en": "Colour"},
    "column_cards_note": {"ru": "Заметка", "en": "Note"},
    "column_cards_url": {"ru": "URL или UTM", "en": "URL or UTM"},
    "column_cards_persona": {"ru": "Персона", "en": "Persona"},
    "column_stages_id": {"ru": "ID", "en": "ID"},
    "column_stages_name": {"ru": "Название", "en": "Name"},
    "column_stages_goal": {"ru": "Цель", "en": "Goal"},
    "column_stages_questions": {"ru": "Вопросы", "en": "Questions"},
    "column_stages_business": {"ru": "Действия бизнеса", "en": "Business actions"},
    "column_stages_entering": {"ru": "Вошли на этап", "en": "Entering"},
    "column_stages_kpi_name": {"ru": "KPI: название", "en": "KPI name"},
    "column_stages_kpi_target": {"ru": "KPI: цель", "en": "KPI target"},
    "column_stages_kpi_actual": {"ru": "KPI: факт", "en": "KPI actual"},
    "column_stages_kpi_unit": {"ru": "KPI: единица", "en": "KPI unit"},
    "column_stages_kpi_lower_is_better": {"ru": "KPI: меньше — лучше", "en": "KPI: lower is better"},
    "column_stages_color": {"ru": "Цвет", "en": "Colour"},
    "column_stages_width": {"ru": "Ширина (пт)", "en": "Width (pt)"},
    "column_lanes_id": {"ru": "ID", "en": "ID"},
    "column_lanes_name": {"ru": "Название", "en": "Name"},
    "column_lanes_kind": {"ru": "Вид", "en": "Kind"},
    "column_lanes_height": {"ru": "Высота (пт)", "en": "Height (pt)"},
    "column_links_id": {"ru": "ID", "en": "ID"},
    "column_links_source": {"ru": "От карточки", "en": "From card"},
    "column_links_target": {"ru": "К карточке", "en": "To card"},
    "column_links_kind": {"ru": "Вид", "en": "Kind"},
    "column_links_label": {"ru": "Подпись", "en": "Label"},
    "column_personas_id": {"ru": "ID", "en": "ID"},
    "column_personas_name": {"ru": "Имя", "en": "Name"},
    "column_personas_gender": {"ru": "Пол", "en": "Gender"},
    "column_personas_age": {"ru": "Возраст", "en": "Age"},
    "column_personas_geography": {"ru": "География", "en": "Geography"},
    "column_personas_occupation": {"ru": "Занятие", "en": "Occupation"},
    "column_personas_habits": {"ru": "Привычки", "en": "Habits"},
    "column_personas_interests": {"ru": "Интересы", "en": "Interests"},
    "column_personas_goals": {"ru": "Цели", "en": "Goals"},
    "column_personas_pains": {"ru": "Боли", "en": "Pains"},
    "column_personas_quote": {"ru": "Цитата", "en": "Quote"},
    "column_personas_color": {"ru": "Цвет", "en": "Colour"},
    "column_variants_card": {"ru": "Карточка", "en": "Card"},
    "column_variants_name": {"ru": "Вариант", "en": "Variant"},
    "column_variants_description": {"ru": "Что изменено", "en": "What differs"},
    "column_variants_clicks": {"ru": "Клики", "en": "Clicks"},
    "column_variants_conversion": {"ru": "Конверсия (%)", "en": "Conversion (%)"},
    "column_variants_time_on_site": {"ru": "Время на сайте (с)", "en": "Time on site (s)"},
    "column_map_field": {"ru": "Поле", "en": "Field"},
    "column_map_value": {"ru": "Значение", "en": "Value"},
    "map_field_title": {"ru": "Название", "en": "Title"},
    "map_field_description": {"ru": "Описание", "en": "Description"},
    "map_field_author": {"ru": "Автор", "en": "Author"},
    "map_field_language": {"ru": "Язык", "en": "Language"},
    "map_field_created": {"ru": "Создана", "en": "Created"},
    "map_field_modified": {"ru": "Изменена", "en": "Modified"},
    "list_channel": {"ru": "Каналы", "en": "Channels"},
    "list_device": {"ru": "Устройства", "en": "Devices"},
    "list_owner": {"ru": "Ответственные", "en": "Owners"},
    "list_lane_kind": {"ru": "Виды дорожек", "en": "Lane kinds"},
    "list_link_kind": {"ru": "Виды связей", "en": "Link kinds"},
    "template_help": {
        "ru": [
            "Как заполнить эту книгу и сделать из неё карту: cjm-designer import ФАЙЛ.xlsx -o КАРТА.cjm",
            "1. Этапы: строка — этап, слева направо по карте. Вопросы и действия бизнеса: по одному в "
            "строке (Alt+Enter).",
            "2. Дорожки: строка — дорожка, сверху вниз. Вид решает, как рисуется дорожка (Эмоции — кривой).",
            "3. Карточки: строка — карточка; этап и дорожку выберите из списка. Карточки одной ячейки идут "
            "в порядке строк.",
            "   Эмоция: от -2 (очень плохо) до 2 (отлично); качество: от 1 до 5; боль: 1 или пусто.",
            "   Теги: по одному в строке (Alt+Enter). Конверсия — в процентах. Канал и ответственный: из "
            "списка или свои.",
            "4. Связи (стрелки между карточками) и A-B варианты называют карточки по ID: дайте этим "
            "карточкам ID (буквы, цифры, - _ . :).",
            "ID в новой строке можно не заполнять: карта даст его сама. Заголовки — по-русски или по-английски.",
            "Фотографии персон из книги не читаются; добавьте их в программе.",
        ],
        "en": [
            "How to fill in this workbook, then make a map of it: cjm-designer import FILE.xlsx -o MAP.cjm",
            "1. Stages: one row a stage, left to right on the map. Questions and business actions: one a "
            "line (Alt+Enter).",
            "2. Lanes: one row a lane, top to bottom. The kind decides how a lane is drawn (Emotions as a curve).",
            "3. Cards: one row a card; choose its stage and lane from the lists. Cards of one cell keep the "
            "rows' order.",
            "   Emotion: -2 (very bad) to 2 (very good); quality: 1 to 5; pain point: 1 or empty.",
            "   Tags: one a line (Alt+Enter). Conversion is a percentage. Channel and owner: from the list "
            "or your own.",
            "4. Links (arrows between cards) and A-B variants name cards by their ID: give those cards an "
            "ID (letters, digits, - _ . :).",
            "Leave the ID empty in a new row: the map gives it one. Headers may be in Russian or English.",
            "Personas' photos are not read from the workbook; add them in the program.",
        ],
    },
    # -- the PowerPoint deck: the language its text is marked with, for spelling
    "language_tag": {"ru": "ru-RU", "en": "en-US"},
    # -- a workshop's dot votes and comments (report, PDF)
    "votes": {"ru": "Голосование точками", "en": "Dot votes"},
    "vote_untitled": {"ru": "Голосование", "en": "Dot vote"},
    "vote_line": {"ru": "{date} · точек у каждого: {dots} · проголосовали: {voters}",
                  "en": "{date} · {dots} dots each · {voters} voted"},
    "vote_running": {"ru": "идёт", "en": "running"},
    "dots": {"ru": "Точки", "en": "Dots"},
    "card_column": {"ru": "Карточка", "en": "Card"},
    "card_removed": {"ru": "(карточка удалена)", "en": "(card removed)"},
    "no_dots": {"ru": "Точек нет.", "en": "No dots."},
    "open_comments": {"ru": "Открытые комментарии", "en": "Open comments"},
    "anonymous": {"ru": "Аноним", "en": "Anonymous"},
    "votes_mark": {"ru": "точки последнего голосования", "en": "dots of the latest vote"},
    "comments_mark": {"ru": "открытые комментарии", "en": "open comments"},
    # -- a card accepted from a workshop's Inbox: its note
    "inbox_from": {"ru": "От участника: {name}", "en": "From {name}"},
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


def plural(key: str, n: int, language: str) -> str:
    """The caption `key`, a list of plural forms (Russian: one, few, many, as 1, 2–4 and 5–20
    вариант/варианта/вариантов; English: one, other), in the form for `n`, with `n` put in."""
    forms = caption(key, language)
    if language_of(language) != "ru":
        return (forms[0] if n == 1 else forms[1]).format(n=n)
    one, few, many = forms
    if n % 10 == 1 and n % 100 != 11:
        return one.format(n=n)
    return (few if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else many).format(n=n)
