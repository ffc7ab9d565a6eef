//! A bare Tauri 2 window of Earmark's size showing one page: what any Tauri app costs
//! before its own code, the peer of the lean-start benchmark (docs/benchmarks.md).

fn main() {
    let app = tauri::Builder::default().run(tauri::generate_context!());
    if let Err(e) = app {
        eprintln!("bare-window: could not start: {e}");
    }
}
