//! `earmark-bench feed`: parsing and storing a generated feed, or a feed file.

use crate::bench_json;

#[test]
fn bench_feed_reports_figures() {
    let report = bench_json(&["feed", "--episodes", "300", "--runs", "1"]);
    assert_eq!(report["episodes"], 300, "{report}");
    for key in ["parse_ms", "store_ms", "total_ms", "refresh_store_ms"] {
        assert!(
            report[key].as_f64().is_some_and(|v| v > 0.0),
            "{key}: {report}"
        );
    }
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../earmark-core/tests/fixtures/feeds/podcast20.xml");
    let text = std::fs::read_to_string(fixture).unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let feed = scratch.path().join("feed.xml");
    std::fs::write(&feed, text.replace("{BASE}", "https://example.com")).unwrap();
    let report = bench_json(&["feed", feed.to_str().unwrap(), "--runs", "1"]);
    assert_eq!(report["episodes"], 3);
}
