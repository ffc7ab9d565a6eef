// @ts-check
// Suomi: the words of the app's errors, by code (error-<code>); the rest of the
// fi catalogue is in fi.js, and lib/i18n.js reads the two as one.
export default String.raw`
## Errors from the app, by code

error-no_output_device = Äänen toistolaitetta ei löytynyt
error-seek_past_end = Se kohta on jakson lopun jälkeen
error-engine_stopped = Äänimoottori on pysähtynyt
error-audio_missing = { $why ->
    [gone] Tiedostoa { $file } ei voitu avata: sitä ei enää ole (siirretty tai poistettu?)
    [denied] Tiedostoa { $file } ei voitu avata: Earmarkilla ei ole lupaa lukea sitä
    [empty] { $file } on tyhjä: siinä ei ole ääntä
   *[other] Tiedostoa { $file } ei voitu avata: { $detail }
}
error-audio_unsupported = { $why ->
    [codec] { $file } käyttää koodekkia, jota Earmark ei vielä osaa toistaa ({ $detail })
   *[format] { $file } ei ole äänitiedosto, jota Earmark osaa toistaa ({ $detail })
}
error-audio_corrupt = { $why ->
    [cut_short] { $file } on katkennut: tiedosto loppuu kesken, eikä siitä löydy osaa, joka kertoo, missä ääni on (päättyikö lataus?)
   *[damaged] { $file } on vahingoittunut eikä sitä voi toistaa ({ $detail })
}
error-audio_shorter = { $file } on { $length } s pitkä: se loppuu ennen leikkeen pyytämää kohtaa { $to } s
error-time_stretch = Nopeuden säätö ei ole käytettävissä tälle äänelle ({ $detail })
error-bad_url = ”{ $url }” ei ole verkko-osoite, jonka Earmark voi hakea (sen on alettava http:// tai https://).
error-no_network = Ei verkkoa: palvelimeen { $host } ei saada nyt yhteyttä tältä tietokoneelta. Tarkista, että verkko on päällä.
error-unknown_host = Palvelinta { $host } ei löytynyt: tarkista osoite ja että tietokone on verkossa.
error-unreachable = Palvelimeen { $host } ei saatu yhteyttä: { $reason }.
error-timed_out = { $host } ei vastannut ajoissa (odotettiin { $seconds } s).
error-not_found = { $status } Ei löydy: osoitteessa { $url } ei ole mitään.
error-http_status = Palvelin vastasi { $status } osoitteelle { $url }.
error-server_busy = { $status }: palvelin osoitteessa { $url } on ruuhkautunut tai vaikeuksissa; yritä myöhemmin uudelleen.
error-too_large = Vastaus osoitteesta { $url } on yli { $megabytes } Mt, joten se katkaistiin.
error-broken_off = Yhteys palvelimeen { $host } katkesi: { $reason }.
error-too_many_redirects = { $url } ohjaa eteenpäin liian monta kertaa.
error-unreadable_answer = Vastausta osoitteesta { $url } ei voitu lukea: se ei ole sitä, mitä palvelu lähettää.
error-nothing_to_align = Tässä tekstivastineessa ei ole tekstiä tahdistettavaksi.
error-audio_too_short = Tämä ääni on liian lyhyt tekstivastineen tahdistamiseen.
error-not_downloaded = Lataa tämä jakso ensin: tekstivastineen sovittaminen tarvitsee äänen.
error-no_such_line = Sitä riviä ei enää ole tässä tekstivastineessa.
error-not_a_transcript = Tämä tiedosto ei näytä tekstivastineelta.
error-empty_transcript = Tässä tekstivastineessa ei ole tekstiä.
error-not_podcast_json = Tämä JSON-tiedosto ei ole Podcasting 2.0 -tekstivastine: siinä ei ole ”segments”-luetteloa.
error-no_transcript_on_page = Tältä sivulta ei löytynyt tekstivastinetta.
error-cancelled = Peruttu.
error-not_timed = Tässä tekstivastineessa ei ole aikoja.
error-no_transcript = Tällä jaksolla ei ole vielä tekstivastinetta. Lisää se kohdasta ”Lisää tekstivastine” tai pudota tekstivastinetiedosto ikkunaan.
error-line_changed = Rivi on muuttunut valinnan jälkeen; valitse sanat uudelleen.
error-empty_line = Riviä ei voi jättää tyhjäksi: kirjoita sanat, jotka siinä pitää lukea.
error-align_running = Earmark käsittelee jo tämän jakson tekstivastinetta (tahdistaa tai litteroi sitä).
error-internal = Tehtävä pysähtyi sisäiseen virheeseen. Earmark jatkaa toimintaansa; voit yrittää uudelleen.
error-no_dropped_file = Tekstivastinetiedostoa ei pudotettu.
error-bad_request = Ikkuna lähetti pyynnön, jota Earmark ei voinut käyttää.
error-dialog_unavailable = Tiedostoikkunaa ei voitu näyttää; pudota tiedostot ikkunaan sen sijaan.
error-io = Kohdetta { $path } ei voitu käyttää: { $detail }
error-file_too_large = { $path } on liian suuri luettavaksi ({ $size }; tämänlaisen tiedoston raja on { $limit }).
error-http_client = Verkkoyhteyttä ei voitu ottaa käyttöön tällä tietokoneella.
error-newer_database = Kirjaston tietokanta on Earmarkin uudemmasta versiosta (rakenneversio { $found }; tämä versio tuntee version { $known } asti). Päivitä Earmark avataksesi sen; tiedostoa ei muutettu.
error-not_a_database = Tiedosto { $path } ei ole Earmarkin kirjaston tietokanta, tai se on vahingoittunut.
error-foreign_database = Tiedosto { $path } on toisen ohjelman tietokanta, ei Earmarkin kirjasto; sitä ei muutettu.
error-database_open = Kirjaston tietokantaa { $path } ei voitu avata: { $detail }
error-data_dir = Tietokansiota { $path } ei voitu luoda: { $detail }
error-database_backup = Kirjaston tietokannasta ei voitu ottaa varmuuskopiota kohteeseen { $path } ennen päivitystä, joten sitä ei päivitetty: { $detail }
error-database_migration = Kirjaston tietokantaa ei voitu päivittää rakenneversioon { $version }: { $detail }
error-database_busy = Kirjaston tietokanta on varattuna toisessa Earmark-ikkunassa tai -komennossa; yritä hetken kuluttua uudelleen.
error-database = Kirjaston tietokanta ilmoitti virheestä: { $detail }
error-episode_not_found = Sitä jaksoa ei enää ole kirjastossa.
error-podcast_not_found = Sitä podcastia ei enää ole kirjastossa.
error-note_not_found = Sitä muistiinpanoa ei enää ole.
error-highlight_not_found = Sitä korostusta ei enää ole.
error-highlight_range = Korostus ei voi päättyä ennen kuin se alkaa.
error-duplicate_feed = Podcastin syöte { $url } on jo kirjastossa.
error-stored_transcript = Tämän jakson tallennettua tekstivastinetta ei voitu lukea: { $detail }
error-setting = Asetusta ”{ $key }” ei voitu tallentaa tai lukea: { $detail }
error-transcription_chunk = Litteroinnin osaa { $chunk } ei voitu tallentaa: { $detail }
error-no_library = Kansiossa { $path } ei ole Earmarkin kirjastoa varmuuskopioitavaksi.
error-backup_same_file = { $path } on itse kirjasto; valitse varmuuskopiolle toinen tiedosto.
error-not_a_library = { $path } ei ole Earmarkin kirjaston varmuuskopio ({ $detail }); mitään ei muutettu.
error-newer_library = { $path } on kirjasto Earmarkin uudemmasta versiosta (rakenneversio { $found }; tämä versio tuntee version { $known } asti). Päivitä Earmark palauttaaksesi sen; mitään ei muutettu.
error-library_in_use = Earmark on auki kirjastossa { $path }. Sulje se ensin tai palauta sen asetuksista; mitään ei muutettu.
error-busy = Kirjasto pysyi varattuna toisessa Earmark-ikkunassa tai -komennossa; mitään ei muutettu. Yritä hetken kuluttua uudelleen.
error-backup_copy = Kirjastoa ei voitu kopioida: { $detail }
error-bad_transcript = Tekstivastinetta { $path } ei voitu lukea: { $reason ->
    [not_a_transcript] se ei näytä tekstivastineelta.
    [empty_transcript] siinä ei ole tekstiä.
    [invalid_json] sen JSON on rikki rivillä { $line }, sarakkeessa { $column }.
    [not_podcast_json] se on JSON-tiedosto, jossa ei ole ”segments”-luetteloa.
   *[other] se ei ole muodossa, jota Earmark osaa lukea.
}
error-transcript_too_large = { $path } on liian suuri tekstivastineeksi ({ $megabytes } Mt; raja on { $limit } Mt).
error-invalid_json = Tätä JSON-tekstivastinetta ei voitu lukea: se on rikki rivillä { $line }, sarakkeessa { $column }.
error-untimed_transcript = Tämän tekstivastineen kaikilla riveillä ei ole aikaleimoja, joten sitä ei voi tallentaa { $format }-tekstityksenä.
error-unknown_format = ”{ $format }” ei ole tekstivastineen muoto, jonka Earmark tuntee; käytä muotoa vtt, srt, json, html tai text.
error-not_an_export = Tiedosto ei ole Earmarkin muistiinpanojen vienti (Earmarkin viennissä tekemä JSON-tiedosto).
error-newer_export = Tiedosto on Earmarkin uudemman version vienti (muotoversio { $found }); tämä versio lukee version { $known } asti. Päivitä Earmark tuodaksesi sen.
error-export_csv = CSV-vientiä ei voitu kirjoittaa: { $detail }
error-export_json = JSON-vientiä ei voitu kirjoittaa: { $detail }
error-export_write = Tiedostoon { $path } ei voitu kirjoittaa: { $detail }. Siellä ei muutettu mitään.
error-not_a_feed = Osoitteessa { $url } ei ole podcastin syötettä: { $what ->
    [empty] asiakirja on tyhjä.
    [json] se on JSON-asiakirja, ei RSS- tai Atom-syöte.
    [not_xml] se ei ole XML-asiakirja.
    [web_page] se on verkkosivu, ei RSS- tai Atom-syöte.
    [opml] se on OPML-tilausluettelo (tuo se OPML-tiedostona).
   *[other_xml] se on toisenlainen XML-asiakirja (<{ $root }>), ei RSS- tai Atom-syöte.
}
error-malformed_feed = Osoitteessa { $url } ei ole podcastin syötettä: sitä ei voitu lukea syötteenä ({ $detail }).
error-feed_without_audio = Osoitteessa { $url } ei ole podcastin syötettä: { $items ->
    [one] sen ainoassa kohteessa ei ole äänitiedostoa.
   *[other] yhdessäkään sen { $items } kohteesta ei ole äänitiedostoa.
}
error-feed_too_large = Syöte osoitteessa { $url } on yli { $megabytes } Mt.
error-no_feed_url = Podcastilla ”{ $title }” ei ole syötettä päivitettäväksi.
error-no_feed_on_page = { $tried ->
    [0] Sivu osoitteessa { $url } on verkkosivu, joka ei nimeä podcastin syötettä. Liitä ohjelman syötteen osoite tai ohjelman oman sivuston sivun osoite.
    [one] Sivu osoitteessa { $url } nimeää yhden syöteosoitteen, eikä se ole podcastin syöte, jonka Earmark osaisi lukea.
   *[other] Sivu osoitteessa { $url } nimeää { $tried } syöteosoitetta, eikä yksikään niistä ole podcastin syöte, jonka Earmark osaisi lukea.
}
error-waiting = Ei tarkistettu: palvelin pyysi Earmarkia hidastamaan, joten sitä kysytään uudelleen { $wait } kuluttua.
error-not_opml = Tämä ei ole OPML-tilausluettelo: { $detail }.
error-no_audio_url = Jaksolla ”{ $title }” ei ole ääniosoitetta, josta ladata.
error-disk_full = Levy on täynnä: jaksolle ”{ $title }” ei ole tilaa kansiossa { $dir }. Vapauta tilaa ja lataa jakso uudelleen.
error-incomplete = Jakson ”{ $title }” lataus pysähtyi kohtaan { $done }; lataa se uudelleen jatkaaksesi siitä, mihin se jäi.
error-length_mismatch = Palvelin lähetti jaksosta ”{ $title }” { $got } tavua, vaikka ilmoitti { $expected }; tiedostoa ei säilytetty. Yritä myöhemmin uudelleen.
error-empty_body = Palvelin lähetti tyhjän tiedoston jakson ”{ $title }” äänen sijaan, joten mitään ei säilytetty. Jakso on ehkä siirtynyt tai tilapäisesti poissa; yritä myöhemmin uudelleen.
error-web_page = Palvelin lähetti verkkosivun jakson ”{ $title }” äänen sijaan, joten mitään ei säilytetty. Jakso on ehkä siirtynyt tai tilapäisesti poissa; yritä myöhemmin uudelleen.
error-text_body = Palvelin lähetti tekstiä jakson ”{ $title }” äänen sijaan, joten mitään ei säilytetty. Jakso on ehkä siirtynyt tai tilapäisesti poissa; yritä myöhemmin uudelleen.
error-not_audio = Palvelimen jaksosta ”{ $title }” lähettämä tiedosto ei ole ääntä, jota Earmark osaa toistaa, joten sitä ei säilytetty ({ $detail }). Yritä myöhemmin uudelleen.
error-stalled = Jakson ”{ $title }” lataus juuttui: palvelin lähetti alle { $min } { $seconds } sekunnissa. Saapunut osa ({ $done }) säilytetään; lataa jakso uudelleen jatkaaksesi siitä, mihin se jäi.
error-not_a_download = Jakson ”{ $title }” ääni on itse lisäämäsi tiedosto ({ $path }); Earmark poistaa vain lataamiaan tiedostoja.
error-synthesizer_missing = Tahdistus tarvitsee espeak-ng-puhesyntetisaattorin, eikä ohjelmaa ”{ $program }” löytynyt. Asenna se (Debianissa tai Ubuntussa: apt install espeak-ng).
error-synthesizer_failed = Puhesyntetisaattori epäonnistui: { $detail }.
error-alignment_mismatch = Tahdistuksessa on { $aligned } riviä, mutta tekstivastineessa { $segments }; tahdista tämä tekstivastine ensin.
error-nothing_matched = Yhtäkään tekstivastineen riviä ei löytynyt äänestä varmasti, joten sen aikoja ei voi tarkistaa.
error-no_transcriber = Litteroijaa ei ole asennettu: Pythonia, jossa on faster-whisper, ei löytynyt ({ $detail }).
error-transcriber_failed = Litteroija pysähtyi odottamatta: { $detail }
error-no_runtime = Puheentunnistuksen ajoympäristöä (faster-whisper) ei ole asennettu kohteeseen { $python }.
error-no_model = { $why ->
    [broken] Puhemallia kansiossa { $model } ei voitu ladata: { $detail }.
   *[missing] Kansiosta { $model } ei löytynyt puhemallia: mallikansiossa on Whisper-malli (model.bin).
}
error-no_model_for_language = Kielelle ”{ $language }” ei ole puhemallia: kansion { $model } malli ymmärtää vain englantia. Asetuksissa voi nimetä monikielisen Whisper-mallin (Puhemallin kansio).
error-decode_failed = Ääntä ei voitu lukea: { $detail }
error-downloads_running = Latauksia on käynnissä. Anna niiden valmistua tai peru ne, ja { $then ->
    [restore] palauta sitten kirjasto.
   *[unsubscribe] lopeta sitten tilaus.
}
`;
