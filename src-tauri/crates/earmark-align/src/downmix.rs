//! Interleaved audio pushed in pieces of any size, averaged to mono: a frame cut
//! between two pieces is completed by the next. The aligner's analysis and the
//! transcriber's resampler both listen to mono.

/// Averages interleaved frames to mono across pushes.
#[derive(Debug, Clone)]
pub struct Downmix {
    channels: usize,
    /// Samples of a frame cut between two pieces.
    partial: Vec<f32>,
}

impl Downmix {
    /// A downmix of `channels` interleaved channels (0 is taken as 1).
    pub fn new(channels: u16) -> Self {
        let channels = usize::from(channels.max(1));
        Downmix {
            channels,
            partial: Vec::with_capacity(channels),
        }
    }

    /// Appends to `out` the mono sample of every frame `samples` completes.
    pub fn push(&mut self, samples: &[f32], out: &mut Vec<f32>) {
        let mean = |frame: &[f32]| frame.iter().sum::<f32>() / self.channels as f32;
        let mut rest = samples;
        if !self.partial.is_empty() {
            let missing = (self.channels - self.partial.len()).min(rest.len());
            self.partial.extend_from_slice(&rest[..missing]);
            rest = &rest[missing..];
            if self.partial.len() == self.channels {
                out.push(mean(&self.partial));
                self.partial.clear();
            }
        }
        let mut frames = rest.chunks_exact(self.channels);
        out.extend(frames.by_ref().map(mean));
        self.partial.extend_from_slice(frames.remainder());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_cut_between_pieces_are_averaged_whole() {
        let stereo = [1.0, 3.0, -2.0, 0.0, 5.0, 7.0];
        let whole = {
            let mut out = Vec::new();
            Downmix::new(2).push(&stereo, &mut out);
            out
        };
        assert_eq!(whole, vec![2.0, -1.0, 6.0]);
        let mut pieces = Downmix::new(2);
        let mut out = Vec::new();
        for piece in [&stereo[..1], &stereo[1..4], &stereo[4..5], &stereo[5..]] {
            pieces.push(piece, &mut out);
        }
        assert_eq!(out, whole, "the same frames however the input is cut");
    }
}
