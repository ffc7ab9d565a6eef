//! A second look at the warp: which segments are spoken, and where.
//!
//! The warp ([`super::multiscale`]) must pair every frame of the text with the
//! audio. When a paragraph was never spoken and a human voice is far from the
//! synthetic one, shifting every line after it onto its neighbour's audio costs
//! it less than squeezing the paragraph, so lines land seconds off and nothing
//! is flagged. This step judges the text piece by piece instead:
//!
//! 1. The segments are judged in groups of at least [`MIN_JUDGED_FRAMES`] of
//!    synthetic speech: a shorter segment with the ones after it. A few words
//!    match too little to tell their own audio from an ad read in a voice close
//!    to the synthetic one (measured: the line after an ad matched the ad better
//!    than its own audio in 27 of 40 cases), but with the line after them they do.
//! 2. Each group's synthetic speech is slid over the audio from [`WINDOW_FRAMES`]
//!    before to [`WINDOW_FRAMES`] after where the warp put it (subsequence
//!    warping, slopes ½ to 2, every step weighted by the frames it spans so a
//!    match is neither rewarded for being short nor for being long). Frames are
//!    compared by cosine distance: measured on recorded voices against espeak-ng,
//!    it told the right paragraph's audio from the others' far better than the
//!    Euclidean distance the warp uses (AUC 0.99 against 0.85), though it places
//!    boundaries less sharply.
//! 3. A match is worth `frames × (threshold − mean distance)`, the threshold
//!    [`THRESHOLD_SHARE`] of the group's median match over its window: each
//!    group is measured against the audio around it, so a voice far from the
//!    synthetic one is not held to a close voice's standard.
//! 4. A monotone choice (dynamic programming over the groups in order) keeps
//!    the matches worth most in total, each group matched once or left out,
//!    none overlapping. A group left out is one the audio does not hold, unless
//!    the audio between its neighbours' matches lasts about as long as it and
//!    holds a match under [`FIT_SHARE`] of its median: then it is there.
//! 5. A match of a group covers its members; where it is shorter than the group
//!    is expected to last at the episode's pace, its first members were missed
//!    (a match tends to start late) and it is extended back by the difference,
//!    unless those first members match far better right after the match before
//!    them ([`EARLIER_SHARE`]): then an ad came between them and the rest of
//!    their group, and they are placed there.
//!    The short members of a group left out are never left out themselves: each
//!    takes its best match between the neighbours' matches.
//!
//! The caller uses the verdict to warp again ([`super::free`]): the segments left
//! out cost nothing to pass, and the audio no segment was matched to costs
//! nothing to wait through.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

use super::choice::Table;
use super::features::Features;
use super::free::MIN_GAP_FRAMES;
use super::mismatch::median;
use super::slide::{slide, Match};
use super::AlignError;

/// How far around the warp's placement each group is looked for (15 s).
pub const WINDOW_FRAMES: usize = 750;
/// A match counts when its mean distance is under this share of the group's
/// median match over its window.
pub const THRESHOLD_SHARE: f32 = 0.9;
/// A group left out is found after all in the audio between its neighbours'
/// matches when that audio lasts ½ to 2 times its synthetic speech and holds a
/// match under this share of the group's median (measured: a spoken paragraph
/// the first choice missed, 0.91; paragraphs never spoken, 1.0 and more).
pub const FIT_SHARE: f32 = 0.95;
/// Segments shorter than this (2 s of synthetic speech) are judged together
/// with the segments after them.
pub const MIN_JUDGED_FRAMES: usize = 100;
/// The short segments at the head of a group whose match follows audio no text
/// matched are placed right after the match before them when they match there
/// under this share of their best match right before their group's (measured on
/// recorded voices: 0.37–0.49 where they were said, 0.66–0.69 at an ad's end).
pub const EARLIER_SHARE: f32 = 0.85;
/// The longest pause looked past before such short segments (2 s).
pub const LEAD_PAUSE_FRAMES: usize = 100;
/// Segments with fewer synthetic frames than this do not set the episode's pace.
pub const PACE_MIN_FRAMES: usize = 10;

/// Where each segment's speech was found, in audio frames; `None` for a segment
/// the audio does not hold.
pub type Verdict = Vec<Option<Range<usize>>>;

/// Segments judged together, and their synthetic frames.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Group {
    segments: Range<usize>,
    frames: Range<usize>,
}

