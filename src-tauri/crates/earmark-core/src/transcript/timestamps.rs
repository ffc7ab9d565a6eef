//! Clock times as transcripts write them (`01:02:03.456`, `02:03,456`, `0:03`) and
//! as subtitle files need them written back.

/// The largest time Earmark accepts, about 31 years: anything past it is junk, and
/// the limit keeps every later sum far from overflowing.
const MAX_MS: u64 = 1_000_000_000_000;

/// Reads `[h…:]m…:ss[.fff]` or with a `,` before the fraction, as milliseconds.
///
/// Hours may have any number of digits; without hours, minutes may go past 59
/// (`75:00.000`). Seconds must be below 60. The fraction may have 1 to 9 digits and
/// counts as a decimal fraction (`.5` is 500 ms); digits past milliseconds are cut.
pub(crate) fn parse_clock(s: &str) -> Option<u64> {
    let s = s.trim();
    let (whole, fraction) = match s.rfind(['.', ',']) {
        Some(i) if s[..i].contains(':') => (&s[..i], Some(&s[i + 1..])),
        _ => (s, None),
    };
    let mut parts = whole.split(':');
    let first = parts.next()?;
    let second = parts.next()?;
    let third = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let (hours, minutes, seconds) = match third {
        Some(third) => (Some(first), second, third),
        None => (None, first, second),
    };
    let hours = match hours {
        Some(h) => number(h, 9)?,
        None => 0,
    };
    let minutes = number(minutes, if third.is_some() { 2 } else { 6 })?;
    let seconds = number(seconds, 2)?;
    if seconds >= 60 || (third.is_some() && minutes >= 60) {
        return None;
    }
    let millis = match fraction {
        Some(f) => fraction_ms(f)?,
        None => 0,
    };
    let total = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    (total <= MAX_MS).then_some(total)
}

/// Converts seconds (as in Podcasting 2.0 JSON) to milliseconds, rounding to the
/// nearest; negative, non-finite and absurd values give `None`.
pub(crate) fn seconds_to_ms(seconds: f64) -> Option<u64> {
    if !seconds.is_finite() || seconds < 0.0 {
        return None;
    }
    let ms = (seconds * 1000.0).round();
    // The comparison keeps the cast in range; MAX_MS is exactly representable.
    (ms <= MAX_MS as f64).then_some(ms as u64)
}

/// Writes `hh:mm:ss` followed by `separator` and milliseconds: `.` for WebVTT,
/// `,` for SRT.
pub(crate) fn format_clock(ms: u64, separator: char) -> String {
    let hours = ms / 3_600_000;
    let minutes = ms / 60_000 % 60;
    let seconds = ms / 1000 % 60;
    let millis = ms % 1000;
    format!("{hours:02}:{minutes:02}:{seconds:02}{separator}{millis:03}")
}

/// A run of 1 to `max_digits` ASCII digits.
fn number(s: &str, max_digits: usize) -> Option<u64> {
    if s.is_empty() || s.len() > max_digits || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A decimal fraction of a second, as milliseconds.
fn fraction_ms(f: &str) -> Option<u64> {
    if f.is_empty() || f.len() > 9 || !f.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut ms = 0;
    for (i, b) in f.bytes().take(3).enumerate() {
        ms += u64::from(b - b'0') * [100, 10, 1][i];
    }
    Some(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_forms_transcripts_use() {
        assert_eq!(parse_clock("00:00:01.000"), Some(1000));
        assert_eq!(parse_clock("01:02:03,456"), Some(3_723_456));
        assert_eq!(parse_clock("02:03.5"), Some(123_500));
        assert_eq!(parse_clock("0:03"), Some(3000));
        assert_eq!(parse_clock("75:00.000"), Some(4_500_000));
        assert_eq!(parse_clock("100:00:00.000"), Some(360_000_000));
    }

    #[test]
    fn refuses_what_is_not_a_clock() {
        for s in [
            "", "12", "1:60", "1:2:3:4", "a:00", "00:61:00", "1:00.", ":30", "10:30pm",
        ] {
            assert_eq!(parse_clock(s), None, "{s:?} is not a clock time");
        }
    }

    #[test]
    fn writes_both_subtitle_styles() {
        assert_eq!(format_clock(3_723_456, '.'), "01:02:03.456");
        assert_eq!(format_clock(0, ','), "00:00:00,000");
        assert_eq!(seconds_to_ms(1.2345), Some(1235));
        assert_eq!(seconds_to_ms(-1.0), None);
    }
}
