"""User settings in the platform's place (QSettings), and the folders for autosave copies.

Tests point XDG_CONFIG_HOME and XDG_STATE_HOME at a temporary folder, so nothing of theirs reaches
a real user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ..io.file_locks import APP, state_folder

MAX_RECENT = 10
DEFAULT_AUTOSAVE_SECONDS = 60


class Settings:
    def __init__(self):
        self._q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "CJM Designer", APP)

    def recent_files(self) -> list[str]:
        value = self._q.value("files/recent", [])
        files = [value] if isinstance(value, str) else list(value or [])
        return [f for f in files if Path(f).is_file()][:MAX_RECENT]

    def add_recent(self, path: Path) -> None:
        name = str(Path(path).resolve())
        files = [name] + [f for f in self.recent_files() if f != name]
        self._q.setValue("files/recent", files[:MAX_RECENT])

    def autosave_seconds(self) -> int:
        try:
            return max(10, int(self._q.value("autosave/seconds", DEFAULT_AUTOSAVE_SECONDS)))
        except (TypeError, ValueError):
            return DEFAULT_AUTOSAVE_SECONDS

    def default_template(self) -> str:
        return str(self.value("files/default_template", "blank") or "blank")

    def maps_folder(self) -> Path | None:
        """The folder a map was last saved in or opened from, while it is still there."""
        return _folder(self.value("files/folder"))

    def set_maps_folder(self, folder: Path) -> None:
        self._q.setValue("files/folder", str(Path(folder).absolute()))

    def export_folder(self) -> Path | None:
        """The folder of the last export, while it is still there."""
        return _folder(self.value("export/folder"))

    def structure_only(self) -> bool:
        """File → New takes a template's structure alone (stages and lanes, no examples)."""
        return str(self.value("files/structure_only", "false")).lower() == "true"

    def set_structure_only(self, on: bool) -> None:
        self.set_value("files/structure_only", "true" if on else "false")

    def value(self, key: str, default=None):
        return self._q.value(key, default)

    def set_value(self, key: str, value) -> None:
        self._q.setValue(key, value)


def _folder(value) -> Path | None:
    folder = Path(str(value)) if value else None
    return folder if folder is not None and folder.is_absolute() and folder.is_dir() else None


def recovery_dir() -> Path:
    """Where autosave copies live: the user's state folder, never beside the user's own files.
    Raises OSError when the folder cannot be made (then there is no autosave)."""
    return state_folder("recovery")
