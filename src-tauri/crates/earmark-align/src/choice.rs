//! The second look's choice ([`super::verify`]): which groups of segments are
//! matched where, as a dynamic programme over the groups in order.

use std::ops::Range;

use super::slide::Match;
use super::verify::Verdict;

/// How the best total at an audio frame was reached, for one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    /// The group is left out; the total is the previous group's.
    LeftOut,
    /// The same total as one frame earlier.
    Earlier,
    /// The group matched, ending at this frame, from this start.
    Matched(usize),
}

/// The dynamic programme: for each group in order and each audio frame of its
/// window, the best total value of the groups so far using audio up to that
/// frame. Windows never move back, so past a window's end a group's total is
/// the one at its end, and before its start the previous group's.
#[derive(Debug, Default)]
pub struct Table {
    windows: Vec<Range<usize>>,
    totals: Vec<Vec<f32>>,
    choices: Vec<Vec<Choice>>,
}

impl Table {
    /// The best total of groups `..=k` using audio up to frame `frame`.
    fn total(&self, k: Option<usize>, frame: usize) -> f32 {
        let mut k = k;
        while let Some(group) = k {
            let window = &self.windows[group];
            if window.is_empty() {
                k = group.checked_sub(1);
                continue;
            }
            if frame >= window.end {
                return self.totals[group].last().copied().unwrap_or(0.0);
            }
            if frame >= window.start {
                return self.totals[group][frame - window.start];
            }
            k = group.checked_sub(1);
        }
        0.0
    }

    /// Adds the next group, with its matches over `window`, its length and the
    /// mean distance under which a match counts.
    pub fn add(
        &mut self,
        window: Range<usize>,
        matches: &[Option<Match>],
        frames: usize,
        threshold: f32,
    ) {
        let k = self.windows.len();
        let previous = k.checked_sub(1);
        let mut totals = Vec::with_capacity(window.len());
        let mut choices = Vec::with_capacity(window.len());
        for (offset, found) in matches.iter().enumerate().take(window.len()) {
            let frame = window.start + offset;
            let mut best = (self.total(previous, frame), Choice::LeftOut);
            if let Some(&earlier) = totals.last() {
                if earlier > best.0 {
                    best = (earlier, Choice::Earlier);
                }
            }
            if let Some(found) = found {
                let from = window.start + found.start;
                let before = from.checked_sub(1).map_or(0.0, |f| self.total(previous, f));
                let value = before + frames as f32 * (threshold - found.mean);
                if value > best.0 {
                    best = (value, Choice::Matched(from));
                }
            }
            totals.push(best.0);
            choices.push(best.1);
        }
        self.windows.push(window);
        self.totals.push(totals);
        self.choices.push(choices);
    }

    /// Reads the chosen matches back, last group first.
    pub fn best(&self) -> Verdict {
        let mut verdict = vec![None; self.windows.len()];
        // The last audio frame the groups still to read may use.
        let mut limit = Some(usize::MAX);
        for k in (0..self.windows.len()).rev() {
            let window = &self.windows[k];
            let Some(last) = limit else { break };
            if window.is_empty() || last < window.start {
                continue;
            }
            let mut frame = last.min(window.end - 1);
            loop {
                match self.choices[k][frame - window.start] {
                    Choice::Earlier if frame > window.start => frame -= 1,
                    Choice::Matched(from) => {
                        verdict[k] = Some(from..frame + 1);
                        limit = from.checked_sub(1);
                        break;
                    }
                    _ => {
                        limit = Some(frame);
                        break;
                    }
                }
            }
        }
        verdict
    }
}
