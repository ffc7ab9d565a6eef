//! Earmark playback engine.
