fn main() {
    // The UI is embedded at compile time: rebuild the app when any of it changes.
    println!("cargo:rerun-if-changed=../ui");
    tauri_build::build()
}
