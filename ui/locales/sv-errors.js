// @ts-check
// Svenska: the words of the app's errors, by code (error-<code>); the rest of the
// sv catalogue is in sv.js, and lib/i18n.js reads the two as one.
export default String.raw`
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
