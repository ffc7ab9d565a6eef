//! Month names as pages and feeds print them in the common European languages:
//! English, German, French, Spanish, Swedish, Finnish, Italian, Dutch, Portuguese,
//! Danish, Norwegian and Polish, in full or abbreviated ("Sept", "déc.", "Maj",
//! "Kesä", "mag", "okt"), any case, with Finnish in its inflected forms
//! ("kesäkuuta", "5. joulukuuta") and Polish in the genitive dates use ("5 czerwca").

#[rustfmt::skip]
/// `(name, month)`, English first: an abbreviation two languages share the start of
/// is read as the first's ("mar" is March, not the Finnish "marraskuu").
const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12),
    ("januar", 1), ("februar", 2), ("märz", 3), ("mai", 5), ("juni", 6), ("juli", 7),
    ("oktober", 10), ("dezember", 12),
    ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("juin", 6),
    ("juillet", 7), ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10),
    ("novembre", 11), ("décembre", 12), ("decembre", 12),
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6),
    ("julio", 7), ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10),
    ("noviembre", 11), ("diciembre", 12),
    ("januari", 1), ("februari", 2), ("maj", 5), ("augusti", 8),
    ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6),
    ("luglio", 7), ("settembre", 9), ("ottobre", 10), ("dicembre", 12),
    ("maart", 3), ("mei", 5), ("augustus", 8),
    ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("maio", 5), ("junho", 6),
    ("julho", 7), ("setembro", 9), ("outubro", 10), ("novembro", 11), ("dezembro", 12),
    ("marts", 3), ("desember", 12),
    ("stycznia", 1), ("styczeń", 1), ("lutego", 2), ("luty", 2), ("marca", 3),
    ("marzec", 3), ("kwietnia", 4), ("kwiecień", 4), ("maja", 5), ("czerwca", 6),
    ("czerwiec", 6), ("lipca", 7), ("lipiec", 7), ("sierpnia", 8), ("sierpień", 8),
    ("września", 9), ("wrzesień", 9), ("października", 10), ("październik", 10),
    ("listopada", 11), ("listopad", 11), ("grudnia", 12), ("grudzień", 12),
];

#[rustfmt::skip]
/// Finnish month names, which also take endings ("kesäkuuta", "kesäkuussa").
const FINNISH: &[(&str, u32)] = &[
    ("tammikuu", 1), ("helmikuu", 2), ("maaliskuu", 3), ("huhtikuu", 4), ("toukokuu", 5),
    ("kesäkuu", 6), ("heinäkuu", 7), ("elokuu", 8), ("syyskuu", 9), ("lokakuu", 10),
    ("marraskuu", 11), ("joulukuu", 12),
];

/// The month a word names, if it names one: the whole name, or at least its first
/// three letters.
pub(super) fn month_number(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_lowercase();
    if lower.chars().count() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .chain(FINNISH)
        .find(|(name, _)| name.starts_with(&lower))
        .or_else(|| FINNISH.iter().find(|(name, _)| lower.starts_with(name)))
        .map(|&(_, month)| month)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_twelve_languages_full_abbreviated_and_inflected() {
        #[rustfmt::skip]
        let cases = [
            ("May", 5), ("Sept.", 9), ("dec", 12),
            ("März", 3), ("Okt.", 10), ("Dezember", 12),
            ("août", 8), ("déc.", 12), ("juillet", 7), ("févr", 2),
            ("junio", 6), ("dic", 12), ("setiembre", 9),
            ("Maj", 5), ("augusti", 8), ("okt", 10),
            ("Kesä", 6), ("kesäkuuta", 6), ("joulukuussa", 12), ("Heinä", 7), ("syys", 9),
            ("mar", 3), ("marras", 11), ("mars", 3), ("maaliskuuta", 3),
            ("gen", 1), ("mag", 5), ("giugno", 6), ("lug.", 7), ("ott", 10), ("dicembre", 12),
            ("mei", 5), ("maart", 3), ("okt", 10),
            ("fev", 2), ("março", 3), ("out", 10), ("dezembro", 12), ("set", 9),
            ("marts", 3), ("des.", 12), ("mai", 5),
            ("stycznia", 1), ("maja", 5), ("czerwca", 6), ("wrz", 9), ("października", 10),
            ("lis", 11), ("grudnia", 12),
        ];
        for (word, month) in cases {
            assert_eq!(month_number(word), Some(month), "{word}");
        }
        for word in [
            "ma",
            "Montag",
            "mardi",
            "martes",
            "maanantai",
            "lördag",
            "min",
            "de",
            "le",
        ] {
            assert_eq!(month_number(word), None, "{word}");
        }
    }
}
