//! Note files into a folder: Earmark's own files are replaced, anything else is left
//! as it was and the notes go beside it.

use earmark_core::export::{episode_file_name, export_to_folder, ExportLanguage};

use crate::{annotated_library, read};

#[test]
fn a_file_earmark_did_not_write_is_never_overwritten() {
    let (lib, episode) = annotated_library();
    let notes = read(&lib.store, episode);
    let vault = tempfile::tempdir().unwrap();
    let name = episode_file_name(&notes);
    let theirs = vault.path().join(&name);
    std::fs::write(&theirs, "# The user's own page\n").unwrap();

    let written = export_to_folder(
        vault.path(),
        std::slice::from_ref(&notes),
        ExportLanguage::En,
    )
    .unwrap();
    assert_eq!(
        std::fs::read_to_string(&theirs).unwrap(),
        "# The user's own page\n"
    );
    let beside = vault
        .path()
        .join(format!("{} (2).md", name.trim_end_matches(".md")));
    assert_eq!(written[0].path, beside);
    assert_eq!(written[0].kept, std::slice::from_ref(&theirs));
    assert!(!written[0].replaced);
    assert!(std::fs::read_to_string(&beside)
        .unwrap()
        .contains("late note"));
}

#[test]
fn exporting_again_replaces_earmarks_own_file_with_the_new_notes() {
    let (lib, episode) = annotated_library();
    let vault = tempfile::tempdir().unwrap();
    let first = export_to_folder(
        vault.path(),
        &[read(&lib.store, episode)],
        ExportLanguage::En,
    )
    .unwrap();
    assert!(!first[0].replaced);
    lib.store
        .add_note(episode, 20_000, "a note added later")
        .unwrap();
    let second = export_to_folder(
        vault.path(),
        &[read(&lib.store, episode)],
        ExportLanguage::En,
    )
    .unwrap();
    assert_eq!(second[0].path, first[0].path, "the same file");
    assert!(
        second[0].replaced && second[0].kept.is_empty(),
        "{second:?}"
    );
    let text = std::fs::read_to_string(&second[0].path).unwrap();
    assert!(text.contains("a note added later"), "{text}");
    assert_eq!(std::fs::read_dir(vault.path()).unwrap().count(), 1);
}

#[test]
fn an_edited_earmark_file_is_someone_elses() {
    let (lib, episode) = annotated_library();
    let vault = tempfile::tempdir().unwrap();
    let first = export_to_folder(
        vault.path(),
        &[read(&lib.store, episode)],
        ExportLanguage::En,
    )
    .unwrap();
    let path = &first[0].path;
    let edited = std::fs::read_to_string(path).unwrap() + "\nMy thoughts on it.\n";
    std::fs::write(path, &edited).unwrap();

    let second = export_to_folder(
        vault.path(),
        &[read(&lib.store, episode)],
        ExportLanguage::En,
    )
    .unwrap();
    assert_eq!(
        std::fs::read_to_string(path).unwrap(),
        edited,
        "the edit is kept"
    );
    assert_ne!(&second[0].path, path);
    assert_eq!(second[0].kept, std::slice::from_ref(path));
}

#[test]
fn another_episodes_file_of_the_same_name_is_kept() {
    let (lib, episode) = annotated_library();
    let vault = tempfile::tempdir().unwrap();
    let first = export_to_folder(
        vault.path(),
        &[read(&lib.store, episode)],
        ExportLanguage::En,
    )
    .unwrap();
    let before = std::fs::read_to_string(&first[0].path).unwrap();
    // Another library's export, where this name belonged to episode 999.
    let other = before.replace(
        &format!("earmark_episode: {episode}\n"),
        "earmark_episode: 999\n",
    );
    std::fs::write(&first[0].path, &other).unwrap();
    let second = export_to_folder(
        vault.path(),
        &[read(&lib.store, episode)],
        ExportLanguage::En,
    )
    .unwrap();
    assert_eq!(std::fs::read_to_string(&first[0].path).unwrap(), other);
    assert_ne!(second[0].path, first[0].path);
}
