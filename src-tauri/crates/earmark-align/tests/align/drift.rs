//! Drift of a timed transcript against its audio, as dynamic ad insertion makes
//! it: the generated episode (every paragraph spoken) with a VTT of its true
//! times, then the "feed" cases — the VTT of the episode without ads, and the
//! audio with ads inserted at paragraph boundaries (jingles spliced in here, or
//! the generator's ad read in another espeak-ng voice).

use std::error::Error;
use std::sync::atomic::AtomicBool;

use earmark_align::{align, fix_drift, AlignOptions, AudioFeatures, DriftFix};
use earmark_core::transcript::{parse, to_vtt, FormatHint, Segment, Transcript, TranscriptFormat};

use crate::{generate, percentile, read_wav, TestResult};

/// Silence either side of the spliced ad, in milliseconds.
const AD_PAUSE_MS: u64 = 400;

/// A generated episode with every paragraph spoken.
struct Generated {
    samples: Vec<f32>,
    rate: u32,
    transcript: Transcript,
    starts: Vec<u64>,
    ends: Vec<u64>,
    /// Where the generator's ad read is, with the 700 ms pause before it
    /// (an empty stretch when there is none).
    ad: (u64, u64),
}

/// The generated episode with every paragraph spoken, made with `args`.
fn generated(args: &[&str]) -> Result<Generated, Box<dyn Error>> {
    let dir = generate(args);
    let (samples, rate) = read_wav(&dir.join("episode.wav"))?;
    let text = std::fs::read_to_string(dir.join("transcript.txt"))?;
    let transcript = parse(&text, Some(FormatHint::new(TranscriptFormat::Text)))?;
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("truth.json"))?)?;
    let times = |field: &str| -> Result<Vec<u64>, Box<dyn Error>> {
        truth["segments"]
            .as_array()
            .ok_or("truth has segments")?
            .iter()
            .map(|s| {
                s[field]
                    .as_u64()
                    .ok_or_else(|| "every paragraph spoken".into())
            })
            .collect()
    };
    let ad = truth["unmatched"]
        .as_array()
        .ok_or("truth has unmatched")?
        .iter()
        .find(|s| s["what"] == "ad");
    let (ad_start, ad_end) = ad.map_or((700, 0), |ad| {
        (
            ad["start_ms"].as_u64().unwrap_or(700),
            ad["end_ms"].as_u64().unwrap_or(0),
        )
    });
    let (starts, ends) = (times("start_ms")?, times("end_ms")?);
    assert_eq!(starts.len(), transcript.segments.len());
    Ok(Generated {
        samples,
        rate,
        transcript,
        starts,
        ends,
        ad: (ad_start - 700, ad_end),
    })
}

/// `transcript`'s text with the given times, written as a VTT and read back.
fn vtt(
    transcript: &Transcript,
    starts: &[u64],
    ends: &[u64],
) -> Result<Transcript, Box<dyn Error>> {
    let timed = Transcript {
        format: TranscriptFormat::Vtt,
        warnings: Vec::new(),
        segments: transcript
            .segments
            .iter()
            .zip(starts.iter().zip(ends))
            .map(|(s, (&start, &end))| Segment {
                start_ms: Some(start),
                end_ms: Some(end),
                ..s.clone()
            })
            .collect(),
    };
    let text = to_vtt(&timed)?;
    Ok(parse(&text, Some(FormatHint::new(TranscriptFormat::Vtt)))?)
}

/// `ms` of a little tune with a noise bed: a music ad.
fn jingle(rate: u32, ms: u64) -> Vec<f32> {
    let notes = [220.0f32, 261.6, 329.6, 392.0, 293.7, 440.0, 246.9];
    let note_len = rate as usize * 300 / 1000;
    let mut noise = 0x2545_f491_u32;
    (0..(u64::from(rate) * ms / 1000) as usize)
        .map(|i| {
            let f = notes[(i / note_len) % notes.len()];
            let t = (i % note_len) as f32 / rate as f32;
            noise ^= noise << 13;
            noise ^= noise >> 17;
            noise ^= noise << 5;
            let hiss = (noise as f32 / u32::MAX as f32 - 0.5) * 0.02;
            0.2 * (-3.0 * t).exp() * (std::f32::consts::TAU * f * t).sin() + hiss
        })
        .collect()
}

