//! `tests/fixtures/corpus/expectations.tsv`: what upstream expects of each corpus
//! file, and where Earmark knowingly reads it otherwise.
//!
//! One row per check, tab-separated: `file`, `check`, `upstream` (the value upstream's
//! suite expects), `status`, `earmark` (what Earmark reads today, for any status but
//! `same`), `reason`. In values `\n`, `\t` and `\\` stand for a line break, a tab and
//! a backslash, and `<none>` for a value the file does not give. Lines starting with
//! `#` are comments.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::{corpus_dir, Observed};

/// The value of a check the file does not give.
pub const NONE: &str = "<none>";

/// How Earmark's reading of a check relates to upstream's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Earmark reads what upstream expects.
    Same,
    /// Earmark reads more than upstream, and the result is sane (kept on purpose).
    Lenient,
    /// Earmark reads otherwise on purpose (a podcast app, not a feed library).
    Differs,
    /// Earmark differs until the named piece of work (`encodings`, `salvage`,
    /// `podlove`, …) is merged; never fails, only reported.
    ExpectedAfter(String),
}

/// One expectation for one check of one file.
#[derive(Debug, Clone)]
pub struct Expectation {
    pub file: String,
    pub check: String,
    pub upstream: String,
    pub status: Status,
    /// What Earmark reads today, for every status but `same`.
    pub earmark: Option<String>,
    pub reason: String,
    /// Where the expectation comes from, for messages.
    pub origin: String,
}

/// `\n`, `\t` and `\\` as the table writes them.
pub fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\t', "\\t")
}

fn unescape(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\\') => out.push('\\'),
            other => panic!("expectations.tsv: unknown escape \\{other:?} in {cell:?}"),
        }
    }
    out
}

/// The table's rows for files under `prefix` (`feeds/`, `transcripts/`).
pub fn load(prefix: &str) -> Vec<Expectation> {
    let path = corpus_dir().join("expectations.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rows = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let origin = format!("expectations.tsv line {}", index + 1);
        let cells: Vec<&str> = line.split('\t').collect();
        let [file, check, upstream, status, earmark, reason] = cells[..] else {
            panic!(
                "{origin}: expected 6 tab-separated cells, found {}",
                cells.len()
            );
        };
        let status = match status {
            "same" => Status::Same,
            "lenient" => Status::Lenient,
            "differs" => Status::Differs,
            _ => match status.strip_prefix("expected-after:") {
                Some(item) if !item.is_empty() => Status::ExpectedAfter(item.to_owned()),
                _ => panic!("{origin}: unknown status {status:?}"),
            },
        };
        let earmark = (!earmark.is_empty()).then(|| unescape(earmark));
        assert_eq!(
            status == Status::Same,
            earmark.is_none(),
            "{origin}: `same` rows leave `earmark` empty, every other status fills it in"
        );
        assert!(
            earmark.as_deref() != Some(&unescape(upstream)),
            "{origin}: Earmark reads what upstream expects; make it `same`"
        );
        assert!(
            status == Status::Same || !reason.trim().is_empty(),
            "{origin}: say why Earmark differs"
        );
        assert!(
            corpus_dir().join(file).is_file(),
            "{origin}: no corpus file {file}"
        );
        if file.starts_with(prefix) {
            rows.push(Expectation {
                file: file.to_owned(),
                check: check.to_owned(),
                upstream: unescape(upstream),
                status,
                earmark,
                reason: reason.to_owned(),
                origin,
            });
        }
    }
    merge(rows)
}

/// One expectation per file and check: a later one (the table's) replaces an earlier
/// one (read from upstream's files); the table itself may not repeat a check.
pub fn merge(expectations: Vec<Expectation>) -> Vec<Expectation> {
    let mut by_check: BTreeMap<(String, String), Expectation> = BTreeMap::new();
    for expectation in expectations {
        let key = (expectation.file.clone(), expectation.check.clone());
        if let Some(earlier) = by_check.get(&key) {
            assert!(
                !earlier.origin.starts_with("expectations.tsv")
                    || !expectation.origin.starts_with("expectations.tsv"),
                "{} repeats {}: {} {}",
                expectation.origin,
                earlier.origin,
                key.0,
                key.1
            );
        }
        by_check.insert(key, expectation);
    }
    by_check.into_values().collect()
}

/// The outcome of comparing every expectation with what Earmark read.
#[derive(Debug, Default)]
pub struct Report {
    /// Checks that match upstream (`same`), or match the recorded difference.
    pub agreed: BTreeMap<&'static str, usize>,
    /// Mismatches that fail the test, one sentence each.
    pub failures: Vec<String>,
    /// `expected-after` rows: (item, line) to print.
    pub pending: Vec<(String, String)>,
}

