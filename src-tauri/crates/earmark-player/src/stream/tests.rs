//! The real-time source's underrun count.
use super::*;

const RATE: u32 = 8_000;

fn pair() -> (StreamFeed, StreamSource) {
    let settings = StreamSettings {
        volume: 1.0,
        speed: 1.0,
        skip_silence: false,
    };
    let channels = NonZero::new(1).expect("one channel");
    let rate = NonZero::new(RATE).expect("a rate");
    stream_pair(channels, rate, settings).expect("a stream")
}

/// Feeds `frames` of a tone (no silence to skip) and plays `pulled` frames.
fn feed_and_play(feed: &mut StreamFeed, source: &mut StreamSource, frames: usize, pulled: usize) {
    let tone: Vec<f32> = (0..frames)
        .map(|i| if i % 2 == 0 { 0.5 } else { -0.5 })
        .collect();
    assert_eq!(feed.push(&tone), frames);
    for _ in 0..pulled {
        assert!(source.next().is_some());
    }
}

#[test]
fn an_output_that_runs_dry_mid_file_counts_one_underrun_per_run_of_silence() {
    let (mut feed, mut source) = pair();
    feed.shared.set_paused(false);
    let second = RATE as usize;
    feed_and_play(&mut feed, &mut source, second, second);
    assert_eq!(feed.shared.underruns(), 0, "all it pulled was there");
    feed_and_play(&mut feed, &mut source, second, 2 * second);
    assert_eq!(
        feed.shared.underruns(),
        1,
        "one run of silence, counted once"
    );
    feed_and_play(&mut feed, &mut source, second, second / 2);
    assert_eq!(feed.shared.underruns(), 1, "playing on adds none");
    feed_and_play(&mut feed, &mut source, 0, second);
    assert_eq!(feed.shared.underruns(), 2, "a second run of silence");
    feed.shared.finish_input();
    feed_and_play(&mut feed, &mut source, 0, second);
    assert_eq!(
        feed.shared.underruns(),
        2,
        "after the end, silence is no underrun"
    );
}

#[test]
fn a_paused_or_unstarted_output_has_no_underrun() {
    let (mut feed, mut source) = pair();
    feed_and_play(&mut feed, &mut source, 0, RATE as usize);
    assert_eq!(feed.shared.underruns(), 0, "paused");
    feed.shared.set_paused(false);
    feed_and_play(&mut feed, &mut source, 0, RATE as usize);
    assert_eq!(feed.shared.underruns(), 0, "nothing played yet");
}