fn fixed(audio: &AudioFeatures, transcript: &Transcript) -> Result<DriftFix, Box<dyn Error>> {
    let never = AtomicBool::new(false);
    let alignment = align(
        audio,
        transcript,
        &AlignOptions::default(),
        &mut |_| {},
        &never,
    )?;
    Ok(fix_drift(transcript, &alignment)?)
}

/// `episode`'s audio with `ads` (each: the paragraph it goes before, and its
/// length in ms) spliced in the pause before their paragraphs, a jingle each with
/// a short pause either side; answers the audio, where each paragraph now starts
/// and each ad's exact length.
fn with_ads(episode: &Generated, ads: &[(usize, u64)]) -> (Vec<f32>, Vec<u64>, Vec<u64>) {
    let rate = u64::from(episode.rate);
    let pause = vec![0.0; (rate * AD_PAUSE_MS / 1000) as usize];
    let mut feed = Vec::with_capacity(episode.samples.len());
    let mut shifts = Vec::new();
    let mut taken = 0;
    let mut starts = episode.starts.clone();
    for &(before, ms) in ads {
        let cut = ((episode.starts[before] - 150) * rate / 1000) as usize;
        feed.extend_from_slice(&episode.samples[taken..cut]);
        let ad = [&pause[..], &jingle(episode.rate, ms), &pause[..]].concat();
        let shift = (ad.len() as f64 * 1000.0 / rate as f64).round() as u64;
        feed.extend_from_slice(&ad);
        taken = cut;
        for start in &mut starts[before..] {
            *start += shift;
        }
        shifts.push(shift);
    }
    feed.extend_from_slice(&episode.samples[taken..]);
    (feed, starts, shifts)
}

/// The sorted errors of `fix`'s starts against `truth`, and the worst segment.
fn start_errors(fix: &DriftFix, truth: &[u64]) -> Result<(Vec<u64>, usize), Box<dyn Error>> {
    let mut errors = Vec::with_capacity(truth.len());
    for (segment, want) in fix.transcript.segments.iter().zip(truth) {
        errors.push(
            segment
                .start_ms
                .ok_or("corrected segments keep a time")?
                .abs_diff(*want),
        );
    }
    let worst = (0..errors.len()).max_by_key(|&k| errors[k]).unwrap_or(0);
    errors.sort_unstable();
    Ok((errors, worst))
}

#[test]
fn inserted_ads_are_found_as_steps_and_corrected() -> TestResult {
    let episode = generated(&["--no-unspoken", "--no-ad"])?;
    let n = episode.starts.len();
    // A pre-roll after the intro and two mid-rolls, at paragraph boundaries.
    let ads = [(0, 7_000), (n / 3, 12_000), (n * 2 / 3, 22_000)];
    let (feed, true_starts, shifts) = with_ads(&episode, &ads);
    // The feed's VTT: the times of the episode before the ads were inserted.
    let given = vtt(&episode.transcript, &episode.starts, &episode.ends)?;

    let audio = AudioFeatures::from_mono(&feed, episode.rate);
    let fix = fixed(&audio, &given)?;
    let report = &fix.report;
    assert!(
        report.offset_ms.abs_diff(shifts[0] as i64) <= 150,
        "the pre-roll moves everything by {} ms: {report:?}",
        shifts[0]
    );
    assert_eq!(report.steps.len(), 2, "one step per mid-roll: {report:?}");
    for (step, (&(before, _), &shift)) in report.steps.iter().zip(ads[1..].iter().zip(&shifts[1..]))
    {
        assert_eq!(
            step.segment, before,
            "the step is where the ad went: {step:?}"
        );
        assert_eq!(step.given_ms, episode.starts[before], "{step:?}");
        assert!(
            step.shift_ms.abs_diff(shift as i64) <= 150,
            "the ad is {shift} ms long: {step:?}"
        );
    }
    let (errors, worst) = start_errors(&fix, &true_starts)?;
    let (median, max) = (percentile(&errors, 50), percentile(&errors, 100));
    eprintln!(
        "drift: offset {} ms, steps {:?}; true shifts {shifts:?} ms; corrected start \
         errors median {median} ms, p95 {} ms, max {max} ms (segment {worst})",
        report.offset_ms,
        report.steps,
        percentile(&errors, 95)
    );
    assert!(
        median <= 100 && max <= 300,
        "corrected starts: median {median} ms (≤ 100), max {max} ms (≤ 300) at {worst}"
    );
    for (segment, original) in fix.transcript.segments.iter().zip(&given.segments) {
        assert_eq!(
            segment.end_ms.zip(segment.start_ms).map(|(e, s)| e - s),
            original.end_ms.zip(original.start_ms).map(|(e, s)| e - s),
            "durations from the file are kept"
        );
    }
    Ok(())
}

