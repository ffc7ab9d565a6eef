//! `itunes:duration` in every form feeds write it.
//!
//! Apple asks for seconds or `hh:mm:ss`; feeds also write `mm:ss`, `h:mm:ss.mmm`,
//! fractional seconds, minutes past 59 (`90:00`), `1h 2m 3s`, `45 min`, and junk
//! around the number. [`parse_duration`] reads these into milliseconds and gives
//! `None` when nothing sensible is there (it never guesses from junk alone).

/// The longest duration believed: anything past a week is a typo.
const MAX_DURATION_MS: u64 = 7 * 24 * 3600 * 1000;

/// Reads an `itunes:duration` value into milliseconds.
pub fn parse_duration(input: &str) -> Option<u64> {
    let text = input.trim();
    if text.is_empty() || text.len() > 64 {
        return None;
    }
    let ms = if text.contains(':') {
        clock(text)
    } else if let Some(seconds) = plain_number(text) {
        Some(seconds)
    } else {
        with_units(text)
    }?;
    (ms > 0 && ms <= MAX_DURATION_MS).then_some(ms)
}

/// Seconds as a number, possibly fractional, possibly with a unit-less junk tail
/// (`"3600 "`, `"3600.5"`, `"3600s"`).
fn plain_number(text: &str) -> Option<u64> {
    let trimmed = text.trim_end_matches(|c: char| c == 's' || c == 'S' || c.is_whitespace());
    seconds_to_ms(trimmed)
}

/// `h:mm:ss`, `mm:ss`, `h:mm:ss.mmm`, `1:2:3`, with junk after the last digit
/// (`"00:45:00 mins"`).
fn clock(text: &str) -> Option<u64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let core = rest[..end].trim_end_matches([':', '.', ',']);
    let parts: Vec<&str> = core.split(':').collect();
    if parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let (last, whole) = parts.split_last()?;
    let mut minutes_total: u64 = 0;
    for part in whole {
        let value: u64 = part.parse().ok()?;
        minutes_total = minutes_total.checked_mul(60)?.checked_add(value)?;
    }
    let seconds_ms = seconds_to_ms(&last.replace(',', "."))?;
    minutes_total.checked_mul(60_000)?.checked_add(seconds_ms)
}

/// `1h 2m 3s`, `45 min`, `1 hour 5 minutes`, `90 mins`.
fn with_units(text: &str) -> Option<u64> {
    let lower = text.to_ascii_lowercase();
    let mut total: u64 = 0;
    let mut found = false;
    let mut rest = lower.as_str();
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let after = &rest[start..];
        let number_end = after
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(after.len());
        let number = &after[..number_end];
        let tail = after[number_end..].trim_start();
        let unit_end = tail
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(tail.len());
        let unit = &tail[..unit_end];
        let scale = match unit {
            "h" | "hr" | "hrs" | "hour" | "hours" => 3_600_000.0,
            "m" | "min" | "mins" | "minute" | "minutes" => 60_000.0,
            "s" | "sec" | "secs" | "second" | "seconds" => 1_000.0,
            _ => return None,
        };
        let value: f64 = number.parse().ok()?;
        total = total.checked_add((value * scale).round() as u64)?;
        found = true;
        rest = &tail[unit_end..];
    }
    found.then_some(total)
}

/// `"62"`, `"62.5"` seconds into milliseconds.
fn seconds_to_ms(text: &str) -> Option<u64> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let value: f64 = text.parse().ok()?;
    if !value.is_finite() || value < 0.0 || value > (MAX_DURATION_MS / 1000) as f64 {
        return None;
    }
    Some((value * 1000.0).round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_feeds_use() {
        let cases = [
            ("3600", 3_600_000),
            ("  3600  ", 3_600_000),
            ("3600.5", 3_600_500),
            ("3600s", 3_600_000),
            ("1:02:03", 3_723_000),
            ("01:02:03", 3_723_000),
            ("62:03", 3_723_000),
            ("2:03", 123_000),
            ("90:00", 5_400_000),
            ("1:02:03.250", 3_723_250),
            ("00:45:00 mins", 2_700_000),
            ("Duration: 00:45:00", 2_700_000),
            ("1:2:3", 3_723_000),
            ("1h 2m 3s", 3_723_000),
            ("45 min", 2_700_000),
            ("1 hour 5 minutes", 3_900_000),
            ("90 mins", 5_400_000),
        ];
        for (input, want) in cases {
            assert_eq!(parse_duration(input), Some(want), "reading {input:?}");
        }
    }

    #[test]
    fn junk_and_absurd_values_give_none() {
        for input in [
            "",
            "abc",
            "0",
            "00:00:00",
            "-5",
            "::",
            "1:2:3:4",
            "NaN",
            "inf",
            "1e9",
            "5 parsecs",
            "99999999999999999999",
            "200:00:00:00",
        ] {
            assert_eq!(parse_duration(input), None, "{input:?} is no duration");
        }
    }
}
