<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>commands</name>
    <message numerus="yes">
        <location filename="../../cjm_designer/editor/commands.py"/>
        <source>Add %n cards</source>
        <translation>
            <numerusform>Add %n card</numerusform>
            <numerusform>Add %n cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/editor/commands.py"/>
        <source>Move %n cards</source>
        <translation>
            <numerusform>Move %n card</numerusform>
            <numerusform>Move %n cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/editor/inbox.py"/>
        <source>Accept %n cards</source>
        <translation>
            <numerusform>Accept %n card</numerusform>
            <numerusform>Accept %n cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/editor/inbox.py"/>
        <source>Discard %n cards</source>
        <translation>
            <numerusform>Discard %n card</numerusform>
            <numerusform>Discard %n cards</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/conflicts.py"/>
        <source>%n conflicts from a merge. The map holds our value; keep theirs where it is the right one.</source>
        <translation>
            <numerusform>%n conflict from a merge. The map holds our value; keep theirs where it is the right one.</numerusform>
            <numerusform>%n conflicts from a merge. The map holds our value; keep theirs where it is the right one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/conflicts_notice.py"/>
        <source>⚠ %n conflicts from a merge: resolve them…</source>
        <translation>
            <numerusform>⚠ %n conflict from a merge: resolve it…</numerusform>
            <numerusform>⚠ %n conflicts from a merge: resolve them…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/export_dialog.py"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportNotice</name>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/export_notice.py"/>
        <source>Exported to %1 (%n page(s)) in %2</source>
        <translation>
            <numerusform>Exported to %1 (%n page) in %2</numerusform>
            <numerusform>Exported to %1 (%n pages) in %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/export_notice.py"/>
        <source>Exported to %1 (%n slide(s)) in %2</source>
        <translation>
            <numerusform>Exported to %1 (%n slide) in %2</numerusform>
            <numerusform>Exported to %1 (%n slides) in %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportMetrics</name>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>%1: %n row(s) by “%2”, cards matched by %3.</source>
        <translation>
            <numerusform>%1: %n row by “%2”, cards matched by %3.</numerusform>
            <numerusform>%1: %n rows by “%2”, cards matched by %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>A tree report: %n subtotal row(s) of upper levels left out, only the deepest rows are read.</source>
        <translation>
            <numerusform>A tree report: %n subtotal row of upper levels left out, only the deepest rows are read.</numerusform>
            <numerusform>A tree report: %n subtotal rows of upper levels left out, only the deepest rows are read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Nothing to import: the %n matched card(s) already have these figures.</source>
        <translation>
            <numerusform>Nothing to import: the %n matched card already has these figures.</numerusform>
            <numerusform>Nothing to import: the %n matched cards already have these figures.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>Import gives %n card(s) new figures.</source>
        <translation>
            <numerusform>Import gives %n card new figures.</numerusform>
            <numerusform>Import gives %n cards new figures.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/import_metrics_dialog.py"/>
        <source>%n other matched card(s) already have them.</source>
        <translation>
            <numerusform>%n other matched card already has them.</numerusform>
            <numerusform>%n other matched cards already have them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/inspector.py"/>
        <source>%n cards</source>
        <translation>
            <numerusform>%n card</numerusform>
            <numerusform>%n cards</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Workshop</name>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>%n new cards in the Inbox</source>
        <translation>
            <numerusform>%n new card in the Inbox</numerusform>
            <numerusform>%n new cards in the Inbox</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../cjm_designer/ui/workshop.py"/>
        <source>%n cards received</source>
        <translation>
            <numerusform>%n card received</numerusform>
            <numerusform>%n cards received</numerusform>
        </translation>
    </message>
</context>
</TS>
