<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Etagere::ActivityModel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>You (elsewhere)</source>
        <translation>Sie (an anderer Stelle)</translation>
    </message>
    <message>
        <source>%1 created “%2”</source>
        <translation>%1 hat „%2“ angelegt</translation>
    </message>
    <message>
        <source>%1 deleted “%2”</source>
        <translation>%1 hat „%2“ gelöscht</translation>
    </message>
    <message>
        <source>%1 changed %2 of “%3”</source>
        <translation>%1 hat %2 von „%3“ geändert</translation>
    </message>
    <message>
        <source>%1, in %2
%3 (%4)</source>
        <translation>%1, in %2
%3 (%4)</translation>
    </message>
</context>
<context>
    <name>Etagere::ActivityPanel</name>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Recent changes by others</source>
        <translation>Neueste Änderungen anderer</translation>
    </message>
    <message>
        <source>Changes other people make appear here. Click one to go to its record.</source>
        <translation>Hier erscheinen Änderungen anderer Personen. Klicken Sie auf eine, um zu ihrem Datensatz zu gelangen.</translation>
    </message>
</context>
<context>
    <name>Etagere::AppController</name>
    <message>
        <source>Etagere cannot start its local server.</source>
        <translation>Etagere kann seinen lokalen Server nicht starten.</translation>
    </message>
    <message>
        <source>Cannot sign in to the local server: %1</source>
        <translation>Anmeldung am lokalen Server nicht möglich: %1</translation>
    </message>
    <message>
        <source>The local server refused its own session; restart Etagere.</source>
        <translation>Der lokale Server hat seine eigene Sitzung abgelehnt; starten Sie Etagere neu.</translation>
    </message>
    <message>
        <source>Etagere cannot open its journal of pending edits.</source>
        <translation>Etagere kann sein Journal der ausstehenden Änderungen nicht öffnen.</translation>
    </message>
    <message>
        <source>Pending edits of another Etagere window were not taken over (a record is pending in both, or the file cannot be read); they stay in %1.</source>
        <translation>Ausstehende Änderungen eines anderen Etagere-Fensters wurden nicht übernommen (ein Datensatz ist in beiden ausstehend, oder die Datei kann nicht gelesen werden); sie bleiben in %1.</translation>
    </message>
    <message>
        <source>Etagere</source>
        <translation>Etagere</translation>
    </message>
    <message>
        <source>The local server keeps stopping; Etagere no longer restarts it. Restart Etagere to try again.
%1</source>
        <translation>Der lokale Server hält immer wieder an; Etagere startet ihn nicht mehr neu. Starten Sie Etagere neu, um es erneut zu versuchen.
%1</translation>
    </message>
    <message>
        <source>The local server stopped; starting it again…</source>
        <translation>Der lokale Server wurde beendet; er wird neu gestartet …</translation>
    </message>
    <message>
        <source>Etagere started the local server again at %1.</source>
        <translation>Etagere hat den lokalen Server unter %1 neu gestartet.</translation>
    </message>
    <message>
        <source>The local server is gone and cannot be started again: %1</source>
        <translation>Der lokale Server ist beendet und kann nicht neu gestartet werden: %1</translation>
    </message>
</context>
<context>
    <name>Etagere::CertificateDialog</name>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Untrusted certificate</source>
        <translation>Nicht vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Etagere did not connect to %1: its certificate could not be verified.&lt;/b&gt; Nothing was sent.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Issued to:&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Issued by:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Valid:&lt;/td&gt;&lt;td&gt;%5 to %6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SHA-256:&lt;/td&gt;&lt;td&gt;&lt;tt&gt;%7&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Trust it only if the server&apos;s operator gave you this same fingerprint.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Etagere hat keine Verbindung zu %1 hergestellt: Sein Zertifikat konnte nicht überprüft werden.&lt;/b&gt; Es wurde nichts gesendet.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;Ausgestellt für:&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Ausgestellt von:&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Gültig:&lt;/td&gt;&lt;td&gt;%5 bis %6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;SHA-256:&lt;/td&gt;&lt;td&gt;&lt;tt&gt;%7&lt;/tt&gt;&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Vertrauen Sie ihm nur, wenn Ihnen der Betreiber des Servers genau diesen Fingerabdruck genannt hat.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Trust this certificate</source>
        <translation>Diesem Zertifikat &amp;vertrauen</translation>
    </message>
</context>
<context>
    <name>Etagere::CertificateTrust</name>
    <message>
        <source>Not connected to %1: its certificate is not trusted.</source>
        <translation>Nicht mit %1 verbunden: Sein Zertifikat ist nicht vertrauenswürdig.</translation>
    </message>
</context>
<context>
    <name>Etagere::Cli</name>
    <message>
        <source>try `etagere-cli --help`</source>
        <translation>versuchen Sie `etagere-cli --help`</translation>
    </message>
</context>
<context>
    <name>Etagere::CliCommand</name>
    <message>
        <source>interrupted; %1</source>
        <translation>unterbrochen; %1</translation>
    </message>
    <message>
        <source>the edit of %1/%2 conflicts with a change on the server; open etagere to resolve it</source>
        <translation>die Änderung von %1/%2 steht in Konflikt mit einer Änderung auf dem Server; öffnen Sie etagere, um ihn zu lösen</translation>
    </message>
    <message>
        <source>the server refused the edit of %1/%2: %3</source>
        <translation>der Server hat die Änderung von %1/%2 abgelehnt: %3</translation>
    </message>
    <message>
        <source>unknown collection &quot;%1&quot;</source>
        <translation>unbekannte Sammlung „%1“</translation>
    </message>
    <message>
        <source>invalid data: %1</source>
        <translation>ungültige Daten: %1</translation>
    </message>
    <message>
        <source>no edit is pending</source>
        <translation>keine Änderung ist ausstehend</translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) stay queued in the journal %1 and will be sent by the next etagere or etagere-cli run</source>
        <translation>
            <numerusform>%n Änderung bleibt im Journal %1 vorgemerkt und wird beim nächsten Lauf von etagere oder etagere-cli gesendet</numerusform>
            <numerusform>%n Änderungen bleiben im Journal %1 vorgemerkt und werden beim nächsten Lauf von etagere oder etagere-cli gesendet</numerusform>
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
        <translation>Befehle:
  collections             die Sammlungen, je eine JSON-Zeile
  list SAMMLUNG           die Datensätze einer Sammlung, je eine JSON-Zeile
  get SAMMLUNG ID         ein Datensatz
  put SAMMLUNG ID JSON    setzt das JSON-Objekt als Daten des Datensatzes ID (zuerst
                          gegen das Schema geprüft): ersetzt ihn in einem Schreibvorgang
                          oder legt ihn an, wenn ID neu ist; wartet auf den Server
  create SAMMLUNG JSON    legt einen Datensatz mit neuer ID an und wartet auf den Server
  watch SAMMLUNG          gibt jede Änderung als JSON-Zeile aus, bis SIGINT oder SIGTERM
  login BENUTZER          liest das Passwort von BENUTZER aus der ersten Zeile der
                          Standardeingabe, meldet an und gibt das Sitzungstoken aus

Jeder Lauf sendet zuerst die Änderungen, die das Journal noch enthält (außer bei login).

Identität: Das Sitzungstoken wird aus der Umgebungsvariablen ETAGERE_TOKEN gelesen,
  export ETAGERE_TOKEN=$(etagere-cli --server URL login alice)
Ohne --server und ETAGERE_TOKEN wird die eigene Sitzung des lokalen Servers verwendet.

Exit-Codes:
  0    fertig; jede Änderung des Laufs ist auf dem Server
  1    Laufzeitfehler (Journal kann nicht geöffnet oder geschrieben werden, ...)
  2    Fehler in der Befehlszeile (unbekannte Option oder unbekannter Befehl, fehlendes
       Argument, ungültiges JSON)
  3    Server nicht erreichbar: ausstehende Änderungen bleiben im Journal vorgemerkt und
       werden beim nächsten Lauf von etagere oder etagere-cli gesendet
  4    abgelehnte Eingabe: unbekannte Sammlung oder unbekannter Datensatz, ungültige ID,
       Verstoß gegen das Schema (nichts geändert)
  5    eine Änderung steht in Konflikt oder wurde vom Server abgelehnt: öffnen Sie
       etagere, um das zu lösen
  130  durch SIGINT oder SIGTERM unterbrochen (ausstehende Änderungen bleiben im Journal)
