// @ts-check
// Suomi: ikkunan sanat. The keys are the English catalogue's (en.js), every one of them.
export default String.raw`
## The sidebar and the page's fixed words

sidebar-label = Kirjasto
search-placeholder = Hae kaikesta  ( / )
search-label = Hae teksteistä, muistiinpanoista ja korostuksista
nav-notebook = Muistikirja
nav-downloads = Lataukset
library-heading = Kirjasto
refresh-feeds = Tarkista uudet jaksot
add-open = Lisää podcasteja tai äänitiedostoja
help-open = Pikanäppäimet
settings-open = Asetukset
transcript-label = Tekstivastine
episode-cover = Kansikuva
chapters-heading = Luvut
back-to-now = Takaisin nykyhetkeen ↓
undo = Kumoa
refresh-podcast = Tarkista uudet jaksot
unsubscribe-open = Lopeta tilaus…
more-episodes = Näytä lisää jaksoja
downloads-heading = Lataukset
clear-downloads = Poista valmiit
notebook-heading = Muistikirja
notebook-filter = Suodata podcastin mukaan
notes-label = Muistiinpanot ja korostukset
notes-heading = Muistiinpanot ja korostukset
notes-key-note = muistiinpano
notes-key-earmark = korvamerkki
notes-export = Vie muistiinpanot ja korostukset
notes-export-choose = Vie…
notes-export-md = Markdown (Obsidian)
notes-export-json = JSON (tuotavissa takaisin)
notes-export-csv = CSV Readwiseen
note-placeholder = Mikä jäi mieleen? Enter tallentaa, Esc peruu.
note-label = Muistiinpano
cancel = Peruuta
close = Sulje
saving = Tallennetaan…
working = Työskennellään…
note-save = Tallenna

## The player bar

player-label = Soitin
play = Toista
pause = Tauko
play-title = Toista (välilyönti)
pause-title = Tauko (välilyönti)
skip-back = Taaksepäin { $length }
skip-forward = Eteenpäin { $length }
position-label = Kohta
speed-title = Toistonopeus ([ hitaammin, ] nopeammin, \ normaali)
speed-label = Toistonopeus
speed-slower = Hitaammin
speed-slower-title = Hitaammin ([)
speed-faster = Nopeammin
speed-faster-title = Nopeammin (])
skip-silence = Ohita hiljaisuus
skip-silence-title = Ohita yli 150 ms:n hiljaiset kohdat
silence-saved = säästetty { $time }
volume-title = Äänenvoimakkuus (↑ ↓)
volume-label = Äänenvoimakkuus
highlight-toolbar = Korostus

## Settings

settings-heading = Asetukset
setting-pause-while-typing = Keskeytä toisto, kun kirjoitan muistiinpanoa
setting-earmark = Korvamerkki
setting-earmark-keeps = säilyttää viimeiset
setting-seconds = sekuntia
setting-skip-back = Hyppää taaksepäin
setting-skip-forward = sekuntia, eteenpäin
setting-refresh-before = Tarkista podcastien uudet jaksot
setting-minutes = minuutin välein
setting-podcastindex-note = Valinnainen: omalla ilmaisella API-avaimella (api.podcastindex.org) ohjelmahaku kysyy myös Podcast Indexiltä.
setting-api-key = API-avain
setting-api-secret = API-salaisuus
setting-speech-heading = Litterointi
setting-speech-note = Jaksot, joilla ei ole tekstitystä, litteroidaan tällä tietokoneella Whisper tiny.en -mallilla, joka ymmärtää englantia. Jos nimeät tähän kansion, jossa on suurempi tai monikielinen Whisper-malli CTranslate2-muodossa, sitä käytetään sen sijaan.
setting-auto-transcribe = Litteroi tekstittömät jaksot taustalla, yksi kerrallaan
setting-speech-model = Puhemallin kansio
setting-speech-model-placeholder = Asennettu Whisper tiny.en
correct-words = Korjaa
correct-words-title = Kirjoita valitut sanat uudelleen (väärin kuultu sana, väärin kirjoitettu nimi)
correct-input-label = Sanat oikein kirjoitettuina; Enter tallentaa, Esc peruu
corrected = Korjattu muotoon ”{ $words }”.
setting-library-heading = Kirjastosi
library-backup = Varmuuskopioi kirjasto…
library-restore = Palauta varmuuskopiosta…
settings-hint = Muutokset tallentuvat heti.
esc-before = Sulje painamalla
esc-after = { "" }

## Adding to the library

add-heading = Lisää kirjastoosi
add-label = Etsi podcastia nimellä tai tilaa se syötteen osoitteella tai ohjelman verkkosivulla
add-placeholder = Ohjelman nimi tai https://example.com/feed.xml
subscribe = Tilaa
search = Hae
directory-results = Löydetyt ohjelmat
add-files = Äänitiedostoja…
add-folder = Kansio…
opml-import = Tuo OPML…
opml-export = Vie OPML…
add-hint = Voit myös pudottaa äänitiedostoja tai kokonaisia kansioita ikkunaan. Tiedoston vieressä oleva samanniminen tekstivastine tulee mukana.
drop-hint = Pudota lisätäksesi kirjastoosi
add-fetching = Haetaan syötettä…
add-searching = Haetaan podcast-hakemistoista…
add-none-found = Haulla ”{ $terms }” ei löytynyt ohjelmia.
add-found = { $count ->
    [one] { $count } ohjelma löytyi.
   *[other] { $count } ohjelmaa löytyi.
}
add-adding-files = Lisätään tiedostoja…
add-adding-folder = Lisätään kansiota…
add-importing-opml = Tilataan tiedoston syötteitä…
add-offer = Tilataanko tämä syöte? Earmarkia pyydettiin avaamaan { $url }.

## The help overlay

help-heading = Pikanäppäimet

## The library

chapters-count = Luvut ({ $count })
chapter-untitled = Luku { $number }
chapter-play-from = Toista kohdasta { $title }
episodes-count = { $count ->
    [one] { $count } jakso
   *[other] { $count } jaksoa
}
subscribe-to = Tilaa { $title }
retry = Yritä uudelleen
delete = Poista
download = Lataa
downloaded = Ladattu
download-title = Lataa kuunneltavaksi ilman verkkoa
download-delete-title = Poista äänitiedosto; muistiinpanot ja korostukset säilyvät
download-waiting-kept = Odottaa · { $size } tallessa
download-waiting = Odottaa
download-part = { $done } / { $total }
downloaded-size = Ladattu · { $size }
download-stopped = Lataus keskeytyi.
downloads-to-go = { $count } jäljellä · { $done }
downloads-to-go-of = { $count } jäljellä · { $done } / { $total }
downloads-none-left = Ei mitään ladattavaa.
downloads-empty = Mitään ei ladata. Lataa jaksoja podcastin sivulta kuunnellaksesi ilman verkkoa.
time-left-about = noin { $duration } jäljellä
time-left-under-minute = alle minuutti jäljellä
state-left = { $duration } jäljellä
state-in-progress = Kesken
state-played = Kuunneltu
state-new = Uusi
local-files = Omat tiedostot
unsubscribed = Tilaus ”{ $title }” lopetettu: { $removed ->
    [one] { $removed } jakso poistettu
   *[other] { $removed } jaksoa poistettu
}{ $deleted ->
    [0] .
    [one] , { $deleted } lataus poistettu.
   *[other] , { $deleted } latausta poistettu.
}
unsubscribed-kept = { $kept ->
    [one] { $kept } jakso jäi kohtaan { $local }.
   *[other] { $kept } jaksoa jäi kohtaan { $local }.
}
episode = Jakso
highlight-in-yellow = Korosta keltaisella
highlight-in-green = Korosta vihreällä
highlight-in-blue = Korosta sinisellä
highlight-in-pink = Korosta vaaleanpunaisella
not-downloaded = Ei vielä ladattu
show-fold = Näytä tai piilota ohjelman { $title } jaksot
show-all-of = Ohjelman { $title } kaikki jaksot
new-count = { $count } uutta
show-all-count = Kaikki { $count } jaksoa
podcast-kicker = { $count ->
    [one] Podcast · { $count } jakso
   *[other] Podcast · { $count } jaksoa
}
local-kicker = { $count ->
    [one] Tällä tietokoneella · { $count } jakso
   *[other] Tällä tietokoneella · { $count } jaksoa
}
notebook-empty = Mitään ei ole vielä tallessa. Kaikkien jaksojen muistiinpanot ja korostukset kertyvät tänne.
notebook-all = Kaikki podcastit
kind-note = Muistiinpano
kind-earmark = Korvamerkki
kind-highlight = Korostus

## Notes and highlights

highlight-note-placeholder = Lisää korostukseen muistiinpano
note-edit = Muokkaa muistiinpanoa
highlight-note = Korostuksen muistiinpano
note-delete = Poista muistiinpano
highlight-delete = Poista korostus
note-at = Muistiinpano kohdassa { $time }
notes-empty = Paina N kirjoittaaksesi muistiinpanon tähän kohtaan, B merkitäksesi juuri kuulemasi (pituus on asetuksissa) tai valitse tekstiä korostaaksesi sen.

## Checking for new episodes

refresh-checking = Tarkistetaan { $done }/{ $total } ohjelmaa…
refresh-found = { $count ->
    [0] Ei uusia jaksoja
    [one] { $count } uusi jakso
   *[other] { $count } uutta jaksoa
}
refresh-checked-at = tarkistettu { $time }
refresh-notes-on = huomautuksia: { $shows }
refresh-failed = { $shows } ei voitu tarkistaa
refresh-waiting = { $count ->
    [one] { $shows } pyytää odottamaan
   *[other] { $shows } pyytävät odottamaan
}
shows-count = { $count ->
    [one] { $count } ohjelma
   *[other] { $count } ohjelmaa
}
quoted = ”{ $title }”
kind-transcript = Tekstivastine
kind-episode = Jakso

## Search

search-results = { $count ->
    [0] Haulla ”{ $query }” ei löytynyt mitään
    [one] { $count } tulos haulla ”{ $query }”
   *[other] { $count } tulosta haulla ”{ $query }”
}

## Settings, more

setting-language = Kieli
language-system = Järjestelmän mukaan
notes-count = { $count ->
    [one] { $count } muistiinpano
   *[other] { $count } muistiinpanoa
}
highlights-count = { $count ->
    [one] { $count } korostus
   *[other] { $count } korostusta
}
backed-up = Varmuuskopioitu { $contents } tiedostoon { $path }.
restored = Palautettu { $contents }.
restored-kept = Korvattu kirjasto on tallessa: { $path }.
restored-reloading = Palautettu; ladataan uudelleen…

## The library's messages

offline = Olet ilman verkkoa. Ladatut jaksot, tekstivastineet, muistiinpanot ja haku toimivat silti.
subscribed = { $count ->
    [one] Tilattu ”{ $title }”: { $count } jakso.
   *[other] Tilattu ”{ $title }”: { $count } jaksoa.
}
checked-feed = { $count ->
    [one] Tarkistettu ”{ $title }”: { $count } jakso, { $new } uutta.
   *[other] Tarkistettu ”{ $title }”: { $count } jaksoa, { $new } uutta.
}
opml-subscribed = Tilattu { $done }/{ $count } syötettä.
opml-saved = Tilauksesi tallennettiin tiedostoon { $path }.
fetch-when-online = Earmark voi hakea sen, kun verkko palaa.
unsubscribe-ask = Lopetetaanko tilaus ”{ $title }”?
unsubscribe-explain = Sen jaksot poistuvat kirjastostasi ja niiden lataukset poistetaan. Jaksot, joissa on muistiinpanojasi tai korostuksiasi, ja soimassa oleva jakso jäävät kohtaan { $local }.
unsubscribe = Lopeta tilaus
files-added = { $count ->
    [one] Lisättiin { $count } tiedosto.
   *[other] Lisättiin { $count } tiedostoa.
}
files-added-library = { $count ->
    [one] Kirjastoon lisättiin { $count } tiedosto.
   *[other] Kirjastoon lisättiin { $count } tiedostoa.
}
download-deleted = Lataus poistettiin. Jakson muistiinpanot ja korostukset säilyvät.
refresh-checking-any = Tarkistetaan uusia jaksoja…
note-edited = Muistiinpanoa muokattu
highlight-note-edited = Korostuksen muistiinpanoa muokattu
note-deleted = Muistiinpano poistettu
highlight-deleted = Korostus poistettu
saved-to = Tallennettu: { $path }
earmarked = Korvamerkitty viimeiset { $length }

## The transcript

page-reading = Luetaan sivun tekstivastinetta…
page-added = { $count ->
    [one] Sivun tekstivastine lisätty ({ $count } rivi).
   *[other] Sivun tekstivastine lisätty ({ $count } riviä).
}
page-added-cut-off = { $count ->
    [one] Sivun tekstivastine lisätty ({ $count } rivi; sivu katkaisee sen).
   *[other] Sivun tekstivastine lisätty ({ $count } riviä; sivu katkaisee sen).
}
transcribed = { $count ->
    [one] Litteroitu tällä tietokoneella: { $count } rivi. Sanoja voi olla kuultu väärin.
   *[other] Litteroitu tällä tietokoneella: { $count } riviä. Sanoja voi olla kuultu väärin.
}
transcript-saved = Tekstivastine tallennettiin tiedostoon { $path }.
find = Etsi
find-title = Etsi tekstivastineesta (Ctrl+F)
align = Tahdista ääneen
align-title = Etsi, missä kukin rivi sanotaan, ilman verkkoa
align-coarse-title = Pilko pitkät kappaleet lauseiksi ja etsi, missä kukin sanotaan, ilman verkkoa
align-cancel-title = Lopeta tahdistus
aligning = Tahdistetaan tekstivastinetta
transcribe = Litteroi
transcribe-title = Tunnista puhe tällä tietokoneella ilman verkkoa (Whisper)
needs-download-title = Lataa jakso ensin: tämä käyttää tällä tietokoneella olevaa ääntä
transcript-file = Tekstivastinetiedosto
transcript-add = Lisää tekstivastine
transcript-replace = Korvaa tekstivastine
transcript-add-title = Lisää tai korvaa jakson tekstivastine, tai pudota tiedosto ikkunaan
transcript-from-page = Verkkosivulta
transcript-page-address = Verkkosivun osoite
add = Lisää
transcript-page-add-title = Lue sivulla näkyvä tekstivastine
transcript-from-file = Tiedostosta…
transcript-from-file-title = WebVTT-, SRT-, JSON-, HTML- tai tekstimuotoinen tekstivastine
machine-made = Koneen tekemä
machine-made-title = Litteroitu tällä tietokoneella Whisper tiny.en -mallilla ilman verkkoa. Sanoja voi olla kuultu väärin.
timing = Ajoitus
timing-check = Tarkista ääntä vasten
timing-check-title = Etsi rivit, joiden ajat ovat pielessä (myöhemmin lisätty mainos), ja siirrä ne
timing-earlier = Aiemmaksi { $seconds } s
timing-earlier-title = Siirrä kaikkia rivejä aiemmaksi
timing-later = Myöhemmäksi { $seconds } s
timing-later-title = Siirrä kaikkia rivejä myöhemmäksi
export = Vie
export-estimated = Arvioidut ajat mukaan
export-format-vtt = WebVTT (.vtt)
export-format-srt = SRT (.srt)
export-format-json = Podcasting 2.0 JSON
export-format-md = Markdown (.md)
export-as = Tallenna tekstivastine muodossa { $format }
transcript-source = Jakson sivulta
transcript-source-cut-off = Jakson sivulta · katkeaa tähän
transcript-source-cut-off-title = Sivu näyttää vain tekstivastineen alun; jakson loppua ei ole litteroitu.
stopping = Lopetetaan…
transcript-drop-hint = Pudota tekstivastinetiedosto lisätäksesi sen tähän jaksoon
find-placeholder = Etsi tekstivastineesta
find-previous = Edellinen osuma
find-previous-title = Edellinen osuma (Vaihto+Enter)
find-next = Seuraava osuma
find-next-title = Seuraava osuma (Enter)
find-close = Sulje haku
find-close-title = Sulje (Esc)
find-none = Ei osumia
find-count = { $more ->
    [yes] { $current }/{ $count }+
   *[no] { $current }/{ $count }
}
line-not-found = Ei löytynyt äänestä: riviä ei ehkä sanota lainkaan, tai sen aika on arvaus
line-estimated = Arvioitu aika: paina P tai nastaa, kun tämä rivi alkaa
line-pinned = Kiinnitit tämän rivin tähän
unpin = Irrota
unpin-title = Poista tämä kiinnitys
unpin-label = Irrota tämä rivi
starts-now = Alkaa nyt
starts-now-title = Tämä rivi alkaa nyt (P)
starts-now-label = Tämä rivi alkaa nyt
no-transcript = Tällä jaksolla ei ole vielä tekstivastinetta. ”Litteroi” tekee sellaisen tällä tietokoneella ladatusta äänestä; tai lisää se kohdasta ”Lisää tekstivastine” (tiedostosta tai jakson verkkosivulta), tai pudota tekstivastinetiedosto ikkunaan.

## Timing and aligning

drift-none = Ajat vastaavat jo ääntä.
drift-every-later = jokainen rivi { $seconds } s myöhemmäksi
drift-every-earlier = jokainen rivi { $seconds } s aiemmaksi
drift-added = { $seconds } s ääntä lisätty ennen kohtaa { $time }, rivit siitä eteenpäin siirretty
drift-removed = { $seconds } s ääntä poistettu ennen kohtaa { $time }, rivit siitä eteenpäin siirretty
drift-matched = Sovitettu ääneen: { $parts }.
nudged-later = Kaikki rivit siirretty { $seconds } s myöhemmäksi.
nudged-earlier = Kaikki rivit siirretty { $seconds } s aiemmaksi.
aligned = { $missing ->
    [0] Jokainen rivi on nyt siellä, missä se sanotaan.
    [one] Tahdistettu. { $missing } riviä ei löytynyt äänestä.
   *[other] Tahdistettu. { $missing } riviä ei löytynyt äänestä.
}
aligned-unmatched = { $count ->
    [one] Äänessä kohdasta { $from } kohtaan { $to } ei ole tekstiä.
   *[other] { $count } äänen jaksoa on ilman tekstiä, ensimmäinen kohdasta { $from }.
}

## The help overlay's rows

key-space = Välilyönti
key-click-line = Napsauta riviä
help-play = Toista tai tauko
help-skip-back = Taaksepäin { $length } (muuta asetuksissa)
help-skip-forward = Eteenpäin { $length } (muuta asetuksissa)
help-volume = Äänenvoimakkuus ylös tai alas
help-speed = Hitaammin tai nopeammin { $step }× kerrallaan
help-normal-speed = Takaisin normaaliin nopeuteen
help-note = Kirjoita muistiinpano tähän kohtaan (toisto jatkuu)
help-earmark = Korvamerkitse viimeiset { $length } (muuta asetuksissa)
help-highlight = Korosta valittu teksti
help-search = Hae kaikesta
help-undo = Kumoa poisto
help-click-line = Toista siltä riviltä
help-find = Etsi tekstivastineesta
help-pin = Kiinnitä arvioitu rivi: se alkaa nyt
help-add = Lisää podcasteja, äänitiedostoja tai OPML
help-refresh = Tarkista uudet jaksot
help-downloads = Näytä lataukset
help-help = Näytä tai piilota tämä ohje
## Native file dialogs: titles and the kinds of file they offer
dialog-add-transcript = Lisää tekstivastine
dialog-filter-transcripts = Tekstivastineet
dialog-export-transcript = Vie tekstivastine
dialog-export-notes = Vie muistiinpanot ja korostukset
dialog-back-up = Varmuuskopioi kirjasto
dialog-restore = Palauta varmuuskopiosta
dialog-filter-backup = Earmarkin kirjaston varmuuskopio
dialog-import-subscriptions = Tuo tilaukset
dialog-export-subscriptions = Vie tilaukset
dialog-filter-opml = OPML-tilausluettelot
dialog-add-audio = Lisää ääntä kirjastoon
dialog-filter-audio = Ääni

## Warnings and problems from the app, by code

error-feed_ampersands_escaped = { $count ->
    [one] Irrallinen ”&”-merkki luettiin tekstiksi.
   *[other] { $count } irrallista ”&”-merkkiä luettiin tekstiksi.
}
error-feed_episodes_dropped = { $count ->
    [one] Yhden jakson XML oli rikki; se jätettiin pois.
   *[other] XML oli rikki { $count } jaksossa; ne jätettiin pois.
}
error-feed_cut_short = Syötteen XML katkeaa viimeisen kokonaisen jakson jälkeen; loppu jätettiin pois.
error-feed_closed = Syötteen viimeisiä elementtejä ei ollut suljettu; ne suljettiin.
error-transcript_not_fetched = Tekstivastinetta ei voitu hakea: { $cause }
error-transcript_unreadable = Tekstivastinetta osoitteessa { $url } ei voitu lukea: { $cause }
error-chapters_not_fetched = Lukuja ei voitu hakea: { $cause }
error-chapters_unreadable = Lukutiedostoa ei voitu lukea: { $detail } ({ $url })

## What the player says went wrong while playing

error-engine_restarted = Soitin pysähtyi sisäiseen virheeseen ja käynnistettiin uudelleen. Avaa jakso uudelleen jatkaaksesi kuuntelua.
error-output_lost = Yhteys äänen toistolaitteeseen katkesi. Toisto on tauolla.
`;
