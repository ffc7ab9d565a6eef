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
needs-download-title = Ladda ner avsnittet först: det här använder ljudet på den här datorn
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
`;