</translation>
    </message>
    <message>
        <source>The headless Etagere client.</source>
        <translation>Der Etagere-Client ohne Oberfläche.</translation>
    </message>
    <message>
        <source>Etagere server at &lt;url&gt; (default: the running local server).</source>
        <translation>Etagere-Server unter &lt;url&gt; (Vorgabe: der laufende lokale Server).</translation>
    </message>
    <message>
        <source>Keep journals in &lt;dir&gt; (default: the app&apos;s).</source>
        <translation>Journale in &lt;dir&gt; ablegen (Vorgabe: die der App).</translation>
    </message>
    <message>
        <source>Give up waiting for the server after &lt;seconds&gt; (default 60).</source>
        <translation>Nach &lt;seconds&gt; Sekunden nicht mehr auf den Server warten (Vorgabe 60).</translation>
    </message>
    <message>
        <source>Log what the client does on stderr.</source>
        <translation>Protokolliert auf stderr, was der Client tut.</translation>
    </message>
    <message>
        <source>collections, list, get, put, create or watch.</source>
        <translation>collections, list, get, put, create oder watch.</translation>
    </message>
    <message>
        <source>The command&apos;s arguments.</source>
        <translation>Die Argumente des Befehls.</translation>
    </message>
    <message>
        <source>--server: &quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>--server: „%1“ ist keine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a collection name ([a-z][a-z0-9_-]{0,63})</source>
        <translation>„%1“ ist kein Sammlungsname ([a-z][a-z0-9_-]{0,63})</translation>
    </message>
    <message>
        <source>login needs a user name</source>
        <translation>login braucht einen Benutzernamen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a record id ([A-Za-z0-9_-]{1,128})</source>
        <translation>„%1“ ist keine Datensatz-ID ([A-Za-z0-9_-]{1,128})</translation>
    </message>
    <message>
        <source>JSON: %1 at offset %2</source>
        <translation>JSON: %1 an Position %2</translation>
    </message>
    <message>
        <source>JSON: the record data must be a JSON object</source>
        <translation>JSON: Die Daten des Datensatzes müssen ein JSON-Objekt sein</translation>
    </message>
    <message numerus="yes">
        <source>%1 takes %n argument(s): %1 %2</source>
        <translation>
            <numerusform>%1 erwartet %n Argument: %1 %2</numerusform>
            <numerusform>%1 erwartet %n Argumente: %1 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <source>--timeout: &quot;%1&quot; is not a number of seconds (0 &lt; s &lt;= 86400)</source>
        <translation>--timeout: „%1“ ist keine Anzahl Sekunden (0 &lt; s &lt;= 86400)</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
</context>
<context>
    <name>Etagere::CollectionActions</name>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;New Collection…</source>
        <translation>&amp;Neue Sammlung …</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren …</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Create a collection with the fields you choose</source>
        <translation>Eine Sammlung mit den von Ihnen gewählten Feldern anlegen</translation>
    </message>
    <message>
        <source>Add the records of a CSV file to this collection</source>
        <translation>Die Datensätze einer CSV-Datei zu dieser Sammlung hinzufügen</translation>
    </message>
    <message>
        <source>Save every record of this collection in a CSV file</source>
        <translation>Alle Datensätze dieser Sammlung in einer CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Collection &quot;%1&quot; created</source>
        <translation>Sammlung „%1“ angelegt</translation>
    </message>
    <message>
        <source>Wait until the running import or export is over</source>
        <translation>Warten Sie, bis der laufende Import oder Export beendet ist</translation>
    </message>
    <message>
        <source>Select a collection first</source>
        <translation>Wählen Sie zuerst eine Sammlung aus</translation>
    </message>
    <message>
        <source>Import CSV into &quot;%1&quot;</source>
        <translation>CSV in „%1“ importieren</translation>
    </message>
    <message>
        <source>Export &quot;%1&quot; as CSV</source>
        <translation>„%1“ als CSV exportieren</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <source>Checking the records of %1…</source>
        <translation>Die Datensätze von %1 werden geprüft …</translation>
    </message>
    <message>
        <source>Writing %1 of %2 records to the server…</source>
        <translation>%1 von %2 Datensätzen werden auf den Server geschrieben …</translation>
    </message>
    <message>
        <source>Removing the records already written (%1 of %2)…</source>
        <translation>Die bereits geschriebenen Datensätze werden entfernt (%1 von %2) …</translation>
    </message>
    <message numerus="yes">
        <source>%n more refused lines are not listed.</source>
        <translation>
            <numerusform>%n weitere abgelehnte Zeile ist nicht aufgeführt.</numerusform>
            <numerusform>%n weitere abgelehnte Zeilen sind nicht aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben …</translation>
    </message>
    <message numerus="yes">
        <source>%n records of &quot;%1&quot; exported to %2</source>
        <translation>
            <numerusform>%n Datensatz von „%1“ nach %2 exportiert</numerusform>
            <numerusform>%n Datensätze von „%1“ nach %2 exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::CollectionListModel</name>
    <message numerus="yes">
        <source>%1 (fields: %n)</source>
        <translation>
            <numerusform>%1 (%n Feld)</numerusform>
            <numerusform>%1 (%n Felder)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::ConflictDialog</name>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Conflict: both changed it</source>
        <translation>Konflikt: beide haben es geändert</translation>
    </message>
    <message>
        <source>Merged: your change</source>
        <translation>Zusammengeführt: Ihre Änderung</translation>
    </message>
    <message>
        <source>Merged: change by %1</source>
        <translation>Zusammengeführt: Änderung von %1</translation>
    </message>
    <message>
        <source>Merged: same change on both sides</source>
        <translation>Zusammengeführt: dieselbe Änderung auf beiden Seiten</translation>
    </message>
    <message>
        <source>Resolve Conflict</source>
        <translation>Konflikt lösen</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>jemand anderes</translation>
    </message>
    <message>
        <source>“%1” in %2 was deleted by %3 and by you.</source>
        <translation>„%1“ in %2 wurde von %3 und von Ihnen gelöscht.</translation>
    </message>
    <message>
        <source>%1 deleted “%2” from %3 while you were editing it. Restore it with your values, or accept the deletion?</source>
        <translation>%1 hat „%2“ aus %3 gelöscht, während Sie ihn bearbeitet haben. Mit Ihren Werten wiederherstellen oder das Löschen annehmen?</translation>
    </message>
    <message>
        <source>You deleted “%1” from %2, but %3 changed it in the meantime. Keep their version, or delete it anyway?</source>
        <translation>Sie haben „%1“ aus %2 gelöscht, aber %3 hat ihn inzwischen geändert. Die andere Version behalten oder trotzdem löschen?</translation>
    </message>
    <message>
        <source>%1 changed “%2” in %3 while you were editing it. Fields only one of you changed are merged; for each field marked Conflict, choose a value or type one.</source>
        <translation>%1 hat „%2“ in %3 geändert, während Sie ihn bearbeitet haben. Felder, die nur einer von Ihnen geändert hat, werden zusammengeführt; wählen Sie für jedes als Konflikt markierte Feld einen Wert oder geben Sie einen ein.</translation>
    </message>
    <message>
        <source>%1 (deleted by %2)</source>
        <translation>%1 (gelöscht von %2)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Base (before)</source>
        <translation>Basis (vorher)</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Theirs (%1)</source>
        <translation>Deren (%1)</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Deren</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>%1 (unchanged)</source>
        <translation>%1 (unverändert)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Changed by you</source>
        <translation>Von Ihnen geändert</translation>
    </message>
    <message>
        <source>Changed by %1</source>
        <translation>Geändert von %1</translation>
    </message>
    <message>
        <source>— deleted —</source>
        <translation>— gelöscht —</translation>
    </message>
    <message>
        <source>Use All &amp;Mine</source>
        <translation>Alle &amp;meine verwenden</translation>
    </message>
    <message>
        <source>Use All &amp;Theirs</source>
        <translation>Alle &amp;deren verwenden</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Restore with My Values</source>
        <translation>Mit meinen Werten &amp;wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Accept the Deletion</source>
        <translation>Löschen &amp;annehmen</translation>
    </message>
    <message>
        <source>&amp;Keep Their Version</source>
        <translation>Deren Version &amp;behalten</translation>
    </message>
    <message>
        <source>&amp;Delete Anyway</source>
        <translation>&amp;Trotzdem löschen</translation>
    </message>
    <message>
        <source>Decide later: your edit stays pending and the conflict stays listed</source>
        <translation>Später entscheiden: Ihre Änderung bleibt ausstehend und der Konflikt bleibt aufgeführt</translation>
    </message>
    <message>
        <source>Typed value</source>
        <translation>Eingegebener Wert</translation>
    </message>
    <message>
        <source> · typed value</source>
        <translation> · eingegebener Wert</translation>
    </message>
    <message>
        <source>Not valid: %1</source>
        <translation>Ungültig: %1</translation>
    </message>