/// The known limit: an ad read in a synthetic voice much like the episode's pulls
/// the first lines after it onto the ad, so its step is found late by up to a few
/// lines — but with the right length, and everything from there on is corrected.
#[test]
fn a_spoken_ad_is_found_with_its_length_within_a_few_lines() -> TestResult {
    let episode = generated(&["--no-unspoken"])?;
    let n = episode.starts.len();
    let (ad_from, ad_to) = episode.ad;
    let after = episode
        .starts
        .iter()
        .position(|&s| s > ad_from)
        .ok_or("a paragraph after the ad")?;
    let shift = ad_to - ad_from;
    let before_ad = |k: usize, t: u64| if k >= after { t - shift } else { t };
    let given_starts: Vec<u64> = (0..n).map(|k| before_ad(k, episode.starts[k])).collect();
    let given_ends: Vec<u64> = (0..n).map(|k| before_ad(k, episode.ends[k])).collect();
    let given = vtt(&episode.transcript, &given_starts, &given_ends)?;
    let audio = AudioFeatures::from_mono(&episode.samples, episode.rate);
    let fix = fixed(&audio, &given)?;
    let report = &fix.report;
    assert_eq!(report.offset_ms, 0, "{report:?}");
    assert_eq!(report.steps.len(), 1, "{report:?}");
    let step = report.steps[0];
    assert!(
        (after..=after + 3).contains(&step.segment),
        "the step is at most 3 lines after the ad, at {after}: {step:?}"
    );
    assert!(
        step.shift_ms.abs_diff(shift as i64) <= 150,
        "{shift} ms: {step:?}"
    );
    let (errors, worst) = start_errors(&fix, &episode.starts)?;
    let late = errors.iter().filter(|&&e| e > 300).count();
    eprintln!(
        "spoken ad: step {step:?} (true: segment {after}, {shift} ms); corrected start \
         errors median {} ms, {late} over 300 ms (worst at {worst})",
        percentile(&errors, 50)
    );
    assert!(
        late <= step.segment - after,
        "only the lines before the step are off"
    );
    Ok(())
}

#[test]
fn a_transcript_without_drift_comes_back_unchanged() -> TestResult {
    // The ad read is in the audio and in the transcript's times.
    let episode = generated(&["--no-unspoken"])?;
    let given = vtt(&episode.transcript, &episode.starts, &episode.ends)?;
    let audio = AudioFeatures::from_mono(&episode.samples, episode.rate);
    let fix = fixed(&audio, &given)?;
    assert!(fix.report.steps.is_empty(), "no step: {:?}", fix.report);
    for (k, (got, want)) in fix
        .transcript
        .segments
        .iter()
        .zip(&given.segments)
        .enumerate()
    {
        let (got, want) = (got.start_ms.unwrap_or(0), want.start_ms.unwrap_or(0));
        assert!(
            got.abs_diff(want) <= 30,
            "segment {k}: {got} ms, given {want} ms"
        );
    }
    assert!(
        fix.report.measured * 10 >= given.segments.len() * 9,
        "nearly every line measured: {:?}",
        fix.report
    );
    Ok(())
}
