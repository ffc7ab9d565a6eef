// @ts-check
// English: the words of the app's errors, by code (error-<code>); the rest of the
// en catalogue is in en.js, and lib/i18n.js reads the two as one.
export default String.raw`
## Errors from the app, by code (error-<code>); params as the app sends them.
## English is said in the app's own words; these are what translations follow.

error-no_output_device = No audio output device found
error-seek_past_end = That position is past the end of the episode
error-engine_stopped = The audio engine has stopped
# $why: gone, denied, empty or other; $detail: what the system said (English)
error-audio_missing = { $why ->
    [gone] Could not open { $file }: the file is not there any more (moved or deleted?)
    [denied] Could not open { $file }: Earmark is not allowed to read it
    [empty] { $file } is empty: there is no audio in it
   *[other] Could not open { $file }: { $detail }
}
# $why: codec or format; $detail: the codec, or what the decoder said (English)
error-audio_unsupported = { $why ->
    [codec] { $file } uses { $detail }, which Earmark cannot play yet
   *[format] { $file } is not an audio file Earmark can play ({ $detail })
}
error-audio_corrupt = { $why ->
    [cut_short] { $file } is cut short: the file ends early, and the part that says where its audio is did not make it (did the download finish?)
   *[damaged] { $file } is damaged and cannot be played ({ $detail })
}
error-audio_shorter = { $file } is { $length } s long: it ends before the { $to } s the clip asked for
error-time_stretch = Speed control is not available for this audio ({ $detail })
error-bad_url = “{ $url }” is not a web address Earmark can fetch (it must start with http:// or https://).
error-no_network = No network: { $host } cannot be reached from this computer right now. Check that it is online.
error-unknown_host = Could not find the server { $host }: check the address, and that this computer is online.
# $reason: what the system said (English)
error-unreachable = Could not reach { $host }: { $reason }.
error-timed_out = { $host } did not answer in time (waited { $seconds } s).
error-not_found = { $status } Not found: there is nothing at { $url }.
error-http_status = The server answered { $status } for { $url }.
error-server_busy = { $status }: the server at { $url } is busy or having trouble; try again later.
error-too_large = The response from { $url } is larger than { $megabytes } MB, so it was cut off.
error-broken_off = The connection to { $host } broke off: { $reason }.
error-too_many_redirects = { $url } redirects too many times.
error-unreadable_answer = The answer from { $url } could not be read: it is not what that service sends.
error-nothing_to_align = This transcript has no text to align.
error-audio_too_short = This audio is too short to align a transcript to.
error-not_downloaded = Download this episode first: matching its transcript needs the audio.
error-no_such_line = That line is not in this transcript any more.
error-not_a_transcript = This file does not look like a transcript.
error-empty_transcript = This transcript has no text in it.
error-not_podcast_json = This JSON file is not a Podcasting 2.0 transcript: it has no “segments” list.
error-no_transcript_on_page = This page has no transcript that Earmark could find.
error-cancelled = Cancelled.
error-not_timed = This transcript has no times.
error-no_transcript = This episode has no transcript yet. Add one with “Add transcript” or drop a transcript file on the window.
error-line_changed = That line has changed since it was selected; select the words again.
error-empty_line = A line cannot be left empty: type the words it should read.
error-align_running = Earmark is already working on this episode's transcript (aligning or transcribing it).
error-internal = A task stopped on an internal error. Earmark carries on; you can try it again.
error-no_dropped_file = No transcript file was dropped.
error-bad_request = The window sent a request Earmark could not use.
error-dialog_unavailable = The file dialog could not be shown; drop the files on the window instead.
# $detail: what the system said (English)
error-io = Could not use { $path }: { $detail }
error-file_too_large = { $path } is too large to read ({ $size }; the limit for this kind of file is { $limit }).
error-http_client = The network could not be set up on this computer.
## The library database
error-newer_database = The library database is from a newer version of Earmark (schema version { $found }; this version knows up to { $known }). Update Earmark to open it; the file was not changed.
error-not_a_database = The file { $path } is not an Earmark library database, or it is damaged.
error-foreign_database = The file { $path } is a database from another program, not an Earmark library; it was not changed.
error-database_open = Could not open the library database { $path }: { $detail }
error-data_dir = Could not create the data folder { $path }: { $detail }
error-database_backup = Could not back up the library database to { $path } before upgrading it, so it was not upgraded: { $detail }
error-database_migration = Could not upgrade the library database to schema version { $version }: { $detail }
error-database_busy = The library database is busy in another Earmark window or command; try again in a moment.
error-database = The library database reported an error: { $detail }
error-episode_not_found = That episode is no longer in the library.
error-podcast_not_found = That podcast is no longer in the library.
error-note_not_found = That note no longer exists.
error-highlight_not_found = That highlight no longer exists.
error-highlight_range = A highlight must not end before it starts.
error-duplicate_feed = The podcast feed { $url } is already in the library.
error-stored_transcript = The stored transcript of this episode could not be read: { $detail }
error-setting = The setting “{ $key }” could not be stored or read: { $detail }
error-transcription_chunk = Part { $chunk } of the transcription could not be kept: { $detail }
## Backups
error-no_library = There is no Earmark library in { $path } to back up.
error-backup_same_file = { $path } is the library itself; choose another file for the backup.
error-not_a_library = { $path } is not an Earmark library backup ({ $detail }); nothing was changed.
error-newer_library = { $path } is a library from a newer Earmark (schema version { $found }; this version knows up to { $known }). Update Earmark to restore it; nothing was changed.
error-library_in_use = Earmark is open on the library in { $path }. Close it first, or restore from its Settings; nothing was changed.
error-busy = The library stayed busy in another Earmark window or command; nothing was changed. Try again in a moment.
error-backup_copy = Could not copy the library: { $detail }
## Transcript files and exports
# $reason: the code of what was wrong with the file
error-bad_transcript = The transcript { $path } could not be read: { $reason ->
    [not_a_transcript] it does not look like a transcript.
    [empty_transcript] it has no text in it.
    [invalid_json] its JSON is broken at line { $line }, column { $column }.
    [not_podcast_json] it is a JSON file with no “segments” list.
   *[other] it is not in a format Earmark reads.
}
error-transcript_too_large = { $path } is too large for a transcript ({ $megabytes } MB; the limit is { $limit } MB).
error-invalid_json = This JSON transcript could not be read: it is broken at line { $line }, column { $column }.
error-untimed_transcript = This transcript has no timestamps on every line, so it cannot be saved as { $format } subtitles.
error-unknown_format = “{ $format }” is not a transcript format Earmark knows; use vtt, srt, json, html or text.
error-not_an_export = The file is not an Earmark notes export (a JSON file made by Earmark's export).
error-newer_export = The file is an Earmark export of format version { $found }, from a newer Earmark; this version reads up to version { $known }. Update Earmark to import it.
error-export_csv = Could not write the CSV export: { $detail }
error-export_json = Could not write the JSON export: { $detail }
error-export_write = Could not write { $path }: { $detail }. Nothing there was changed.
## Feeds and OPML
# $what: empty, json, not_xml, web_page, opml or other_xml (with its $root element)
error-not_a_feed = The feed at { $url } is not a podcast feed: { $what ->
    [empty] it is an empty document.
    [json] it is a JSON document, not an RSS or Atom feed.
    [not_xml] it is not an XML document.
    [web_page] it is a web page, not an RSS or Atom feed.
    [opml] it is an OPML subscription list (import it as OPML).
   *[other_xml] it is an XML document of another kind (<{ $root }>), not an RSS or Atom feed.
}
error-malformed_feed = The feed at { $url } is not a podcast feed: it could not be read as a feed ({ $detail }).
error-feed_without_audio = The feed at { $url } is not a podcast feed: { $items ->
    [one] its one item has no audio file.
   *[other] none of its { $items } items has an audio file.
}
error-feed_too_large = The feed at { $url } is larger than { $megabytes } MB.
error-no_feed_url = The podcast “{ $title }” has no feed to refresh.
error-no_feed_on_page = { $tried ->
    [0] The page at { $url } is a web page that names no podcast feed. Paste the show's feed address, or the address of its page on the show's own site.
    [one] The page at { $url } names one feed address, and it is not a podcast feed Earmark could read.
   *[other] The page at { $url } names { $tried } feed addresses, and none of them is a podcast feed Earmark could read.
}
error-waiting = Not checked: its server asked Earmark to slow down, so it is asked again in { $wait }.
error-not_opml = This is not an OPML subscription list: { $detail }.
## Downloads
error-no_audio_url = “{ $title }” has no audio address to download from.
error-disk_full = The disk is full: there is no room for “{ $title }” in { $dir }. Free some space and download it again.
error-incomplete = The download of “{ $title }” stopped at { $done }; download it again to go on where it stopped.
error-length_mismatch = The server sent { $got } bytes for “{ $title }” where it announced { $expected }; the file was not kept. Try again later.
error-empty_body = The server sent an empty file instead of the audio of “{ $title }”, so nothing was kept. The episode may have moved or be unavailable for now; try again later.
error-web_page = The server sent a web page instead of the audio of “{ $title }”, so nothing was kept. The episode may have moved or be unavailable for now; try again later.
error-text_body = The server sent text instead of the audio of “{ $title }”, so nothing was kept. The episode may have moved or be unavailable for now; try again later.
error-not_audio = What the server sent for “{ $title }” is not audio Earmark can play, so it was not kept ({ $detail }). Try again later.
error-stalled = The download of “{ $title }” stalled: the server sent less than { $min } in { $seconds } s. What arrived ({ $done }) is kept; download it again to go on where it stopped.
error-not_a_download = The audio of “{ $title }” is a file you added ({ $path }); Earmark only deletes files it downloaded.
## Alignment and transcription
error-synthesizer_missing = Aligning needs the espeak-ng speech synthesizer, and “{ $program }” was not found. Install it (on Debian or Ubuntu: apt install espeak-ng).
error-synthesizer_failed = The speech synthesizer failed: { $detail }.
error-alignment_mismatch = The alignment has { $aligned } lines but the transcript has { $segments }; align this transcript first.
error-nothing_matched = No line of the transcript was found in the audio with confidence, so its times cannot be checked.
error-no_transcriber = The transcriber is not installed: no Python with faster-whisper was found ({ $detail }).
error-transcriber_failed = The transcriber stopped unexpectedly: { $detail }
error-no_runtime = The speech runtime (faster-whisper) is not installed in { $python }.
# $why: missing or broken
error-no_model = { $why ->
    [broken] The speech model in { $model } could not be loaded: { $detail }.
   *[missing] No speech model was found in { $model }: a model folder holds a Whisper model (model.bin).
}
error-no_model_for_language = There is no speech model for the language “{ $language }”: the model in { $model } understands English only. Settings can name a multilingual Whisper model (Speech model folder).
error-decode_failed = The audio could not be read: { $detail }
error-downloads_running = Downloads are running. Let them finish or cancel them, then { $then ->
    [restore] restore the library.
   *[unsubscribe] unsubscribe.
}
`;
