<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Etagere::ActivityModel</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::CliCommand</name>
    <message numerus="yes">
        <source>%n edit(s) stay queued in the journal %1 and will be sent by the next etagere or etagere-cli run</source>
        <translation>
            <numerusform>%n edit stays queued in the journal %1 and will be sent by the next etagere or etagere-cli run</numerusform>
            <numerusform>%n edits stay queued in the journal %1 and will be sent by the next etagere or etagere-cli run</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::CliOptions</name>
    <message numerus="yes">
        <source>%1 takes %n argument(s): %1 %2</source>
        <translation>
            <numerusform>%1 takes %n argument: %1 %2</numerusform>
            <numerusform>%1 takes %n arguments: %1 %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::CollectionActions</name>
    <message numerus="yes">
        <source>%n more refused lines are not listed.</source>
        <translation>
            <numerusform>%n more refused line is not listed.</numerusform>
            <numerusform>%n more refused lines are not listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records of &quot;%1&quot; exported to %2</source>
        <translation>
            <numerusform>%n record of &quot;%1&quot; exported to %2</numerusform>
            <numerusform>%n records of &quot;%1&quot; exported to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::CollectionListModel</name>
    <message numerus="yes">
        <source>%1 (fields: %n)</source>
        <translation>
            <numerusform>%1 (%n field)</numerusform>
            <numerusform>%1 (%n fields)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::ConnectionIndicator</name>
    <message numerus="yes">
        <source>Live — sending edits: %n</source>
        <translation>
            <numerusform>Live — sending %n edit</numerusform>
            <numerusform>Live — sending %n edits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waiting for your decision: %n</source>
        <translation>
            <numerusform>%n waiting for your decision</numerusform>
            <numerusform>%n waiting for your decision</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Live — sending edits: %n; %1</source>
        <translation>
            <numerusform>Live — sending %n edit; %1</numerusform>
            <numerusform>Live — sending %n edits; %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline — edits saved on this computer: %n; they will be sent when the server is back. Reconnecting…</source>
        <translation>
            <numerusform>Offline — %n edit saved on this computer; it will be sent when the server is back. Reconnecting…</numerusform>
            <numerusform>Offline — %n edits saved on this computer; they will be sent when the server is back. Reconnecting…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline — edits saved on this computer: %n; they will be sent when the server is back. Reconnecting in %1 s…</source>
        <translation>
            <numerusform>Offline — %n edit saved on this computer; it will be sent when the server is back. Reconnecting in %1 s…</numerusform>
            <numerusform>Offline — %n edits saved on this computer; they will be sent when the server is back. Reconnecting in %1 s…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unsent edits: %n. They are kept on this computer, also across restarts, until the server has them.</source>
        <translation>
            <numerusform>%n unsent edit. It is kept on this computer, also across restarts, until the server has it.</numerusform>
            <numerusform>%n unsent edits. They are kept on this computer, also across restarts, until the server has them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connecting… — edits waiting on this computer: %n</source>
        <translation>
            <numerusform>Connecting… — %n edit waiting on this computer</numerusform>
            <numerusform>Connecting… — %n edits waiting on this computer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No network — edits saved on this computer: %n; they will be sent when the network is back</source>
        <translation>
            <numerusform>No network — %n edit saved on this computer; it will be sent when the network is back</numerusform>
            <numerusform>No network — %n edits saved on this computer; they will be sent when the network is back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed out — edits saved on this computer: %n; they will be sent once you sign in</source>
        <translation>
            <numerusform>Signed out — %n edit saved on this computer; it will be sent once you sign in</numerusform>
            <numerusform>Signed out — %n edits saved on this computer; they will be sent once you sign in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Offline — edits saved on this computer: %n; they will be sent when the server is back</source>
        <translation>
            <numerusform>Offline — %n edit saved on this computer; it will be sent when the server is back</numerusform>
            <numerusform>Offline — %n edits saved on this computer; they will be sent when the server is back</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::CsvImportJob</name>
    <message numerus="yes">
        <source>%n records cannot be imported; nothing was written.</source>
        <translation>
            <numerusform>%n record cannot be imported; nothing was written.</numerusform>
            <numerusform>%n records cannot be imported; nothing was written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records imported into &quot;%1&quot;.</source>
        <translation>
            <numerusform>%n record imported into &quot;%1&quot;.</numerusform>
            <numerusform>%n records imported into &quot;%1&quot;.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the %n records already written were removed again.</source>
        <translation>
            <numerusform>Nothing was imported: the %n record already written was removed again.</numerusform>
            <numerusform>Nothing was imported: the %n records already written were removed again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records could not be removed yet: their deletion waits in the Outbox and is sent when the server can be reached.</source>
        <translation>
            <numerusform>%n record could not be removed yet: its deletion waits in the Outbox and is sent when the server can be reached.</numerusform>
            <numerusform>%n records could not be removed yet: their deletion waits in the Outbox and is sent when the server can be reached.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n values, but the header has %1 columns</source>
        <translation>
            <numerusform>%n value, but the header has %1 columns</numerusform>
            <numerusform>%n values, but the header has %1 columns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::LoadProgressIndicator</name>
    <message numerus="yes">
        <source>(and %n more collections)</source>
        <translation>
            <numerusform>(and %n more collection)</numerusform>
            <numerusform>(and %n more collections)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::MainWindow</name>
    <message numerus="yes">
        <source>Conflicts: %n</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolve a conflict (%n waiting)</source>
        <translation>
            <numerusform>Resolve a conflict (%n waiting)</numerusform>
            <numerusform>Resolve a conflict (%n waiting)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>deletion of %n records</source>
        <translation>
            <numerusform>deletion of %n record</numerusform>
            <numerusform>deletion of %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Records that could not be deleted: %n</source>
        <translation>
            <numerusform>%n record could not be deleted</numerusform>
            <numerusform>%n records could not be deleted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::OutboxPanel</name>
    <message numerus="yes">
        <source>%n edit(s) waiting for the server.</source>
        <translation>
            <numerusform>%n edit waiting for the server.</numerusform>
            <numerusform>%n edits waiting for the server.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::Presence</name>
    <message numerus="yes">
        <source>%1 and %n others are editing this record</source>
        <translation>
            <numerusform>%1 and %n other are editing this record</numerusform>
            <numerusform>%1 and %n others are editing this record</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::SignInController</name>
    <message numerus="yes">
        <source>The server ended your session. Please sign in again; your unsent edits (%n) are kept and will be sent then.</source>
        <translation>
            <numerusform>The server ended your session. Please sign in again; your %n unsent edit is kept and will be sent then.</numerusform>
            <numerusform>The server ended your session. Please sign in again; your %n unsent edits are kept and will be sent then.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You signed out. Your unsent edits (%n) stay on this computer until you sign in again.</source>
        <translation>
            <numerusform>You signed out. Your %n unsent edit stays on this computer until you sign in again.</numerusform>
            <numerusform>You signed out. Your %n unsent edits stay on this computer until you sign in again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed attempts. Try again in %n second.</numerusform>
            <numerusform>Too many failed attempts. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
</TS>
