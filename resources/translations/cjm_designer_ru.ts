<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_US">
<context>
    <name>AddLaneDialog</name>
    <message>
        <location filename="../../cjm_designer/ui/add_lane_dialog.py"/>
        <source>Add lane</source>
        <translation>Добавить дорожку</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/add_lane_dialog.py"/>
        <source>&amp;Name</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/add_lane_dialog.py"/>
        <source>&amp;Kind</source>
        <translation>&amp;Тип</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="vanished">&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="vanished">&amp;Тип:</translation>
    </message>
</context>
<context>
    <name>Analytics</name>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Funnel</source>
        <translation>Воронка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Touchpoints</source>
        <translation>Точки контакта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Responsible</source>
        <translation>Ответственные</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Pain points</source>
        <translation>Болевые точки</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Missed KPIs</source>
        <translation>Невыполненные KPI</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>A/B tests</source>
        <translation>A/B-тесты</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>A purchase usually follows 5 to 40 contacts.</source>
        <translation>Обычно покупке предшествуют от 5 до 40 контактов.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>No card has a channel yet.</source>
        <translation>Ни у одной карточки пока нет канала.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>No card has an owner yet.</source>
        <translation>Ни у одной карточки пока нет ответственного.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>No pain points marked yet: a card&apos;s “Pain point” box, or Alt+P.</source>
        <translation>Болевых точек пока нет: отметьте у карточки «Болевая точка» или нажмите Alt+P.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>No KPI misses its target.</source>
        <translation>Невыполненных KPI нет.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Cards</source>
        <translation>Карточки</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>Owner</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Pain point</source>
        <translation>Болевая точка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Actual / target</source>
        <translation>Факт / цель</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Touchpoint</source>
        <translation>Точка контакта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Winner</source>
        <translation>Победитель</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Customers are lost most after “{stage}”: {share} go on, {lost} leave.</source>
        <translation>Больше всего клиентов теряется после этапа «{stage}»: дальше идут {share}, уходят {lost}.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Overall conversion: {share}.</source>
        <translation>Общая конверсия: {share}.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Enter how many people enter each stage (a stage&apos;s “People entering”) to see the funnel.</source>
        <translation>Чтобы увидеть воронку, укажите, сколько людей входит в каждый этап (поле этапа «Людей на входе»).</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>a tie</source>
        <translation>ничья</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/analytics_panel.py"/>
        <source>no winner yet</source>
        <translation>победителя пока нет</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>Contact quality</source>
        <translation>Качество контакта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>Emotion</source>
        <translation>Эмоция</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>Conversion</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>Clicks</source>
        <translation>Клики</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>KPI attainment</source>
        <translation>Выполнение KPI</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>Analyse</source>
        <translation>Анализ</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>Heat map:</source>
        <translation>Тепловая карта:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>Show only:</source>
        <translation>Фильтр:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>worst</source>
        <translation>хуже</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>best</source>
        <translation>лучше</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>Off</source>
        <translation>Выключена</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>Tag</source>
        <translation>Тег</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>All cards</source>
        <translation>Все карточки</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/heat_filter_bar.py"/>
        <source>none on this map</source>
        <translation>на карте таких нет</translation>
    </message>
</context>
<context>
    <name>canvas</name>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <location filename="../../cjm_designer/canvas/operations.py"/>
        <source>Cut</source>
        <translation>Вырезать</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <location filename="../../cjm_designer/canvas/operations.py"/>
        <source>Paste</source>
        <translation>Вставить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <location filename="../../cjm_designer/canvas/operations.py"/>
        <source>Duplicate</source>
        <translation>Дублировать</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <source>Select all cards</source>
        <translation>Выделить все карточки</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <source>Zoom in</source>
        <translation>Увеличить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <source>Zoom out</source>
        <translation>Уменьшить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <source>Fit the map</source>
        <translation>Показать карту целиком</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <source>Actual size</source>
        <translation>Реальный размер</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <location filename="../../cjm_designer/canvas/view.py"/>
        <source>Add stage</source>
        <translation>Добавить этап</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Add lane</source>
        <translation>Добавить дорожку</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <source>Emotion: not set</source>
        <translation>Эмоция: не задана</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <source>Contact quality: not set</source>
        <translation>Качество контакта: не задано</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <source>Pain point on or off</source>
        <translation>Болевая точка: вкл./выкл.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <source>Emotion %1</source>
        <translation>Эмоция %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <source>Contact quality %1</source>
        <translation>Качество контакта %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <source>Redo %1</source>
        <translation>Повторить: %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <source>Undo %1</source>
        <translation>Отменить: %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/actions.py"/>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/conflict_marks.py"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/conflict_marks.py"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/conflict_marks.py"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/conflict_marks.py"/>
        <source>removed by theirs, changed by ours</source>
        <translation>удалено у них, изменено у нас</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/conflict_marks.py"/>
        <source>removed by ours, changed by theirs</source>
        <translation>удалено у нас, изменено у них</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/conflict_marks.py"/>
        <source>{field}: ours {ours} / theirs {theirs}</source>
        <translation>{field}: у нас {ours} / у них {theirs}</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/emotion_drag.py"/>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <location filename="../../cjm_designer/canvas/operations.py"/>
        <source>Set emotion</source>
        <translation>Задать эмоцию</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/header_drag.py"/>
        <source>Resize stage</source>
        <translation>Изменить ширину этапа</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/header_drag.py"/>
        <source>Resize lane</source>
        <translation>Изменить высоту дорожки</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/header_drag.py"/>
        <source>Move stage</source>
        <translation>Переместить этап</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/header_drag.py"/>
        <source>Move lane</source>
        <translation>Переместить дорожку</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/key_help.py"/>
        <source>Next or previous stage, same lane</source>
        <translation>Следующий или предыдущий этап, та же дорожка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/key_help.py"/>
        <source>Next or previous card, then lane</source>
        <translation>Следующая или предыдущая карточка, затем дорожка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/key_help.py"/>
        <source>First or last stage</source>
        <translation>Первый или последний этап</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/key_help.py"/>
        <source>Next or previous lane</source>
        <translation>Следующая или предыдущая дорожка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/key_help.py"/>
        <source>New card in the current cell</source>
        <translation>Новая карточка в текущей ячейке</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/key_help.py"/>
        <source>typing a character</source>
        <translation>ввод любого символа</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/key_help.py"/>
        <source>Finish the card and start the next</source>
        <translation>Закончить карточку и начать следующую</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/key_help.py"/>
        <source>Finish the text</source>
        <translation>Закончить текст</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/key_help.py"/>
        <source>New line in the text</source>
        <translation>Новая строка в тексте</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/key_help.py"/>
        <source>Cancel the text, or clear the selection</source>
        <translation>Отменить текст или снять выделение</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/key_help.py"/>
        <source>Edit the card, or rename the stage or lane</source>
        <translation>Изменить карточку или переименовать этап либо дорожку</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/key_help.py"/>
        <source>Delete the selection</source>
        <translation>Удалить выделенное</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/key_help.py"/>
        <source>Pan the map</source>
        <translation>Сдвинуть карту</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/key_help.py"/>
        <source>%1 and drag</source>
        <translation>%1 и перетаскивание</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/link_connect.py"/>
        <source>Connect cards</source>
        <translation>Соединить карточки</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>New card</source>
        <translation>Новая карточка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>New stage</source>
        <translation>Новый этап</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>New lane</source>
        <translation>Новая дорожка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Edit text</source>
        <translation>Изменить текст</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Emotion</source>
        <translation>Эмоция</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Very negative</source>
        <translation>Очень негативная</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Negative</source>
        <translation>Негативная</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Neutral</source>
        <translation>Нейтральная</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Positive</source>
        <translation>Позитивная</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Very positive</source>
        <translation>Очень позитивная</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Not set</source>
        <translation>Не задана</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Pain point</source>
        <translation>Болевая точка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <location filename="../../cjm_designer/canvas/operations.py"/>
        <source>Mark pain point</source>
        <translation>Отметить болевую точку</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Change link kind</source>
        <translation>Изменить тип связи</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Edit label</source>
        <translation>Изменить подпись</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Rename</source>
        <translation>Переименовать</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Insert stage before</source>
        <translation>Вставить этап перед этим</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Insert stage after</source>
        <translation>Вставить этап после этого</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Insert lane above</source>
        <translation>Вставить дорожку выше</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Insert lane below</source>
        <translation>Вставить дорожку ниже</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Lane kind</source>
        <translation>Тип дорожки</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Change lane kind</source>
        <translation>Изменить тип дорожки</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Move left</source>
        <translation>Сдвинуть влево</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Move up</source>
        <translation>Сдвинуть вверх</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Move right</source>
        <translation>Сдвинуть вправо</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <source>Move down</source>
        <translation>Сдвинуть вниз</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <location filename="../../cjm_designer/canvas/operations.py"/>
        <source>Delete stage</source>
        <translation>Удалить этап</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/menus.py"/>
        <location filename="../../cjm_designer/canvas/operations.py"/>
        <source>Delete lane</source>
        <translation>Удалить дорожку</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/operations.py"/>
        <source>Set contact quality</source>
        <translation>Задать качество контакта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/text_edits.py"/>
        <source>Add card</source>
        <translation>Добавить карточку</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/text_edits.py"/>
        <source>Add card “%1”</source>
        <translation>Добавить карточку «%1»</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/text_edits.py"/>
        <source>Edit card</source>
        <translation>Изменить карточку</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/text_edits.py"/>
        <source>Rename stage</source>
        <translation>Переименовать этап</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/text_edits.py"/>
        <source>Rename lane</source>
        <translation>Переименовать дорожку</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/text_edits.py"/>
        <source>Edit link label</source>
        <translation>Изменить подпись связи</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/canvas/view.py"/>
        <source>This map has no stages yet.
