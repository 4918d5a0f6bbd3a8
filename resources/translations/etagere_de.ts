<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Etagere::ActivityModel</name>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You (elsewhere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 created “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deleted “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed %2 of “%3”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, in %2
%3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::ActivityPanel</name>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent changes by others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes other people make appear here. Click one to go to its record.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::AppController</name>
    <message>
        <source>Etagere cannot start its local server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sign in to the local server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server refused its own session; restart Etagere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Etagere cannot open its journal of pending edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending edits of another Etagere window were not taken over (a record is pending in both, or the file cannot be read); they stay in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Etagere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server keeps stopping; Etagere no longer restarts it. Restart Etagere to try again.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server stopped; starting it again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Etagere started the local server again at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server is gone and cannot be started again: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::CertificateDialog</name>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Etagere did not connect to %1: its certificate could not be verified.&lt;/b&gt; Nothing was sent.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Issued to:&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Issued by:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Valid:&lt;/td&gt;&lt;td&gt;%5 to %6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SHA-256:&lt;/td&gt;&lt;td&gt;&lt;tt&gt;%7&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Trust it only if the server&apos;s operator gave you this same fingerprint.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::CertificateTrust</name>
    <message>
        <source>Not connected to %1: its certificate is not trusted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::CliCommand</name>
    <message>
        <source>interrupted; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the edit of %1/%2 conflicts with a change on the server; open etagere to resolve it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the edit of %1/%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown collection &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no edit is pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) stay queued in the journal %1 and will be sent by the next etagere or etagere-cli run</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::CliOptions</name>
    <message>
        <source>Commands:
  collections             the collections, one JSON line each
  list COLLECTION         the records of a collection, one JSON line each
  get COLLECTION ID       one record
  put COLLECTION ID JSON  puts the JSON object as the data of record ID (checked
                          against the schema first): replaces it in one write, or
                          creates the record when ID is new; waits for the server
  create COLLECTION JSON  creates a record with a new id and waits for the server
  watch COLLECTION        prints each change as a JSON line until SIGINT or SIGTERM
  login USER              reads USER&apos;s password from the first line of standard input,
                          signs in and prints the session token

Every run first sends the edits the journal still holds (login excepted).

Identity: the session token is read from the environment variable ETAGERE_TOKEN,
  export ETAGERE_TOKEN=$(etagere-cli --server URL login alice)
Without --server and ETAGERE_TOKEN, the local server&apos;s own session is used.