</context>
<context>
    <name>Etagere::ConflictListModel</name>
    <message>
        <source>%1 in %2: %3 (%4)</source>
        <translation>%1 in %2: %3 (%4)</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
    <message>
        <source>Deleted on the server, edited by you</source>
        <translation>Auf dem Server gelöscht, von Ihnen bearbeitet</translation>
    </message>
    <message>
        <source>Deleted on both sides</source>
        <translation>Auf beiden Seiten gelöscht</translation>
    </message>
    <message>
        <source>Deleted by you, edited on the server</source>
        <translation>Von Ihnen gelöscht, auf dem Server bearbeitet</translation>
    </message>
    <message>
        <source>Both edited</source>
        <translation>Beide bearbeitet</translation>
    </message>
    <message>
        <source>Both edited: %1</source>
        <translation>Beide bearbeitet: %1</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Geändert von</translation>
    </message>
</context>
<context>
    <name>Etagere::ConflictResolver</name>
    <message>
        <source>The conflict you were looking at was settled or changed on the server</source>
        <translation>Der angezeigte Konflikt wurde auf dem Server gelöst oder geändert</translation>
    </message>
    <message>
        <source>The conflict could not be resolved: %1</source>
        <translation>Der Konflikt konnte nicht gelöst werden: %1</translation>
    </message>
</context>
<context>
    <name>Etagere::ConflictsPanel</name>
    <message>
        <source>Unresolved conflicts</source>
        <translation>Ungelöste Konflikte</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Lösen …</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Konflikte (%1)</translation>
    </message>
    <message>
        <source>No conflicts. An edit that clashes with somebody else&apos;s waits here for you.</source>
        <translation>Keine Konflikte. Eine Änderung, die mit der eines anderen kollidiert, wartet hier auf Sie.</translation>
    </message>
    <message>
        <source>Double-click a conflict or press Enter to resolve it; the others wait.</source>
        <translation>Doppelklicken Sie auf einen Konflikt oder drücken Sie die Eingabetaste, um ihn zu lösen; die anderen warten.</translation>
    </message>
</context>
<context>
    <name>Etagere::ConnectionIndicator</name>
    <message>
        <source>Live — all changes saved</source>
        <translation>Live – alle Änderungen gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>Live — sending edits: %n</source>
        <translation>
            <numerusform>Live – %n Änderung wird gesendet</numerusform>
            <numerusform>Live – %n Änderungen werden gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>waiting for your decision: %n</source>
        <translation>
            <numerusform>%n wartet auf Ihre Entscheidung</numerusform>
            <numerusform>%n warten auf Ihre Entscheidung</numerusform>
        </translation>
    </message>
    <message>
        <source>Live — edits %1</source>
        <translation>Live – Änderungen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Live — sending edits: %n; %1</source>
        <translation>
            <numerusform>Live – %n Änderung wird gesendet; %1</numerusform>
            <numerusform>Live – %n Änderungen werden gesendet; %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline — reconnecting…</source>
        <translation>Offline – Verbindung wird wiederhergestellt …</translation>
    </message>
    <message numerus="yes">
        <source>Offline — edits saved on this computer: %n; they will be sent when the server is back. Reconnecting…</source>
        <translation>
            <numerusform>Offline – %n Änderung auf diesem Computer gespeichert; sie wird gesendet, sobald der Server wieder da ist. Verbindung wird wiederhergestellt …</numerusform>
            <numerusform>Offline – %n Änderungen auf diesem Computer gespeichert; sie werden gesendet, sobald der Server wieder da ist. Verbindung wird wiederhergestellt …</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline — reconnecting in %1 s…</source>
        <translation>Offline – neuer Verbindungsversuch in %1 s …</translation>
    </message>
    <message numerus="yes">
        <source>Offline — edits saved on this computer: %n; they will be sent when the server is back. Reconnecting in %1 s…</source>
        <translation>
            <numerusform>Offline – %n Änderung auf diesem Computer gespeichert; sie wird gesendet, sobald der Server wieder da ist. Neuer Verbindungsversuch in %1 s …</numerusform>
            <numerusform>Offline – %n Änderungen auf diesem Computer gespeichert; sie werden gesendet, sobald der Server wieder da ist. Neuer Verbindungsversuch in %1 s …</numerusform>
        </translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Reconnect attempt: %1</source>
        <translation>Verbindungsversuch: %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message numerus="yes">
        <source>Unsent edits: %n. They are kept on this computer, also across restarts, until the server has them.</source>
        <translation>
            <numerusform>%n nicht gesendete Änderung. Sie wird auf diesem Computer aufbewahrt, auch über Neustarts hinweg, bis der Server sie hat.</numerusform>
            <numerusform>%n nicht gesendete Änderungen. Sie werden auf diesem Computer aufbewahrt, auch über Neustarts hinweg, bis der Server sie hat.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message numerus="yes">
        <source>Connecting… — edits waiting on this computer: %n</source>
        <translation>
            <numerusform>Verbindung wird hergestellt … – %n Änderung wartet auf diesem Computer</numerusform>
            <numerusform>Verbindung wird hergestellt … – %n Änderungen warten auf diesem Computer</numerusform>
        </translation>
    </message>
    <message>
        <source>No network — waiting for it to come back</source>
        <translation>Kein Netzwerk – es wird gewartet, bis es wieder da ist</translation>
    </message>
    <message numerus="yes">
        <source>No network — edits saved on this computer: %n; they will be sent when the network is back</source>
        <translation>
            <numerusform>Kein Netzwerk – %n Änderung auf diesem Computer gespeichert; sie wird gesendet, sobald das Netzwerk wieder da ist</numerusform>
            <numerusform>Kein Netzwerk – %n Änderungen auf diesem Computer gespeichert; sie werden gesendet, sobald das Netzwerk wieder da ist</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed out — sign in to sync</source>
        <translation>Abgemeldet – melden Sie sich an, um abzugleichen</translation>
    </message>
    <message numerus="yes">
        <source>Signed out — edits saved on this computer: %n; they will be sent once you sign in</source>
        <translation>
            <numerusform>Abgemeldet – %n Änderung auf diesem Computer gespeichert; sie wird gesendet, sobald Sie sich anmelden</numerusform>
            <numerusform>Abgemeldet – %n Änderungen auf diesem Computer gespeichert; sie werden gesendet, sobald Sie sich anmelden</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>Offline — edits saved on this computer: %n; they will be sent when the server is back</source>
        <translation>
            <numerusform>Offline – %n Änderung auf diesem Computer gespeichert; sie wird gesendet, sobald der Server wieder da ist</numerusform>
            <numerusform>Offline – %n Änderungen auf diesem Computer gespeichert; sie werden gesendet, sobald der Server wieder da ist</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::CreateCollectionJob</name>
    <message>
        <source>Unexpected answer HTTP %1 to the creation of a collection</source>
        <translation>Unerwartete Antwort HTTP %1 auf das Anlegen einer Sammlung</translation>
    </message>
