//! Publication dates as feeds really write them, read into RFC 3339 UTC.
//!
//! RSS asks for RFC 2822 (`Wed, 01 May 2024 12:00:00 +0000`); real feeds also write
//! full day and month names, a wrong weekday, `PST`/`CEST`-style zones, `+01:00`
//! offsets, no seconds, no zone, single-digit hours, two-digit years, ISO dates with
//! or without a zone, and junk around all of it. [`parse_date`] reads all of these
//! and gives `None` (never an error) when there is no date to be had: an episode with
//! an unreadable date is still an episode.

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};

use super::month_names::month_number;

/// Reads a feed date into RFC 3339 UTC with second precision (`2024-05-01T12:00:00Z`),
/// the form the library stores and sorts as text.
pub fn parse_date(input: &str) -> Option<String> {
    parse_datetime(input).map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// Reads a feed date into a UTC time (see the module documentation). A day and month
/// without a year ("28 Maj", as pages print this year's dates) is the most recent such
/// date.
pub fn parse_datetime(input: &str) -> Option<DateTime<Utc>> {
    parse_datetime_at(input, std::time::SystemTime::now().into())
}

/// [`parse_datetime`] as if it were `now`.
pub fn parse_datetime_at(input: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let text = input.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace());
    if text.is_empty() || text.len() > 100 {
        return None;
    }
    // chrono reads RFC 2822's military letters as -0000 (RFC 2822 §4.3); they are read
    // here as the offsets they name, so such dates go to the word-by-word reader.
    let military = text.rsplit(' ').next().and_then(military_offset).is_some();
    let parsed = DateTime::parse_from_rfc3339(text)
        .ok()
        .or_else(|| {
            (!military)
                .then(|| DateTime::parse_from_rfc2822(text).ok())
                .flatten()
        })
        .or_else(|| iso_like(text))
        .or_else(|| by_tokens(text, now))?;
    let utc = parsed.with_timezone(&Utc);
    // Dates before audio podcasts existed, or far in the future, are typos.
    (1970..=2200).contains(&utc.year()).then_some(utc)
}

/// `2024-05-01`, `2024-05-01 12:00`, `2024-05-01T12:00:00.5+0200`, `2024/05/01`.
fn iso_like(text: &str) -> Option<DateTime<FixedOffset>> {
    let bytes = text.as_bytes();
    if bytes.len() < 8 || !bytes[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let normalized = text.replace('/', "-").replacen(' ', "T", 1);
    if let Ok(d) = DateTime::parse_from_rfc3339(&normalized) {
        return Some(d);
    }
    // Split off a trailing zone: Z, +hh:mm, +hhmm, +hh, or a zone name.
    let (local, offset) = split_zone(&normalized);
    let local = local.trim_end_matches('T');
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(local, format) {
            return offset.from_local_datetime(&naive).single();
        }
    }
    let date = NaiveDate::parse_from_str(local, "%Y-%m-%d").ok()?;
    offset
        .from_local_datetime(&date.and_time(NaiveTime::MIN))
        .single()
}

/// Splits `2024-05-01T12:00:00+02:00` into the local part and its offset (UTC when
/// none is written).
fn split_zone(text: &str) -> (&str, FixedOffset) {
    let utc = Utc.fix();
    // A zone name written straight after the time: `12:00:00Z`, `07:00:00EST`.
    let local = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if local.len() < text.len()
        && local.ends_with(|c: char| c.is_ascii_digit())
        && local.contains(':')
    {
        if let Some(offset) = zone_offset(&text[local.len()..]) {
            return (local, offset);
        }
    }
    if let Some((local, zone)) = text.rsplit_once(' ') {
        if let Some(offset) = zone_offset(zone) {
            return (local, offset);
        }
    }
    // Look for a sign after the time part (a '-' in the date is not a zone).
    if let Some(t) = text.find('T') {
        if let Some(pos) = text[t..].rfind(['+', '-']).map(|p| p + t) {
            if let Some(offset) = numeric_offset(&text[pos..]) {
                return (&text[..pos], offset);
            }
        }
    }
    (text, utc)
}