Exit codes:
  0    done; every edit of the run is on the server
  1    runtime failure (journal cannot be opened or written, ...)
  2    command-line error (unknown option or command, missing argument, bad JSON)
  3    server unreachable: pending edits stay queued in the journal and are sent
       by the next etagere or etagere-cli run
  4    rejected input: unknown collection or record, bad id, schema violation
       (nothing changed)
  5    an edit conflicts or was refused by the server: open etagere to resolve it
  130  interrupted by SIGINT or SIGTERM (pending edits stay in the journal)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The headless Etagere client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Etagere server at &lt;url&gt; (default: the running local server).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep journals in &lt;dir&gt; (default: the app&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give up waiting for the server after &lt;seconds&gt; (default 60).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log what the client does on stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>collections, list, get, put, create or watch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command&apos;s arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--server: &quot;%1&quot; is not an http:// or https:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a collection name ([a-z][a-z0-9_-]{0,63})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login needs a user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a record id ([A-Za-z0-9_-]{1,128})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON: %1 at offset %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON: the record data must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 takes %n argument(s): %1 %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--timeout: &quot;%1&quot; is not a number of seconds (0 &lt; s &lt;= 86400)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no command given</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::CollectionActions</name>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Collection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a collection with the fields you choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the records of a CSV file to this collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every record of this collection in a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection &quot;%1&quot; created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the running import or export is over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a collection first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV into &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &quot;%1&quot; as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the records of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1 of %2 records to the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the records already written (%1 of %2)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more refused lines are not listed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n records of &quot;%1&quot; exported to %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::CollectionListModel</name>
    <message numerus="yes">
        <source>%1 (fields: %n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::ConflictDialog</name>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict: both changed it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged: your change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged: change by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged: same change on both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolve Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” in %2 was deleted by %3 and by you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deleted “%2” from %3 while you were editing it. Restore it with your values, or accept the deletion?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You deleted “%1” from %2, but %3 changed it in the meantime. Keep their version, or delete it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed “%2” in %3 while you were editing it. Fields only one of you changed are merged; for each field marked Conflict, choose a value or type one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (deleted by %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base (before)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— deleted —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use All &amp;Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use All &amp;Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore with My Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept the Deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Their Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide later: your edit stays pending and the conflict stays listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typed value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · typed value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::ConflictListModel</name>
    <message>
        <source>%1 in %2: %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted on the server, edited by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted on both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted by you, edited on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both edited: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::ConflictResolver</name>
    <message>
        <source>The conflict you were looking at was settled or changed on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conflict could not be resolved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::ConflictsPanel</name>
    <message>
        <source>Unresolved conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts. An edit that clashes with somebody else&apos;s waits here for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a conflict or press Enter to resolve it; the others wait.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::ConnectionIndicator</name>
    <message>
        <source>Live — all changes saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Live — sending edits: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waiting for your decision: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Live — edits %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Live — sending edits: %n; %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Offline — reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Offline — edits saved on this computer: %n; they will be sent when the server is back. Reconnecting…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Offline — reconnecting in %1 s…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Offline — edits saved on this computer: %n; they will be sent when the server is back. Reconnecting in %1 s…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnect attempt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Unsent edits: %n. They are kept on this computer, also across restarts, until the server has them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connecting… — edits waiting on this computer: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No network — waiting for it to come back</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No network — edits saved on this computer: %n; they will be sent when the network is back</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Signed out — sign in to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Signed out — edits saved on this computer: %n; they will be sent once you sign in</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Offline — edits saved on this computer: %n; they will be sent when the server is back</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::CreateCollectionJob</name>
    <message>
        <source>Unexpected answer HTTP %1 to the creation of a collection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::CsvExportJob</name>
    <message>
        <source>There is no collection &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled; %1 was left as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::CsvImportJob</name>
    <message>
        <source>There is no collection &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled before anything was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was stopped before anything was written: the engine is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The columns of %1 do not fit the collection &quot;%2&quot;; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the id %1 is already used on line %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a record with the id %1 already exists in &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a CSV file Etagere can read; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty: it needs at least a header line naming the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n records cannot be imported; nothing was written.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The connection to the server was closed during the import; the records written so far wait in the Outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n records imported into &quot;%1&quot;.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the server refused the record: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server already has a record with the id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the %n records already written were removed again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records could not be removed yet: their deletion waits in the Outbox and is sent when the server can be reached.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>column %1 has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown column &quot;%1&quot;: the columns of &quot;%2&quot; are %3 and %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the column &quot;%1&quot; appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no column for the required field &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n values, but the header has %1 columns</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid record id (1 to 128 of A-Z, a-z, 0-9, _ and -)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::CsvReader</name>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file ends inside a UTF-8 character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is not UTF-8 (or holds a NUL character)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record is longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text after the closing quote of a field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quote inside a field that does not start with one (put the field in quotes and double the quote)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the quoted field that opens on this line is never closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::CsvValues</name>
    <message>
        <source>an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number (with a dot as decimal separator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::CsvWriter</name>
    <message>
        <source>cannot write: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::DemoLauncher</name>
    <message>
        <source>Cannot make the demo account %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot give %1 the demo&apos;s rights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sign %1 in: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::EditCommand</name>
    <message>
        <source>%1; the edit of %2/%3 is queued: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the journal does not know that record or collection yet, so nothing was queued; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the edit could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1/%2 was deleted on the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::EnumValuesEditor</name>
    <message>
        <source>Add &amp;Choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choice %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::FetchChangesJob</name>
    <message>
        <source>Invalid page of changes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change feed is out of order (seq %1 after %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::FetchRecordsJob</name>
    <message>
        <source>Invalid page of records: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s paging does not advance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::FieldDefinitionModel</name>
    <message>
        <source>One line of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text (several lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes or no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored as &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid field name: use a to z, 0 to 9 and _, starting with a letter (at most 64 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another field is called &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A choice needs at least one value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value of a choice cannot be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::FieldEditor</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged value of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::FieldFormat</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::GetCommand</name>
    <message>
        <source>no record &quot;%1&quot; in &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::Journal</name>
    <message>
        <source>all %1 journals of %2 are in use by other programs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the journal %1 is in use by another program (%2, process %3 on %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the journal %1 is in use by another program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the lock file %1.lock (permission denied or no space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the journal %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an Etagere journal, or it is damaged: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an Etagere journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the journal %1 was written by a newer version of Etagere (journal version %2; this version reads up to %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot switch the journal %1 to WAL mode: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot configure the journal %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the journal&apos;s tables: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the journal %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the journal %1 is damaged: bad schema of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the journal %1 is damaged: bad data in record %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot store the collections: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot store the collection %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot store a change of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot store the records of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the journal is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write to the journal %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot commit to the journal %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1 of %2 is pending in both journals, in different versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot store the adopted edits: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::ListCollectionsJob</name>
    <message>
        <source>The collection list has no &quot;collections&quot; array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid collection in the list: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::LoadProgressIndicator</name>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1: %L2 records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(and %n more collections)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::LocalServer</name>
    <message>
        <source>The local server did not report its address in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the local server %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server stopped (exit code %1). %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server could not start again at %1 (exit code %2).
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local server stopped before it was ready (exit code %1).
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another server uses %1, but its address cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another server uses %1, but its address file is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another Etagere server now serves %1 at %2, but this window works with %3. Restart Etagere to use it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::LoginCommand</name>
    <message>
        <source>login: give the password on the first line of standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login as %1 at %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (try again in %1 s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::LoginDialog</name>
    <message>
        <source>Sign in to Etagere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://etagere.example.org:8443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::MainWindow</name>
    <message>
        <source>Etagere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a record to this collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolve Conflict…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose between your version of a record and the version somebody else saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Etagere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server this window is connected to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused a change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Etagere</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Conflicts: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No conflict to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Resolve a conflict (%n waiting)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this record? Everybody working on this collection will see it go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete these %1 records? Everybody working on this collection will see them go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>deletion of %n records</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Records that could not be deleted: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>About Etagere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Etagere %1
Edit shared records live, together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict on “%1”: it waits in the Conflicts panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the records of this collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That record is not in the table (deleted, or hidden by a filter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::NewCollectionDialog</name>
    <message>
        <source>&amp;Add Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example books</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shown in the list of collections; the name when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use lowercase letters a to z, digits, _ and -, starting with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a collection called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowercase letters, digits, _ and -; it cannot be changed later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a cell to change it. A Choice lists its values below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices (for a field of type Choice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choices of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating %1 on the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the collection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may not create collections on this server (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collection could not be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::OutboxModel</name>
    <message>
        <source>%1 in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (in conflict)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::OutboxPanel</name>
    <message>
        <source>Edits waiting for the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the selected edit back: the record returns to the server&apos;s version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the new record “%1”? It has never reached the server and will be gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the deletion of “%1”? The record comes back as the server has it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes to “%1”? The record goes back to the server&apos;s version; what you typed is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not discarded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting: the server has all your edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 edit waiting for the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 edits waiting for the server.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::Presence</name>
    <message>
        <source>You are editing this record in another window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are viewing this record in another window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is editing this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is viewing this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are editing this record in another window too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 are editing this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n others are editing this record</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::ProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::PushChannel</name>
    <message>
        <source>no sign of life from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system reports no network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catching up failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server ended the session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::PutCommand</name>
    <message>
        <source>record %1/%2 is being deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1/%2 has a conflict; open etagere to resolve it first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::RecordDelegate</name>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::RecordForm</name>
    <message>
        <source>Resolve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose between your version of this record and the one somebody else saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a record to see all its fields here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record is no longer in the collection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed meanwhile to “%1”: saving yours asks which to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed it meanwhile to “%2”: saving yours asks which to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet saved on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somebody else changed this record too: choose what to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted here; waiting for the server to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet saved on the server (fields in italics).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Last changed by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is gone: this cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This value cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::RecordHistory</name>
    <message>
        <source>Cannot undo the %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot redo the %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot bring back record %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deletion of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record cannot be deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::RecordSearchBar</name>
    <message>
        <source>Search records (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 of %L2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::RecordTableModel</name>
    <message>
        <source>Last changed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted here; waiting for the server to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet saved on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this record too: the conflict needs your decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2, required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No collection is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add a record: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::RestJob</name>
    <message>
        <source>field &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable answer from the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP 412 without the server&apos;s copy of the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record was changed on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::ServerLocation</name>
    <message>
        <source>no local Etagere server is running (cannot read %1: %2); start etagere, or pass --server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local server&apos;s address file %1 is not valid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::SessionJob</name>
    <message>
        <source>The server&apos;s session lacks its token, user or expiry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::SettingsDialog</name>
    <message>
        <source>Etagere Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ppearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &amp;local server on this computer (no set-up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;team server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://etagere.example.org:8443</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Etagere connects to the chosen server when it starts next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Highlight others&apos; changes for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are %1 on the local server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an http:// or https:// address with a host name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::SignInController</name>
    <message>
        <source>The server ended your session. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server ended your session. Please sign in again; your unsent edits (%n) are kept and will be sent then.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Your sign-in could not be kept in the system keychain (%1); you will be asked to sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You signed out. Your unsent edits (%n) stay on this computer until you sign in again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::SyncEngine</name>
    <message>
        <source>The server refused live updates of %1 (HTTP %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the collections: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the collections: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot load %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save to the journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edit could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown collection &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid record id (1 to 128 of A-Z, a-z, 0-9, _ and -)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 already exists in &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collection cannot be created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflict for record %1 in &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown record %1 in &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edit of record %1 is being sent to the server; wait for its answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 has no pending edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is being deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record has a conflict; resolve it first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::TokenStore</name>
    <message>
        <source>the keychain is not available</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::WatchCommand</name>
    <message>
        <source>watching all the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watching %1 from seq %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server no longer has every change of %1; continuing from seq %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost the connection; resuming %1 in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused to send the changes of %1 (HTTP %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Etagere::WriteRecordJob</name>
    <message>
        <source>The server&apos;s answer to a write has no ETag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer to a write is not a record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>etagere-cli</name>
    <message>
        <source>cannot open the journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server %1 did not answer within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server %1 does not accept this session (set ETAGERE_TOKEN to a token from `etagere-cli login`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot reach the server %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>--server: &quot;%1&quot; is not an http:// or https:// URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit shared records live, together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the Etagere server at &lt;url&gt; (default: the server chosen in Settings, else a local one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --server: sign in as &lt;name&gt;, with the session token in the environment variable ETAGERE_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open two windows side by side, signed in as two people on a local demo server, to show live editing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