</context>
<context>
    <name>Etagere::CsvExportJob</name>
    <message>
        <source>There is no collection &quot;%1&quot;</source>
        <translation>Es gibt keine Sammlung „%1“</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The export was cancelled; %1 was left as it was</source>
        <translation>Der Export wurde abgebrochen; %1 blieb unverändert</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>Etagere::CsvImportJob</name>
    <message>
        <source>There is no collection &quot;%1&quot;</source>
        <translation>Es gibt keine Sammlung „%1“</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The import was cancelled before anything was written.</source>
        <translation>Der Import wurde abgebrochen, bevor etwas geschrieben wurde.</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>Der Import wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The import was stopped before anything was written: the engine is gone.</source>
        <translation>Der Import wurde angehalten, bevor etwas geschrieben wurde: Die Sync-Engine ist nicht mehr da.</translation>
    </message>
    <message>
        <source>The columns of %1 do not fit the collection &quot;%2&quot;; nothing was written.</source>
        <translation>Die Spalten von %1 passen nicht zur Sammlung „%2“; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>the id %1 is already used on line %2</source>
        <translation>die ID %1 wird bereits in Zeile %2 verwendet</translation>
    </message>
    <message>
        <source>a record with the id %1 already exists in &quot;%2&quot;</source>
        <translation>in „%2“ gibt es bereits einen Datensatz mit der ID %1</translation>
    </message>
    <message>
        <source>%1 is not a CSV file Etagere can read; nothing was written.</source>
        <translation>%1 ist keine CSV-Datei, die Etagere lesen kann; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>%1 is empty: it needs at least a header line naming the columns</source>
        <translation>%1 ist leer: Die Datei braucht mindestens eine Kopfzeile, die die Spalten benennt</translation>
    </message>
    <message numerus="yes">
        <source>%n records cannot be imported; nothing was written.</source>
        <translation>
            <numerusform>%n Datensatz kann nicht importiert werden; es wurde nichts geschrieben.</numerusform>
            <numerusform>%n Datensätze können nicht importiert werden; es wurde nichts geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection to the server was closed during the import; the records written so far wait in the Outbox.</source>
        <translation>Die Verbindung zum Server wurde während des Imports getrennt; die bisher geschriebenen Datensätze warten im Postausgang.</translation>
    </message>
    <message numerus="yes">
        <source>%n records imported into &quot;%1&quot;.</source>
        <translation>
            <numerusform>%n Datensatz in „%1“ importiert.</numerusform>
            <numerusform>%n Datensätze in „%1“ importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>the server refused the record: %1</source>
        <translation>der Server hat den Datensatz abgelehnt: %1</translation>
    </message>
    <message>
        <source>the server already has a record with the id %1</source>
        <translation>der Server hat bereits einen Datensatz mit der ID %1</translation>
    </message>
    <message>
        <source>Line %1: %2.</source>
        <translation>Zeile %1: %2.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Es wurde nichts importiert.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: the %n records already written were removed again.</source>
        <translation>
            <numerusform>Es wurde nichts importiert: Der %n bereits geschriebene Datensatz wurde wieder entfernt.</numerusform>
            <numerusform>Es wurde nichts importiert: Die %n bereits geschriebenen Datensätze wurden wieder entfernt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records could not be removed yet: their deletion waits in the Outbox and is sent when the server can be reached.</source>
        <translation>
            <numerusform>%n Datensatz konnte noch nicht entfernt werden: Sein Löschen wartet im Postausgang und wird gesendet, sobald der Server erreichbar ist.</numerusform>
            <numerusform>%n Datensätze konnten noch nicht entfernt werden: Ihr Löschen wartet im Postausgang und wird gesendet, sobald der Server erreichbar ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>column %1 has no name</source>
        <translation>Spalte %1 hat keinen Namen</translation>
    </message>
    <message>
        <source>unknown column &quot;%1&quot;: the columns of &quot;%2&quot; are %3 and %4</source>
        <translation>unbekannte Spalte „%1“: Die Spalten von „%2“ sind %3 und %4</translation>
    </message>
    <message>
        <source>the column &quot;%1&quot; appears twice</source>
        <translation>die Spalte „%1“ kommt zweimal vor</translation>
    </message>
    <message>
        <source>no column for the required field &quot;%1&quot;</source>
        <translation>keine Spalte für das Pflichtfeld „%1“</translation>
    </message>
    <message numerus="yes">
        <source>%n values, but the header has %1 columns</source>
        <translation>
            <numerusform>%n Wert, aber die Kopfzeile hat %1 Spalten</numerusform>
            <numerusform>%n Werte, aber die Kopfzeile hat %1 Spalten</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid record id (1 to 128 of A-Z, a-z, 0-9, _ and -)</source>
        <translation>„%1“ ist keine gültige Datensatz-ID (1 bis 128 Zeichen aus A-Z, a-z, 0-9, _ und -)</translation>
    </message>
</context>
<context>
    <name>Etagere::CsvReader</name>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the file ends inside a UTF-8 character</source>
        <translation>die Datei endet mitten in einem UTF-8-Zeichen</translation>
    </message>
    <message>
        <source>the text is not UTF-8 (or holds a NUL character)</source>
        <translation>der Text ist kein UTF-8 (oder enthält ein NUL-Zeichen)</translation>
    </message>
    <message>
        <source>the record is longer than %1 characters</source>
        <translation>der Datensatz ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>text after the closing quote of a field</source>
        <translation>Text nach dem schließenden Anführungszeichen eines Feldes</translation>
    </message>
    <message>
        <source>a quote inside a field that does not start with one (put the field in quotes and double the quote)</source>
        <translation>ein Anführungszeichen in einem Feld, das nicht mit einem beginnt (setzen Sie das Feld in Anführungszeichen und verdoppeln Sie das Anführungszeichen)</translation>
    </message>
    <message>
        <source>the quoted field that opens on this line is never closed</source>
        <translation>das Feld in Anführungszeichen, das in dieser Zeile beginnt, wird nie geschlossen</translation>
    </message>
</context>
<context>
    <name>Etagere::CsvValues</name>
    <message>
        <source>an integer</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <source>a number (with a dot as decimal separator)</source>
        <translation>eine Zahl (mit Punkt als Dezimaltrennzeichen)</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not %3</source>
        <translation>%1: „%2“ ist nicht %3</translation>
    </message>
</context>
<context>
    <name>Etagere::CsvWriter</name>
    <message>
        <source>cannot write: %1</source>
        <translation>Schreiben nicht möglich: %1</translation>
    </message>
</context>
<context>
    <name>Etagere::DemoLauncher</name>
    <message>
        <source>Cannot make the demo account %1.</source>
        <translation>Das Demo-Konto %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot give %1 the demo&apos;s rights.</source>
        <translation>%1 kann die Rechte der Demo nicht erhalten.</translation>
    </message>
    <message>
        <source>Cannot sign %1 in: %2</source>
        <translation>%1 kann nicht angemeldet werden: %2</translation>
    </message>
</context>
<context>
    <name>Etagere::EditCommand</name>
    <message>
        <source>%1; the edit of %2/%3 is queued: %4</source>
        <translation>%1; die Änderung von %2/%3 ist vorgemerkt: %4</translation>
    </message>
    <message>
        <source>%1; the journal does not know that record or collection yet, so nothing was queued; %2</source>
        <translation>%1; das Journal kennt diesen Datensatz oder diese Sammlung noch nicht, daher wurde nichts vorgemerkt; %2</translation>
    </message>
    <message>
        <source>the edit could not be saved: %1</source>
        <translation>die Änderung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>record %1/%2 was deleted on the server</source>
        <translation>Datensatz %1/%2 wurde auf dem Server gelöscht</translation>
    </message>
</context>
<context>
    <name>Etagere::EnumValuesEditor</name>
    <message>
        <source>Add &amp;Choice</source>
        <translation>&amp;Auswahlwert hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Auswahlwerte</translation>
    </message>
    <message>
        <source>choice %1</source>
        <translation>Auswahl %1</translation>
    </message>
</context>
<context>
    <name>Etagere::FetchChangesJob</name>
    <message>
        <source>Invalid page of changes: %1</source>
        <translation>Ungültige Seite von Änderungen: %1</translation>
    </message>
    <message>
        <source>The change feed is out of order (seq %1 after %2)</source>
        <translation>Die Änderungen kommen in falscher Reihenfolge (seq %1 nach %2)</translation>
    </message>
</context>
<context>
    <name>Etagere::FetchRecordsJob</name>
    <message>
        <source>Invalid page of records: %1</source>
        <translation>Ungültige Seite von Datensätzen: %1</translation>
    </message>
    <message>
        <source>The server&apos;s paging does not advance</source>
        <translation>Die Seitenaufteilung des Servers kommt nicht voran</translation>
    </message>
</context>
<context>
    <name>Etagere::FieldDefinitionModel</name>
    <message>
        <source>One line of text</source>
        <translation>Eine Textzeile</translation>
    </message>
    <message>
        <source>Text (several lines)</source>
        <translation>Text (mehrere Zeilen)</translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation>Ganze Zahl</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Yes or no</source>
        <translation>Ja oder Nein</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Auswahlwerte</translation>
    </message>
    <message>
        <source>Stored as &quot;%1&quot;</source>
        <translation>Gespeichert als „%1“</translation>
    </message>
    <message>
        <source>Field %1</source>
        <translation>Feld %1</translation>
    </message>
    <message>
        <source>The field needs a name</source>
        <translation>Das Feld braucht einen Namen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid field name: use a to z, 0 to 9 and _, starting with a letter (at most 64 characters)</source>
        <translation>„%1“ ist kein gültiger Feldname: Verwenden Sie a bis z, 0 bis 9 und _, beginnend mit einem Buchstaben (höchstens 64 Zeichen)</translation>
    </message>
    <message>
        <source>Another field is called &quot;%1&quot;</source>
        <translation>Ein anderes Feld heißt bereits „%1“</translation>
    </message>
    <message>
        <source>A choice needs at least one value</source>
        <translation>Eine Auswahl braucht mindestens einen Wert</translation>
    </message>
    <message>
        <source>A value of a choice cannot be empty</source>
        <translation>Ein Wert einer Auswahl darf nicht leer sein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice</source>
        <translation>„%1“ ist zweimal aufgeführt</translation>
    </message>
