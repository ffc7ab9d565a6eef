//! Generated podcast transcripts for the notes benchmarks: varied English-like talk,
//! the same for the same seed.
//!
//! Words are drawn from a ranked vocabulary with Zipf's law (the word of rank r is
//! about 1/r as frequent as the most frequent one), as in real English: a few hundred
//! real words from "the" down to "delta", then a long tail of made-up words from
//! English syllables that stand for the names and terms each episode brings up. A
//! segment is one or two sentences of 8–18 words, about four seconds of speech, so
//! 900 segments make an hour.

use std::collections::HashSet;

use earmark_core::transcript::{Segment, Transcript, TranscriptFormat};

/// The real words, most frequent first.
#[rustfmt::skip]
const RANKED_WORDS: &[&str] = &[
    "the", "and", "to", "of", "a", "that", "i", "you", "it", "in", "is", "we", "so", "was",
    "this", "like", "know", "they", "but", "have", "what", "for", "on", "think", "just",
    "be", "with", "are", "there", "right", "not", "do", "yeah", "people", "about", "if",
    "one", "can", "at", "really", "my", "all", "going", "get", "when", "me", "he", "kind",
    "because", "mean", "from", "would", "out", "an", "as", "or", "more", "had", "time",
    "which", "were", "then", "how", "them", "thing", "things", "very", "up", "our", "she",
    "something", "lot", "where", "were", "now", "go", "way", "well", "see", "also",
    "actually", "say", "said", "work", "good", "did", "much", "who", "some", "first",
    "back", "new", "years", "different", "year", "those", "make", "world", "into", "could",
    "any", "other", "even", "sort", "his", "her", "these", "want", "look", "been",
    "question", "story", "part", "little", "through", "life", "never", "over", "idea",
    "always", "point", "still", "maybe", "only", "here", "got", "better", "made", "start",
    "book", "talk", "same", "many", "long", "great", "place", "being", "every", "find",
    "day", "take", "most", "come", "interesting", "important", "should", "give", "problem",
    "why", "use", "around", "doing", "end", "course", "sure", "science", "water", "money",
    "everything", "before", "another", "history", "data", "system", "three", "after",
    "together", "research", "company", "country", "question", "change", "city", "family",
    "music", "power", "number", "whole", "old", "hard", "real", "learn", "help", "school",
    "team", "body", "mind", "energy", "market", "early", "human", "problem", "case",
    "while", "bit", "often", "small", "show", "feel", "war", "century", "language",
    "against", "between", "without", "might", "light", "sound", "community", "project",
    "government", "nature", "food", "health", "brain", "memory", "model", "reason",
    "study", "climate", "ocean", "river", "forest", "island", "mountain", "village",
    "bridge", "garden", "library", "museum", "theory", "experiment", "evidence",
    "conversation", "convinced", "convenient", "convention", "conversion", "technology",
    "technique", "network", "machine", "computer", "software", "design", "engineer",
    "doctor", "teacher", "student", "writer", "artist", "scientist", "farmer", "pilot",
    "captain", "soldier", "king", "queen", "empire", "revolution", "election", "economy",
    "trade", "price", "inflation", "bank", "debt", "growth", "crisis", "policy", "law",
    "court", "justice", "freedom", "culture", "religion", "philosophy", "ethics", "truth",
    "beauty", "silence", "attention", "habit", "sleep", "dream", "coffee", "bread",
    "wine", "salt", "sugar", "fire", "storm", "winter", "summer", "spring", "autumn",
    "morning", "evening", "night", "weekend", "journey", "travel", "map", "border",
    "planet", "star", "moon", "telescope", "satellite", "rocket", "gravity", "particle",
    "atom", "cell", "gene", "virus", "vaccine", "protein", "species", "evolution",
    "dinosaur", "whale", "bird", "insect", "bee", "wolf", "horse", "seed", "soil", "rain",
    "glacier", "volcano", "earthquake", "desert", "delta", "harbour", "canal", "railway",
    "engine", "factory", "steel", "cotton", "paper", "printing", "radio", "television",
    "newspaper", "podcast", "episode", "interview", "archive", "manuscript", "letter",
    "poem", "novel", "chapter", "painting", "sculpture", "architecture", "cathedral",
    "castle", "tower", "market", "harvest", "famine", "plague", "medicine", "surgery",
    "hospital", "patient", "anxiety", "happiness", "grief", "courage", "curiosity",
];

/// Syllables the made-up tail words are built from.
#[rustfmt::skip]
const SYLLABLES: &[&str] = &[
    "ar", "ben", "cor", "dal", "en", "fer", "gal", "har", "is", "jor", "kel", "lan", "mor",
    "nel", "or", "pel", "quin", "ros", "sal", "tor", "ul", "val", "wen", "xan", "yor",
    "zel", "bra", "cla", "dro", "fla", "gri", "pro", "stra", "thu", "vi", "mu", "ka",
    "lo", "ne", "ti", "sha", "che", "ri", "da", "po",
];

/// How many made-up words follow the real ones.
const TAIL_WORDS: usize = 10_000;