/// `+0200`, `-05:00`, `+02`.
fn numeric_offset(zone: &str) -> Option<FixedOffset> {
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// An RFC 822 military zone letter, read as the offset it names: `A`–`M` (no `J`)
/// are one to twelve hours east, `N`–`Y` one to twelve hours west, `Z` is UTC.
/// RFC 822 printed the signs the wrong way round; RFC 1123 §5.2.14 says so, and
/// the military meaning is the one taken here. Upper case only (except `z`), so
/// that a stray `a` in a sentence is not a zone.
fn military_offset(zone: &str) -> Option<FixedOffset> {
    let [letter] = zone.as_bytes() else {
        return None;
    };
    let hours = match letter {
        b'Z' | b'z' => 0,
        b'A'..=b'I' => i32::from(letter - b'A') + 1,
        b'K'..=b'M' => i32::from(letter - b'K') + 10,
        b'N'..=b'Y' => -(i32::from(letter - b'N') + 1),
        _ => return None,
    };
    FixedOffset::east_opt(hours * 3600)
}

/// A numeric offset or a zone name feeds use.
fn zone_offset(zone: &str) -> Option<FixedOffset> {
    if let Some(offset) = numeric_offset(zone).or_else(|| military_offset(zone)) {
        return Some(offset);
    }
    let upper = zone
        .trim_matches(|c: char| c == '(' || c == ')')
        .to_ascii_uppercase();
    // GMT+1 / UTC-05:00
    for prefix in ["GMT", "UTC", "UT"] {
        if let Some(rest) = upper.strip_prefix(prefix) {
            if rest.is_empty() {
                return Some(Utc.fix());
            }
            if let Some(offset) = numeric_offset(rest) {
                return Some(offset);
            }
        }
    }
    let hours = match upper.as_str() {
        "WET" => 0.0,
        "BST" | "CET" | "WEST" | "MET" => 1.0,
        "CEST" | "EET" | "SAST" | "MEST" => 2.0,
        "EEST" | "MSK" => 3.0,
        "IST" => 5.5,
        "JST" | "KST" => 9.0,
        "AEST" => 10.0,
        "AEDT" => 11.0,
        "NZST" => 12.0,
        "NZDT" => 13.0,
        "EST" => -5.0,
        "EDT" => -4.0,
        "CST" => -6.0,
        "CDT" => -5.0,
        "MST" => -7.0,
        "MDT" => -6.0,
        "PST" => -8.0,
        "PDT" => -7.0,
        "AKST" => -9.0,
        "AKDT" => -8.0,
        "HST" => -10.0,
        "AST" => -4.0,
        "ADT" => -3.0,
        _ => return None,
    };
    FixedOffset::east_opt((hours * 3600.0) as i32)
}

/// The RFC 2822 family, read word by word: any weekday (ignored, so a wrong one does
/// not matter), day, month name (in twelve languages) and year in any order (the year may
/// be missing), `h:mm[:ss]`, and a zone.
fn by_tokens(text: &str, now: DateTime<Utc>) -> Option<DateTime<FixedOffset>> {
    let mut day = None;
    let mut month = None;
    let mut year = None;
    let mut time = None;
    let mut offset = None;
    for raw in text.split([' ', ',']).filter(|t| !t.is_empty()) {
        let token = raw.trim_matches(|c: char| c == '.' || c == '(' || c == ')');
        if token.is_empty() {
            continue;
        }
        if token.contains(':') && token.as_bytes()[0].is_ascii_digit() {
            // 12:00:00, 12:00, 12:00:00+0000, 12:00:00Z, 07:00:00EST
            let (clock, zone) =
                match token.find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.')) {
                    Some(pos) => (&token[..pos], Some(&token[pos..])),
                    None => (token, None),
                };
            time = parse_clock(clock);
            if let Some(zone) = zone {
                offset = zone_offset(zone).or(offset);
            }
        } else if token.starts_with(['+', '-']) {
            offset = numeric_offset(token).or(offset);
        } else if let Ok(n) = token
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<u32>()
        {
            // 1st / 2nd / 24th count as days.
            if token.len() == 4 || n > 31 {
                year = Some(n as i32);
            } else if day.is_none() {
                day = Some(n);
            } else if year.is_none() {
                year = Some(if n < 70 {
                    2000 + n as i32
                } else {
                    1900 + n as i32
                });
            }
        } else if let Some(m) = month_number(token) {
            month = month.or(Some(m));
        } else if let Some(z) = zone_offset(token) {
            offset = Some(z);
        }
    }
    let (month, day) = (month?, day?);
    let date = match year {
        Some(year) => NaiveDate::from_ymd_opt(year, month, day)?,
        // No year: the most recent such date (29 February looks back to a leap year).
        None => (0..8)
            .filter_map(|back| NaiveDate::from_ymd_opt(now.year() - back, month, day))
            .find(|d| *d <= now.date_naive())?,
    };
    let naive = date.and_time(time.unwrap_or(NaiveTime::MIN));
    offset
        .unwrap_or(Utc.fix())
        .from_local_datetime(&naive)
        .single()
}