</context>
<context>
    <name>Etagere::FieldEditor</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Merged value of %1</source>
        <translation>Zusammengeführter Wert von %1</translation>
    </message>
</context>
<context>
    <name>Etagere::FieldFormat</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>Etagere::GetCommand</name>
    <message>
        <source>no record &quot;%1&quot; in &quot;%2&quot;</source>
        <translation>kein Datensatz „%1“ in „%2“</translation>
    </message>
</context>
<context>
    <name>Etagere::Journal</name>
    <message>
        <source>all %1 journals of %2 are in use by other programs</source>
        <translation>alle %1 Journale von %2 werden von anderen Programmen verwendet</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>das Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>the journal %1 is in use by another program (%2, process %3 on %4)</source>
        <translation>das Journal %1 wird von einem anderen Programm verwendet (%2, Prozess %3 auf %4)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>the journal %1 is in use by another program</source>
        <translation>das Journal %1 wird von einem anderen Programm verwendet</translation>
    </message>
    <message>
        <source>cannot create the lock file %1.lock (permission denied or no space)</source>
        <translation>die Sperrdatei %1.lock kann nicht angelegt werden (keine Berechtigung oder kein Platz)</translation>
    </message>
    <message>
        <source>cannot open the journal %1: %2</source>
        <translation>das Journal %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not an Etagere journal, or it is damaged: %2</source>
        <translation>%1 ist kein Etagere-Journal oder beschädigt: %2</translation>
    </message>
    <message>
        <source>%1 is not an Etagere journal</source>
        <translation>%1 ist kein Etagere-Journal</translation>
    </message>
    <message>
        <source>the journal %1 was written by a newer version of Etagere (journal version %2; this version reads up to %3)</source>
        <translation>das Journal %1 wurde von einer neueren Version von Etagere geschrieben (Journal-Version %2; diese Version liest bis %3)</translation>
    </message>
    <message>
        <source>cannot switch the journal %1 to WAL mode: %2</source>
        <translation>das Journal %1 kann nicht in den WAL-Modus geschaltet werden: %2</translation>
    </message>
    <message>
        <source>cannot configure the journal %1: %2</source>
        <translation>das Journal %1 kann nicht eingerichtet werden: %2</translation>
    </message>
    <message>
        <source>cannot create the journal&apos;s tables: %1</source>
        <translation>die Tabellen des Journals können nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>cannot read the journal %1: %2</source>
        <translation>das Journal %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the journal %1 is damaged: bad schema of %2</source>
        <translation>das Journal %1 ist beschädigt: ungültiges Schema von %2</translation>
    </message>
    <message>
        <source>the journal %1 is damaged: bad data in record %2</source>
        <translation>das Journal %1 ist beschädigt: ungültige Daten in Datensatz %2</translation>
    </message>
    <message>
        <source>cannot store the collections: %1</source>
        <translation>die Sammlungen können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>cannot store the collection %1: %2</source>
        <translation>die Sammlung %1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>cannot store a change of %1: %2</source>
        <translation>eine Änderung von %1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>the journal is not open</source>
        <translation>das Journal ist nicht geöffnet</translation>
    </message>
    <message>
        <source>cannot write to the journal %1: %2</source>
        <translation>in das Journal %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot commit to the journal %1: %2</source>
        <translation>das Journal %1 kann nicht festgeschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot remove it</source>
        <translation>es kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>record %1 of %2 is pending in both journals, in different versions</source>
        <translation>Datensatz %1 von %2 ist in beiden Journalen ausstehend, in verschiedenen Versionen</translation>
    </message>
    <message>
        <source>cannot store the adopted edits: %1</source>
        <translation>die übernommenen Änderungen können nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>Etagere::ListCollectionsJob</name>
    <message>
        <source>The collection list has no &quot;collections&quot; array</source>
        <translation>Die Liste der Sammlungen hat kein Feld „collections“</translation>
    </message>
    <message>
        <source>Invalid collection in the list: %1</source>
        <translation>Ungültige Sammlung in der Liste: %1</translation>
    </message>