/// A small seeded random number generator (SplitMix64): fast, and the same sequence
/// on every machine for the same seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high.saturating_sub(low) + 1)
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        // 53 random bits, exactly representable.
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The ranked vocabulary with its Zipf distribution.
#[derive(Debug)]
pub struct Vocabulary {
    words: Vec<String>,
    /// `cumulative[r]` = sum of the weights of ranks `0..=r`.
    cumulative: Vec<f64>,
}

impl Vocabulary {
    /// The benchmark vocabulary: the real words, then the made-up tail (always the
    /// same, whatever the corpus seed).
    pub fn new() -> Vocabulary {
        let mut seen = HashSet::new();
        let mut words: Vec<String> = RANKED_WORDS
            .iter()
            .filter(|w| seen.insert(w.to_string()))
            .map(|w| w.to_string())
            .collect();
        let mut rng = Rng::new(0x5EED_F7A1);
        let target = words.len() + TAIL_WORDS;
        while words.len() < target {
            let parts = rng.between(2, 4);
            let word: String = (0..parts)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len() as u64) as usize])
                .collect();
            if seen.insert(word.clone()) {
                words.push(word);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    /// The word of this rank (0 = most frequent), if the vocabulary is that long.
    pub fn word(&self, rank: usize) -> Option<&str> {
        self.words.get(rank).map(String::as_str)
    }

    /// A word drawn by frequency.
    pub fn draw(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let target = rng.unit() * total;
        let rank = self.cumulative.partition_point(|&c| c <= target);
        self.words
            .get(rank.min(self.words.len().saturating_sub(1)))
            .map(String::as_str)
            .unwrap_or("the")
    }

    /// A sentence of `min..=max` words: capitalised, with the odd comma, ending with
    /// a full stop or a question mark.
    pub fn sentence(&self, rng: &mut Rng, min: u64, max: u64) -> String {
        let count = rng.between(min, max);
        let mut text = String::new();
        for i in 0..count {
            let word = self.draw(rng);
            if i == 0 {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    text.extend(first.to_uppercase());
                    text.push_str(chars.as_str());
                }
            } else {
                if rng.below(9) == 0 {
                    text.push(',');
                }
                text.push(' ');
                text.push_str(if word == "i" { "I" } else { word });
            }
        }
        text.push(if rng.below(6) == 0 { '?' } else { '.' });
        text
    }

    /// A title of a few capitalised words.
    pub fn title(&self, rng: &mut Rng) -> String {
        let count = rng.between(2, 5);
        (0..count)
            .map(|_| {
                // Titles skip the function words at the top of the ranking.
                let word = loop {
                    let w = self.draw(rng);
                    if w.len() > 3 {
                        break w;
                    }
                };
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|f| f.to_uppercase().collect::<String>() + chars.as_str())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// An hour-long (at 900 segments) WebVTT-like transcript of a two-person talk.
    pub fn transcript(&self, rng: &mut Rng, segments: usize) -> Transcript {
        let speakers = ["Host", "Guest"];
        let mut speaker = 0;
        let mut at = rng.between(0, 2_000);
        let segments = (0..segments)
            .map(|_| {
                let text = if rng.below(3) == 0 {
                    format!("{} {}", self.sentence(rng, 4, 8), self.sentence(rng, 4, 10))
                } else {
                    self.sentence(rng, 8, 18)
                };
                let duration = rng.between(2_800, 5_200);
                if rng.below(5) == 0 {
                    speaker = 1 - speaker;
                }
                let segment =
                    Segment::timed(at, at + duration, text).with_speaker(speakers[speaker]);
                at += duration + rng.between(0, 300);
                segment
            })
            .collect();
        Transcript {
            format: TranscriptFormat::Vtt,
            warnings: Vec::new(),
            segments,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_text() {
        let vocabulary = Vocabulary::new();
        let a = vocabulary.transcript(&mut Rng::new(7), 20);
        let b = vocabulary.transcript(&mut Rng::new(7), 20);
        assert_eq!(a, b);
        assert_ne!(a, vocabulary.transcript(&mut Rng::new(8), 20));
    }

    #[test]
    fn nine_hundred_segments_make_about_an_hour() {
        let vocabulary = Vocabulary::new();
        let t = vocabulary.transcript(&mut Rng::new(1), 900);
        let end = t.segments.last().and_then(|s| s.end_ms).unwrap();
        assert!((3_300_000..=3_900_000).contains(&end), "ends at {end} ms");
    }

    #[test]
    fn frequent_words_are_frequent() {
        let vocabulary = Vocabulary::new();
        let mut rng = Rng::new(3);
        let draws: Vec<&str> = (0..20_000).map(|_| vocabulary.draw(&mut rng)).collect();
        let the = draws.iter().filter(|w| **w == "the").count();
        let people = draws.iter().filter(|w| **w == "people").count();
        assert!(the > 1_000, "\"the\" drawn {the} times");
        assert!(
            people > 10 && people < the / 10,
            "\"people\" drawn {people} times"
        );
        assert!(vocabulary.word(TAIL_WORDS).is_some(), "the tail is there");
    }
}