/// `9:05`, `09:05:07`, `09:05:07.250`.
fn parse_clock(clock: &str) -> Option<NaiveTime> {
    let mut parts = clock.split(':');
    let h: u32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let s: u32 = match parts.next() {
        Some(s) => s.split('.').next()?.parse().ok()?,
        None => 0,
    };
    // 24:00:00 is midnight at the end of the day; keep it within the day.
    if h == 24 && m == 0 && s == 0 {
        return NaiveTime::from_hms_opt(23, 59, 59);
    }
    NaiveTime::from_hms_opt(h, m, s.min(59))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<String> {
        parse_date(s)
    }

    #[test]
    fn dates_as_pages_print_them_in_the_common_european_languages() {
        let now = parse_datetime("2026-12-06T12:00:00Z").unwrap();
        let at =
            |s: &str| parse_datetime_at(s, now).map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        let cases = [
            ("5 Kesä 2024", "2024-06-05T00:00:00Z"),
            ("5. kesäkuuta 2024", "2024-06-05T00:00:00Z"),
            ("ti 5. joulukuuta 2023 klo 10:00", "2023-12-05T10:00:00Z"),
            ("28 Maj 2024", "2024-05-28T00:00:00Z"),
            ("3. März 2024", "2024-03-03T00:00:00Z"),
            ("Mi, 05 Jun 2024 10:00:00 +0200", "2024-06-05T08:00:00Z"),
            ("1er août 2024", "2024-08-01T00:00:00Z"),
            ("5 de junio de 2024", "2024-06-05T00:00:00Z"),
            ("June 5, 2024", "2024-06-05T00:00:00Z"),
            ("5 giugno 2024", "2024-06-05T00:00:00Z"),
            ("5 mei 2024", "2024-05-05T00:00:00Z"),
            ("5 de março de 2024", "2024-03-05T00:00:00Z"),
            ("5. desember 2024", "2024-12-05T00:00:00Z"),
            ("5 czerwca 2024", "2024-06-05T00:00:00Z"),
            // No year: the most recent such date.
            ("28 Maj", "2026-05-28T00:00:00Z"),
            ("6 Dec", "2026-12-06T00:00:00Z"),
            ("24 joulukuuta", "2025-12-24T00:00:00Z"),
        ];
        for (text, expected) in cases {
            assert_eq!(at(text).as_deref(), Some(expected), "{text}");
        }
        assert_eq!(at("38min"), None, "a length is no date");
        assert_eq!(
            at("29 Feb"),
            Some("2024-02-29T00:00:00Z".into()),
            "the last leap day"
        );
    }

    #[test]
    fn rfc_2822_and_3339() {
        assert_eq!(
            date("Wed, 01 May 2024 12:00:00 +0000").as_deref(),
            Some("2024-05-01T12:00:00Z")
        );
        assert_eq!(
            date("Wed, 01 May 2024 14:00:00 +0200").as_deref(),
            Some("2024-05-01T12:00:00Z")
        );
        assert_eq!(
            date("2024-05-01T14:00:00+02:00").as_deref(),
            Some("2024-05-01T12:00:00Z")
        );
        assert_eq!(
            date("2024-05-01T12:00:00.123Z").as_deref(),
            Some("2024-05-01T12:00:00Z")
        );
    }

    #[test]
    fn broken_real_world_forms() {
        let cases = [
            // wrong weekday
            ("Mon, 01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"),
            // full names
            (
                "Wednesday, 1 May 2024 12:00:00 +0000",
                "2024-05-01T12:00:00Z",
            ),
            (
                "Wed, 01 September 2024 12:00:00 +0000",
                "2024-09-01T12:00:00Z",
            ),
            ("Sun, 01 Sept 2024 12:00:00 +0000", "2024-09-01T12:00:00Z"),
            // zone names and colon offsets
            ("Wed, 01 May 2024 05:00:00 PDT", "2024-05-01T12:00:00Z"),
            ("Wed, 01 May 2024 14:00:00 CEST", "2024-05-01T12:00:00Z"),
            ("Wed, 01 May 2024 14:00:00 +02:00", "2024-05-01T12:00:00Z"),
            ("Wed, 01 May 2024 13:00:00 GMT+1", "2024-05-01T12:00:00Z"),
            // no seconds, no zone, single-digit hour
            ("Wed, 01 May 2024 12:00 +0000", "2024-05-01T12:00:00Z"),
            ("Wed, 01 May 2024 12:00:00", "2024-05-01T12:00:00Z"),
            ("Wed, 1 May 2024 9:05:00 +0000", "2024-05-01T09:05:00Z"),
            // no weekday comma, month first, two-digit year
            ("Wed 01 May 2024 12:00:00 +0000", "2024-05-01T12:00:00Z"),
            ("May 1, 2024 12:00:00", "2024-05-01T12:00:00Z"),
            ("Wed, 01 May 24 12:00:00 +0000", "2024-05-01T12:00:00Z"),
            ("1st May 2024", "2024-05-01T00:00:00Z"),
            // ISO forms
            ("2024-05-01", "2024-05-01T00:00:00Z"),
            ("2024-05-01 12:00:00", "2024-05-01T12:00:00Z"),
            ("2024-05-01T12:00", "2024-05-01T12:00:00Z"),
            ("2024-05-01T14:00:00+0200", "2024-05-01T12:00:00Z"),
            ("2024/05/01 12:00:00", "2024-05-01T12:00:00Z"),
            ("2024-05-01 14:00:00 CEST", "2024-05-01T12:00:00Z"),
            // junk around it
            (
                "  Wed,   01 May 2024   12:00:00   +0000 \n",
                "2024-05-01T12:00:00Z",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(date(input).as_deref(), Some(want), "reading {input:?}");
        }
    }

    #[test]
    fn rfc_822_zone_names_are_their_offsets() {
        let cases = [
            // The RSS 2.0 specification's own examples.
            ("Sat, 07 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01Z"),
            ("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"),
            // RFC 822's Appendix A and the US zones as podcast hosts write them.
            ("26 Aug 76 14:29 EDT", "1976-08-26T18:29:00Z"),
            ("Thu, 02 Nov 2023 16:00:00 EST", "2023-11-02T21:00:00Z"),
            ("Fri, 14 Jul 2023 10:00:00 CDT", "2023-07-14T15:00:00Z"),
            ("Mon, 08 Jan 2024 04:00:00 CST", "2024-01-08T10:00:00Z"),
            ("Mon, 01 Jul 2024 06:00:00 MDT", "2024-07-01T12:00:00Z"),
            ("Wed, 15 Feb 2023 08:00:00 MST", "2023-02-15T15:00:00Z"),
            ("Mon, 18 Mar 2024 05:00:00 PDT", "2024-03-18T12:00:00Z"),
            ("Tue, 12 Dec 2023 09:30:00 PST", "2023-12-12T17:30:00Z"),
            ("Tue, 1 Jul 2003 10:52:37 UT", "2003-07-01T10:52:37Z"),
            ("Tue, 01 Jul 2003 10:52:37 Z", "2003-07-01T10:52:37Z"),
            // Lower case, a full weekday, the zone glued to the time.
            ("Thu, 02 Nov 2023 16:00:00 est", "2023-11-02T21:00:00Z"),
            ("Thursday, 02 Nov 2023 16:00:00 EST", "2023-11-02T21:00:00Z"),
            ("Thu, 02 Nov 2023 16:00:00EST", "2023-11-02T21:00:00Z"),
            ("2023-11-02T16:00:00EST", "2023-11-02T21:00:00Z"),
            ("2023-11-02 16:00:00 PST", "2023-11-03T00:00:00Z"),
            // Military letters: A-M east (no J), N-Y west.
            ("Wed, 01 May 2024 13:00:00 A", "2024-05-01T12:00:00Z"),
            ("Wed, 01 May 2024 22:00:00 K", "2024-05-01T12:00:00Z"),
            ("Thu, 02 May 2024 00:00:00 M", "2024-05-01T12:00:00Z"),
            ("Wed, 01 May 2024 11:00:00 N", "2024-05-01T12:00:00Z"),
            ("Wed, 01 May 2024 07:00:00 R", "2024-05-01T12:00:00Z"),
            ("Wed, 01 May 2024 00:00:00 Y", "2024-05-01T12:00:00Z"),
        ];
        for (input, want) in cases {
            assert_eq!(date(input).as_deref(), Some(want), "reading {input:?}");
        }
        // J is no zone: the date stays, read as UTC.
        assert_eq!(
            date("Wed, 01 May 2024 12:00:00 J").as_deref(),
            Some("2024-05-01T12:00:00Z")
        );
    }

    #[test]
    fn no_date_gives_none() {
        for input in [
            "",
            "yesterday",
            "soon",
            "Wed, 32 May 2024",
            "13:00",
            "0000-00-00",
            "🎙️",
        ] {
            assert_eq!(date(input), None, "{input:?} has no date");
        }
    }
}
