//! Subsequence warping of a piece of synthetic speech over a stretch of audio:
//! for every audio frame, the best match of the whole piece ending there.

use super::features::Features;

/// The best match of a piece of synthetic speech ending at one audio frame.
#[derive(Debug, Clone, Copy)]
pub struct Match {
    /// Its mean distance per spanned frame.
    pub mean: f32,
    /// The row it starts at.
    pub start: usize,
}

/// Subsequence warping of `columns` over `rows`, steps (1,1), (1,2) and (2,1),
/// each costing the distance of the cell it reaches times the frames it spans;
/// for every end row, the best match's mean distance per spanned frame and its
/// start row.
pub fn slide(rows: &Features, columns: &Features) -> Vec<Option<Match>> {
    let (n, m) = (rows.len(), columns.len());
    if m == 0 {
        return vec![None; n];
    }
    // Three rows of (cost, start row), the oldest first.
    let mut cost = [
        vec![f32::INFINITY; m],
        vec![f32::INFINITY; m],
        vec![f32::INFINITY; m],
    ];
    let mut start = [vec![0usize; m], vec![0usize; m], vec![0usize; m]];
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        cost.rotate_left(1);
        start.rotate_left(1);
        let frame = rows.frame(i);
        for j in 0..m {
            let d = 1.0 - dot(frame, columns.frame(j));
            let (best, from) = if j == 0 {
                (2.0 * d, i)
            } else {
                let mut best = (f32::INFINITY, 0);
                let mut consider = |c: f32, s: usize| {
                    if c < best.0 {
                        best = (c, s);
                    }
                };
                if i > 0 {
                    consider(cost[1][j - 1] + 2.0 * d, start[1][j - 1]);
                    if j > 1 {
                        consider(cost[1][j - 2] + 3.0 * d, start[1][j - 2]);
                    }
                }
                if i > 1 {
                    consider(cost[0][j - 1] + 3.0 * d, start[0][j - 1]);
                }
                best
            };
            cost[2][j] = best;
            start[2][j] = from;
        }
        let end = cost[2][m - 1];
        out.push(end.is_finite().then(|| Match {
            mean: end / (i + 1 - start[2][m - 1] + m) as f32,
            start: start[2][m - 1],
        }));
    }
    out
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
