//! `earmark-cli transcribe EPISODE` listens for the language the episode's show
//! names, as the window does.

use crate::server::{Route, TestServer};
use crate::{demo, fixture, Sandbox};

#[test]
fn a_finnish_shows_episode_is_not_heard_by_the_english_model() {
    let server = TestServer::start();
    let feed = fixture("podcast20.xml", &server.url(""))
        .replace("<language>en-US</language>", "<language>fi-FI</language>");
    server.serve("/feed.xml", Route::ok(feed, "application/rss+xml"));
    let audio = std::fs::read(demo("demo.mp3")).unwrap();
    server.serve("/audio/ep1.mp3", Route::ok(audio, "audio/mpeg"));
    let sandbox = Sandbox::new();
    sandbox.json(&["feed", "add", &server.url("/feed.xml")]);
    let pilot = sandbox.episode_id("Pilot").to_string();
    sandbox.json(&["download", &pilot]);
    let error = sandbox.fails(&["transcribe", &pilot]);
    assert!(
        error.contains("no speech model for the language “fi”"),
        "the show's language is asked for: {error}"
    );
    let english = sandbox.fails(&["transcribe", &pilot, "--model", "/no/such/model"]);
    assert!(
        english.contains("No speech model was found in /no/such/model"),
        "{english}"
    );
}