/// Judges `segments` (their synthetic frames, in order) against `audio`, each
/// looked for around `placed` (the audio frames the warp gave it). Both feature
/// sequences must be normalized; they are compared by cosine distance.
pub fn verify(
    audio: &Features,
    synth: &Features,
    segments: &[Range<usize>],
    placed: &[Range<usize>],
    cancel: &AtomicBool,
) -> Result<Verdict, AlignError> {
    let look = Look {
        audio: audio.unit(),
        synth: synth.unit(),
        segments,
        placed,
    };
    let groups = groups(segments);
    let windows = look.windows(&groups);
    let mut table = Table::default();
    let mut medians = Vec::with_capacity(groups.len());
    for (group, window) in groups.iter().zip(&windows) {
        if cancel.load(Ordering::Relaxed) {
            return Err(AlignError::Cancelled);
        }
        let matches = look.slide(group, window);
        let typical = median(matches.iter().flatten().map(|m| m.mean).collect()).unwrap_or(0.0);
        table.add(
            window.clone(),
            &matches,
            group.frames.len(),
            THRESHOLD_SHARE * typical,
        );
        medians.push(typical);
    }
    let mut found = table.best();
    look.find_fitting(&groups, &medians, &mut found);
    Ok(look.verdict(&groups, &found))
}

/// The segments in groups of at least [`MIN_JUDGED_FRAMES`] synthetic frames,
/// in order: short segments with the ones after them; short segments left at the
/// end join the last group.
fn groups(segments: &[Range<usize>]) -> Vec<Group> {
    let mut groups: Vec<Range<usize>> = Vec::new();
    let (mut start, mut frames) = (0, 0);
    for (k, segment) in segments.iter().enumerate() {
        frames += segment.len();
        if frames >= MIN_JUDGED_FRAMES {
            groups.push(start..k + 1);
            (start, frames) = (k + 1, 0);
        }
    }
    if start < segments.len() {
        match groups.last_mut() {
            Some(last) => last.end = segments.len(),
            None => groups.push(0..segments.len()),
        }
    }
    groups
        .into_iter()
        .map(|members| Group {
            frames: segments[members.start].start..segments[members.end - 1].end,
            segments: members,
        })
        .collect()
}

/// What the second look works on.
struct Look<'a> {
    audio: Features,
    synth: Features,
    segments: &'a [Range<usize>],
    placed: &'a [Range<usize>],
}

