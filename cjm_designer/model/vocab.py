"""The method's fixed vocabularies: lane kinds, devices, link kinds, known channels and owners.

Channels and owners are open lists: a card may name any channel or owner, and the ones listed here
are those the program knows a label (and later an icon) for. Labels live here, not in Qt, because
templates, CSV and reports need them without a display.
"""

from __future__ import annotations

from enum import StrEnum


class LaneKind(StrEnum):
    BUYER_ACTIONS = "buyer_actions"
    SELLER_ACTIONS = "seller_actions"
    TOUCHPOINTS = "touchpoints"
    CHANNELS = "channels"
    THOUGHTS = "thoughts"
    EMOTIONS = "emotions"
    PAIN_POINTS = "pain_points"
    OPPORTUNITIES = "opportunities"
    KPIS = "kpis"
    OWNERS = "owners"
    TEXT = "text"


class Device(StrEnum):
    DESKTOP = "desktop"
    MOBILE = "mobile"
    TABLET = "tablet"
    OFFLINE = "offline"


class LinkKind(StrEnum):
    FLOW = "flow"
    CALL = "call"
    MESSAGE = "message"
    EMAIL = "email"


LANGUAGES = ("ru", "en")

LANE_KIND_LABELS: dict[str, dict[str, str]] = {
    LaneKind.BUYER_ACTIONS: {"en": "Buyer actions", "ru": "Действия покупателя"},
    LaneKind.SELLER_ACTIONS: {"en": "Seller actions", "ru": "Действия продавца"},
    LaneKind.TOUCHPOINTS: {"en": "Touchpoints", "ru": "Точки контакта"},
    LaneKind.CHANNELS: {"en": "Channels", "ru": "Каналы"},
    LaneKind.THOUGHTS: {"en": "Thoughts and questions", "ru": "Мысли и вопросы"},
    LaneKind.EMOTIONS: {"en": "Emotions", "ru": "Эмоции"},
    LaneKind.PAIN_POINTS: {"en": "Pain points", "ru": "Болевые точки"},
    LaneKind.OPPORTUNITIES: {"en": "Opportunities", "ru": "Возможности"},
    LaneKind.KPIS: {"en": "KPIs", "ru": "KPI"},
    LaneKind.OWNERS: {"en": "Responsible", "ru": "Ответственные"},
    LaneKind.TEXT: {"en": "Notes", "ru": "Заметки"},
}

# Other names a lane of a kind goes by, beside its labels above (in either language).
LANE_KIND_SYNONYMS: dict[str, tuple[str, ...]] = {
    LaneKind.BUYER_ACTIONS: ("Действия клиента", "Действия пользователя", "Customer actions", "User actions",
                             "Actions"),
    LaneKind.SELLER_ACTIONS: ("Действия компании", "Действия бизнеса", "Business actions"),
    LaneKind.THOUGHTS: ("Мысли", "Вопросы", "Thoughts", "Questions"),
    LaneKind.PAIN_POINTS: ("Боли", "Проблемы", "Pains", "Problems"),
    LaneKind.KPIS: ("KPI", "Метрики", "Metrics"),
    LaneKind.OWNERS: ("Ответственный", "Owners", "Owner"),
}


def lane_kind_named(name: str) -> LaneKind | None:
    """The kind a lane's name says (its label or another name of the kind, in either language, any
    case and spacing), or None when the name says none."""
    wanted = " ".join(name.split()).casefold()
    for kind, labels in LANE_KIND_LABELS.items():
        if any(wanted == text.casefold() for text in (*labels.values(), *LANE_KIND_SYNONYMS.get(kind, ()))):
            return LaneKind(kind)
    return None


DEVICE_LABELS: dict[str, dict[str, str]] = {
    Device.DESKTOP: {"en": "Desktop", "ru": "Компьютер"},
    Device.MOBILE: {"en": "Mobile", "ru": "Смартфон"},
    Device.TABLET: {"en": "Tablet", "ru": "Планшет"},
    Device.OFFLINE: {"en": "Offline", "ru": "Офлайн"},
}

LINK_KIND_LABELS: dict[str, dict[str, str]] = {
    LinkKind.FLOW: {"en": "Flow", "ru": "Переход"},
    LinkKind.CALL: {"en": "Call", "ru": "Звонок"},
    LinkKind.MESSAGE: {"en": "Message", "ru": "Сообщение"},
    LinkKind.EMAIL: {"en": "E-mail", "ru": "Письмо"},
}

CHANNEL_LABELS: dict[str, dict[str, str]] = {
    "search_ads": {"en": "Search ads", "ru": "Контекстная реклама"},
    "targeted_ads": {"en": "Targeted ads", "ru": "Таргетированная реклама"},
    "seo": {"en": "SEO", "ru": "SEO"},
    "social": {"en": "Social networks", "ru": "Социальные сети"},
    "recommendations": {"en": "Recommendations", "ru": "Рекомендации"},
    "offline_ads": {"en": "Offline ads", "ru": "Офлайн-реклама"},
    "website": {"en": "Website", "ru": "Сайт"},
    "reviews": {"en": "Reviews", "ru": "Отзывы"},
    "video_reviews": {"en": "Video reviews", "ru": "Видеообзоры"},
    "email": {"en": "E-mail", "ru": "E-mail"},
    "chatbot": {"en": "Chat-bot", "ru": "Чат-бот"},
    "crm": {"en": "CRM", "ru": "CRM"},
    "online_consultation": {"en": "Online consultation", "ru": "Онлайн-консультация"},
    "phone": {"en": "Phone call", "ru": "Телефонный звонок"},
    "messenger": {"en": "SMS / messenger", "ru": "SMS / мессенджер"},
    "live_chat": {"en": "Live chat", "ru": "Онлайн-чат"},
    "shop": {"en": "Shop", "ru": "Магазин"},
    "sales_manager": {"en": "Sales manager", "ru": "Менеджер по продажам"},
    "loyalty": {"en": "Loyalty programme", "ru": "Программа лояльности"},
}

OWNER_LABELS: dict[str, dict[str, str]] = {
    "marketer": {"en": "Marketer", "ru": "Маркетолог"},
    "seo_specialist": {"en": "SEO specialist", "ru": "SEO-специалист"},
    "seller": {"en": "Seller", "ru": "Продавец"},
    "manager": {"en": "Manager", "ru": "Менеджер"},
    "support": {"en": "Support", "ru": "Поддержка"},
}


def label(table: dict[str, dict[str, str]], key: str, language: str) -> str:
    """The label of `key` in `language` (English when missing); an unknown key is its own label."""
    labels = table.get(key)
    if labels is None:
        return key
    return labels.get(language) or labels["en"]
