//! The language of an export's human text — the words around the user's own (what
//! each entry is) and how a day reads — and of the command line's dates. The window
//! passes its own language; the command line takes the system's from the environment,
//! as POSIX picks a locale category: `LC_ALL`, then the category (`LC_MESSAGES` for
//! words, `LC_TIME` for dates), then `LANG`.

use serde::Deserialize;

/// A language Earmark writes exports in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportLanguage {
    /// English ("12 Jun 2024", "Note").
    #[default]
    En,
    /// Finnish ("12.6.2024", "Muistiinpano").
    Fi,
    /// Swedish ("12 juni 2024", "Anteckning").
    Sv,
}

/// The words an export writes around the user's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportWords {
    /// The heading of a note.
    pub note: &'static str,
    /// The heading of a note without text (an earmark).
    pub earmark: &'static str,
    /// The heading of a highlight.
    pub highlight: &'static str,
    /// "Episode" in "Episode 12", for an episode known only by its number.
    pub episode: &'static str,
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_SV: [&str; 12] = [
    "jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "dec.",
];

impl ExportLanguage {
    /// The language of a locale's name ("fi_FI.UTF-8", "sv-SE", "C"): English unless
    /// it is one Earmark writes.
    pub fn of_locale(name: &str) -> Self {
        let primary = name
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "fi" => Self::Fi,
            "sv" => Self::Sv,
            _ => Self::En,
        }
    }

    /// The system's language for `category` ("LC_TIME", "LC_MESSAGES"), read through
    /// `var` (the environment): the first of `LC_ALL`, the category and `LANG` that is
    /// set and not empty.
    pub fn of_environment(category: &str, var: impl Fn(&str) -> Option<String>) -> Self {
        ["LC_ALL", category, "LANG"]
            .into_iter()
            .filter_map(|name| var(name).filter(|value| !value.is_empty()))
            .next()
            .map_or(Self::En, |locale| Self::of_locale(&locale))
    }

    /// The words of this language.
    pub fn words(self) -> ExportWords {
        match self {
            Self::En => ExportWords {
                note: "Note",
                earmark: "Earmark",
                highlight: "Highlight",
                episode: "Episode",
            },
            Self::Fi => ExportWords {
                note: "Muistiinpano",
                earmark: "Korvamerkki",
                highlight: "Korostus",
                episode: "Jakso",
            },
            Self::Sv => ExportWords {
                note: "Anteckning",
                earmark: "Öronmärke",
                highlight: "Markering",
                episode: "Avsnitt",
            },
        }
    }

    /// A day (`YYYY-MM-DD`, or an RFC 3339 time, whose day is taken as written) as
    /// this language writes it: "12 Jun 2024", "12.6.2024", "12 juni 2024"; what was
    /// given when it is not such a day.
    pub fn day(self, date: &str) -> String {
        let Some((year, month, day)) = parse_day(date) else {
            return date.to_owned();
        };
        let month_index = usize::from(month - 1);
        match self {
            Self::En => format!("{day} {} {year}", MONTHS_EN[month_index]),
            Self::Fi => format!("{day}.{month}.{year}"),
            Self::Sv => format!("{day} {} {year}", MONTHS_SV[month_index]),
        }
    }
}

/// Year, month (1–12) and day of the month of a `YYYY-MM-DD…` text.
fn parse_day(date: &str) -> Option<(u16, u8, u8)> {
    let day = super::bundle::day_of(date)?;
    let year = day.get(..4)?.parse().ok()?;
    let month: u8 = day.get(5..7)?.parse().ok()?;
    let of_month: u8 = day.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&of_month)).then_some((year, month, of_month))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_name_gives_its_language_and_english_otherwise() {
        assert_eq!(ExportLanguage::of_locale("fi_FI.UTF-8"), ExportLanguage::Fi);
        assert_eq!(ExportLanguage::of_locale("sv-SE"), ExportLanguage::Sv);
        assert_eq!(ExportLanguage::of_locale("C.UTF-8"), ExportLanguage::En);
        assert_eq!(ExportLanguage::of_locale("de_DE"), ExportLanguage::En);
        assert_eq!(ExportLanguage::of_locale(""), ExportLanguage::En);
    }

    #[test]
    fn the_environment_is_read_as_posix_reads_it() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| (*value).to_owned())
            }
        };
        let time = |pairs| ExportLanguage::of_environment("LC_TIME", env(pairs));
        assert_eq!(time(&[("LANG", "fi_FI.UTF-8")]), ExportLanguage::Fi);
        assert_eq!(
            time(&[("LANG", "fi_FI.UTF-8"), ("LC_TIME", "sv_SE.UTF-8")]),
            ExportLanguage::Sv
        );
        assert_eq!(
            time(&[
                ("LC_ALL", "C"),
                ("LC_TIME", "sv_SE.UTF-8"),
                ("LANG", "fi_FI")
            ]),
            ExportLanguage::En
        );
        assert_eq!(
            time(&[("LC_ALL", ""), ("LANG", "sv_FI.UTF-8")]),
            ExportLanguage::Sv
        );
        assert_eq!(time(&[]), ExportLanguage::En);
    }

    #[test]
    fn a_day_reads_as_each_language_writes_it() {
        assert_eq!(ExportLanguage::En.day("2024-06-12"), "12 Jun 2024");
        assert_eq!(ExportLanguage::Fi.day("2024-06-02T23:30:00Z"), "2.6.2024");
        assert_eq!(ExportLanguage::Sv.day("2024-03-12"), "12 mars 2024");
        assert_eq!(ExportLanguage::Fi.day("someday"), "someday");
        assert_eq!(ExportLanguage::En.day("2024-13-01"), "2024-13-01");
    }
}
