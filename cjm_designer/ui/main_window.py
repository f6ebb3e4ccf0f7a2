"""The main window: the map canvas with its menus, toolbars, docks and status bar. Its file (saving,
opening, autosave, the watch on disk, the title) is `DocumentFiles`; each open map has its own window."""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow

from ..canvas import MapScene, MapView
from ..canvas.actions import CanvasActions, icon, tooltip
from ..canvas.navigation import Spot
from ..io.disk_state import DiskState
from ..model import JourneyMap
from ..model.plain import visible_bidi
from .conflicts_notice import ConflictsNotice
from .document_files import OPENABLE, WINDOWS, DocumentFiles
from .export_notice import ExportNotice
from .heat_filter_bar import HeatFilterBar
from .inspector import Inspector
from .lazy_dock import LazyDock
from .overview import Overview
from .settings import Settings
from .voting import VoteActions


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """A window on `doc`: it assembles the canvas, menus, toolbars, docks and status bar. `path`,
    `display_name`, `disk_state` and `read_only` are its file's, kept by `self.files` (`DocumentFiles`)."""

    def __init__(self, doc: JourneyMap, path: Path | None = None, display_name: str | None = None,
                 remember_layout: bool = True, disk_state: DiskState | None = None, read_only: bool = False):
        super().__init__()
        self.remember_layout = remember_layout  # off for --screenshot: the same picture on any machine
        self.setAcceptDrops(True)
        self.settings = Settings()
        self.files = DocumentFiles(self, doc, path, self.settings, display_name, disk_state, read_only)
        self.session = self.files.session
        self.scene = MapScene(self.session, parent=self)
        self.view = MapView(self.scene)
        self.setCentralWidget(self.view)
        self.actions_ = CanvasActions(self.view)
        self.inspector = Inspector(self.scene)
        self.docks = [self._dock("inspector", lambda: self.inspector), self._dock("personas", self._make_personas),
                      self._dock("history", self._make_history), self._dock("overview", lambda: Overview(self.view)),
                      self._dock("analytics", self._make_analytics), self._dock("inbox", self._make_inbox),
                      self._dock("votes", self._make_votes), self._dock("comments", self._make_comments)]
        for on_screen in (self.docks[0], self.docks[3]):  # the others are tabs behind the Inspector
            on_screen.content()
        self.analyse_bar = HeatFilterBar(self.scene, self)
        self.tabifyDockWidget(self.docks[0], self.docks[1])
        self.tabifyDockWidget(self.docks[1], self.docks[2])
        self.tabifyDockWidget(self.docks[2], self.docks[4])
        self.tabifyDockWidget(self.docks[4], self.docks[5])
        self.tabifyDockWidget(self.docks[5], self.docks[6])
        self.tabifyDockWidget(self.docks[6], self.docks[7])
        for workshop_dock in self.docks[5:]:  # Inbox, Votes, Comments: shown when the room, a vote or View asks
            workshop_dock.hide()
        self.docks[0].raise_()
        self.resizeDocks([self.docks[0]], [380], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks[0], self.docks[3]], [640, 180], Qt.Orientation.Vertical)
        self._presentation = None  # made on first use (`presentation`): the first frame needs none of it
        self.voting = VoteActions(self.scene, self, lambda: self._show_dock("votes"))
        self._build_menus()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.analyse_bar)  # after the main toolbar
        self.zoom_label = QLabel()
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.export_notice = ExportNotice(self.statusBar())
        self.conflicts_notice = ConflictsNotice(self.session, self.statusBar(), self.show_conflicts)
        self.conflicts_dialog = None  # Map → Conflicts, made when first asked for
        self.view.zoomChanged.connect(self._show_zoom)
        self._show_zoom(self.view.zoom())
        self.session.changed.connect(self._update_counts)
        self.workshop = None  # Workshop → Invite participants (ui/workshop.py), made when first asked for
        self._set_texts()  # the docks' own are set as they are made
        if doc.snapshots:
            self._announce_damaged_snapshots()
        self.resize(1400, 900)
        if remember_layout:
            self._restore_layout()
        self.view.setFocus()  # the keys act on the map's current cell from the start

    def _dock(self, name: str, make) -> LazyDock:
        dock = LazyDock(name, make, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _named(self, name: str) -> LazyDock:
        return next(dock for dock in self.docks if dock.name == name)

    def _make_personas(self):
        from .personas import PersonasPanel  # here, as the dock is first shown: not at start

        return PersonasPanel(self.session)

    def _make_history(self):
        from .history import HistoryPanel  # here, as the dock is first shown: not at start

        return HistoryPanel(self.files, self.scene.edits)

    def _make_analytics(self):
        from .analytics_panel import AnalyticsPanel  # here, as the dock is first shown: not at start

        panel = AnalyticsPanel(self.session)
        panel.cardChosen.connect(self.show_card)
        return panel

    def _make_votes(self):
        from .votes_panel import VotesPanel  # here, as the dock is first shown: not at start

        panel = VotesPanel(self.session, self.voting.start_action, self.voting.end_action)
        panel.cardChosen.connect(self.show_card)
        return panel

    def _make_comments(self):
        from .comments_panel import CommentsPanel  # here, as the dock is first shown: not at start

        return CommentsPanel(self.scene, self.settings)

    @property
    def votes(self):
        """The Votes panel (`VotesPanel`: the running vote, past votes, cards ranked by dots)."""
        return self._named("votes").content()

    @property
    def comments(self):
        """The Comments panel (`CommentsPanel`: the selected card's thread)."""
        return self._named("comments").content()

    def _make_inbox(self):
        from .inbox import InboxPanel  # here, as the dock is first shown: not at start

        return InboxPanel(self.session)

    @property
    def inbox(self):
        """The Inbox panel (`InboxPanel`: cards the workshop's participants sent), made when first shown."""
        return self._named("inbox").content()

    @property
    def presentation(self):
        """The presentation mode (`Presentation`), made when first asked for: not at start."""
        if self._presentation is None:
            from .presentation import Presentation

            self._presentation = Presentation(self)
        return self._presentation

    @property
    def personas(self):
        """The Personas panel (`PersonasPanel`), made when first shown or asked for."""
        return self._named("personas").content()

    @property
    def history(self):
        """The History panel (`HistoryPanel`: snapshots and undo steps), made when first shown or asked for."""
        return self._named("history").content()

    @property
    def analytics(self):
        """The Analytics panel (`AnalyticsPanel`), made when first shown or asked for."""
        return self._named("analytics").content()

    def _build_menus(self) -> None:
        """The menus and the toolbar; their texts are set by `_set_texts`."""
        a = self.actions_
        a.add_lane.triggered.disconnect()  # the window's Add lane asks for the name and kind (add_lane)
        a.add_lane.triggered.connect(self.add_lane)

        def action(slot, icon_name: str | None = None, shortcut=None) -> QAction:
            made = QAction(icon(icon_name), "", self) if icon_name else QAction(self)
            if shortcut is not None:
                made.setShortcut(shortcut)
            made.triggered.connect(slot)
            return made

        keys, files = QKeySequence.StandardKey, self.files
        self.save_action = action(files.save, "save", keys.Save)
        self.save_as_action = action(files.save_as, shortcut=keys.SaveAs)
        self.save_as_template_action = action(files.save_as_template)
        self.save_snapshot_action = action(self.save_snapshot, shortcut=QKeySequence("Ctrl+Alt+S"))
        self.new_action = action(files.new_from_template, "file-plus", keys.New)
        self.open_action = action(files.choose_and_open, "folder-open", keys.Open)
        self.export_action = action(self.export, "file-down", QKeySequence("Ctrl+E"))
        self.revert_action = action(files.revert)
        self.close_action = action(self.close, shortcut=keys.Close)
        self.quit_action = action(quit_all, shortcut=keys.Quit)
        self.preferences_action = action(self._preferences, shortcut=keys.Preferences)
        self.new_card_action = action(self.new_card, "plus", QKeySequence("Ctrl+Shift+N"))
        self.add_persona_action = action(self._add_persona, "user-round")
        self.map_properties_action = action(self._show_map_properties)
        self.conflicts_action = action(self.show_conflicts)
        self.compare_action = action(self.compare_with)
        self.import_metrics_action = action(self.import_metrics)
        self.invite_action = action(self.invite_participants)
        self.stop_room_action = action(self.stop_room)
        self.shortcuts_action = action(self._shortcuts)
        self.about_action = action(self._about)
        self.file_menu = file_menu = self.menuBar().addMenu("")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(lambda: files.fill_recent(self.recent_menu))
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action, self.save_as_template_action, self.revert_action])
        file_menu.addAction(self.save_snapshot_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addActions([self.close_action, self.quit_action])
        self.edit_menu = edit = self.menuBar().addMenu("")
        edit.addActions([a.undo, a.redo])
        edit.addSeparator()
        edit.addActions([a.cut, a.copy, a.paste, a.duplicate, a.delete])
        edit.addSeparator()
        edit.addAction(a.select_all)
        edit.addSeparator()
        edit.addAction(self.preferences_action)
        self.view_menu = view = self.menuBar().addMenu("")
        view.addActions([a.zoom_in, a.zoom_out, a.zoom_fit, a.zoom_actual])
        view.addSeparator()
        self.present_action = action(lambda: self.presentation.enter(), "presentation", QKeySequence("F5"))
        self.present_here_action = action(lambda: self.presentation.enter(from_here=True),
                                          shortcut=QKeySequence("Shift+F5"))
        view.addActions([self.present_action, self.present_here_action])
        view.addSeparator()
        view.addActions([dock.toggleViewAction() for dock in self.docks])
        view.addAction(self.analyse_bar.toggleViewAction())
        self.insert_menu = insert = self.menuBar().addMenu("")
        insert.addActions([self.new_card_action, a.add_stage, a.add_lane, self.add_persona_action])
        self.map_menu = self.menuBar().addMenu("")
        self.map_menu.addActions([self.map_properties_action, self.add_persona_action])
        self.map_menu.addAction(self.conflicts_action)
        self.map_menu.addAction(self.compare_action)
        self.map_menu.addAction(self.import_metrics_action)
        self.workshop_menu = self.menuBar().addMenu("")
        self.workshop_menu.addActions([self.invite_action, self.stop_room_action])
        self.workshop_menu.addSeparator()
        self.workshop_menu.addActions([self.voting.start_action, self.voting.end_action])
        self.workshop_menu.aboutToShow.connect(
            lambda: self.stop_room_action.setEnabled(self.workshop is not None and self.workshop.is_open()))
        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.addActions([self.shortcuts_action, self.about_action])
        self.toolbar = toolbar = self.addToolBar("")
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        toolbar.addActions([self.new_action, self.open_action, self.save_action, a.undo, a.redo])
        toolbar.addSeparator()
        toolbar.addActions([self.new_card_action, a.add_stage, a.add_lane, a.delete])
        toolbar.addSeparator()
        toolbar.addActions([a.zoom_out, a.zoom_in, a.zoom_fit])
        toolbar.addSeparator()
        toolbar.addAction(self.present_action)

    def retranslate(self) -> None:
        """Every text of the window in the language now installed, when the language changes
        (Preferences): the map, its undo history and the canvas stay as they are. (The Analytics
        panel follows the change by itself.)"""
        self._set_texts()
        self.inspector.retranslate()
        if self._named("personas").made():
            self.personas.retranslate()
        if self._named("history").made():
            self.history.retranslate()

    def _set_texts(self) -> None:
        """The texts of the window's own actions, menus, toolbar, docks' titles and status bar. An
        action or menu added to the window gets its text here."""
        self.actions_.retranslate()
        for action, text in ((self.new_action, tr("&New…")), (self.open_action, tr("&Open…")),
                             (self.save_action, tr("&Save")), (self.save_as_action, tr("Save &as…")),
                             (self.save_as_template_action, tr("Save as &template…")),
                             (self.save_snapshot_action, tr("Save s&napshot…")),
                             (self.revert_action, tr("&Revert")), (self.export_action, tr("&Export…")),
                             (self.close_action, tr("&Close")), (self.quit_action, tr("&Quit")),
                             (self.preferences_action, tr("&Preferences…")),
                             (self.new_card_action, tr("New &card")), (self.add_persona_action, tr("Add &persona")),
                             (self.map_properties_action, tr("Map &properties")),
                             (self.conflicts_action, tr("&Conflicts…")),
                             (self.compare_action, tr("Compare &with…")),
                             (self.import_metrics_action, tr("Import &figures…")),
                             (self.invite_action, tr("&Invite participants…")),
                             (self.stop_room_action, tr("&Stop the room")),
                             (self.shortcuts_action, tr("&Keyboard shortcuts")),
                             (self.about_action, tr("&About CJM Designer")),
                             (self.present_action, tr("&Present")),
                             (self.present_here_action, tr("Present from the current &stage"))):
            action.setText(text)
        for menu, title in ((self.file_menu, tr("&File")), (self.recent_menu, tr("Open &recent")),
                            (self.edit_menu, tr("&Edit")), (self.view_menu, tr("&View")),
                            (self.insert_menu, tr("&Insert")), (self.map_menu, tr("&Map")),
                            (self.workshop_menu, tr("&Workshop")),
                            (self.help_menu, tr("&Help"))):
            menu.setTitle(title)
        self.toolbar.setWindowTitle(tr("Main"))
        self.voting.retranslate()
        titles = {"inspector": tr("Inspector"), "personas": tr("Personas"), "history": tr("History"),
                  "overview": tr("Overview"), "analytics": tr("Analytics"), "inbox": self._inbox_title(),
                  "votes": tr("Votes"), "comments": tr("Comments")}
        for dock in self.docks:
            dock.setWindowTitle(titles[dock.name])
        for action in self._actions():  # with no shortcut, the tooltip follows the text (a dock's title)
            action.setToolTip(tooltip(action) if not action.shortcut().isEmpty() else "")
        self._update_counts()
        self.files.update_title()

    def _actions(self) -> list[QAction]:
        """The actions of the canvas, the menus and the toolbars, taken from them: `findChildren(QAction)`
        would hand PySide every object Qt made in the window (tab bars, item views, animations) and so make
        their classes and enums, 4-5 ms of every start."""
        holders = (self.view, self.file_menu, self.recent_menu, self.edit_menu, self.view_menu, self.insert_menu,
                   self.map_menu, self.workshop_menu, self.help_menu, self.toolbar, self.analyse_bar)
        return [action for holder in holders for action in holder.actions()]

    def _restore_layout(self) -> None:
        """The window's size and the docks as the user left them last time."""
        geometry, state = self.settings.value("window/geometry"), self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def _remember_layout(self) -> None:
        self.settings.set_value("window/geometry", self.saveGeometry())
        self.settings.set_value("window/state", self.saveState())

    def new_card(self) -> None:
        """A new card at the current place: after the current card, else in the current cell
        (canvas/current_cell.py)."""
        place = self.scene.current.place()
        if place is not None:
            self.scene.new_card(*place)

    def add_lane(self) -> None:
        """Insert → Add lane: its name and kind from a small dialog, keys alone; the lane goes after
        the current cell's lane (last without one), and its cell in the current stage becomes current."""
        from .add_lane_dialog import AddLaneDialog  # the dialogs load on first use, not at start

        dialog = AddLaneDialog(self)
        if not dialog.exec():
            return
        doc, spot = self.session.doc, self.scene.current.spot
        lane_id = self.scene.edits.add_lane_after(spot.lane if spot is not None else None, dialog.name(),
                                                  dialog.kind(), tr("Add lane"))
        stage_id = spot.stage if spot is not None else (doc.stages[0].id if doc.stages else None)
        if (stage_id, lane_id) in self.scene.layout.cells:
            self.scene.current.select(Spot(stage_id, lane_id))
        self.view.setFocus()

    def save_snapshot(self) -> None:
        """File → Save Snapshot: the map as it is now kept in it under a name (History lists them)."""
        from .snapshot_dialog import save_snapshot  # the dialogs load on first use, not at start

        if save_snapshot(self, self.scene.edits) is not None:
            self._show_dock("history")

    def _announce_damaged_snapshots(self) -> None:
        """Once, as the map opens: snapshots that cannot be read (kept as they are), the first named."""
        from ..io.snapshots import damaged_snapshots  # only for a map that keeps snapshots

        path = self.session.path
        file_name = path.name if path else self.files.display_name or ""
        damaged = list(damaged_snapshots(self.session.doc, file_name).values())
        if damaged:
            more = tr(" (and %1 more)").replace("%1", str(len(damaged) - 1)) if len(damaged) > 1 else ""
            self.statusBar().showMessage(tr("A damaged snapshot cannot be opened; it is kept as it is: %1")
                                         .replace("%1", visible_bidi(str(damaged[0]))) + more)

    def _add_persona(self) -> None:
        self._show_dock("personas")
        self.personas.add_persona()

    def _show_map_properties(self) -> None:
        self.scene.clearSelection()
        self._show_dock("inspector")

    def _show_dock(self, name: str) -> None:
        dock = self._named(name)
        dock.show()
        dock.raise_()

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)} %")

    def _update_counts(self, _change=None) -> None:
        doc = self.session.doc
        self._named("inbox").setWindowTitle(self._inbox_title())
        self.counts_label.setText(tr("%1 stages · %2 lanes · %3 cards").replace("%1", str(len(doc.stages)))
                                  .replace("%2", str(len(doc.lanes))).replace("%3", str(len(doc.cards))))

    def _inbox_title(self) -> str:
        """The Inbox dock's title, with the number of cards waiting, so that it shows on its tab."""
        waiting = len(self.session.doc.inbox)
        return tr("Inbox (%1)").replace("%1", str(waiting)) if waiting else tr("Inbox")

    def show_card(self, card_id: str) -> None:
        """Select a card and scroll the map to it (from the Analytics dock)."""
        self.scene.select_cards([card_id])
        box = self.scene.layout.cards.get(card_id)
        if box is not None:
            self.view.ensureVisible(QRectF(*box.rect), 40, 40)
        self.view.setFocus()

    def show_conflicts(self) -> None:
        """Map → Conflicts: the list of what a merge left to decide (ui/conflicts.py), beside the map."""
        if self.conflicts_dialog is None:
            from .conflicts import ConflictsDialog  # the dialogs load on first use, not at start

            self.conflicts_dialog = ConflictsDialog(self.session, self)
            self.conflicts_dialog.cardChosen.connect(self.show_card)
        self.conflicts_dialog.show()
        self.conflicts_dialog.raise_()

    def _preferences(self) -> None:
        from .dialogs import Preferences  # the dialogs load on first use, not at start

        Preferences(self.settings, self).exec()

    def _shortcuts(self) -> None:
        from .dialogs import show_shortcuts

        show_shortcuts(self, self.findChildren(QAction))

    def _about(self) -> None:
        from .dialogs import show_about

        show_about(self)

    def compare_with(self) -> None:
        """Map → Compare with…: this map as it is now against one of its snapshots or another file,
        in a window of its own (the map is copied: editing it on goes on here, the comparison stays)."""
        from ..model.compare import compare  # the dialogs load on first use, not at start
        from .compare_dialog import CompareDialog
        from .compare_window import CompareWindow

        dialog = CompareDialog(self.session.doc, self.session.path, self)
        if not dialog.exec() or dialog.chosen is None:
            return
        before, name = dialog.chosen
        diff = compare(before, self.session.doc.model_copy(deep=True))
        CompareWindow(diff, (name, dialog.file_name()), self).show()

    def import_metrics(self) -> None:
        """Map → Import figures…: a web-analytics report's visits, conversion and time on site onto the
        cards, previewed, then one undo step."""
        from .import_metrics_dialog import ImportMetricsDialog  # the dialogs load on first use, not at start

        path = self.session.path
        ImportMetricsDialog(self, self.scene.edits, str(path.parent) if path else "").exec()

    def invite_participants(self) -> None:
        """Workshop → Invite participants: open the room on the local network (never on by itself) and
        show its QR code and address; the cards people send arrive in the Inbox."""
        if self.workshop is None:
            from .workshop import Workshop  # the room's server loads on first use, not at start

            self.workshop = Workshop(self.files, self.settings, self.statusBar(), lambda: self._show_dock("inbox"),
                                     self)
        self.workshop.invite()

    def stop_room(self) -> None:
        if self.workshop is not None:
            self.workshop.stop()

    def export(self) -> None:
        """File → Export: the map as PDF, image, table or diagram; the status bar then tells where it went."""
        from .export_dialog import ExportDialog  # here: the exporters load on first use, not at start

        dialog = ExportDialog(self.session.doc, self.session.path, self.settings, self)
        dialog.exec()
        if dialog.result is not None:
            self.export_notice.announce(dialog.result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self not in WINDOWS:  # closed already: Qt sends a window never shown its close again
            event.accept()
            return
        focused = self.focusWidget()
        if focused is not None:  # a field being typed in commits now, on the whole map, and is asked about
            focused.clearFocus()
        if not self.files.may_close():
            if focused is not None:
                focused.setFocus()
            event.ignore()
            return
        self.stop_room()  # no one sends cards to a map no window holds
        self.files.close()
        if self._presentation is not None:
            self._presentation.leave()  # the layout remembered is the window's own, not the presentation's
        if self.remember_layout:
            self._remember_layout()
        event.accept()
        self._end()

    def _end(self) -> None:
        """A closed window is freed, its map, undo history and scene with it. Qt's connections hold lambdas and
        methods that hold the window, a cycle Python's collector cannot see: left alone it lived as long as
        the program. Its comparisons close with it; its scene is disposed now, before the session (which its
        undo commands belong to) goes with the window, which Qt deletes once the events under way are done.
        The objects the start made were frozen out of the collector's reach (app.kept_from_the_collector): the
        first window's among them are given back to it, or its map would stay in memory all the same."""
        # The CompareWindows (deleted as they close), children of this window: among its direct children
        # only, or PySide would wrap each of the window's hundreds of objects to check its class (4 ms).
        for compared in self.findChildren(QMainWindow, options=Qt.FindChildOption.FindDirectChildrenOnly):
            compared.close()
        self.scene.dispose()
        self.deleteLater()
        gc.unfreeze()

    def changeEvent(self, event) -> None:
        """Leaving the window (to another program, a closed lid) autosaves at once; a new interface
        language retranslates it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.files.autosaver.save_if_needed()
        elif event.type() == QEvent.Type.LanguageChange:  # translators installed anew: Preferences
            self.retranslate()

    def dragEnterEvent(self, event) -> None:
        if any(url.toLocalFile().lower().endswith(OPENABLE) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if url.toLocalFile().lower().endswith(OPENABLE):
                self.files.open_path(Path(url.toLocalFile()))
        event.acceptProposedAction()


def quit_all() -> None:
    """Close every window, each asking about its unsaved changes; stop at the first Cancel."""
    for window in list(WINDOWS):
        if not window.close():
            return