impl Look<'_> {
    /// Where each group is looked for: around the warp's placement of it, never
    /// starting or ending before the previous group's window.
    fn windows(&self, groups: &[Group]) -> Vec<Range<usize>> {
        let n = self.audio.len();
        let mut windows: Vec<Range<usize>> = Vec::with_capacity(groups.len());
        for group in groups {
            let at =
                self.placed[group.segments.start].start..self.placed[group.segments.end - 1].end;
            let previous = windows.last().cloned().unwrap_or(0..0);
            let start = at.start.saturating_sub(WINDOW_FRAMES).max(previous.start);
            let end = (at.end + WINDOW_FRAMES).min(n).max(previous.end).max(start);
            windows.push(start..end);
        }
        windows
    }

    /// The group's best matches ending at each frame of `within`.
    fn slide(&self, group: &Group, within: &Range<usize>) -> Vec<Option<Match>> {
        slide(
            &self.audio.slice(within.start, within.end),
            &self.synth.slice(group.frames.start, group.frames.end),
        )
    }

    /// The best match of `frames` (synthetic) inside `within`, in audio frames.
    fn best_in(&self, frames: &Range<usize>, within: &Range<usize>) -> Option<(Range<usize>, f32)> {
        let matches = slide(
            &self.audio.slice(within.start, within.end),
            &self.synth.slice(frames.start, frames.end),
        );
        matches
            .iter()
            .enumerate()
            .filter_map(|(end, found)| found.map(|m| (end, m)))
            .min_by(|a, b| a.1.mean.total_cmp(&b.1.mean))
            .map(|(end, m)| (within.start + m.start..within.start + end + 1, m.mean))
    }

    /// The audio after the last match in `before` and before the first in
    /// `after` (or the audio's ends).
    fn between(
        &self,
        before: &[Option<Range<usize>>],
        after: &[Option<Range<usize>>],
    ) -> Range<usize> {
        let from = before.iter().rev().flatten().next().map_or(0, |r| r.end);
        let to = after
            .iter()
            .flatten()
            .next()
            .map_or(self.audio.len(), |r| r.start);
        from..to.max(from)
    }

    /// Finds the groups left out that fit the audio between their neighbours'
    /// matches (see [`FIT_SHARE`]).
    fn find_fitting(&self, groups: &[Group], medians: &[f32], found: &mut [Option<Range<usize>>]) {
        for (k, group) in groups.iter().enumerate() {
            if found[k].is_some() {
                continue;
            }
            let gap = self.between(&found[..k], &found[k + 1..]);
            let length = group.frames.len();
            if gap.len() * 2 < length || gap.len() > length * 2 {
                continue;
            }
            if let Some((_, mean)) = self.best_in(&group.frames, &gap) {
                if mean < FIT_SHARE * medians[k] {
                    found[k] = Some(gap);
                }
            }
        }
    }

    /// Where the short segments at the head of a group (`lead`, their synthetic
    /// frames, expected to last `expected` audio frames) were said, when that is
    /// right after the match before them and well before their group's match
    /// (`there`): audio no text matches (an ad) came between them and the rest
    /// of their group. Their best match right after the previous one must beat
    /// their best match right before `there` by [`EARLIER_SHARE`].
    fn said_earlier(
        &self,
        lead: &Range<usize>,
        expected: f32,
        before: &[Option<Range<usize>>],
        there: &Range<usize>,
    ) -> Option<Range<usize>> {
        let from = self.between(before, &[]).start;
        let reach = (expected * 2.0) as usize + LEAD_PAUSE_FRAMES;
        if there.start < from + reach + MIN_GAP_FRAMES {
            return None;
        }
        let (early, early_mean) = self.best_in(lead, &(from..from + reach))?;
        let (_, late_mean) = self.best_in(lead, &(there.start - reach..there.start))?;
        (early_mean < EARLIER_SHARE * late_mean).then_some(early)
    }

    /// The verdict for every segment from the matches of their groups.
    fn verdict(&self, groups: &[Group], found: &[Option<Range<usize>>]) -> Verdict {
        let pace = median(
            self.segments
                .iter()
                .zip(self.placed)
                .filter(|(frames, _)| frames.len() >= PACE_MIN_FRAMES)
                .map(|(frames, at)| at.len() as f32 / frames.len() as f32)
                .collect(),
        )
        .unwrap_or(1.0);
        let mut verdict: Verdict = vec![None; self.segments.len()];
        for (k, group) in groups.iter().enumerate() {
            match &found[k] {
                Some(there) => {
                    let last = group.segments.end - 1;
                    let lead = group.frames.start..self.segments[last].start;
                    let before_last = lead.len() as f32 * pace;
                    let expected = group.frames.len() as f32 * pace;
                    let missed = (expected - there.len() as f32).clamp(0.0, before_last);
                    let covered = there.start.saturating_sub(missed as usize)..there.end;
                    let earlier = (missed > 0.0)
                        .then(|| {
                            self.said_earlier(
                                &lead,
                                before_last,
                                &verdict[..group.segments.start],
                                there,
                            )
                        })
                        .flatten();
                    match earlier {
                        Some(early) => {
                            verdict[group.segments.start..last].fill(Some(early));
                            verdict[last] = Some(there.clone());
                        }
                        None => verdict[group.segments.clone()].fill(Some(covered)),
                    }
                }
                None => {
                    for s in group.segments.clone() {
                        let frames = &self.segments[s];
                        if frames.len() >= MIN_JUDGED_FRAMES {
                            continue;
                        }
                        // Between what is placed before it and the next group's match.
                        let gap = self.between(&verdict[..s], &found[k + 1..]);
                        let there = (gap.len() * 2 >= frames.len())
                            .then(|| self.best_in(frames, &gap))
                            .flatten();
                        verdict[s] = Some(there.map_or(self.placed[s].clone(), |(at, _)| at));
                    }
                }
            }
        }
        verdict
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::COEFFICIENTS;
    use super::*;

    /// Frames for `tokens`: each token a fixed direction, so different tokens
    /// are far apart by cosine distance.
    fn frames(tokens: impl Iterator<Item = usize>) -> Features {
        Features::from_values(
            tokens
                .flat_map(|t| {
                    (0..COEFFICIENTS).map(move |c| ((t * 31 + c * 17) as f32 * 1.7).sin())
                })
                .collect(),
        )
    }

    /// A segment of `length` frames, each token held for two frames.
    fn segment(first_token: usize, length: usize) -> Vec<usize> {
        (0..length).map(|i| first_token + i / 2).collect()
    }

    #[test]
    fn a_segment_the_audio_lacks_is_left_out_and_the_others_are_found() {
        let (a, b, c) = (segment(0, 150), segment(1_000, 150), segment(2_000, 150));
        let synth = frames(a.iter().chain(&b).chain(&c).copied());
        // The audio: A, then C a little slower; B was never spoken.
        let slower: Vec<usize> = (0..180).map(|i| c[i * 150 / 180]).collect();
        let audio = frames(a.iter().chain(&slower).copied());
        let segments = [0..150, 150..300, 300..450];
        // The warp's placements: B squeezed between A and C, C shifted.
        let placed = [0..140, 140..160, 160..330];
        let verdict = verify(&audio, &synth, &segments, &placed, &AtomicBool::new(false))
            .expect("not cancelled");
        let found_a = verdict[0].clone().expect("A is found");
        let found_c = verdict[2].clone().expect("C is found");
        assert!(found_a.start <= 2 && found_a.end >= 145, "A: {found_a:?}");
        assert_eq!(verdict[1], None, "B is left out");
        assert!(
            found_c.start.abs_diff(150) <= 3 && found_c.end >= 325,
            "C: {found_c:?}"
        );
    }

    #[test]
    fn cancel_stops_the_look() {
        let audio = frames(0..400);
        let cancel = AtomicBool::new(true);
        let halves = [0..200, 200..400];
        let result = verify(&audio, &audio, &halves, &halves, &cancel);
        assert_eq!(result, Err(AlignError::Cancelled));
    }

    fn look(
        audio: &[usize],
        synth: &[usize],
        segments: &[Range<usize>],
        placed: &[Range<usize>],
    ) -> Verdict {
        let (audio, synth) = (frames(audio.iter().copied()), frames(synth.iter().copied()));
        verify(&audio, &synth, segments, placed, &AtomicBool::new(false)).expect("not cancelled")
    }

    #[test]
    fn short_segments_are_judged_with_the_ones_after_them() {
        let segments = [0..30, 40..200, 210..250, 260..400, 410..440];
        let found = groups(&segments);
        assert_eq!(
            found,
            [
                Group {
                    segments: 0..2,
                    frames: 0..200
                },
                // The short segment at the end joins the last group.
                Group {
                    segments: 2..5,
                    frames: 210..440
                },
            ]
        );
    }

    #[test]
    fn a_short_line_after_an_ad_that_holds_its_words_is_found_where_it_is_spoken() {
        let (a, b, c) = (segment(0, 150), segment(1_000, 40), segment(2_000, 150));
        // The ad read says the short line's words too, among others.
        let ad: Vec<usize> = segment(5_000, 80)
            .into_iter()
            .chain(b.iter().copied())
            .chain(segment(6_000, 80))
            .collect();
        let audio: Vec<usize> = [&a, &ad, &b, &c].into_iter().flatten().copied().collect();
        let synth: Vec<usize> = [&a, &b, &c].into_iter().flatten().copied().collect();
        // The warp put the short line at the start of the ad and stretched the next.
        let verdict = look(
            &audio,
            &synth,
            &[0..150, 150..190, 190..340],
            &[0..150, 150..190, 190..540],
        );
        let short = verdict[1].clone().expect("the short line is placed");
        assert!(short.start.abs_diff(350) <= 3, "the short line: {short:?}");
    }

    #[test]
    fn a_short_line_beside_a_paragraph_never_spoken_takes_its_best_match_between_its_neighbours() {
        let (a, s, u, c) = (
            segment(0, 150),
            segment(1_000, 40),
            segment(3_000, 150),
            segment(2_000, 150),
        );
        // The audio: A, the short line, C; the paragraph U was never spoken.
        let audio: Vec<usize> = [&a, &s, &c].into_iter().flatten().copied().collect();
        let synth: Vec<usize> = [&a, &s, &u, &c].into_iter().flatten().copied().collect();
        let segments = [0..150, 150..190, 190..340, 340..490];
        let placed = [0..150, 150..160, 160..190, 190..340];
        let verdict = look(&audio, &synth, &segments, &placed);
        assert_eq!(verdict[2], None, "the paragraph is left out");
        let short = verdict[1]
            .clone()
            .expect("the short line is never left out");
        assert!(
            short.start.abs_diff(150) <= 3 && short.end.abs_diff(190) <= 3,
            "{short:?}"
        );
    }
}
