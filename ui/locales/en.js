// @ts-check
// English: the window's words, and the fallback for a key another catalogue lacks.
// Fluent syntax (https://projectfluent.org/fluent/guide/); one catalogue a language,
// each holding exactly these keys (tests/ui/catalogues.test.js).
export default String.raw`
## The sidebar and the page's fixed words

sidebar-label = Library
search-placeholder = Search everything  ( / )
search-label = Search transcripts, notes and highlights
nav-notebook = Notebook
nav-downloads = Downloads
library-heading = Library
refresh-feeds = Check for new episodes
add-open = Add podcasts or audio files
help-open = Keyboard shortcuts
settings-open = Settings
transcript-label = Transcript
episode-cover = Cover
chapters-heading = Chapters
back-to-now = Back to now ↓
undo = Undo
refresh-podcast = Check for new episodes
unsubscribe-open = Unsubscribe…
more-episodes = Show more episodes
downloads-heading = Downloads
clear-downloads = Clear finished
notebook-heading = Notebook
notebook-filter = Filter by podcast
notes-label = Notes and highlights
notes-heading = Notes & highlights
notes-key-note = note
notes-key-earmark = earmark
notes-export = Export notes and highlights
notes-export-choose = Export…
notes-export-md = Markdown (Obsidian)
notes-export-json = JSON (re-importable)
notes-export-csv = CSV for Readwise
note-placeholder = What stood out? Enter saves, Esc cancels.
note-label = Note
cancel = Cancel
close = Close
saving = Saving…
working = Working…
note-save = Save note

## The player bar

player-label = Player
play = Play
pause = Pause
play-title = Play (Space)
pause-title = Pause (Space)
# $length: e.g. "15 seconds"
skip-back = Back { $length }
skip-forward = Forward { $length }
position-label = Position
speed-title = Playback speed ([ slower, ] faster, \ normal)
speed-label = Playback speed
speed-slower = Slower
speed-slower-title = Slower ([)
speed-faster = Faster
speed-faster-title = Faster (])
skip-silence = Skip silence
skip-silence-title = Skip silences longer than 150 ms
# $time: the time skip silence saved, e.g. "1:05"
silence-saved = saved { $time }
volume-title = Volume (↑ ↓)
volume-label = Volume
highlight-toolbar = Highlight

## Settings

settings-heading = Settings
setting-pause-while-typing = Pause playback while I write a note
# "Earmark (B) keeps the last [30] seconds": before and after the key
setting-earmark = Earmark
setting-earmark-keeps = keeps the last
setting-seconds = seconds
setting-skip-back = Skip back
setting-skip-forward = seconds, forward
setting-refresh-before = Check podcasts for new episodes every
setting-minutes = minutes
setting-podcastindex-note = Optional: with your own free API key from api.podcastindex.org, searching for a show asks Podcast Index too.
setting-api-key = API key
setting-api-secret = API secret
setting-speech-heading = Transcription
setting-speech-note = Episodes without a transcript are transcribed on this computer by Whisper tiny.en, which understands English. A folder with a larger or multilingual Whisper model in CTranslate2 form is used instead when you name it here.
setting-auto-transcribe = Transcribe episodes without a transcript in the background, one at a time
setting-speech-model = Speech model folder
setting-speech-model-placeholder = The installed Whisper tiny.en
correct-words = Correct
correct-words-title = Retype the selected words (a word misheard, a name misspelt)
correct-input-label = The words as they should read; Enter saves, Escape cancels
corrected = Corrected to “{ $words }”.
setting-library-heading = Your library
library-backup = Back up library…
library-restore = Restore from backup…
settings-hint = Changes are saved at once.
# "Press [Esc] to close.": the words before and after the key
esc-before = Press
esc-after = to close.

## Adding to the library

add-heading = Add to your library
add-label = Find a podcast by name, or subscribe by its feed address or a web page of the show
add-placeholder = A show's name, or https://example.com/feed.xml
subscribe = Subscribe
search = Search
directory-results = Shows found
add-files = Audio files…
add-folder = A folder…
opml-import = Import OPML…
opml-export = Export OPML…
add-hint = You can also drop audio files or whole folders on the window. A transcript with the same name beside a file comes with it.
drop-hint = Drop to add to your library
add-fetching = Fetching the feed…
add-searching = Searching the podcast directories…
add-none-found = No shows found for “{ $terms }”.
add-found = { $count ->
    [one] { $count } show found.
   *[other] { $count } shows found.
}
add-adding-files = Adding files…
add-adding-folder = Adding the folder…
add-importing-opml = Subscribing to the feeds in the file…
add-offer = Subscribe to this feed? Earmark was asked to open { $url }.

## The help overlay

help-heading = Keyboard shortcuts

## The library

chapters-count = Chapters ({ $count })
# $number: the chapter's place in the list
chapter-untitled = Chapter { $number }
chapter-play-from = Play from { $title }
episodes-count = { $count ->
    [one] { $count } episode
   *[other] { $count } episodes
}
subscribe-to = Subscribe to { $title }
retry = Retry
delete = Delete
download = Download
downloaded = Downloaded
download-title = Download for offline listening
download-delete-title = Delete the audio file; notes and highlights stay
# $size: e.g. "2.0 MB"
download-waiting-kept = Waiting · { $size } kept
download-waiting = Waiting
download-part = { $done } of { $total }
downloaded-size = Downloaded · { $size }
download-stopped = The download stopped.
downloads-to-go = { $count } to go · { $done }
downloads-to-go-of = { $count } to go · { $done } of { $total }
downloads-none-left = Nothing left to download.
downloads-empty = Nothing is downloading. Download episodes from a podcast's page to listen offline.
# $duration: e.g. "12 min", "1 hr 5 min"
time-left-about = about { $duration } left
time-left-under-minute = less than a minute left
state-left = { $duration } left
state-in-progress = In progress
state-played = Played
state-new = New
local-files = Local files
unsubscribed = Unsubscribed from “{ $title }”: { $removed ->
    [one] { $removed } episode removed
   *[other] { $removed } episodes removed
}{ $deleted ->
    [0] .
    [one] , { $deleted } download deleted.
   *[other] , { $deleted } downloads deleted.
}
unsubscribed-kept = { $kept ->
    [one] { $kept } episode stayed under { $local }.
   *[other] { $kept } episodes stayed under { $local }.
}
episode = Episode
highlight-in-yellow = Highlight in yellow
highlight-in-green = Highlight in green
highlight-in-blue = Highlight in blue
highlight-in-pink = Highlight in pink
not-downloaded = Not downloaded yet
show-fold = Show or hide the episodes of { $title }
show-all-of = All episodes of { $title }
new-count = { $count } new
show-all-count = All { $count } episodes
podcast-kicker = { $count ->
    [one] Podcast · { $count } episode
   *[other] Podcast · { $count } episodes
}
local-kicker = { $count ->
    [one] On this computer · { $count } episode
   *[other] On this computer · { $count } episodes
}
notebook-empty = Nothing kept yet. Notes and highlights from every episode gather here.
notebook-all = All podcasts
kind-note = Note
kind-earmark = Earmark
kind-highlight = Highlight

## Notes and highlights

highlight-note-placeholder = Add a note to this highlight
note-edit = Edit note
highlight-note = Note on this highlight
note-delete = Delete note
highlight-delete = Delete highlight
# $time: e.g. "1:05"
note-at = Note at { $time }
notes-empty = Press N to write a note at the current moment, B to earmark what you just heard (the length is in Settings), or select transcript text to highlight it.

## Checking for new episodes

refresh-checking = Checking { $done } of { $total } shows…
refresh-found = { $count ->
    [0] No new episodes
    [one] { $count } new episode
   *[other] { $count } new episodes
}
# $time: the time of day, e.g. "2:05 PM"
refresh-checked-at = checked { $time }
# $shows: the shows' names, or "4 shows"
refresh-notes-on = notes on { $shows }
refresh-failed = { $shows } could not be checked
refresh-waiting = { $count ->
    [one] { $shows } asks to wait
   *[other] { $shows } ask to wait
}
shows-count = { $count ->
    [one] { $count } show
   *[other] { $count } shows
}
quoted = “{ $title }”
kind-transcript = Transcript
kind-episode = Episode

## Search

search-results = { $count ->
    [0] Nothing found for “{ $query }”
    [one] { $count } result for “{ $query }”
   *[other] { $count } results for “{ $query }”
}

## Settings, more

setting-language = Language
language-system = As the system
notes-count = { $count ->
    [one] { $count } note
   *[other] { $count } notes
}
highlights-count = { $count ->
    [one] { $count } highlight
   *[other] { $count } highlights
}
# $contents: e.g. "2 shows, 14 episodes, 3 notes and 1 highlight"
backed-up = Backed up { $contents } to { $path }.
restored = Restored { $contents }.
restored-kept = The library it replaced is kept in { $path }.
restored-reloading = Restored; reloading…

## The library's messages

offline = You're offline. Downloaded episodes, transcripts, notes and search all still work.
subscribed = { $count ->
    [one] Subscribed to “{ $title }”: { $count } episode.
   *[other] Subscribed to “{ $title }”: { $count } episodes.
}
checked-feed = { $count ->
    [one] Checked “{ $title }”: { $count } episode, { $new } new.
   *[other] Checked “{ $title }”: { $count } episodes, { $new } new.
}
opml-subscribed = Subscribed to { $done } of { $count } feeds.
opml-saved = Saved your subscriptions to { $path }.
fetch-when-online = Earmark will be able to fetch it once the network is back.
unsubscribe-ask = Unsubscribe from “{ $title }”?
unsubscribe-explain = Its episodes leave your library and their downloads are deleted. Episodes with your notes or highlights, and the one playing, stay under { $local }.
unsubscribe = Unsubscribe
files-added = { $count ->
    [one] Added { $count } file.
   *[other] Added { $count } files.
}
files-added-library = { $count ->
    [one] Added { $count } file to the library.
   *[other] Added { $count } files to the library.
}
download-deleted = Deleted the download. The episode's notes and highlights are kept.
refresh-checking-any = Checking for new episodes…
note-edited = Note edited
highlight-note-edited = Highlight note edited
note-deleted = Note deleted
highlight-deleted = Highlight deleted
saved-to = Saved to { $path }
# $length: e.g. "30 seconds"
earmarked = Earmarked the last { $length }

## The transcript

page-reading = Reading the page's transcript…
page-added = { $count ->
    [one] Added the page's transcript ({ $count } line).
   *[other] Added the page's transcript ({ $count } lines).
}
page-added-cut-off = { $count ->
    [one] Added the page's transcript ({ $count } line; the page cuts it off).
   *[other] Added the page's transcript ({ $count } lines; the page cuts it off).
}
transcribed = { $count ->
    [one] Transcribed on this computer: { $count } line. Words may be misheard.
   *[other] Transcribed on this computer: { $count } lines. Words may be misheard.
}
transcript-saved = Saved the transcript to { $path }.
find = Find
find-title = Find in the transcript (Ctrl+F)
align = Align to audio
align-title = Find where every line is spoken, offline
align-coarse-title = Cut the long paragraphs into sentences and find where each is spoken, offline
align-cancel-title = Stop aligning
aligning = Aligning the transcript
transcribe = Transcribe
transcribe-title = Recognise the speech on this computer, offline (Whisper)
transcript-file = Transcript file
transcript-add = Add transcript
transcript-replace = Replace transcript
transcript-add-title = Add or replace this episode's transcript, or drop a file on the window
transcript-from-page = From a web page
transcript-page-address = The web page's address
add = Add
transcript-page-add-title = Read the transcript this page shows
transcript-from-file = From a file…
transcript-from-file-title = A WebVTT, SRT, JSON, HTML or text transcript
machine-made = Machine-made
machine-made-title = Transcribed on this computer by Whisper tiny.en, offline. Words may be misheard.
timing = Timing
timing-check = Check against the audio
timing-check-title = Find lines whose times are off (an ad added later) and move them
timing-earlier = Earlier by { $seconds } s
timing-earlier-title = Move every line earlier
timing-later = Later by { $seconds } s
timing-later-title = Move every line later
export = Export
export-estimated = With estimated times
export-format-vtt = WebVTT (.vtt)
export-format-srt = SRT (.srt)
export-format-json = Podcasting 2.0 JSON
export-format-md = Markdown (.md)
# $format: one of the formats above
export-as = Save the transcript as { $format }
transcript-source = From the episode's page
transcript-source-cut-off = From the episode's page · cut off there
transcript-source-cut-off-title = The page shows only the start of the transcript; the rest of the episode is not transcribed.
stopping = Stopping…
transcript-drop-hint = Drop the transcript file to add it to this episode
find-placeholder = Find in transcript
find-previous = Previous match
find-previous-title = Previous match (Shift+Enter)
find-next = Next match
find-next-title = Next match (Enter)
find-close = Close find
find-close-title = Close (Esc)
find-none = No matches
# $current of $count matches; $more is "yes" when there are more than were counted
find-count = { $more ->
    [yes] { $current } of { $count }+
   *[no] { $current } of { $count }
}
line-not-found = Not found in the audio: this line may never be spoken, or its time is a guess
line-estimated = Estimated time: press P or the pin when this line starts
line-pinned = You pinned this line here
unpin = Unpin
unpin-title = Remove this pin
unpin-label = Unpin this line
starts-now = Starts now
starts-now-title = This line starts now (P)
starts-now-label = This line starts now
no-transcript = This episode has no transcript yet. “Transcribe” makes one on this computer from the downloaded audio; or add one with “Add transcript” (from a file or the episode's web page), or drop a transcript file on the window.

## Timing and aligning

drift-none = The times already match the audio.
# $seconds: e.g. "1.5"
drift-every-later = every line { $seconds } s later
drift-every-earlier = every line { $seconds } s earlier
# $time: where the audio was added, e.g. "12:30"
drift-added = { $seconds } s of audio added before { $time }, the lines from there moved
drift-removed = { $seconds } s of audio removed before { $time }, the lines from there moved
# $parts: the moves above, joined by "; "
drift-matched = Matched to the audio: { $parts }.
nudged-later = Moved every line { $seconds } s later.
nudged-earlier = Moved every line { $seconds } s earlier.
aligned = { $missing ->
    [0] Every line is now where it is spoken.
    [one] Aligned. { $missing } line was not found in the audio.
   *[other] Aligned. { $missing } lines were not found in the audio.
}
aligned-unmatched = { $count ->
    [one] The audio from { $from } to { $to } has no text.
   *[other] { $count } stretches of audio have no text, the first from { $from }.
}

## The help overlay's rows

key-space = Space
key-click-line = Click a line
help-play = Play or pause
# $length: e.g. "15 seconds"
help-skip-back = Back { $length } (change it in Settings)
help-skip-forward = Forward { $length } (change it in Settings)
help-volume = Volume up or down
# $step: "0.05"
help-speed = Slower or faster by { $step }×
help-normal-speed = Back to normal speed
help-note = Write a note at this moment (playback goes on)
help-earmark = Earmark the last { $length } (change it in Settings)
help-highlight = Highlight the selected text
help-search = Search everything
help-undo = Undo a delete
help-click-line = Play from that line
help-find = Find in the transcript
help-pin = Pin an estimated line: it starts now
help-add = Add podcasts, audio files or OPML
help-refresh = Check for new episodes
help-downloads = Show the downloads
help-help = Show or hide this help
## Native file dialogs: titles and the kinds of file they offer
dialog-add-transcript = Add a transcript
dialog-filter-transcripts = Transcripts
dialog-export-transcript = Export the transcript
dialog-export-notes = Export notes and highlights
dialog-back-up = Back up library
dialog-restore = Restore from backup
dialog-filter-backup = Earmark library backup
dialog-import-subscriptions = Import subscriptions
dialog-export-subscriptions = Export subscriptions
dialog-filter-opml = OPML subscription lists
dialog-add-audio = Add audio to the library
dialog-filter-audio = Audio

## Warnings and problems from the app, by code (error-<code>, worded as errors are);
## params as the app sends them. A check's warnings: what was repaired in a feed whose
## XML was broken, and what could not be fetched for its newest episodes.

# $count: how many
error-feed_ampersands_escaped = { $count ->
    [one] A bare “&” was read as text.
   *[other] { $count } bare “&” characters were read as text.
}
error-feed_episodes_dropped = { $count ->
    [one] One episode's XML was broken; it was left out.
   *[other] { $count } episodes' XML was broken; they were left out.
}
error-feed_cut_short = The feed's XML breaks off after its last whole episode; the rest was left out.
error-feed_closed = The feed's last elements were not closed; they were closed.
# $cause: the network's error, in words
error-transcript_not_fetched = The transcript could not be fetched: { $cause }
# $cause: why it is no transcript, in words
error-transcript_unreadable = The transcript at { $url } could not be read: { $cause }
error-chapters_not_fetched = The chapters could not be fetched: { $cause }
# $detail: what the reader said (English)
error-chapters_unreadable = The chapters file could not be read: { $detail } ({ $url })

## What the player says went wrong while playing

error-engine_restarted = The player stopped on an internal error and was started again. Open the episode again to go on listening.
error-output_lost = The audio output device was lost. Playback is paused.

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
