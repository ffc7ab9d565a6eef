"""End-to-end test harness for Earmark.

One concept per module:

- `processes`: child processes started as group leaders, waits on conditions.
- `audio_sink`: a real-time sound output (JACK dummy backend) that records what
  was played, reached through a private ALSA configuration.
- `display`: a private X server (Xvfb) and screenshots of it.
- `driver`: `tauri-driver` and a Selenium WebDriver session on the app.
- `earmark_page`: the app's DOM contract (selectors) and waits on it.
- `earmark_app`: the app under test, launched and closed with its evidence kept.
- `audio_compare`: finding a reference sound in a capture, loudness measures.
- `demo_episode`: what the tests know about the bundled demo episode.
- `transcript_view`: adding a transcript through the view, reading its lines.
- `library_feed`: the show the library tests subscribe to, served by `feed_server`.
- `library_page`: the library's pages, rows and download controls.
- `artifacts`: names of what a test leaves behind, and its measurements.

Every process the harness starts is stopped by its own process id (and the
process group it leads), never by name.
"""
