"""Which bundled Lucide icon stands for what, shared by the canvas and the PDF so both show the same."""

from __future__ import annotations

from pathlib import Path

from ..paths import bundled

CHANNEL_ICONS = {
    "search_ads": "search", "targeted_ads": "target", "seo": "trending-up", "social": "users",
    "recommendations": "thumbs-up", "offline_ads": "newspaper", "website": "globe", "reviews": "star",
    "video_reviews": "video", "email": "mail", "chatbot": "bot", "crm": "database",
    "online_consultation": "headset", "phone": "phone", "messenger": "message-circle",
    "live_chat": "messages-square", "shop": "store", "sales_manager": "briefcase", "loyalty": "gift",
}
OTHER_CHANNEL = "route"  # a channel of the user's own naming
DEVICE_ICONS = {"desktop": "monitor", "mobile": "smartphone", "tablet": "tablet", "offline": "map-pin"}
MARKER_ICONS = {"owner": "user-round", "kpi": "target", "pain": "triangle-alert", "metrics": "chart-column",
                "variants": "trending-up",  # an A/B test: the winner's lift
                "comments": "message-circle"}  # a card's open comments


def channel_icon(channel: str) -> str:
    return CHANNEL_ICONS.get(channel, OTHER_CHANNEL)


def icon_path(name: str) -> Path:
    """The SVG file of a bundled icon."""
    return bundled("icons") / "lucide" / f"{name}.svg"
