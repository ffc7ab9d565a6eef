//! Settings: app preferences stored as one JSON value per key (`"playback.speed"`,
//! `"theme"`, …). Typed callers use [`Store::setting`] / [`Store::set_setting`] with
//! their own serde types; [`serde_json::Value`] works for anything.

use rusqlite::{params, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{Store, StoreError, StoreResult};

impl Store {
    /// The value stored under `key`, read as `T`; `None` when the key is unset.
    pub fn setting<T: DeserializeOwned>(&self, key: &str) -> StoreResult<Option<T>> {
        let text: Option<String> = self
            .conn()
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?;
        text.map(|text| {
            serde_json::from_str(&text).map_err(|source| StoreError::Setting {
                key: key.to_owned(),
                source,
            })
        })
        .transpose()
    }

    /// Stores `value` under `key`, replacing any previous value.
    pub fn set_setting<T: Serialize + ?Sized>(&self, key: &str, value: &T) -> StoreResult<()> {
        let text = serde_json::to_string(value).map_err(|source| StoreError::Setting {
            key: key.to_owned(),
            source,
        })?;
        self.conn().execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, text],
        )?;
        Ok(())
    }

    /// Removes `key`; `false` when it was not set.
    pub fn delete_setting(&self, key: &str) -> StoreResult<bool> {
        Ok(self
            .conn()
            .execute("DELETE FROM settings WHERE key = ?1", [key])?
            > 0)
    }

    /// Every setting, by key.
    pub fn settings(&self) -> StoreResult<Vec<(String, serde_json::Value)>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT key, value FROM settings ORDER BY key")?;
        let rows = stmt.query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (key, text) = row?;
            let value = serde_json::from_str(&text).map_err(|source| StoreError::Setting {
                key: key.clone(),
                source,
            })?;
            out.push((key, value));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Playback {
        speed: f32,
        skip_silence: bool,
    }

    #[test]
    fn typed_settings_round_trip() {
        let store = Store::open_in_memory().unwrap();
        let playback = Playback {
            speed: 1.5,
            skip_silence: true,
        };
        store.set_setting("playback", &playback).unwrap();
        assert_eq!(
            store.setting::<Playback>("playback").unwrap(),
            Some(playback)
        );
    }

    #[test]
    fn unset_key_is_none_and_set_replaces() {
        let store = Store::open_in_memory().unwrap();
        assert_eq!(store.setting::<serde_json::Value>("theme").unwrap(), None);
        store.set_setting("theme", "dark").unwrap();
        store.set_setting("theme", "light").unwrap();
        assert_eq!(
            store.setting::<String>("theme").unwrap().as_deref(),
            Some("light")
        );
        assert_eq!(
            store.settings().unwrap(),
            vec![("theme".to_owned(), json!("light"))]
        );
        assert!(store.delete_setting("theme").unwrap());
        assert!(!store.delete_setting("theme").unwrap());
    }

    #[test]
    fn wrong_type_is_a_clear_error() {
        let store = Store::open_in_memory().unwrap();
        store.set_setting("volume", &json!({"a": 1})).unwrap();
        let err = store.setting::<f64>("volume").unwrap_err();
        assert!(matches!(err, StoreError::Setting { .. }), "{err}");
        assert!(err.to_string().contains("\"volume\""), "{err}");
    }
}