</context>
<context>
    <name>Etagere::LoadProgressIndicator</name>
    <message>
        <source>Loading</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Loading %1: %L2 records…</source>
        <translation>%1 wird geladen: %L2 Datensätze …</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more collections)</source>
        <translation>
            <numerusform>(und %n weitere Sammlung)</numerusform>
            <numerusform>(und %n weitere Sammlungen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::LocalServer</name>
    <message>
        <source>The local server did not report its address in time.</source>
        <translation>Der lokale Server hat seine Adresse nicht rechtzeitig gemeldet.</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1.</source>
        <translation>Der Datenordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot start the local server %1: %2</source>
        <translation>Der lokale Server %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The local server stopped (exit code %1). %2</source>
        <translation>Der lokale Server wurde beendet (Exit-Code %1). %2</translation>
    </message>
    <message>
        <source>The local server could not start again at %1 (exit code %2).
%3</source>
        <translation>Der lokale Server konnte unter %1 nicht neu starten (Exit-Code %2).
%3</translation>
    </message>
    <message>
        <source>The local server stopped before it was ready (exit code %1).
%2</source>
        <translation>Der lokale Server wurde beendet, bevor er bereit war (Exit-Code %1).
%2</translation>
    </message>
    <message>
        <source>Another server uses %1, but its address cannot be read: %2</source>
        <translation>Ein anderer Server verwendet %1, aber seine Adresse kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Another server uses %1, but its address file is not valid.</source>
        <translation>Ein anderer Server verwendet %1, aber seine Adressdatei ist ungültig.</translation>
    </message>
    <message>
        <source>Another Etagere server now serves %1 at %2, but this window works with %3. Restart Etagere to use it.</source>
        <translation>Ein anderer Etagere-Server stellt %1 jetzt unter %2 bereit, aber dieses Fenster arbeitet mit %3. Starten Sie Etagere neu, um ihn zu verwenden.</translation>
    </message>
</context>
<context>
    <name>Etagere::LoginCommand</name>
    <message>
        <source>login: give the password on the first line of standard input</source>
        <translation>login: Geben Sie das Passwort in der ersten Zeile der Standardeingabe an</translation>
    </message>
    <message>
        <source>login as %1 at %2 failed: %3</source>
        <translation>Anmeldung als %1 an %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source> (try again in %1 s)</source>
        <translation> (erneut versuchen in %1 s)</translation>
    </message>
</context>
<context>
    <name>Etagere::LoginDialog</name>
    <message>
        <source>Sign in to Etagere</source>
        <translation>Bei Etagere anmelden</translation>
    </message>
    <message>
        <source>https://etagere.example.org:8443</source>
        <translation>https://etagere.example.org:8443</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
</context>
<context>
    <name>Etagere::MainWindow</name>
    <message>
        <source>Etagere</source>
        <translation>Etagere</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
    <message>
        <source>&amp;Add Record</source>
        <translation>Datensatz &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add a record to this collection</source>
        <translation>Dieser Sammlung einen Datensatz hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Delete Record…</source>
        <translation>Datensatz &amp;löschen …</translation>
    </message>
    <message>
        <source>Delete the selected records</source>
        <translation>Die ausgewählten Datensätze löschen</translation>
    </message>
    <message>
        <source>&amp;Resolve Conflict…</source>
        <translation>&amp;Konflikt lösen …</translation>
    </message>
    <message>
        <source>Choose between your version of a record and the version somebody else saved</source>
        <translation>Zwischen Ihrer Version eines Datensatzes und der Version wählen, die jemand anderes gespeichert hat</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;About Etagere</source>
        <translation>&amp;Über Etagere</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>Daten&amp;satz</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>The server this window is connected to</source>
        <translation>Der Server, mit dem dieses Fenster verbunden ist</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>The server refused a change: %1</source>
        <translation>Der Server hat eine Änderung abgelehnt: %1</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Konflikte</translation>
    </message>
    <message>
        <source>&amp;Outbox</source>
        <translation>&amp;Postausgang</translation>
    </message>
    <message>
        <source>%1 — Etagere</source>
        <translation>%1 – Etagere</translation>
    </message>
    <message numerus="yes">
        <source>Conflicts: %n</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflict to resolve</source>
        <translation>Kein Konflikt zu lösen</translation>
    </message>
    <message numerus="yes">
        <source>Resolve a conflict (%n waiting)</source>
        <translation>
            <numerusform>Einen Konflikt lösen (%n wartet)</numerusform>
            <numerusform>Einen Konflikt lösen (%n warten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Record</source>
        <translation>Datensatz löschen</translation>
    </message>
    <message>
        <source>Delete this record? Everybody working on this collection will see it go.</source>
        <translation>Diesen Datensatz löschen? Alle, die an dieser Sammlung arbeiten, sehen ihn verschwinden.</translation>
    </message>
    <message>
        <source>Delete these %1 records? Everybody working on this collection will see them go.</source>
        <translation>Diese %1 Datensätze löschen? Alle, die an dieser Sammlung arbeiten, sehen sie verschwinden.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>deletion of %n records</source>
        <translation>
            <numerusform>Löschen von %n Datensatz</numerusform>
            <numerusform>Löschen von %n Datensätzen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Records that could not be deleted: %n</source>
        <translation>
            <numerusform>%n Datensatz konnte nicht gelöscht werden</numerusform>
            <numerusform>%n Datensätze konnten nicht gelöscht werden</numerusform>
        </translation>
    </message>
    <message>
        <source>About Etagere</source>
        <translation>Über Etagere</translation>
    </message>
    <message>
        <source>Etagere %1
Edit shared records live, together.</source>
        <translation>Etagere %1
Gemeinsame Datensätze live und zusammen bearbeiten.</translation>
    </message>
    <message>
        <source>Conflict on “%1”: it waits in the Conflicts panel</source>
        <translation>Konflikt bei „%1“: Er wartet in der Konfliktliste</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>%1 rückgängig machen</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>Search the records of this collection</source>
        <translation>Die Datensätze dieser Sammlung durchsuchen</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Record &amp;Form</source>
        <translation>Datensatz&amp;formular</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>&amp;Aktivität</translation>
    </message>
    <message>
        <source>That record is not in the table (deleted, or hidden by a filter)</source>
        <translation>Dieser Datensatz ist nicht in der Tabelle (gelöscht oder durch einen Filter ausgeblendet)</translation>
    </message>
</context>
<context>
    <name>Etagere::NewCollectionDialog</name>
    <message>
        <source>&amp;Add Field</source>
        <translation>Feld &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove Field</source>
        <translation>Feld &amp;entfernen</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>New Collection</source>
        <translation>Neue Sammlung</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>for example books</source>
        <translation>zum Beispiel buecher</translation>
    </message>
    <message>
        <source>shown in the list of collections; the name when empty</source>
        <translation>wird in der Liste der Sammlungen angezeigt; wenn leer, der Name</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Use lowercase letters a to z, digits, _ and -, starting with a letter.</source>
        <translation>Verwenden Sie Kleinbuchstaben a bis z, Ziffern, _ und -, beginnend mit einem Buchstaben.</translation>
    </message>
    <message>
        <source>There is already a collection called &quot;%1&quot;.</source>
        <translation>Es gibt bereits eine Sammlung namens „%1“.</translation>
    </message>
    <message>
        <source>Lowercase letters, digits, _ and -; it cannot be changed later.</source>
        <translation>Kleinbuchstaben, Ziffern, _ und -; kann später nicht geändert werden.</translation>
    </message>
    <message>
        <source>Add at least one field.</source>
        <translation>Fügen Sie mindestens ein Feld hinzu.</translation>
    </message>
    <message>
        <source>Field %1 (%2): %3</source>
        <translation>Feld %1 (%2): %3</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>kein Name</translation>
    </message>
    <message>
        <source>Double-click a cell to change it. A Choice lists its values below.</source>
        <translation>Doppelklicken Sie auf eine Zelle, um sie zu ändern. Die Werte einer Auswahl stehen darunter.</translation>
    </message>
    <message>
        <source>Choices (for a field of type Choice)</source>
        <translation>Auswahlwerte (für ein Feld vom Typ Auswahl)</translation>
    </message>
    <message>
        <source>Choices of %1</source>
        <translation>Auswahlwerte von %1</translation>
    </message>
    <message>
        <source>Creating %1 on the server…</source>
        <translation>%1 wird auf dem Server angelegt …</translation>
    </message>
    <message>
        <source>The server refused the collection: %1</source>
        <translation>Der Server hat die Sammlung abgelehnt: %1</translation>
    </message>
    <message>
        <source>You may not create collections on this server (%1).</source>
        <translation>Sie dürfen auf diesem Server keine Sammlungen anlegen (%1).</translation>
    </message>
    <message>
        <source>The collection could not be created: %1</source>
        <translation>Die Sammlung konnte nicht angelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>Etagere::OutboxModel</name>
    <message>
        <source>%1 in %2: %3</source>
        <translation>%1 in %2: %3</translation>
    </message>
    <message>
        <source>New record</source>
        <translation>Neuer Datensatz</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>%1 (in conflict)</source>
        <translation>%1 (im Konflikt)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
</context>
<context>
    <name>Etagere::OutboxPanel</name>
    <message>
        <source>Edits waiting for the server</source>
        <translation>Änderungen, die auf den Server warten</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Verwerfen …</translation>
    </message>
    <message>
        <source>Take the selected edit back: the record returns to the server&apos;s version</source>
        <translation>Die ausgewählte Änderung zurücknehmen: Der Datensatz kehrt zur Version des Servers zurück</translation>
    </message>
    <message>
        <source>Discard the new record “%1”? It has never reached the server and will be gone.</source>
        <translation>Den neuen Datensatz „%1“ verwerfen? Er hat den Server nie erreicht und ist dann weg.</translation>
    </message>
    <message>
        <source>Discard the deletion of “%1”? The record comes back as the server has it.</source>
        <translation>Das Löschen von „%1“ verwerfen? Der Datensatz kommt so zurück, wie der Server ihn hat.</translation>
    </message>
    <message>
        <source>Discard your changes to “%1”? The record goes back to the server&apos;s version; what you typed is lost.</source>
        <translation>Ihre Änderungen an „%1“ verwerfen? Der Datensatz kehrt zur Version des Servers zurück; Ihre Eingaben gehen verloren.</translation>
    </message>
    <message>
        <source>Discard Edit</source>
        <translation>Änderung verwerfen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Not discarded: %1</source>
        <translation>Nicht verworfen: %1</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Outbox (%1)</source>
        <translation>Postausgang (%1)</translation>
    </message>
    <message>
        <source>Nothing waiting: the server has all your edits.</source>
        <translation>Nichts wartet: Der Server hat alle Ihre Änderungen.</translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) waiting for the server.</source>
        <translation>
            <numerusform>%n Änderung wartet auf den Server.</numerusform>
            <numerusform>%n Änderungen warten auf den Server.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::Presence</name>
    <message>
        <source>You are editing this record in another window</source>
        <translation>Sie bearbeiten diesen Datensatz in einem anderen Fenster</translation>
    </message>
    <message>
        <source>You are viewing this record in another window</source>
        <translation>Sie sehen diesen Datensatz in einem anderen Fenster an</translation>
    </message>
    <message>
        <source>%1 is editing this record</source>
        <translation>%1 bearbeitet diesen Datensatz</translation>
    </message>
    <message>
        <source>%1 is viewing this record</source>
        <translation>%1 sieht diesen Datensatz an</translation>
    </message>
    <message>
        <source>You are editing this record in another window too</source>
        <translation>Sie bearbeiten diesen Datensatz auch in einem anderen Fenster</translation>
    </message>
    <message>
        <source>%1 and %2 are editing this record</source>
        <translation>%1 und %2 bearbeiten diesen Datensatz</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n others are editing this record</source>
        <translation>
            <numerusform>%1 und %n weitere Person bearbeiten diesen Datensatz</numerusform>
            <numerusform>%1 und %n weitere Personen bearbeiten diesen Datensatz</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::ProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>Etagere::PushChannel</name>
    <message>
        <source>no sign of life from the server</source>
        <translation>kein Lebenszeichen vom Server</translation>
    </message>
    <message>
        <source>the system reports no network</source>
        <translation>das System meldet kein Netzwerk</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>Verbindung geschlossen</translation>
    </message>
    <message>
        <source>catching up failed: %1</source>
        <translation>Nachholen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the server ended the session</source>
        <translation>der Server hat die Sitzung beendet</translation>
    </message>
</context>
<context>
    <name>Etagere::PutCommand</name>
    <message>
        <source>record %1/%2 is being deleted</source>
        <translation>Datensatz %1/%2 wird gerade gelöscht</translation>
    </message>
    <message>
        <source>record %1/%2 has a conflict; open etagere to resolve it first</source>
        <translation>Datensatz %1/%2 hat einen Konflikt; öffnen Sie etagere, um ihn zuerst zu lösen</translation>
    </message>
</context>
<context>
    <name>Etagere::RecordDelegate</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>Etagere::RecordForm</name>
    <message>
        <source>Resolve…</source>
        <translation>Lösen …</translation>
    </message>
    <message>
        <source>Choose between your version of this record and the one somebody else saved</source>
        <translation>Zwischen Ihrer Version dieses Datensatzes und der Version wählen, die jemand anderes gespeichert hat</translation>
    </message>
    <message>
        <source>Select a record to see all its fields here.</source>
        <translation>Wählen Sie einen Datensatz aus, um hier alle seine Felder zu sehen.</translation>
    </message>
    <message>
        <source>This record is no longer in the collection.</source>
        <translation>Dieser Datensatz ist nicht mehr in der Sammlung.</translation>
    </message>
    <message>
        <source>Changed meanwhile to “%1”: saving yours asks which to keep.</source>
        <translation>Inzwischen geändert zu „%1“: Beim Speichern Ihres Werts werden Sie gefragt, welcher bleibt.</translation>
    </message>
    <message>
        <source>%1 changed it meanwhile to “%2”: saving yours asks which to keep.</source>
        <translation>%1 hat es inzwischen zu „%2“ geändert: Beim Speichern Ihres Werts werden Sie gefragt, welcher bleibt.</translation>
    </message>
    <message>
        <source>Not yet saved on the server</source>
        <translation>Noch nicht auf dem Server gespeichert</translation>
    </message>
    <message>
        <source>Somebody else changed this record too: choose what to keep.</source>
        <translation>Jemand anderes hat diesen Datensatz ebenfalls geändert: Wählen Sie, was bleiben soll.</translation>
    </message>
    <message>
        <source>Deleted here; waiting for the server to confirm.</source>
        <translation>Hier gelöscht; wartet auf die Bestätigung des Servers.</translation>
    </message>
    <message>
        <source>Not yet saved on the server (fields in italics).</source>
        <translation>Noch nicht auf dem Server gespeichert (kursive Felder).</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Saved. Last changed by %1.</source>
        <translation>Gespeichert. Zuletzt geändert von %1.</translation>
    </message>
    <message>
        <source>The record is gone: this cannot be saved.</source>
        <translation>Der Datensatz ist nicht mehr da: Dies kann nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>This value cannot be saved.</source>
        <translation>Dieser Wert kann nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>Etagere::RecordHistory</name>
    <message>
        <source>Cannot undo the %1: %2</source>
        <translation>%1 kann nicht rückgängig gemacht werden: %2</translation>
    </message>
    <message>
        <source>Cannot redo the %1: %2</source>
        <translation>%1 kann nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <source>edit of %1</source>
        <translation>Änderung von %1</translation>
    </message>
    <message>
        <source>Cannot bring back record %1: %2</source>
        <translation>Datensatz %1 kann nicht zurückgeholt werden: %2</translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation>der Server hat nicht geantwortet</translation>
    </message>
    <message>
        <source>new record</source>
        <translation>neuer Datensatz</translation>
    </message>
    <message>
        <source>deletion of “%1”</source>
        <translation>Löschen von „%1“</translation>
    </message>
    <message>
        <source>the record no longer exists</source>
        <translation>der Datensatz existiert nicht mehr</translation>
    </message>
    <message>
        <source>the record cannot be deleted</source>
        <translation>der Datensatz kann nicht gelöscht werden</translation>
    </message>
</context>
<context>
    <name>Etagere::RecordSearchBar</name>
    <message>
        <source>Search records (Ctrl+F)</source>
        <translation>Datensätze durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search records</source>
        <translation>Datensätze durchsuchen</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>Suchen in</translation>
    </message>
    <message>
        <source>Matching records</source>
        <translation>Passende Datensätze</translation>
    </message>
    <message>
        <source>in</source>
        <translation>in</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>Alle Felder</translation>
    </message>
    <message>
        <source>%L1 of %L2</source>
        <translation>%L1 von %L2</translation>
    </message>
</context>
<context>
    <name>Etagere::RecordTableModel</name>
    <message>
        <source>Last changed by %1</source>
        <translation>Zuletzt geändert von %1</translation>
    </message>
    <message>
        <source>Deleted here; waiting for the server to confirm</source>
        <translation>Hier gelöscht; wartet auf die Bestätigung des Servers</translation>
    </message>
    <message>
        <source>Not yet saved on the server</source>
        <translation>Noch nicht auf dem Server gespeichert</translation>
    </message>
    <message>
        <source>Someone else changed this record too: the conflict needs your decision</source>
        <translation>Jemand anderes hat diesen Datensatz ebenfalls geändert: Der Konflikt braucht Ihre Entscheidung</translation>
    </message>
    <message>
        <source>%1 (%2, required)</source>
        <translation>%1 (%2, Pflichtfeld)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No collection is open</source>
        <translation>Keine Sammlung ist geöffnet</translation>
    </message>
    <message>
        <source>Cannot add a record: %1</source>
        <translation>Datensatz kann nicht hinzugefügt werden: %1</translation>
    </message>
</context>
<context>
    <name>Etagere::RestJob</name>
    <message>
        <source>field &quot;%1&quot;</source>
        <translation>Feld „%1“</translation>
    </message>
    <message>
        <source>Unreadable answer from the server: %1</source>
        <translation>Unlesbare Antwort vom Server: %1</translation>
    </message>
    <message>
        <source>HTTP 412 without the server&apos;s copy of the record</source>
        <translation>HTTP 412 ohne die Kopie des Datensatzes vom Server</translation>
    </message>
    <message>
        <source>the record was changed on the server</source>
        <translation>der Datensatz wurde auf dem Server geändert</translation>
    </message>
    <message>
        <source>The server did not answer within %1 ms</source>
        <translation>Der Server hat nicht innerhalb von %1 ms geantwortet</translation>
    </message>
</context>
<context>
    <name>Etagere::ServerLocation</name>
    <message>
        <source>no local Etagere server is running (cannot read %1: %2); start etagere, or pass --server URL</source>
        <translation>es läuft kein lokaler Etagere-Server (%1 kann nicht gelesen werden: %2); starten Sie etagere oder geben Sie --server URL an</translation>
    </message>
    <message>
        <source>the local server&apos;s address file %1 is not valid</source>
        <translation>die Adressdatei %1 des lokalen Servers ist ungültig</translation>
    </message>
</context>
<context>
    <name>Etagere::SessionJob</name>
    <message>
        <source>The server&apos;s session lacks its token, user or expiry</source>
        <translation>Der Sitzung des Servers fehlen Token, Benutzer oder Ablaufzeit</translation>
    </message>
</context>
<context>
    <name>Etagere::SettingsDialog</name>
    <message>
        <source>Etagere Settings</source>
        <translation>Etagere-Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Konto</translation>
    </message>
    <message>
        <source>A&amp;ppearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <source>The &amp;local server on this computer (no set-up)</source>
        <translation>Der &amp;lokale Server auf diesem Computer (ohne Einrichtung)</translation>
    </message>
    <message>
        <source>A &amp;team server:</source>
        <translation>Ein &amp;Team-Server:</translation>
    </message>
    <message>
        <source>https://etagere.example.org:8443</source>
        <translation>https://etagere.example.org:8443</translation>
    </message>
    <message>
        <source>Etagere connects to the chosen server when it starts next time.</source>
        <translation>Etagere verbindet sich beim nächsten Start mit dem gewählten Server.</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Highlight others&apos; changes for:</source>
        <translation>Änderungen anderer &amp;hervorheben für:</translation>
    </message>
    <message>
        <source>You are %1 on the local server.</source>
        <translation>Sie sind %1 auf dem lokalen Server.</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2.</source>
        <translation>Angemeldet als %1 an %2.</translation>
    </message>
    <message>
        <source>Enter an http:// or https:// address with a host name.</source>
        <translation>Geben Sie eine http://- oder https://-Adresse mit einem Hostnamen ein.</translation>
    </message>
</context>
<context>
    <name>Etagere::SignInController</name>
    <message>
        <source>The server ended your session. Please sign in again.</source>
        <translation>Der Server hat Ihre Sitzung beendet. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message numerus="yes">
        <source>The server ended your session. Please sign in again; your unsent edits (%n) are kept and will be sent then.</source>
        <translation>
            <numerusform>Der Server hat Ihre Sitzung beendet. Bitte melden Sie sich erneut an; Ihre %n nicht gesendete Änderung bleibt erhalten und wird dann gesendet.</numerusform>
            <numerusform>Der Server hat Ihre Sitzung beendet. Bitte melden Sie sich erneut an; Ihre %n nicht gesendeten Änderungen bleiben erhalten und werden dann gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your sign-in could not be kept in the system keychain (%1); you will be asked to sign in again next time.</source>
        <translation>Ihre Anmeldung konnte nicht im Schlüsselbund des Systems gespeichert werden (%1); Sie werden beim nächsten Mal erneut zur Anmeldung aufgefordert.</translation>
    </message>
    <message>
        <source>You signed out.</source>
        <translation>Sie haben sich abgemeldet.</translation>
    </message>
    <message numerus="yes">
        <source>You signed out. Your unsent edits (%n) stay on this computer until you sign in again.</source>
        <translation>
            <numerusform>Sie haben sich abgemeldet. Ihre %n nicht gesendete Änderung bleibt auf diesem Computer, bis Sie sich wieder anmelden.</numerusform>
            <numerusform>Sie haben sich abgemeldet. Ihre %n nicht gesendeten Änderungen bleiben auf diesem Computer, bis Sie sich wieder anmelden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele Fehlversuche. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Fehlversuche. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Etagere::SyncEngine</name>
    <message>
        <source>The server refused live updates of %1 (HTTP %2)</source>
        <translation>Der Server hat Live-Aktualisierungen von %1 abgelehnt (HTTP %2)</translation>
    </message>
    <message>
        <source>Cannot list the collections: %1</source>
        <translation>Die Sammlungen können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Cannot save the collections: %1</source>
        <translation>Die Sammlungen können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot load %1: %2</source>
        <translation>%1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Cannot save to the journal: %1</source>
        <translation>Speichern im Journal nicht möglich: %1</translation>
    </message>
    <message>
        <source>The edit could not be saved: %1</source>
        <translation>Die Änderung konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Unknown collection &quot;%1&quot;</source>
        <translation>Unbekannte Sammlung „%1“</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid record id (1 to 128 of A-Z, a-z, 0-9, _ and -)</source>
        <translation>„%1“ ist keine gültige Datensatz-ID (1 bis 128 Zeichen aus A-Z, a-z, 0-9, _ und -)</translation>
    </message>
    <message>
        <source>Record %1 already exists in &quot;%2&quot;</source>
        <translation>Datensatz %1 existiert bereits in „%2“</translation>
    </message>
    <message>
        <source>The collection cannot be created: %1</source>
        <translation>Die Sammlung kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>No conflict for record %1 in &quot;%2&quot;</source>
        <translation>Kein Konflikt für Datensatz %1 in „%2“</translation>
    </message>
    <message>
        <source>Unknown record %1 in &quot;%2&quot;</source>
        <translation>Unbekannter Datensatz %1 in „%2“</translation>
    </message>
    <message>
        <source>The edit of record %1 is being sent to the server; wait for its answer</source>
        <translation>Die Änderung von Datensatz %1 wird gerade an den Server gesendet; warten Sie auf seine Antwort</translation>
    </message>
    <message>
        <source>Record %1 has no pending edit</source>
        <translation>Datensatz %1 hat keine ausstehende Änderung</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;</source>
        <translation>Unbekanntes Feld „%1“</translation>
    </message>
    <message>
        <source>The record is being deleted</source>
        <translation>Der Datensatz wird gerade gelöscht</translation>
    </message>
    <message>
        <source>The record has a conflict; resolve it first</source>
        <translation>Der Datensatz hat einen Konflikt; lösen Sie ihn zuerst</translation>
    </message>
</context>
<context>
    <name>Etagere::TablePlaceholder</name>
    <message>
        <source>No record matches “%1”.</source>
        <translation>Kein Datensatz passt zu „%1“.</translation>
    </message>
    <message>
        <source>Loading the records…
%L1 received so far</source>
        <translation>Die Datensätze werden geladen …
%L1 bisher empfangen</translation>
    </message>
    <message>
        <source>Loading the records…</source>
        <translation>Die Datensätze werden geladen …</translation>
    </message>
    <message>
        <source>The records are not loaded yet: they will be once the server can be reached.</source>
        <translation>Die Datensätze sind noch nicht geladen: Das geschieht, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>No records yet.
Add one with Add Record (%1).</source>
        <translation>Noch keine Datensätze.
Fügen Sie einen mit „Datensatz hinzufügen“ (%1) hinzu.</translation>
    </message>
</context>
<context>
    <name>Etagere::TokenStore</name>
    <message>
        <source>the keychain is not available</source>
        <translation>der Schlüsselbund ist nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>Etagere::WatchCommand</name>
    <message>
        <source>watching all the same</source>
        <translation>Beobachtung läuft trotzdem</translation>
    </message>
    <message>
        <source>watching %1 from seq %2</source>
        <translation>%1 wird ab seq %2 beobachtet</translation>
    </message>
    <message>
        <source>the server no longer has every change of %1; continuing from seq %2</source>
        <translation>der Server hat nicht mehr jede Änderung von %1; weiter ab seq %2</translation>
    </message>
    <message>
        <source>lost the connection; resuming %1 in %2 ms</source>
        <translation>Verbindung verloren; %1 wird in %2 ms fortgesetzt</translation>
    </message>
    <message>
        <source>the server refused to send the changes of %1 (HTTP %2)</source>
        <translation>der Server hat abgelehnt, die Änderungen von %1 zu senden (HTTP %2)</translation>
    </message>
</context>
<context>
    <name>Etagere::WriteRecordJob</name>
    <message>
        <source>The server&apos;s answer to a write has no ETag</source>
        <translation>Die Antwort des Servers auf einen Schreibvorgang hat kein ETag</translation>
    </message>
    <message>
        <source>The server&apos;s answer to a write is not a record</source>
        <translation>Die Antwort des Servers auf einen Schreibvorgang ist kein Datensatz</translation>
    </message>
</context>
<context>
    <name>etagere-cli</name>
    <message>
        <source>cannot open the journal: %1</source>
        <translation>das Journal kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>the server %1 did not answer within %2 s</source>
        <translation>der Server %1 hat nicht innerhalb von %2 s geantwortet</translation>
    </message>
    <message>
        <source>the server %1 does not accept this session (set ETAGERE_TOKEN to a token from `etagere-cli login`)</source>
        <translation>der Server %1 akzeptiert diese Sitzung nicht (setzen Sie ETAGERE_TOKEN auf ein Token von `etagere-cli login`)</translation>
    </message>
    <message>
        <source>cannot reach the server %1</source>
        <translation>der Server %1 ist nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>--server: &quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>--server: „%1“ ist keine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>Edit shared records live, together.</source>
        <translation>Gemeinsame Datensätze live und zusammen bearbeiten.</translation>
    </message>
    <message>
        <source>Connect to the Etagere server at &lt;url&gt; (default: the server chosen in Settings, else a local one).</source>
        <translation>Mit dem Etagere-Server unter &lt;url&gt; verbinden (Vorgabe: der in den Einstellungen gewählte Server, sonst ein lokaler).</translation>
    </message>
    <message>
        <source>With --server: sign in as &lt;name&gt;, with the session token in the environment variable ETAGERE_TOKEN.</source>
        <translation>Mit --server: als &lt;name&gt; anmelden, mit dem Sitzungstoken in der Umgebungsvariablen ETAGERE_TOKEN.</translation>
    </message>
    <message>
        <source>Open two windows side by side, signed in as two people on a local demo server, to show live editing.</source>
        <translation>Zwei Fenster nebeneinander öffnen, als zwei Personen an einem lokalen Demo-Server angemeldet, um gemeinsames Live-Bearbeiten zu zeigen.</translation>
    </message>
</context>
</TS>
