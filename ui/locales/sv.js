// @ts-check
// Svenska: fönstrets ord. The keys are the English catalogue's (en.js), every one of them.
export default String.raw`
## The sidebar and the page's fixed words

sidebar-label = Bibliotek
search-placeholder = Sök i allt  ( / )
search-label = Sök i utskrifter, anteckningar och markeringar
nav-notebook = Anteckningsbok
nav-downloads = Nedladdningar
library-heading = Bibliotek
refresh-feeds = Leta efter nya avsnitt
add-open = Lägg till poddar eller ljudfiler
help-open = Kortkommandon
settings-open = Inställningar
transcript-label = Utskrift
episode-cover = Omslag
chapters-heading = Kapitel
back-to-now = Tillbaka till nu ↓
undo = Ångra
refresh-podcast = Leta efter nya avsnitt
unsubscribe-open = Avsluta prenumeration…
more-episodes = Visa fler avsnitt
downloads-heading = Nedladdningar
clear-downloads = Rensa färdiga
notebook-heading = Anteckningsbok
notebook-filter = Filtrera på podd
notes-label = Anteckningar och markeringar
notes-heading = Anteckningar och markeringar
notes-key-note = anteckning
notes-key-earmark = öronmärke
notes-export = Exportera anteckningar och markeringar
notes-export-choose = Exportera…
notes-export-md = Markdown (Obsidian)
notes-export-json = JSON (kan importeras igen)
notes-export-csv = CSV för Readwise
note-placeholder = Vad fastnade? Enter sparar, Esc avbryter.
note-label = Anteckning
cancel = Avbryt
close = Stäng
saving = Sparar…
working = Arbetar…
note-save = Spara anteckning

## The player bar

player-label = Spelare
play = Spela
pause = Pausa
play-title = Spela (mellanslag)
pause-title = Pausa (mellanslag)
skip-back = Bakåt { $length }
skip-forward = Framåt { $length }
position-label = Position
speed-title = Uppspelningshastighet ([ långsammare, ] snabbare, \ normal)
speed-label = Uppspelningshastighet
speed-slower = Långsammare
speed-slower-title = Långsammare ([)
speed-faster = Snabbare
speed-faster-title = Snabbare (])
skip-silence = Hoppa över tystnad
skip-silence-title = Hoppa över tystnad längre än 150 ms
silence-saved = sparat { $time }
volume-title = Volym (↑ ↓)
volume-label = Volym
highlight-toolbar = Markering

## Settings

settings-heading = Inställningar
setting-pause-while-typing = Pausa uppspelningen medan jag skriver en anteckning
setting-earmark = Öronmärke
setting-earmark-keeps = sparar de sista
setting-seconds = sekunderna
setting-skip-back = Hoppa bakåt
setting-skip-forward = sekunder, framåt
setting-refresh-before = Leta efter nya avsnitt med
setting-minutes = minuters mellanrum
setting-podcastindex-note = Valfritt: med en egen gratis API-nyckel från api.podcastindex.org frågar sökningen efter program även Podcast Index.
setting-api-key = API-nyckel
setting-api-secret = API-hemlighet
setting-speech-heading = Transkribering
setting-speech-note = Avsnitt utan transkription transkriberas på den här datorn av Whisper tiny.en, som förstår engelska. En mapp med en större eller flerspråkig Whisper-modell i CTranslate2-format används i stället när du anger den här.
setting-auto-transcribe = Transkribera avsnitt utan transkription i bakgrunden, ett i taget
setting-speech-model = Mapp för talmodell
setting-speech-model-placeholder = Den installerade Whisper tiny.en
correct-words = Rätta
correct-words-title = Skriv om de markerade orden (ett felhört ord, ett felstavat namn)
correct-input-label = Orden som de ska stå; Enter sparar, Esc avbryter
corrected = Rättat till ”{ $words }”.
setting-library-heading = Ditt bibliotek
library-backup = Säkerhetskopiera biblioteket…
library-restore = Återställ från säkerhetskopia…
settings-hint = Ändringar sparas direkt.
esc-before = Tryck på
esc-after = för att stänga.

## Adding to the library

add-heading = Lägg till i ditt bibliotek
add-label = Hitta en podd med namn, eller prenumerera med dess flödesadress eller en webbsida för programmet
add-placeholder = Ett programs namn, eller https://example.com/feed.xml
subscribe = Prenumerera
search = Sök
directory-results = Hittade program
add-files = Ljudfiler…
add-folder = En mapp…
opml-import = Importera OPML…
opml-export = Exportera OPML…
add-hint = Du kan också släppa ljudfiler eller hela mappar på fönstret. En utskrift med samma namn bredvid en fil följer med.
drop-hint = Släpp för att lägga till i ditt bibliotek
add-fetching = Hämtar flödet…
add-searching = Söker i poddkatalogerna…
add-none-found = Inga program hittades för ”{ $terms }”.
add-found = { $count ->
    [one] { $count } program hittades.
   *[other] { $count } program hittades.
}
add-adding-files = Lägger till filer…
add-adding-folder = Lägger till mappen…
add-importing-opml = Prenumererar på flödena i filen…
add-offer = Prenumerera på det här flödet? Earmark ombads öppna { $url }.

## The help overlay

help-heading = Kortkommandon

## The library

chapters-count = Kapitel ({ $count })
chapter-untitled = Kapitel { $number }
chapter-play-from = Spela från { $title }
episodes-count = { $count ->
    [one] { $count } avsnitt
   *[other] { $count } avsnitt
}
subscribe-to = Prenumerera på { $title }
retry = Försök igen
delete = Radera
download = Ladda ned
downloaded = Nedladdat
download-title = Ladda ned för att lyssna offline
download-delete-title = Radera ljudfilen; anteckningar och markeringar finns kvar
download-waiting-kept = Väntar · { $size } sparat
download-waiting = Väntar
download-part = { $done } av { $total }
downloaded-size = Nedladdat · { $size }
download-stopped = Nedladdningen avbröts.
downloads-to-go = { $count } kvar · { $done }
downloads-to-go-of = { $count } kvar · { $done } av { $total }
downloads-none-left = Inget kvar att ladda ned.
downloads-empty = Inget laddas ned. Ladda ned avsnitt från en podds sida för att lyssna offline.
time-left-about = ungefär { $duration } kvar
time-left-under-minute = mindre än en minut kvar
state-left = { $duration } kvar
state-in-progress = Påbörjat
state-played = Spelat
state-new = Nytt
local-files = Lokala filer
unsubscribed = Prenumerationen på ”{ $title }” avslutad: { $removed ->
    [one] { $removed } avsnitt borttaget
   *[other] { $removed } avsnitt borttagna
}{ $deleted ->
    [0] .
    [one] , { $deleted } nedladdning raderad.
   *[other] , { $deleted } nedladdningar raderade.
}
unsubscribed-kept = { $kept ->
    [one] { $kept } avsnitt blev kvar under { $local }.
   *[other] { $kept } avsnitt blev kvar under { $local }.
}
episode = Avsnitt
highlight-in-yellow = Markera med gult
highlight-in-green = Markera med grönt
highlight-in-blue = Markera med blått
highlight-in-pink = Markera med rosa
not-downloaded = Inte nedladdat än
show-fold = Visa eller dölj avsnitten av { $title }
show-all-of = Alla avsnitt av { $title }
new-count = { $count } nya
show-all-count = Alla { $count } avsnitt
podcast-kicker = Podd · { $count } avsnitt
local-kicker = På den här datorn · { $count } avsnitt
notebook-empty = Inget sparat än. Anteckningar och markeringar från alla avsnitt samlas här.
notebook-all = Alla poddar
kind-note = Anteckning
kind-earmark = Öronmärke
kind-highlight = Markering

## Notes and highlights

highlight-note-placeholder = Lägg till en anteckning till markeringen
note-edit = Redigera anteckning
highlight-note = Anteckning till markeringen
note-delete = Radera anteckning
highlight-delete = Radera markering
note-at = Anteckning vid { $time }
notes-empty = Tryck på N för att skriva en anteckning just nu, B för att öronmärka det du just hörde (längden finns i Inställningar), eller markera text i utskriften.

## Checking for new episodes

refresh-checking = Kontrollerar { $done } av { $total } program…
refresh-found = { $count ->
    [0] Inga nya avsnitt
    [one] { $count } nytt avsnitt
   *[other] { $count } nya avsnitt
}
refresh-checked-at = kontrollerat { $time }
refresh-notes-on = anmärkningar om { $shows }
refresh-failed = { $shows } kunde inte kontrolleras
refresh-waiting = { $shows } ber om att vänta
shows-count = { $count } program
quoted = ”{ $title }”
kind-transcript = Utskrift
kind-episode = Avsnitt

## Search

search-results = { $count ->
    [0] Inget hittades för ”{ $query }”
    [one] { $count } träff för ”{ $query }”
   *[other] { $count } träffar för ”{ $query }”
}

## Settings, more

setting-language = Språk
language-system = Som systemet
notes-count = { $count ->
    [one] { $count } anteckning
   *[other] { $count } anteckningar
}
highlights-count = { $count ->
    [one] { $count } markering
   *[other] { $count } markeringar
}
backed-up = Säkerhetskopierade { $contents } till { $path }.
restored = Återställde { $contents }.
restored-kept = Biblioteket som ersattes finns kvar i { $path }.
restored-reloading = Återställt; laddar om…

## The library's messages

offline = Du är offline. Nedladdade avsnitt, utskrifter, anteckningar och sökning fungerar ändå.
subscribed = Prenumererar på ”{ $title }”: { $count } avsnitt.
checked-feed = Kontrollerade ”{ $title }”: { $count } avsnitt, { $new } nya.
opml-subscribed = Prenumererar på { $done } av { $count } flöden.
opml-saved = Dina prenumerationer sparades i { $path }.
fetch-when-online = Earmark kan hämta det när nätverket är tillbaka.
unsubscribe-ask = Avsluta prenumerationen på ”{ $title }”?
unsubscribe-explain = Dess avsnitt lämnar ditt bibliotek och deras nedladdningar raderas. Avsnitt med dina anteckningar eller markeringar, och det som spelas, blir kvar under { $local }.
unsubscribe = Avsluta prenumeration
files-added = { $count ->
    [one] Lade till { $count } fil.
   *[other] Lade till { $count } filer.
}
files-added-library = { $count ->
    [one] Lade till { $count } fil i biblioteket.
   *[other] Lade till { $count } filer i biblioteket.
}
download-deleted = Nedladdningen raderades. Avsnittets anteckningar och markeringar finns kvar.
refresh-checking-any = Letar efter nya avsnitt…
note-edited = Anteckningen redigerad
highlight-note-edited = Markeringens anteckning redigerad
note-deleted = Anteckningen raderad
highlight-deleted = Markeringen raderad
saved-to = Sparat i { $path }
earmarked = Öronmärkte de sista { $length }

## The transcript

page-reading = Läser sidans utskrift…
page-added = { $count ->
    [one] Lade till sidans utskrift ({ $count } rad).
   *[other] Lade till sidans utskrift ({ $count } rader).
}
page-added-cut-off = { $count ->
    [one] Lade till sidans utskrift ({ $count } rad; sidan klipper av den).
   *[other] Lade till sidans utskrift ({ $count } rader; sidan klipper av den).
}
transcribed = { $count ->
    [one] Transkriberat på den här datorn: { $count } rad. Ord kan vara felhörda.
   *[other] Transkriberat på den här datorn: { $count } rader. Ord kan vara felhörda.
}
transcript-saved = Utskriften sparades i { $path }.
find = Sök
find-title = Sök i utskriften (Ctrl+F)
align = Synka mot ljudet
align-title = Hitta var varje rad sägs, offline
align-coarse-title = Dela de långa styckena i meningar och hitta var var och en sägs, offline
align-cancel-title = Sluta synka
aligning = Synkar utskriften
transcribe = Transkribera
transcribe-title = Känn igen talet på den här datorn, offline (Whisper)
transcript-file = Utskriftsfil
transcript-add = Lägg till utskrift
transcript-replace = Ersätt utskrift
transcript-add-title = Lägg till eller ersätt avsnittets utskrift, eller släpp en fil på fönstret
transcript-from-page = Från en webbsida
transcript-page-address = Webbsidans adress
add = Lägg till
transcript-page-add-title = Läs utskriften som sidan visar
transcript-from-file = Från en fil…
transcript-from-file-title = En utskrift i WebVTT, SRT, JSON, HTML eller text
machine-made = Maskingjord
machine-made-title = Transkriberad på den här datorn av Whisper tiny.en, offline. Ord kan vara felhörda.
timing = Tider
timing-check = Kontrollera mot ljudet
timing-check-title = Hitta rader vars tider är fel (en reklam som lagts till senare) och flytta dem
timing-earlier = Tidigare med { $seconds } s
timing-earlier-title = Flytta alla rader tidigare
timing-later = Senare med { $seconds } s
timing-later-title = Flytta alla rader senare
export = Exportera
export-estimated = Med uppskattade tider
export-format-vtt = WebVTT (.vtt)
export-format-srt = SRT (.srt)
export-format-json = Podcasting 2.0 JSON
export-format-md = Markdown (.md)
export-as = Spara utskriften som { $format }
transcript-source = Från avsnittets sida
transcript-source-cut-off = Från avsnittets sida · avklippt där
transcript-source-cut-off-title = Sidan visar bara början av utskriften; resten av avsnittet är inte transkriberat.
stopping = Avbryter…
transcript-drop-hint = Släpp utskriftsfilen för att lägga till den i det här avsnittet
find-placeholder = Sök i utskriften
find-previous = Föregående träff
find-previous-title = Föregående träff (Skift+Enter)
find-next = Nästa träff
find-next-title = Nästa träff (Enter)
find-close = Stäng sökningen
find-close-title = Stäng (Esc)
find-none = Inga träffar
find-count = { $more ->
    [yes] { $current } av { $count }+
   *[no] { $current } av { $count }
}
line-not-found = Hittades inte i ljudet: raden sägs kanske aldrig, eller så är dess tid en gissning
line-estimated = Uppskattad tid: tryck på P eller nålen när raden börjar
line-pinned = Du fäste raden här
unpin = Lossa
unpin-title = Ta bort nålen
unpin-label = Lossa raden
starts-now = Börjar nu
starts-now-title = Raden börjar nu (P)
starts-now-label = Raden börjar nu
no-transcript = Avsnittet har ingen utskrift än. ”Transkribera” gör en på den här datorn från det nedladdade ljudet; eller lägg till en med ”Lägg till utskrift” (från en fil eller avsnittets webbsida), eller släpp en utskriftsfil på fönstret.

## Timing and aligning

drift-none = Tiderna stämmer redan med ljudet.
drift-every-later = varje rad { $seconds } s senare
drift-every-earlier = varje rad { $seconds } s tidigare
drift-added = { $seconds } s ljud tillagt före { $time }, raderna därifrån flyttade
drift-removed = { $seconds } s ljud borttaget före { $time }, raderna därifrån flyttade
drift-matched = Anpassat till ljudet: { $parts }.
nudged-later = Flyttade alla rader { $seconds } s senare.
nudged-earlier = Flyttade alla rader { $seconds } s tidigare.
aligned = { $missing ->
    [0] Varje rad ligger nu där den sägs.
    [one] Synkat. { $missing } rad hittades inte i ljudet.
   *[other] Synkat. { $missing } rader hittades inte i ljudet.
}
aligned-unmatched = { $count ->
    [one] Ljudet från { $from } till { $to } har ingen text.
   *[other] { $count } partier av ljudet har ingen text, det första från { $from }.
}

## The help overlay's rows

key-space = Mellanslag
key-click-line = Klicka på en rad
help-play = Spela eller pausa
help-skip-back = Bakåt { $length } (ändra i Inställningar)
help-skip-forward = Framåt { $length } (ändra i Inställningar)
help-volume = Volym upp eller ned
help-speed = Långsammare eller snabbare med { $step }×
help-normal-speed = Tillbaka till normal hastighet
help-note = Skriv en anteckning vid den här stunden (uppspelningen fortsätter)
help-earmark = Öronmärk de sista { $length } (ändra i Inställningar)
help-highlight = Markera den valda texten
help-search = Sök i allt
help-undo = Ångra en radering
help-click-line = Spela från den raden
help-find = Sök i utskriften
help-pin = Fäst en uppskattad rad: den börjar nu
help-add = Lägg till poddar, ljudfiler eller OPML
help-refresh = Leta efter nya avsnitt
help-downloads = Visa nedladdningarna
help-help = Visa eller dölj den här hjälpen
## Native file dialogs: titles and the kinds of file they offer
dialog-add-transcript = Lägg till en utskrift
dialog-filter-transcripts = Utskrifter
dialog-export-transcript = Exportera utskriften
dialog-export-notes = Exportera anteckningar och markeringar
dialog-back-up = Säkerhetskopiera biblioteket
dialog-restore = Återställ från säkerhetskopia
dialog-filter-backup = Säkerhetskopia av Earmark-bibliotek
dialog-import-subscriptions = Importera prenumerationer
dialog-export-subscriptions = Exportera prenumerationer
dialog-filter-opml = OPML-prenumerationslistor
dialog-add-audio = Lägg till ljud i biblioteket
dialog-filter-audio = Ljud

## Warnings and problems from the app, by code

error-feed_ampersands_escaped = { $count ->
    [one] Ett fristående ”&” lästes som text.
   *[other] { $count } fristående ”&”-tecken lästes som text.
}
error-feed_episodes_dropped = { $count ->
    [one] XML-koden för ett avsnitt var trasig, så avsnittet utelämnades.
   *[other] XML-koden för { $count } avsnitt var trasig, så de utelämnades.
}
error-feed_cut_short = Flödets XML bryts av efter det sista hela avsnittet; resten utelämnades.
error-feed_closed = Flödets sista element var inte stängda; de stängdes.
error-transcript_not_fetched = Utskriften kunde inte hämtas: { $cause }
error-transcript_unreadable = Utskriften på { $url } kunde inte läsas: { $cause }
error-chapters_not_fetched = Kapitlen kunde inte hämtas: { $cause }
error-chapters_unreadable = Kapitelfilen kunde inte läsas: { $detail } ({ $url })

## What the player says went wrong while playing

error-engine_restarted = Spelaren stannade på grund av ett internt fel och startades om. Öppna avsnittet igen för att fortsätta lyssna.
error-output_lost = Ljudutgången försvann. Uppspelningen har pausats.

## Errors from the app, by code

error-no_output_device = Ingen ljudutgång hittades
error-seek_past_end = Den positionen ligger efter avsnittets slut
error-engine_stopped = Ljudmotorn har stannat
error-audio_missing = { $why ->
    [gone] Kunde inte öppna { $file }: filen finns inte längre (flyttad eller raderad?)
    [denied] Kunde inte öppna { $file }: Earmark får inte läsa den
    [empty] { $file } är tom: det finns inget ljud i den
   *[other] Kunde inte öppna { $file }: { $detail }
}
error-audio_unsupported = { $why ->
    [codec] { $file } använder en kodek som Earmark inte kan spela än ({ $detail })
   *[format] { $file } är inte en ljudfil som Earmark kan spela ({ $detail })
}
error-audio_corrupt = { $why ->
    [cut_short] { $file } är avkortad: filen tar slut för tidigt, och delen som säger var ljudet finns kom inte med (blev nedladdningen klar?)
   *[damaged] { $file } är skadad och kan inte spelas ({ $detail })
}
error-audio_shorter = { $file } är { $length } s lång: den slutar före de { $to } s som klippet bad om
error-time_stretch = Hastighetskontroll är inte tillgänglig för det här ljudet ({ $detail })
error-bad_url = ”{ $url }” är inte en webbadress som Earmark kan hämta (den måste börja med http:// eller https://).
error-no_network = Inget nätverk: { $host } kan inte nås från den här datorn just nu. Kontrollera att den är ansluten.
error-unknown_host = Kunde inte hitta servern { $host }: kontrollera adressen och att datorn är ansluten.
error-unreachable = Kunde inte nå { $host }: { $reason }.
error-timed_out = { $host } svarade inte i tid (väntade { $seconds } s).
error-not_found = { $status } Hittades inte: det finns inget på { $url }.
error-http_status = Servern svarade { $status } för { $url }.
error-server_busy = { $status }: servern på { $url } är överbelastad eller har problem; försök igen senare.
error-too_large = Svaret från { $url } är större än { $megabytes } MB, så det klipptes av.
error-broken_off = Anslutningen till { $host } bröts: { $reason }.
error-too_many_redirects = { $url } omdirigerar för många gånger.
error-unreadable_answer = Svaret från { $url } kunde inte läsas: det är inte vad tjänsten skickar.
error-nothing_to_align = Utskriften har ingen text att synka.
error-audio_too_short = Ljudet är för kort för att synka en utskrift mot.
error-not_downloaded = Ladda ned avsnittet först: att anpassa utskriften kräver ljudet.
error-no_such_line = Den raden finns inte längre i utskriften.
error-not_a_transcript = Filen ser inte ut som en utskrift.
error-empty_transcript = Utskriften har ingen text.
error-not_podcast_json = JSON-filen är inte en Podcasting 2.0-utskrift: den har ingen ”segments”-lista.
error-no_transcript_on_page = Earmark hittade ingen utskrift på sidan.
error-cancelled = Avbrutet.
error-not_timed = Utskriften har inga tider.
error-no_transcript = Avsnittet har ingen utskrift ännu. Lägg till en med ”Lägg till utskrift” eller släpp en utskriftsfil på fönstret.
error-line_changed = Raden har ändrats sedan den markerades; markera orden igen.
error-empty_line = En rad kan inte lämnas tom: skriv de ord den ska innehålla.
error-align_running = Earmark arbetar redan med avsnittets utskrift (synkar eller transkriberar den).
error-internal = En uppgift stoppades av ett internt fel. Earmark fortsätter; du kan försöka igen.
error-no_dropped_file = Ingen utskriftsfil släpptes.
error-bad_request = Fönstret skickade en begäran som Earmark inte kunde använda.
error-dialog_unavailable = Fildialogen kunde inte visas; släpp filerna på fönstret i stället.
error-io = Det gick inte att använda { $path }: { $detail }
error-file_too_large = { $path } är för stor för att läsas ({ $size }; gränsen för den här sortens fil är { $limit }).
error-http_client = Nätverket kunde inte förberedas på den här datorn.
error-newer_database = Bibliotekets databas kommer från en nyare version av Earmark (schemaversion { $found }; den här versionen känner till version { $known }). Uppdatera Earmark för att öppna den; filen ändrades inte.
error-not_a_database = Filen { $path } är inte en Earmark-biblioteksdatabas, eller så är den skadad.
error-foreign_database = Filen { $path } är en databas från ett annat program, inte ett Earmark-bibliotek; den ändrades inte.
error-database_open = Det gick inte att öppna biblioteksdatabasen { $path }: { $detail }
error-data_dir = Det gick inte att skapa datamappen { $path }: { $detail }
error-database_backup = Det gick inte att säkerhetskopiera biblioteksdatabasen till { $path } före uppgraderingen, så den uppgraderades inte: { $detail }
error-database_migration = Det gick inte att uppgradera biblioteksdatabasen till schemaversion { $version }: { $detail }
error-database_busy = Biblioteksdatabasen är upptagen i ett annat Earmark-fönster eller kommando; försök igen om en stund.
error-database = Biblioteksdatabasen rapporterade ett fel: { $detail }
error-episode_not_found = Det avsnittet finns inte längre i biblioteket.
error-podcast_not_found = Den podden finns inte längre i biblioteket.
error-note_not_found = Den anteckningen finns inte längre.
error-highlight_not_found = Den markeringen finns inte längre.
error-highlight_range = En markering får inte sluta innan den börjar.
error-duplicate_feed = Poddflödet { $url } finns redan i biblioteket.
error-stored_transcript = Avsnittets sparade utskrift kunde inte läsas: { $detail }
error-setting = Inställningen ”{ $key }” kunde inte sparas eller läsas: { $detail }
error-transcription_chunk = Del { $chunk } av transkriberingen kunde inte sparas: { $detail }
error-no_library = Det finns inget Earmark-bibliotek i { $path } att säkerhetskopiera.
error-backup_same_file = { $path } är själva biblioteket; välj en annan fil för säkerhetskopian.
error-not_a_library = { $path } är ingen säkerhetskopia av ett Earmark-bibliotek ({ $detail }); inget ändrades.
error-newer_library = { $path } är ett bibliotek från en nyare Earmark (schemaversion { $found }; den här versionen känner till version { $known }). Uppdatera Earmark för att återställa det; inget ändrades.
error-library_in_use = Earmark är öppet med biblioteket i { $path }. Stäng det först, eller återställ från dess inställningar; inget ändrades.
error-busy = Biblioteket förblev upptaget i ett annat Earmark-fönster eller kommando; inget ändrades. Försök igen om en stund.
error-backup_copy = Det gick inte att kopiera biblioteket: { $detail }
error-bad_transcript = Utskriften { $path } kunde inte läsas: { $reason ->
    [not_a_transcript] den ser inte ut som en utskrift.
    [empty_transcript] den har ingen text.
    [invalid_json] dess JSON är trasig på rad { $line }, kolumn { $column }.
    [not_podcast_json] det är en JSON-fil utan ”segments”-lista.
   *[other] den har inget format som Earmark kan läsa.
}
error-transcript_too_large = { $path } är för stor för en utskrift ({ $megabytes } MB; gränsen är { $limit } MB).
error-invalid_json = JSON-utskriften kunde inte läsas: den är trasig på rad { $line }, kolumn { $column }.
error-untimed_transcript = Utskriften har inte tidsstämplar på varje rad, så den kan inte sparas som { $format }-undertexter.
error-unknown_format = ”{ $format }” är inget utskriftsformat som Earmark känner till; använd vtt, srt, json, html eller text.
error-not_an_export = Filen är ingen export av anteckningar från Earmark (en JSON-fil som Earmarks export gjort).
error-newer_export = Filen är en Earmark-export i formatversion { $found }, från en nyare Earmark; den här versionen läser upp till version { $known }. Uppdatera Earmark för att importera den.
error-export_csv = Det gick inte att skriva CSV-exporten: { $detail }
error-export_json = Det gick inte att skriva JSON-exporten: { $detail }
error-export_write = Det gick inte att skriva { $path }: { $detail }. Inget där ändrades.
error-not_a_feed = Flödet på { $url } är inget poddflöde: { $what ->
    [empty] dokumentet är tomt.
    [json] det är ett JSON-dokument, inte ett RSS- eller Atom-flöde.
    [not_xml] det är inget XML-dokument.
    [web_page] det är en webbsida, inte ett RSS- eller Atom-flöde.
    [opml] det är en OPML-prenumerationslista (importera den som OPML).
   *[other_xml] det är ett XML-dokument av annat slag (<{ $root }>), inte ett RSS- eller Atom-flöde.
}
error-malformed_feed = Flödet på { $url } är inget poddflöde: det kunde inte läsas som ett flöde ({ $detail }).
error-feed_without_audio = Flödet på { $url } är inget poddflöde: { $items ->
    [one] dess enda objekt har ingen ljudfil.
   *[other] inget av dess { $items } objekt har en ljudfil.
}
error-feed_too_large = Flödet på { $url } är större än { $megabytes } MB.
error-no_feed_url = Podden ”{ $title }” har inget flöde att uppdatera.
error-no_feed_on_page = { $tried ->
    [0] Sidan på { $url } är en webbsida som inte nämner något poddflöde. Klistra in programmets flödesadress, eller adressen till dess sida på programmets egen webbplats.
    [one] Sidan på { $url } nämner en flödesadress, och den är inget poddflöde som Earmark kunde läsa.
   *[other] Sidan på { $url } nämner { $tried } flödesadresser, och ingen av dem är ett poddflöde som Earmark kunde läsa.
}
error-waiting = Inte kontrollerat: servern bad Earmark att sakta ned, så den tillfrågas igen om { $wait }.
error-not_opml = Det här är ingen OPML-prenumerationslista: { $detail }.
error-no_audio_url = ”{ $title }” har ingen ljudadress att ladda ned från.
error-disk_full = Disken är full: det finns inget utrymme för ”{ $title }” i { $dir }. Frigör utrymme och ladda ned det igen.
error-incomplete = Nedladdningen av ”{ $title }” stannade vid { $done }; ladda ned det igen för att fortsätta där det stannade.
error-length_mismatch = Servern skickade { $got } byte för ”{ $title }” där den utlovat { $expected }; filen sparades inte. Försök igen senare.
error-empty_body = Servern skickade en tom fil i stället för ljudet till ”{ $title }”, så inget sparades. Avsnittet kan ha flyttats eller vara otillgängligt för tillfället; försök igen senare.
error-web_page = Servern skickade en webbsida i stället för ljudet till ”{ $title }”, så inget sparades. Avsnittet kan ha flyttats eller vara otillgängligt för tillfället; försök igen senare.
error-text_body = Servern skickade text i stället för ljudet till ”{ $title }”, så inget sparades. Avsnittet kan ha flyttats eller vara otillgängligt för tillfället; försök igen senare.
error-not_audio = Det servern skickade för ”{ $title }” är inget ljud som Earmark kan spela, så det sparades inte ({ $detail }). Försök igen senare.
error-stalled = Nedladdningen av ”{ $title }” stannade av: servern skickade mindre än { $min } på { $seconds } s. Det som kom ({ $done }) sparas; ladda ned det igen för att fortsätta där det stannade.
error-not_a_download = Ljudet till ”{ $title }” är en fil du lagt till ({ $path }); Earmark raderar bara filer som det laddat ned.
error-synthesizer_missing = Synkning kräver talsyntesen espeak-ng, och ”{ $program }” hittades inte. Installera den (på Debian eller Ubuntu: apt install espeak-ng).
error-synthesizer_failed = Talsyntesen misslyckades: { $detail }.
error-alignment_mismatch = Synkningen har { $aligned } rader men utskriften har { $segments }; synka utskriften först.
error-nothing_matched = Ingen rad i utskriften hittades säkert i ljudet, så dess tider kan inte kontrolleras.
error-no_transcriber = Transkriberingen är inte installerad: ingen Python med faster-whisper hittades ({ $detail }).
error-transcriber_failed = Transkriberingen stoppade oväntat: { $detail }
error-no_runtime = Taligenkänningens körmiljö (faster-whisper) är inte installerad i { $python }.
error-no_model = { $why ->
    [broken] Talmodellen i { $model } kunde inte läsas in: { $detail }.
   *[missing] Ingen talmodell hittades i { $model }: en modellmapp innehåller en Whisper-modell (model.bin).
}
error-no_model_for_language = Det finns ingen talmodell för språket ”{ $language }”: modellen i { $model } förstår bara engelska. I Inställningar kan du ange en flerspråkig Whisper-modell (Mapp för talmodell).
error-decode_failed = Ljudet kunde inte läsas: { $detail }
error-downloads_running = Nedladdningar pågår. Låt dem bli klara eller avbryt dem, och { $then ->
    [restore] återställ sedan biblioteket.
   *[unsubscribe] avsluta sedan prenumerationen.
}
`;