impl Report {
    /// Compares `observed` with `expectations`; every observed file must have at least
    /// one expectation, so a file added to the corpus is not silently ignored.
    pub fn new(observed: &BTreeMap<String, Observed>, expectations: &[Expectation]) -> Report {
        let mut report = Report::default();
        for file in observed.keys() {
            if !expectations.iter().any(|e| &e.file == file) {
                report.failures.push(format!(
                    "{file}: no expectation; add its upstream expectations to expectations.tsv"
                ));
            }
        }
        for expectation in expectations {
            let Some(values) = observed.get(&expectation.file) else {
                report.failures.push(format!(
                    "{}: {} is not a corpus file of this kind",
                    expectation.origin, expectation.file
                ));
                continue;
            };
            let actual = values.get(&expectation.check).map_or(NONE, String::as_str);
            report.judge(expectation, actual);
        }
        report
    }

    fn judge(&mut self, e: &Expectation, actual: &str) {
        let what = format!("{} {}", e.file, e.check);
        let recorded = e.earmark.as_deref().unwrap_or_default();
        match &e.status {
            Status::Same if actual == e.upstream => self.agree("same"),
            Status::Same => self.failures.push(format!(
                "{what}: upstream expects {:?}, Earmark reads {actual:?} ({})",
                e.upstream, e.origin
            )),
            Status::Lenient | Status::Differs if actual == recorded => {
                self.agree(if e.status == Status::Lenient {
                    "lenient"
                } else {
                    "differs"
                });
            }
            Status::Lenient | Status::Differs if actual == e.upstream => {
                self.failures.push(format!(
                    "{what}: Earmark now reads what upstream expects ({actual:?}); \
                     make {} `same`",
                    e.origin
                ));
            }
            Status::Lenient | Status::Differs => self.failures.push(format!(
                "{what}: Earmark now reads {actual:?}, where {} records {recorded:?} \
                 (upstream: {:?}; recorded because: {})",
                e.origin, e.upstream, e.reason
            )),
            Status::ExpectedAfter(item) => {
                let state = if actual == e.upstream {
                    "NOW MATCHES UPSTREAM: flip it to `same`".to_owned()
                } else if actual == recorded {
                    "still as recorded".to_owned()
                } else {
                    format!("CHANGED: now reads {:?}", escape(actual))
                };
                let line = format!(
                    "{what}: upstream {:?}, recorded {:?}; {state} ({}: {})",
                    escape(&e.upstream),
                    escape(recorded),
                    e.origin,
                    e.reason
                );
                self.pending.push((item.clone(), line));
            }
        }
    }

    fn agree(&mut self, status: &'static str) {
        *self.agreed.entry(status).or_default() += 1;
    }

    /// The summary: counts per status, then every `expected-after` row by item.
    pub fn summary(&self, what: &str) -> String {
        let mut out = format!("Corpus {what}:");
        for (status, count) in &self.agreed {
            let _ = write!(out, " {count} {status},");
        }
        let _ = write!(
            out,
            " {} expected-after, {} failing",
            self.pending.len(),
            self.failures.len()
        );
        let items: BTreeSet<&str> = self.pending.iter().map(|(item, _)| item.as_str()).collect();
        for item in items {
            let _ = write!(out, "\n  expected-after:{item}");
            for (_, line) in self.pending.iter().filter(|(i, _)| i == item) {
                let _ = write!(out, "\n    {line}");
            }
        }
        out
    }
}

/// The comparison itself: each status fails, passes or only reports as documented.
#[test]
fn statuses_fail_and_report_as_documented() {
    let row = |check: &str, status: Status, earmark: Option<&str>| Expectation {
        file: "f".into(),
        check: check.into(),
        upstream: "up".into(),
        status,
        earmark: earmark.map(str::to_owned),
        reason: "why".into(),
        origin: "test".into(),
    };
    let observed = BTreeMap::from([(
        "f".to_owned(),
        Observed::from([
            ("a".to_owned(), "up".to_owned()),
            ("b".to_owned(), "other".to_owned()),
            ("c".to_owned(), "up".to_owned()),
            ("d".to_owned(), "new".to_owned()),
        ]),
    )]);
    let after = || Status::ExpectedAfter("item".into());
    let expectations = [
        row("a", Status::Same, None),             // agrees
        row("b", Status::Same, None),             // fails: not upstream
        row("b", Status::Lenient, Some("other")), // agrees: as recorded
        row("c", Status::Differs, Some("old")),   // fails: now upstream
        row("d", Status::Differs, Some("old")),   // fails: changed
        row("c", after(), Some("old")),           // reported: now upstream
        row("d", after(), Some("old")),           // reported: changed
        row("missing", after(), Some(NONE)),      // reported: as recorded
    ];
    let report = Report::new(&observed, &expectations);
    assert_eq!(report.failures.len(), 3, "{:#?}", report.failures);
    assert_eq!(report.agreed.values().sum::<usize>(), 2);
    let states: Vec<&str> = report.pending.iter().map(|(_, l)| l.as_str()).collect();
    assert!(states[0].contains("NOW MATCHES UPSTREAM"), "{states:?}");
    assert!(states[1].contains("CHANGED"), "{states:?}");
    assert!(states[2].contains("still as recorded"), "{states:?}");
    assert!(report.summary("x").contains("expected-after:item"));
}