Add one: %1 → %2.</source>
        <translation>На карте пока нет этапов.
Добавьте первый: %1 → %2.</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../cjm_designer/editor/commands.py"/>
        <source>Add card</source>
        <translation>Добавить карточку</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/editor/commands.py"/>
        <source>Add %n cards</source>
        <translation>
            <numerusform>Добавить %n карточку</numerusform>
            <numerusform>Добавить %n карточки</numerusform>
            <numerusform>Добавить %n карточек</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/commands.py"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/commands.py"/>
        <source>Move card</source>
        <translation>Переместить карточку</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/editor/commands.py"/>
        <source>Move %n cards</source>
        <translation>
            <numerusform>Переместить %n карточку</numerusform>
            <numerusform>Переместить %n карточки</numerusform>
            <numerusform>Переместить %n карточек</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/commands.py"/>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/commands.py"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/commands.py"/>
        <source>Reorder</source>
        <translation>Изменить порядок</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/commands.py"/>
        <location filename="../../cjm_designer/editor/edits.py"/>
        <source>Resolve conflict</source>
        <translation>Разрешить конфликт</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/comments.py"/>
        <source>Add comment</source>
        <translation>Добавить комментарий</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/comments.py"/>
        <source>Delete comment</source>
        <translation>Удалить комментарий</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/comments.py"/>
        <source>Resolve comment</source>
        <translation>Отметить комментарий решённым</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/comments.py"/>
        <source>Reopen comment</source>
        <translation>Вернуть комментарий</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/edits.py"/>
        <source>Save snapshot “{name}”</source>
        <translation>Сохранить снимок «{name}»</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/edits.py"/>
        <source>Rename snapshot</source>
        <translation>Переименовать снимок</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/edits.py"/>
        <source>Delete snapshot “{name}”</source>
        <translation>Удалить снимок «{name}»</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/edits.py"/>
        <source>Restore snapshot “{name}”</source>
        <translation>Восстановить снимок «{name}»</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/edits.py"/>
        <source>Start vote</source>
        <translation>Начать голосование</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/edits.py"/>
        <source>End vote</source>
        <translation>Завершить голосование</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/inbox.py"/>
        <source>Accept card</source>
        <translation>Принять карточку</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/editor/inbox.py"/>
        <source>Accept %n cards</source>
        <translation>
            <numerusform>Принять %n карточку</numerusform>
            <numerusform>Принять %n карточки</numerusform>
            <numerusform>Принять %n карточек</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cjm_designer/editor/inbox.py"/>
        <source>Discard card</source>
        <translation>Отклонить карточку</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/editor/inbox.py"/>
        <source>Discard %n cards</source>
        <translation>
            <numerusform>Отклонить %n карточку</numerusform>
            <numerusform>Отклонить %n карточки</numerusform>
            <numerusform>Отклонить %n карточек</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <location filename="../../cjm_designer/ui/comments_panel.py"/>
        <source>Anonymous</source>
        <translation>Аноним</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/comments_panel.py"/>
        <source>resolved</source>
        <translation>решён</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/comments_panel.py"/>
        <source>Reopen</source>
        <translation>Вернуть</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/comments_panel.py"/>
        <source>Resolve</source>
        <translation>Решён</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/comments_panel.py"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/comments_panel.py"/>
        <source>Show &amp;resolved</source>
        <translation>Показывать &amp;решённые</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/comments_panel.py"/>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/comments_panel.py"/>
        <source>Write a comment (Ctrl+Enter adds it)</source>
        <translation>Комментарий (Ctrl+Enter — добавить)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/comments_panel.py"/>
        <source>&amp;Add comment</source>
        <translation>&amp;Добавить комментарий</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/comments_panel.py"/>
        <source>No comments yet: write the first one below.</source>
        <translation>Комментариев пока нет: напишите первый ниже.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/comments_panel.py"/>
        <source>Select one card to see its comments.</source>
        <translation>Выберите одну карточку, чтобы увидеть её комментарии.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/comments_panel.py"/>
        <source>Comments on “%1”</source>
        <translation>Комментарии к «%1»</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/comments_panel.py"/>
        <source>(untitled)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/comments_panel.py"/>
        <source>%1 resolved hidden</source>
        <translation>решённых скрыто: %1</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../cjm_designer/ui/compare_dialog.py"/>
        <source>Compare with</source>
        <translation>Сравнить с</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_dialog.py"/>
        <source>Compare this map with one of its snapshots or with another map file: the comparison shows this map with what changed since then marked on it.</source>
        <translation>Сравните эту карту с одним из её снимков или с другим файлом карты: сравнение покажет эту карту и отметит на ней, что изменилось с тех пор.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_dialog.py"/>
        <source>This map keeps no snapshots yet.</source>
        <translation>В этой карте пока нет снимков.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_dialog.py"/>
        <source>Compare</source>
        <translation>Сравнить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_dialog.py"/>
        <source>Another file…</source>
        <translation>Другой файл…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_dialog.py"/>
        <source>Untitled</source>
        <translation>Без имени</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_dialog.py"/>
        <source>Compare with a map</source>
        <translation>Сравнить с картой</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_dialog.py"/>
        <source>Journey maps (*.cjm)</source>
        <translation>Карты пути (*.cjm)</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location filename="../../cjm_designer/ui/compare_window.py"/>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_window.py"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_window.py"/>
        <source>Changes</source>
        <translation>Изменения</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_window.py"/>
        <source>Select a card to see what changed in it.</source>
        <translation>Выберите карточку, чтобы увидеть, что в ней изменилось.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_window.py"/>
        <source>The card is the same in both maps.</source>
        <translation>Карточка одинакова в обеих картах.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_window.py"/>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_window.py"/>
        <source>PNG image (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_window.py"/>
        <source>Export the comparison</source>
        <translation>Экспорт сравнения</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_window.py"/>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/compare_window.py"/>
        <source>The comparison could not be exported to {path}:
{error}</source>
        <translation>Не удалось экспортировать сравнение в {path}:
{error}</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Persona</source>
        <translation>Персона</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Lane</source>
        <translation>Дорожка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Card</source>
        <translation>Карточка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Link</source>
        <translation>Связь</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Element</source>
        <translation>Элемент</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Ours</source>
        <translation>У нас</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Theirs</source>
        <translation>У них</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Keep &amp;ours</source>
        <translation>Оставить &amp;наше</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Keep &amp;theirs</source>
        <translation>Оставить &amp;их</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>All as o&amp;urs</source>
        <translation>Все как у н&amp;ас</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>All as t&amp;heirs</source>
        <translation>Все как у н&amp;их</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>(the whole element)</source>
        <translation>(весь элемент)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>removed</source>
        <translation>удалено</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>changed</source>
        <translation>изменено</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>%n conflicts from a merge. The map holds our value; keep theirs where it is the right one.</source>
        <translation>
            <numerusform>%n конфликт после слияния. В карте — наше значение; оставьте их значение там, где верно оно.</numerusform>
            <numerusform>%n конфликта после слияния. В карте — наши значения; оставьте их значения там, где верны они.</numerusform>
            <numerusform>%n конфликтов после слияния. В карте — наши значения; оставьте их значения там, где верны они.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>No conflicts left.</source>
        <translation>Конфликтов не осталось.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Keep ours</source>
        <translation>Оставить наше</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>Keep theirs</source>
        <translation>Оставить их</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>This value cannot be kept: %1</source>
        <translation>Это значение нельзя оставить: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/conflicts_notice.py"/>
        <source>⚠ %n conflicts from a merge: resolve them…</source>
        <translation>
            <numerusform>⚠ %n конфликт после слияния: разрешить…</numerusform>
            <numerusform>⚠ %n конфликта после слияния: разрешить…</numerusform>
            <numerusform>⚠ %n конфликтов после слияния: разрешить…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source>%1 (my template)</source>
        <translation>%1 (мой шаблон)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source>As the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source>Automatic: the other screen when there are two</source>
        <translation>Автоматически: другой экран, если их два</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source>Screen %1: %2 × %3 %4</source>
        <translation>Экран %1: %2 × %3 %4</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source>Autosave every</source>
        <translation>Автосохранение каждые</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source>New maps start from</source>
        <translation>Шаблон новой карты</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source>Interface language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source>Present on</source>
        <translation>Экран для показа</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source>Shortcut</source>
        <translation>Сочетание клавиш</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source>Find an action or a key</source>
        <translation>Найти действие или клавишу</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source>About CJM Designer</source>
        <translation>О программе CJM Designer</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/dialogs.py"/>
        <source>CJM Designer %1

Draw customer journey maps offline: stages, lanes, touchpoints, emotions, funnel figures and KPIs.

Licence: MIT. Font: PT Sans (ParaType Free Font License). Icons: Lucide (ISC).</source>
        <translation>CJM Designer %1

Карты пути клиента без интернета: этапы, дорожки, точки контакта, эмоции, показатели воронки и KPI.

Лицензия: MIT. Шрифт: PT Sans (ParaType Free Font License). Значки: Lucide (ISC).</translation>
    </message>
</context>
<context>
    <name>DiskWatch</name>
    <message>
        <location filename="../../cjm_designer/ui/disk_watch.py"/>
        <source>File deleted</source>
        <translation>Файл удалён</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/disk_watch.py"/>
        <source>%1 was deleted or moved by another program. The map is still open here; save it to write the file again.</source>
        <translation>Файл %1 удалила или переместила другая программа. Карта по-прежнему открыта здесь; сохраните её, чтобы записать файл снова.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/disk_watch.py"/>
        <source>Changed on disk</source>
        <translation>Файл изменён на диске</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/disk_watch.py"/>
        <source>%1 was changed by another program since it was opened or saved here, and this window has unsaved changes.</source>
        <translation>Файл %1 изменила другая программа после того, как он был открыт или сохранён здесь, а в этом окне есть несохранённые изменения.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/disk_watch.py"/>
        <source>Reload theirs</source>
        <translation>Загрузить их версию</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/disk_watch.py"/>
        <source>Keep mine</source>
        <translation>Оставить мою</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/disk_watch.py"/>
        <source>Save mine as…</source>
        <translation>Сохранить мою как…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/disk_watch.py"/>
        <source>Cannot keep their version</source>
        <translation>Не удалось сохранить их версию</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/disk_watch.py"/>
        <source>Saved; the version changed on disk is kept as %1</source>
        <translation>Сохранено; версия, изменённая на диске, сохранена как %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/disk_watch.py"/>
        <source>%1 (changed on disk %2)</source>
        <translation>%1 (изменён на диске %2)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Export map</source>
        <translation>Экспорт карты</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>PDF document</source>
        <translation>Документ PDF</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>PNG image</source>
        <translation>Изображение PNG</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>SVG drawing</source>
        <translation>Векторный рисунок SVG</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>CSV table (one row a card)</source>
        <translation>Таблица CSV (строка на карточку)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Mermaid journey diagram</source>
        <translation>Диаграмма Mermaid (journey)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>CJM Designer map</source>
        <translation>Карта CJM Designer</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>PowerPoint presentation</source>
        <translation>Презентация PowerPoint</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Excel workbook (cards, stages, lanes, links, personas)</source>
        <translation>Книга Excel (карточки, этапы, дорожки, связи, персоны)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Interactive web page (one file, works offline)</source>
        <translation>Интерактивная веб-страница (один файл, работает без интернета)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>One poster page the size of the map</source>
        <translation>Один лист-плакат размером с карту</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Tiles: full size over several sheets</source>
        <translation>Фрагменты: в натуральную величину на нескольких листах</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Fit the whole map on one sheet</source>
        <translation>Вся карта на одном листе</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Automatic: the fewest sheets, the larger scale</source>
        <translation>Автоматически: меньше листов, крупнее масштаб</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Landscape</source>
        <translation>Альбомная</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Portrait</source>
        <translation>Книжная</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Title, date and page numbers on each sheet</source>
        <translation>Название, дата и номер страницы на каждом листе</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Cover page</source>
        <translation>Титульная страница</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Personas</source>
        <translation>Персоны</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Legend</source>
        <translation>Легенда</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Analytics: funnel, touchpoints, pain points, missed KPIs</source>
        <translation>Аналитика: воронка, точки контакта, болевые точки, невыполненные KPI</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>1× (72 dpi)</source>
        <translation>1× (72 dpi)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>2× (144 dpi)</source>
        <translation>2× (144 dpi)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>300 dpi for print</source>
        <translation>300 dpi для печати</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Transparent background</source>
        <translation>Прозрачный фон</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>For Excel in Russian (semicolons, decimal commas)</source>
        <translation>Для русского Excel (точка с запятой, десятичная запятая)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>A slide with the whole map as a picture</source>
        <translation>Слайд со всей картой в виде изображения</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Include the editable map</source>
        <translation>Вложить редактируемую карту</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Turn off for a client who should get the picture only, not the map to edit.</source>
        <translation>Выключите, если клиент должен получить только изображение, без карты для редактирования.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Open the file when done</source>
        <translation>Открыть файл после экспорта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>A vector drawing that looks the same in every viewer: text is drawn in the map&apos;s font and can still be searched and copied.</source>
        <translation>Векторный рисунок, который выглядит одинаково в любой программе просмотра: текст нарисован шрифтом карты, и его по-прежнему можно искать и копировать.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Every card with its stage, lane and fields.</source>
        <translation>Каждая карточка с её этапом, дорожкой и полями.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Stages become sections; the cards of the buyer-actions lane become tasks, their emotion a score from 1 to 5.</source>
        <translation>Этапы становятся разделами, карточки дорожки «Действия покупателя» — задачами, а их эмоция — оценкой от 1 до 5.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>The map itself, in its canonical form.</source>
        <translation>Сама карта в каноническом виде.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>A 16:9 deck to present: the title, the personas, a slide for each stage with its cards as shapes you can edit, the emotion curve, the funnel as a chart and the analytics.</source>
        <translation>Презентация 16:9 для показа: титульный слайд, персоны, по слайду на этап с карточками в виде редактируемых фигур, кривая эмоций, воронка в виде диаграммы и аналитика.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>A sheet each for the cards, stages, lanes, links, personas and A/B variants, headers in the map&apos;s language, figures as numbers, text as text. Edited, it becomes a map again: cjm-designer import FILE.xlsx -o MAP.cjm</source>
        <translation>По листу на карточки, этапы, дорожки, связи, персоны и A/B-варианты; заголовки на языке карты, числа — числами, текст — текстом. После правки снова становится картой: cjm-designer import ФАЙЛ.xlsx -o КАРТА.cjm</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>One page to send to a client: it opens in any browser without the internet. The map zooms and pans, a click on a card shows all its fields, and the heat map, “show only”, the funnel and the personas are a click away.</source>
        <translation>Одна страница, чтобы отправить клиенту: открывается в любом браузере без интернета. Карту можно увеличивать и двигать, щелчок по карточке показывает все её поля, а тепловая карта, «Показывать только», воронка и персоны — в один щелчок.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Export…</source>
        <translation>Экспортировать…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Pages:</source>
        <translation>Страницы:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Paper:</source>
        <translation>Бумага:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Orientation:</source>
        <translation>Ориентация:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Margins:</source>
        <translation>Поля:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Overlap of tiles:</source>
        <translation>Перекрытие листов:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Resolution:</source>
        <translation>Разрешение:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Size:</source>
        <translation>Размер:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>The file carries the editable map: File → Open or cjm-designer import of it gives the map back.</source>
        <translation>В файле есть редактируемая карта: «Файл → Открыть» или cjm-designer import вернут из него карту.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>The picture only: the file does not carry the map.</source>
        <translation>Только изображение: карты в файле нет.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n страница</numerusform>
            <numerusform>%n страницы</numerusform>
            <numerusform>%n страниц</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>{w} × {h} pixels</source>
        <translation>{w} × {h} пикс.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Untitled</source>
        <translation>Без названия</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>{path} is the map&apos;s own file; an export never replaces it. Choose another name.</source>
        <translation>{path} — это файл самой карты; экспорт никогда не заменяет его. Выберите другое имя.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>The map could not be exported to {path}:
{error}</source>
        <translation>Не удалось экспортировать карту в {path}:
{error}</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Exported</source>
        <translation>Экспорт завершён</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Characters no font has</source>
        <translation>Символы без шрифта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>No font has these characters: they show as blanks or empty boxes.</source>
        <translation>Этих символов нет ни в одном шрифте: они видны как пробелы или пустые прямоугольники.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Cannot open the file</source>
        <translation>Не удалось открыть файл</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>The map is exported to {path}, but no program opened it. Open it from its folder.</source>
        <translation>Карта экспортирована в {path}, но ни одна программа не открыла файл. Откройте его из папки.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Card “{name}”</source>
        <translation>Карточка «{name}»</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Stage “{name}”</source>
        <translation>Этап «{name}»</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Lane “{name}”</source>
        <translation>Дорожка «{name}»</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>Map title “{name}”</source>
        <translation>Название карты «{name}»</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>portrait</source>
        <translation>книжная</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>landscape</source>
        <translation>альбомная</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>{paper} {orientation}, the map at {scale}</source>
        <translation>{paper}, {orientation}, карта в масштабе {scale}</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>{paper} {orientation}, {columns} × {rows} sheets, the map at {scale}</source>
        <translation>{paper}, {orientation}, листов: {columns} × {rows}, карта в масштабе {scale}</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>mm</source>
        <translation>мм</translation>
    </message>
    <message>
        <source>Paper (landscape):</source>
        <translation type="vanished">Бумага (альбомная):</translation>
    </message>
    <message>
        <source>A vector drawing: text stays text, for editing in Inkscape or Illustrator.</source>
        <translation type="vanished">Векторный рисунок: текст остаётся текстом, его можно править в Inkscape или Illustrator.</translation>
    </message>
</context>
<context>
    <name>ExportNotice</name>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/export_notice.py"/>
        <source>Exported to %1 (%n page(s)) in %2</source>
        <translation>
            <numerusform>Экспортировано: %1 (%n страница) в папку %2</numerusform>
            <numerusform>Экспортировано: %1 (%n страницы) в папку %2</numerusform>
            <numerusform>Экспортировано: %1 (%n страниц) в папку %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/export_notice.py"/>
        <source>Exported to %1 (%n slide(s)) in %2</source>
        <translation>
            <numerusform>Экспортировано в %1 (%n слайд) в папку %2</numerusform>
            <numerusform>Экспортировано в %1 (%n слайда) в папку %2</numerusform>
            <numerusform>Экспортировано в %1 (%n слайдов) в папку %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_notice.py"/>
        <source>Exported to %1 (%2 × %3 pixels) in %4</source>
        <translation>Экспортировано: %1 (%2 × %3 пикс.) в папку %4</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_notice.py"/>
        <source>Exported to %1 in %2</source>
        <translation>Экспортировано: %1 в папку %2</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_notice.py"/>
        <source>Show in folder</source>
        <translation>Показать в папке</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_notice.py"/>
        <source>Cannot show the folder</source>
        <translation>Не удалось показать папку</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/export_notice.py"/>
        <source>No file manager opened %1.</source>
        <translation>Ни один файловый менеджер не открыл %1.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Snapshots</source>
        <translation>Снимки</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Undo steps</source>
        <translation>Шаги отмены</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Map opened</source>
        <translation>Карта открыта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Save snapshot…</source>
        <translation>Сохранить снимок…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Restore…</source>
        <translation>Восстановить…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Copy to new map</source>
        <translation>Копировать в новую карту</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Rename…</source>
        <translation>Переименовать…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Save a snapshot of the map as it is now</source>
        <translation>Сохранить снимок карты в её нынешнем виде</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>No snapshots yet. A snapshot keeps the map as it is now, inside its file: take one before a workshop and after each round, to open or restore it here later, or to compare with it (Map → Compare with…).</source>
        <translation>Снимков пока нет. Снимок сохраняет карту в нынешнем виде внутри её файла: сделайте его перед воркшопом и после каждого раунда, чтобы потом открыть или восстановить его здесь или сравнить с ним (Карта → Сравнить с…).</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>damaged</source>
        <translation>повреждён</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Damaged snapshot</source>
        <translation>Повреждённый снимок</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Restore snapshot</source>
        <translation>Восстановить снимок</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Replace the map with the snapshot “%1”? Edit → Undo brings the present map back.</source>
        <translation>Заменить карту снимком «%1»? Правка → Отменить вернёт нынешнюю карту.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Rename snapshot</source>
        <translation>Переименовать снимок</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Delete snapshot</source>
        <translation>Удалить снимок</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Delete the snapshot “%1”?</source>
        <translation>Удалить снимок «%1»?</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/snapshot_dialog.py"/>
        <source>Why this snapshot is taken (optional)</source>
        <translation>Зачем сделан этот снимок (необязательно)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/snapshot_dialog.py"/>
        <source>&amp;Name</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/snapshot_dialog.py"/>
        <source>N&amp;ote</source>
        <translation>&amp;Заметка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/snapshot_dialog.py"/>
        <source>A snapshot needs a name.</source>
        <translation>Снимку нужно название.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/snapshot_dialog.py"/>
        <source>A snapshot of this name is kept already.</source>
        <translation>Снимок с таким названием уже есть.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/snapshot_dialog.py"/>
        <source>Snapshot %1</source>
        <translation>Снимок %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/snapshot_dialog.py"/>
        <source>Save snapshot</source>
        <translation>Сохранить снимок</translation>
    </message>
    <message>
        <source>Save Snapshot…</source>
        <translation type="vanished">Сохранить снимок…</translation>
    </message>
    <message>
        <source>Copy to New Map</source>
        <translation type="vanished">Копировать в новую карту</translation>
    </message>
    <message>
        <source>Rename Snapshot</source>
        <translation type="vanished">Переименовать снимок</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="vanished">&amp;Название:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation type="vanished">&amp;Заметка:</translation>
    </message>
    <message>
        <source>Save Snapshot</source>
        <translation type="vanished">Сохранить снимок</translation>
    </message>
</context>
<context>
    <name>ImportMetrics</name>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Import figures</source>
        <translation>Импорт цифр</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>A report exported from Яндекс.Метрика or Google Analytics 4</source>
        <translation>Отчёт, выгруженный из Яндекс.Метрики или Google Analytics 4</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Page address</source>
        <translation>Адресу страницы</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>UTM tag in the page address</source>
        <translation>UTM-метке в адресе страницы</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Card tag</source>
        <translation>Тегу карточки</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Report:</source>
        <translation>Отчёт:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Match cards by:</source>
        <translation>Сопоставлять карточки по:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Choose a report exported from Яндекс.Метрика or Google Analytics 4: a CSV or Excel file with pages, landing pages or UTM tags and their visits, conversion or time on site. Nothing changes on the map until you press Import, and the data stays on this computer.</source>
        <translation>Выберите отчёт, выгруженный из Яндекс.Метрики или Google Analytics 4: файл CSV или Excel со страницами, страницами входа или UTM-метками и их визитами, конверсией или временем на сайте. Карта не изменится, пока вы не нажмёте «Импортировать», а данные не покидают этот компьютер.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Report rows that matched no card</source>
        <translation>Строки отчёта без карточки</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Cards that matched no row</source>
        <translation>Карточки без строки отчёта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Choose a report</source>
        <translation>Выбор отчёта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Analytics reports (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>Отчёты веб-аналитики (*.csv *.tsv *.txt *.xlsx);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Visits</source>
        <translation>Визиты</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Conversion</source>
        <translation>Конверсия</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Time on site</source>
        <translation>Время на сайте</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Card</source>
        <translation>Карточка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Key</source>
        <translation>Ключ</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>row %1: %2</source>
        <translation>строка %1: %2</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Report rows that matched no card: %1</source>
        <translation>Строки отчёта без карточки: %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Cards that matched no row: %1</source>
        <translation>Карточки без строки отчёта: %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>page address</source>
        <translation>адресу страницы</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>UTM tag</source>
        <translation>UTM-метке</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>tag</source>
        <translation>тегу</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>%1: %n row(s) by “%2”, cards matched by %3.</source>
        <translation>
            <numerusform>%1: %n строка по «%2», карточки сопоставлены по %3.</numerusform>
            <numerusform>%1: %n строки по «%2», карточки сопоставлены по %3.</numerusform>
            <numerusform>%1: %n строк по «%2», карточки сопоставлены по %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>A tree report: %n subtotal row(s) of upper levels left out, only the deepest rows are read.</source>
        <translation>
            <numerusform>Отчёт-дерево: %n строка с промежуточным итогом верхних уровней пропущена, читаются только самые глубокие строки.</numerusform>
            <numerusform>Отчёт-дерево: %n строки с промежуточными итогами верхних уровней пропущены, читаются только самые глубокие строки.</numerusform>
            <numerusform>Отчёт-дерево: %n строк с промежуточными итогами верхних уровней пропущены, читаются только самые глубокие строки.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>No card matched: choose another field to match by, or give the cards the report&apos;s page addresses, UTM tags or tags.</source>
        <translation>Ни одна карточка не сопоставлена: выберите другое поле для сопоставления или укажите в карточках адреса страниц, UTM-метки или теги из отчёта.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Nothing to import: the %n matched card(s) already have these figures.</source>
        <translation>
            <numerusform>Импортировать нечего: у %n сопоставленной карточки уже эти показатели.</numerusform>
            <numerusform>Импортировать нечего: у %n сопоставленных карточек уже эти показатели.</numerusform>
            <numerusform>Импортировать нечего: у %n сопоставленных карточек уже эти показатели.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Import gives %n card(s) new figures.</source>
        <translation>
            <numerusform>Импорт даст новые показатели %n карточке.</numerusform>
            <numerusform>Импорт даст новые показатели %n карточкам.</numerusform>
            <numerusform>Импорт даст новые показатели %n карточкам.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>%n other matched card(s) already have them.</source>
        <translation>
            <numerusform>Ещё у %n сопоставленной карточки они уже есть.</numerusform>
            <numerusform>Ещё у %n сопоставленных карточек они уже есть.</numerusform>
            <numerusform>Ещё у %n сопоставленных карточек они уже есть.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Row %1 (%2) fills several cards, each gets its figures: %3</source>
        <translation>Строка %1 (%2) подходит нескольким карточкам, цифры получает каждая: %3</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>%1 matches rows %2: visits are summed, conversion and time on site averaged by visits</source>
        <translation>%1 совпадает со строками %2: визиты сложены, конверсия и время на сайте усреднены с весом по визитам</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>… and %1 more</source>
        <translation>… и ещё %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Import figures from %1</source>
        <translation>Импорт цифр из %1</translation>
    </message>
    <message>
        <source>Choose a report: a CSV or Excel file with pages, landing pages or UTM tags and their visits, conversion or time on site. The data stays on this computer.</source>
        <translation type="vanished">Выберите отчёт: файл CSV или Excel со страницами, страницами входа или UTM-метками и их визитами, конверсией или временем на сайте. Данные не покидают этот компьютер.</translation>
    </message>
    <message>
        <source>%1: key column “%3”, rows: %2; cards matched by %4. Cards with new figures: %5, unchanged: %6.</source>
        <translation type="vanished">%1: ключевой столбец «%3», строк: %2; карточки сопоставлены по %4. Карточек с новыми цифрами: %5, без изменений: %6.</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>(stage removed)</source>
        <translation>(этап удалён)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>(lane removed)</source>
        <translation>(дорожка удалена)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>&amp;Accept</source>
        <translation>&amp;Принять</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>&amp;Discard</source>
        <translation>&amp;Отклонить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>Accept a&amp;ll</source>
        <translation>Принять &amp;все</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>Put the chosen cards on the map, each at the end of its cell (Enter, or a double-click)</source>
        <translation>Поставить выбранные карточки на карту, каждую в конец своей ячейки (Enter или двойной щелчок)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>Throw the chosen cards away (Delete)</source>
        <translation>Отклонить выбранные карточки (Delete)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>Cards the room sent wait here. Accept puts each at the end of its cell; Edit changes its text first.</source>
        <translation>Здесь ждут карточки от участников. «Принять» ставит каждую в конец её ячейки; «Изменить» — сначала поправить текст.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>No cards from the room yet. Workshop → Invite participants lets people send cards from their phones.</source>
        <translation>От участников карточек пока нет. Воркшоп → Пригласить участников — и они смогут присылать карточки с телефонов.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>anonymous</source>
        <translation>аноним</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>Inbox</source>
        <translation>Входящие</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>The cards cannot be accepted: %1</source>
        <translation>Карточки нельзя принять: %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>Edit card</source>
        <translation>Изменить карточку</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>The first line is the card&apos;s title, the rest its text:</source>
        <translation>Первая строка — заголовок карточки, остальное — её текст:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>Where should it go?</source>
        <translation>Куда её поставить?</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>The stage or lane “%1” was sent to is no longer on the map. Choose a cell for it:</source>
        <translation>Этапа или дорожки, куда прислали «%1», на карте больше нет. Выберите ячейку:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>Stage:</source>
        <translation>Этап:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>Lane:</source>
        <translation>Дорожка:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inbox.py"/>
        <source>The map has no stage or no lane to put the card in.</source>
        <translation>На карте нет этапа или дорожки, куда поставить карточку.</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../cjm_designer/ui/colour_field.py"/>
        <source>Choose a colour</source>
        <translation>Выберите цвет</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/colour_field.py"/>
        <source>Other colour…</source>
        <translation>Другой цвет…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/colour_field.py"/>
        <source>No colour</source>
        <translation>Без цвета</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/field_form.py"/>
        <source>Edit %1</source>
        <translation>Изменить поле «%1»</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/field_form.py"/>
        <source>several values</source>
        <translation>разные значения</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/field_form.py"/>
        <location filename="../../cjm_designer/ui/variants_table.py"/>
        <source>a whole number is needed</source>
        <translation>нужно целое число</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/field_form.py"/>
        <location filename="../../cjm_designer/ui/variants_table.py"/>
        <source>a number is needed</source>
        <translation>нужно число</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Persona</source>
        <translation>Персона</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Responsible</source>
        <translation>Ответственный</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Emotion</source>
        <translation>Эмоция</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Contact quality</source>
        <translation>Качество контакта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Pain point</source>
        <translation>Болевая точка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>KPI target</source>
        <translation>Целевое значение KPI</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>KPI actual</source>
        <translation>Фактическое значение KPI</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>KPI unit</source>
        <translation>Единица измерения KPI</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>KPI: lower is better</source>
        <translation>KPI: чем меньше, тем лучше</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <location filename="../../cjm_designer/ui/variants_table.py"/>
        <source>Clicks</source>
        <translation>Клики</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <location filename="../../cjm_designer/ui/variants_table.py"/>
        <source>Conversion, %</source>
        <translation>Конверсия, %</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <location filename="../../cjm_designer/ui/variants_table.py"/>
        <source>Time on site, s</source>
        <translation>Время на сайте, с</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Tags</source>
        <translation>Теги</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>comma-separated</source>
        <translation>через запятую</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <location filename="../../cjm_designer/ui/variants_table.py"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Customer goal</source>
        <translation>Цель клиента</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Customer questions</source>
        <translation>Вопросы клиента</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>What the business does</source>
        <translation>Действия компании</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>People entering</source>
        <translation>Людей на входе</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Minimum width</source>
        <translation>Минимальная ширина</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>automatic</source>
        <translation>автоматически</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Minimum height</source>
        <translation>Минимальная высота</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Label</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Map title</source>
        <translation>Название карты</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Language of the map</source>
        <translation>Язык карты</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Card</source>
        <translation>Карточка</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>%n cards</source>
        <translation>
            <numerusform>%n карточка</numerusform>
            <numerusform>%n карточки</numerusform>
            <numerusform>%n карточек</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Stage</source>
        <translation>Этап</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Lane</source>
        <translation>Дорожка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Link</source>
        <translation>Связь</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/variants_table.py"/>
        <source>A/B variants</source>
        <translation>A/B-варианты</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/variants_table.py"/>
        <source>The variant&apos;s short name, e.g. A</source>
        <translation>Короткое имя варианта, например A</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/variants_table.py"/>
        <source>What differs</source>
        <translation>Что изменено</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/variants_table.py"/>
        <source>CR, %</source>
        <translation>CR, %</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/variants_table.py"/>
        <source>Time, s</source>
        <translation>Время, с</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/variants_table.py"/>
        <source>Add variant</source>
        <translation>Добавить вариант</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/variants_table.py"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/variants_table.py"/>
        <source>Edit A/B variants</source>
        <translation>Изменить A/B-варианты</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/variants_table.py"/>
        <source>Remove variant</source>
        <translation>Удалить вариант</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cjm_designer/canvas/view.py"/>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Insert</source>
        <translation>Вст&amp;авка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Autosave is off: its folder cannot be used (%1)</source>
        <translation>Автосохранение выключено: его папка недоступна (%1)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <location filename="../../cjm_designer/ui/history.py"/>
        <source>Untitled</source>
        <translation>Без названия</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>%1 (read-only)</source>
        <translation>%1 (только чтение)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Read-only</source>
        <translation>Только чтение</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>This map is open in another CJM Designer window, so it is saved here only under a new name.</source>
        <translation>Эта карта открыта в другом окне CJM Designer, поэтому здесь её можно сохранить только под новым именем.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Save map</source>
        <translation>Сохранение карты</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Journey maps (*.cjm)</source>
        <translation>Карты пути клиента (*.cjm)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>This map is open read-only; save it under another name.</source>
        <translation>Эта карта открыта только для чтения; сохраните её под другим именем.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Save as template</source>
        <translation>Сохранить как шаблон</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Name of the template:</source>
        <translation>Название шаблона:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>A template needs a name.</source>
        <translation>У шаблона должно быть название.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Cannot save the template</source>
        <translation>Не удалось сохранить шаблон</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Template saved</source>
        <translation>Шаблон сохранён</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>The template is saved as %1. File → New shows it under My templates.</source>
        <translation>Шаблон сохранён в файл %1. Он появится в окне «Файл → Создать» в разделе «Мои шаблоны».</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Cannot save</source>
        <translation>Не удалось сохранить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Saved %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Save the changes to this map before closing?</source>
        <translation>Сохранить изменения в карте перед закрытием?</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Do&amp;n&apos;t save</source>
        <translation>&amp;Не сохранять</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>The map carried by %1, as it was exported: save it as a map file to keep it</source>
        <translation>Карта из файла %1 — такая, какой её экспортировали. Сохраните её как файл карты (.cjm), чтобы не потерять</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>The picture %1 was changed after it was exported. The map opened is the one it was exported from, not what the picture shows now.</source>
        <translation>Файл %1 изменили после экспорта. Открыта карта, из которой он был экспортирован, а не то, что изображение показывает сейчас.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Changed after export</source>
        <translation>Изменён после экспорта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Open map</source>
        <translation>Открытие карты</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Journey maps and their exports (*.cjm *.pdf *.png *.svg *.html)</source>
        <translation>Карты и их экспорт (*.cjm *.pdf *.png *.svg *.html)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Maps exported as PDF, PNG, SVG or a web page (*.pdf *.png *.svg *.html)</source>
        <translation>Карты, экспортированные в PDF, PNG, SVG или веб-страницу (*.pdf *.png *.svg *.html)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>No recent maps</source>
        <translation>Нет недавних карт</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Revert</source>
        <translation>Возврат к сохранённому</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Discard all changes since the last save?</source>
        <translation>Отменить все изменения, сделанные после последнего сохранения?</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>The file changed on disk but cannot be read: %1</source>
        <translation>Файл изменён на диске, но его не удаётся прочитать: %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Reloaded %1: another program changed it</source>
        <translation>Файл %1 загружен заново: его изменила другая программа</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>Cannot open the map</source>
        <translation>Не удалось открыть карту</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>The file “%1” was written by another version of CJM Designer and cannot be opened by this one. The details are below.</source>
        <translation>Файл «%1» записан другой версией CJM Designer, и эта версия не может его открыть. Подробности ниже.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>The file “%1” could not be opened as a map. The details are below.</source>
        <translation>Файл «%1» не удалось открыть как карту. Подробности ниже.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/document_files.py"/>
        <source>The file “%1” did not open: there is a mistake in it. The details below say where; open an earlier copy of the map, or correct the file at that place.</source>
        <translation>Файл «%1» не открылся: в нём ошибка. Ниже сказано, где именно; откройте более раннюю копию карты или исправьте файл в этом месте.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;New…</source>
        <translation>&amp;Создать…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Save</source>
        <translation>Со&amp;хранить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Save &amp;as…</source>
        <translation>Сохранить &amp;как…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Save as &amp;template…</source>
        <translation>Сохранить как &amp;шаблон…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Save s&amp;napshot…</source>
        <translation>Сохранить с&amp;нимок…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Revert</source>
        <translation>&amp;Вернуться к сохранённому</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>New &amp;card</source>
        <translation>Новая &amp;карточка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Add &amp;persona</source>
        <translation>Добавить &amp;персону</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Map &amp;properties</source>
        <translation>&amp;Свойства карты</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Конфликты…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Compare &amp;with…</source>
        <translation>&amp;Сравнить с…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Import &amp;figures…</source>
        <translation>Импорт &amp;цифр…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Invite participants…</source>
        <translation>&amp;Пригласить участников…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Stop the room</source>
        <translation>&amp;Закрыть комнату</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Сочетания &amp;клавиш</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;About CJM Designer</source>
        <translation>&amp;О программе CJM Designer</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Present</source>
        <translation>&amp;Показ</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Present from the current &amp;stage</source>
        <translation>Показ с текущего &amp;этапа</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Open &amp;recent</source>
        <translation>Открыть &amp;недавние</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Map</source>
        <translation>&amp;Карта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>&amp;Workshop</source>
        <translation>&amp;Воркшоп</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Main</source>
        <translation>Основная панель</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Inspector</source>
        <translation>Свойства</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Personas</source>
        <translation>Персоны</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Analytics</source>
        <translation>Аналитика</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Votes</source>
        <translation>Голосования</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Comments</source>
        <translation>Комментарии</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Add lane</source>
        <translation>Добавить дорожку</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source> (and %1 more)</source>
        <translation> (и ещё %1)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>A damaged snapshot cannot be opened; it is kept as it is: %1</source>
        <translation>Повреждённый снимок нельзя открыть; он сохранён как есть: %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>%1 stages · %2 lanes · %3 cards</source>
        <translation>Этапов: %1 · дорожек: %2 · карточек: %3</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Inbox (%1)</source>
        <translation>Входящие (%1)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/main_window.py"/>
        <source>Inbox</source>
        <translation>Входящие</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="vanished">Сохранить &amp;как…</translation>
    </message>
    <message>
        <source>Save as &amp;Template…</source>
        <translation type="vanished">Сохранить как &amp;шаблон…</translation>
    </message>
    <message>
        <source>Save S&amp;napshot…</source>
        <translation type="vanished">Сохранить с&amp;нимок…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="vanished">Открыть &amp;недавние</translation>
    </message>
    <message>
        <source>Save as Template</source>
        <translation type="vanished">Сохранить как шаблон</translation>
    </message>
    <message>
        <source>Do&amp;n&apos;t Save</source>
        <translation type="vanished">&amp;Не сохранять</translation>
    </message>
    <message>
        <source>&lt;empty&gt;</source>
        <translation type="vanished">&lt;исходное состояние&gt;</translation>
    </message>
    <message>
        <source>Journey maps and their exports (*.cjm *.pdf *.png *.svg)</source>
        <translation type="vanished">Карты и их экспорт (*.cjm *.pdf *.png *.svg)</translation>
    </message>
    <message>
        <source>Maps exported as PDF, PNG or SVG (*.pdf *.png *.svg)</source>
        <translation type="vanished">Карты, экспортированные в PDF, PNG или SVG (*.pdf *.png *.svg)</translation>
    </message>
</context>
<context>
    <name>OpenFiles</name>
    <message>
        <location filename="../../cjm_designer/ui/open_files.py"/>
        <source>a workshop room started from the command line (process %1)</source>
        <translation>комнате воркшопа, запущенной из командной строки (процесс %1)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/open_files.py"/>
        <source>another CJM Designer window (process %1)</source>
        <translation>другом окне CJM Designer (процесс %1)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/open_files.py"/>
        <source>another CJM Designer window</source>
        <translation>другом окне CJM Designer</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/open_files.py"/>
        <source>Already open</source>
        <translation>Карта уже открыта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/open_files.py"/>
        <source>%1 is already open in %2. If both save it, one overwrites the other&apos;s work.</source>
        <translation>Файл %1 уже открыт в %2. Если сохранить его в обоих окнах, одно затрёт работу другого.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/open_files.py"/>
        <source>Open read-only</source>
        <translation>Открыть только для чтения</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/open_files.py"/>
        <source>Open anyway</source>
        <translation>Всё равно открыть</translation>
    </message>
</context>
<context>
    <name>Personas</name>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Geography</source>
        <translation>География</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Occupation</source>
        <translation>Род занятий</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Habits</source>
        <translation>Привычки</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Interests</source>
        <translation>Интересы</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Goals</source>
        <translation>Цели</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Pains</source>
        <translation>Боли</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Quote</source>
        <translation>Цитата</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Curve colour</source>
        <translation>Цвет кривой</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Add persona</source>
        <translation>Добавить персону</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Choose photo…</source>
        <translation>Выбрать фото…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Remove photo</source>
        <translation>Убрать фото</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>No personas yet. A persona is the customer whose journey the map follows: name, age, goals, pains, a typical quote, a photo. Add one to put a face on the map; the map&apos;s title shows it.</source>
        <translation>Персон пока нет. Персона — это клиент, чей путь показывает карта: имя, возраст, цели, боли, типичная цитата, фото. Добавьте персону, чтобы у карты появилось лицо: она показывается под названием карты.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>(no name)</source>
        <translation>(без имени)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>no photo</source>
        <translation>нет фото</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>New persona</source>
        <translation>Новая персона</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Remove persona</source>
        <translation>Удалить персону</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Choose photo</source>
        <translation>Выбор фото</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.webp *.bmp *.gif)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>This file is not an image that can be read.</source>
        <translation>Этот файл не удаётся прочитать как изображение.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/personas.py"/>
        <source>Photo</source>
        <translation>Изменить фото</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <location filename="../../cjm_designer/ui/presentation.py"/>
        <source>Presentation: next step</source>
        <translation>Показ: следующий шаг</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/presentation.py"/>
        <source>Presentation: previous step</source>
        <translation>Показ: предыдущий шаг</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/presentation.py"/>
        <source>Presentation: first or last step</source>
        <translation>Показ: первый или последний шаг</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/presentation.py"/>
        <source>Presentation: stage 1 to 9</source>
        <translation>Показ: этапы с 1 по 9</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/presentation.py"/>
        <source>Presentation: lane by lane on or off</source>
        <translation>Показ: по дорожкам — вкл. или выкл.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/presentation.py"/>
        <source>Presentation: spotlight on the card, or off</source>
        <translation>Показ: подсветить карточку или снять подсветку</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/presentation.py"/>
        <source>a click, %1</source>
        <translation>щелчок, %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/presentation.py"/>
        <source>Presentation: spotlight on the next or previous card</source>
        <translation>Показ: подсветить следующую или предыдущую карточку</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/presentation.py"/>
        <source>Presentation: timer start or stop</source>
        <translation>Показ: запустить или остановить таймер</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/presentation.py"/>
        <source>Presentation: timer a minute more or less</source>
        <translation>Показ: таймер — на минуту больше или меньше</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/presentation.py"/>
        <source>Presentation: black screen on or off</source>
        <translation>Показ: чёрный экран — вкл. или выкл.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/presentation.py"/>
        <source>Presentation: leave</source>
        <translation>Показ: выйти</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/presentation.py"/>
        <source>The whole map</source>
        <translation>Вся карта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/presentation.py"/>
        <source>%1, part %2 of %3</source>
        <translation>%1, часть %2 из %3</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/presentation_overlay.py"/>
        <source>→ next   ← back   L lanes   T timer   Enter spotlight   Esc leave</source>
        <translation>→ дальше   ← назад   L по дорожкам   T таймер   Enter подсветка   Esc выход</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../cjm_designer/ui/recovery.py"/>
        <source>Untitled</source>
        <translation>Без названия</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/recovery.py"/>
        <source>Recover unsaved work?</source>
        <translation>Восстановить несохранённую работу?</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/recovery.py"/>
        <source>CJM Designer was not closed properly. It kept these unsaved maps:</source>
        <translation>CJM Designer завершил работу некорректно. Сохранились копии этих несохранённых карт:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/recovery.py"/>
        <source>Recover</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/recovery.py"/>
        <source>Discard</source>
        <translation>Удалить копии</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/recovery.py"/>
        <source>Not now</source>
        <translation>Не сейчас</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/recovery.py"/>
        <source>Cannot recover</source>
        <translation>Не удалось восстановить</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/recovery.py"/>
        <source>An autosaved map cannot be read. It is kept as %1.</source>
        <translation>Автосохранённую карту не удаётся прочитать. Она сохранена как %1.</translation>
    </message>
</context>
<context>
    <name>TemplateGallery</name>
    <message>
        <location filename="../../cjm_designer/ui/template_gallery.py"/>
        <source>New map</source>
        <translation>Новая карта</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/template_gallery.py"/>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/template_gallery.py"/>
        <source>Delete the selected template of your own</source>
        <translation>Удалить выбранный шаблон (только свой)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/template_gallery.py"/>
        <source>None yet: File → Save as Template… keeps the open map as a template of your own.</source>
        <translation>Пока нет: команда «Файл → Сохранить как шаблон…» сохраняет открытую карту как ваш шаблон.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/template_gallery.py"/>
        <source>&amp;Structure only: stages and lanes, without the example cards, personas and figures</source>
        <translation>Только &amp;структура: этапы и дорожки, без примеров карточек, персон и показателей</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/template_gallery.py"/>
        <source>A clean map for a workshop: the stages with their goals and questions, and the lanes</source>
        <translation>Чистая карта для воркшопа: этапы с целями и вопросами и дорожки</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/template_gallery.py"/>
        <source>Language of the template:</source>
        <translation>Язык шаблона:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/template_gallery.py"/>
        <source>My templates</source>
        <translation>Мои шаблоны</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/template_gallery.py"/>
        <source>Not shown, these files cannot be read:</source>
        <translation>Не показаны, эти файлы не удаётся прочитать:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/template_gallery.py"/>
        <source>Delete the template “%1”? This cannot be undone.</source>
        <translation>Удалить шаблон «%1»? Это действие нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/template_gallery.py"/>
        <source>Delete template</source>
        <translation>Удаление шаблона</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/template_gallery.py"/>
        <source>Cannot delete the template</source>
        <translation>Не удалось удалить шаблон</translation>
    </message>
</context>
<context>
    <name>VoteActions</name>
    <message>
        <location filename="../../cjm_designer/ui/voting.py"/>
        <source>Start dot &amp;vote…</source>
        <translation>Начать &amp;голосование точками…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/voting.py"/>
        <source>&amp;End vote</source>
        <translation>&amp;Завершить голосование</translation>
    </message>
</context>
<context>
    <name>VoteDialog</name>
    <message>
        <location filename="../../cjm_designer/ui/vote_dialog.py"/>
        <source>Start dot vote</source>
        <translation>Голосование точками</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/vote_dialog.py"/>
        <source>Which pains hurt most?</source>
        <translation>Какие боли самые острые?</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/vote_dialog.py"/>
        <source>&amp;Time limit:</source>
        <translation>&amp;Ограничение времени:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/vote_dialog.py"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/vote_dialog.py"/>
        <source>&amp;Start vote</source>
        <translation>&amp;Начать голосование</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/vote_dialog.py"/>
        <source>&amp;Question</source>
        <translation>&amp;Вопрос</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/vote_dialog.py"/>
        <source>&amp;Lanes to vote on</source>
        <translation>&amp;Дорожки для голосования</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/vote_dialog.py"/>
        <source>&amp;Dots per person</source>
        <translation>&amp;Точек у каждого</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation type="vanished">&amp;Вопрос:</translation>
    </message>
    <message>
        <source>&amp;Lanes to vote on:</source>
        <translation type="vanished">&amp;Дорожки для голосования:</translation>
    </message>
    <message>
        <source>&amp;Dots per person:</source>
        <translation type="vanished">&amp;Точек у каждого:</translation>
    </message>
</context>
<context>
    <name>VotesPanel</name>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>Vote</source>
        <translation>Голосование</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>Started</source>
        <translation>Начато</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>Voted</source>
        <translation>Голосов</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>Card</source>
        <translation>Карточка</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>Dots</source>
        <translation>Точки</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>No votes on this map yet.

In a dot vote each participant puts a few dots on the cards that matter most to them, from their phone in the workshop room; the cards are then ranked here by their dots.

Start one with %1 → %2 or the button above.</source>
        <translation>На этой карте ещё не голосовали.

При голосовании точками каждый участник со своего телефона в комнате воркшопа ставит несколько точек на самые важные для него карточки; здесь карточки выстраиваются по числу точек.

Начните голосование: %1 → %2 или кнопка выше.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>Running</source>
        <translation>Идёт</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>Cards by dots: %1</source>
        <translation>Карточки по точкам: %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>(card removed)</source>
        <translation>(карточка удалена)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>(untitled)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>No dots yet</source>
        <translation>Точек пока нет</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>No vote is running.</source>
        <translation>Голосование не идёт.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>Voting: %1</source>
        <translation>Голосование: %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>%1 dots each</source>
        <translation>точек у каждого: %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>%1 voted</source>
        <translation>проголосовали: %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>Time is up</source>
        <translation>Время вышло</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>%1 left</source>
        <translation>осталось %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/votes_panel.py"/>
        <source>Dot vote</source>
        <translation>Голосование точками</translation>
    </message>
</context>
<context>
    <name>Workshop</name>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>New card from %1</source>
        <translation>Новая карточка от: %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>New card from the room</source>
        <translation>Новая карточка от участника</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>%n new cards in the Inbox</source>
        <translation>
            <numerusform>%n новая карточка во входящих</numerusform>
            <numerusform>%n новые карточки во входящих</numerusform>
            <numerusform>%n новых карточек во входящих</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>Ethernet</source>
        <translation>Ethernet</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>VPN or virtual</source>
        <translation>VPN или виртуальная сеть</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>%1, not connected</source>
        <translation>%1, не подключено</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>Invite participants</source>
        <translation>Пригласить участников</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>&amp;Network:</source>
        <translation>&amp;Сеть:</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>Pick the network the participants&apos; phones are on. Changing it restarts the room at a new address: the link and the QR code change.</source>
        <translation>Выберите сеть, к которой подключены телефоны участников. При смене сети комната перезапускается по новому адресу: ссылка и QR-код меняются.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>The address changed: people already in the room need to scan the new code.</source>
        <translation>Адрес изменился: тем, кто уже в комнате, нужно отсканировать новый код.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>&amp;Copy address</source>
        <translation>&amp;Скопировать адрес</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>&amp;Stop the room</source>
        <translation>&amp;Закрыть комнату</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>&amp;Hide</source>
        <translation>С&amp;крыть</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>The room stays open; Workshop → Invite participants shows this again</source>
        <translation>Комната остаётся открытой; Воркшоп → Пригласить участников покажет это окно снова</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>This laptop only (127.0.0.1) — for a rehearsal</source>
        <translation>Только этот ноутбук (127.0.0.1) — для репетиции</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>This laptop only: a browser on this laptop can open the room, phones cannot.</source>
        <translation>Только этот ноутбук: комнату откроет браузер на этом ноутбуке, телефоны — нет.</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>Participants on this network scan the code or type the address in a browser. Cards they send arrive in the Inbox.</source>
        <translation>Участники в этой сети сканируют код или набирают адрес в браузере. Присланные карточки попадут во «Входящие».</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>%n cards received</source>
        <translation>
            <numerusform>Получена %n карточка</numerusform>
            <numerusform>Получены %n карточки</numerusform>
            <numerusform>Получено %n карточек</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>Waiting for cards…</source>
        <translation>Ждём карточки…</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>The room cannot open: %1</source>
        <translation>Комнату не удалось открыть: %1</translation>
    </message>
    <message>
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>The room cannot move to %1: %2</source>
        <translation>Не удалось перенести комнату на %1: %2</translation>
    </message>
    <message>
        <source>This computer is on no network: only a browser on it can open the room.</source>
        <translation type="vanished">Компьютер не подключён к сети: открыть комнату можно только в браузере на нём самом.</translation>
    </message>
    <message>
        <source>On the same Wi-Fi, scan the code or type the address in a browser. Cards people send arrive in the Inbox.</source>
        <translation type="vanished">В той же сети Wi-Fi отсканируйте код или наберите адрес в браузере. Присланные карточки попадут во «Входящие».</translation>
    </message>
</context>
</TS>
