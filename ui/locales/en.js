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
needs-download-title = Download the episode first: this works on the audio on this computer
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
`;
