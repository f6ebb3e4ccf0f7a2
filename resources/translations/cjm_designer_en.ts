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
