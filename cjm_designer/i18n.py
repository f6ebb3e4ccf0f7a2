"""The interface language: our translations and Qt's own, for the language chosen in the settings.

The setting `ui/language` holds "" (the system's language), "ru" or "en". Every user-visible string
goes through Qt translation (the modules' `tr` helpers call QCoreApplication.translate); the Russian
and English translations are resources/translations/cjm_designer_LANG.ts, compiled to `.qm` files
beside them (resources/translations/README.md tells how to update both).

`current_language()` is the one answer to "which language does the interface speak": the labels the
model holds in both languages (channels, lane kinds, templates) follow it too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .paths import bundled

LANGUAGES = ("ru", "en")
SETTING = "ui/language"
CATALOG = "cjm_designer"  # resources/translations/cjm_designer_LANG.qm
QT_CATALOGS = ("qtbase",)  # Qt's own strings: standard buttons and dialogs, the text boxes' context menus

_installed: list[QTranslator] = []
_language: str | None = None  # the language installed, None before any is


def translations_dir() -> Path:
    return bundled("resources") / "translations"


def system_language() -> str:
    """`ru` when the system's preferred interface language is Russian, otherwise `en`."""
    system = QLocale.system()
    preferred = system.uiLanguages() or [system.name()]
    return "ru" if preferred[0].lower().startswith("ru") else "en"


def resolve(setting: str | None) -> str:
    """The language a setting stands for: "" (or none) the system's, "ru…" Russian, anything else English."""
    setting = str(setting or "").strip().lower()
    if not setting:
        return system_language()
    return "ru" if setting.startswith("ru") else "en"


def current_language() -> str:
    """The interface's language: the one installed, or the system's before any is."""
    return _language or system_language()


def install_translators(app: QCoreApplication | None = None, setting: str | None = "") -> str:
    """Put the translators of the language `setting` stands for in place of those installed before,
    and return that language. Qt sends every window a LanguageChange event, on which it retranslates."""
    global _language
    app = app or QCoreApplication.instance()
    remove_translators(app)
    language = resolve(setting)
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    catalogs = [(f"{CATALOG}_{language}", translations_dir())]
    catalogs += [(f"{name}_{language}", qt_folder) for name in QT_CATALOGS]
    _language = language
    for name, folder in catalogs:
        translator = QTranslator()
        if (folder / f"{name}.qm").is_file() and translator.load(name, str(folder)):
            app.installTranslator(translator)
            _installed.append(translator)
    return language


def remove_translators(app: QCoreApplication | None = None) -> None:
    """Back to the source strings (English), as before any translator was installed."""
    global _language
    app = app or QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)
    _language = None


def installed_files() -> list[str]:
    """The `.qm` files in use, for tests and bug reports."""
    return [t.filePath() for t in _installed]
