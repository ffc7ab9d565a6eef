//! Shared state behind a lock, taken back from a job that panicked while holding it:
//! the library's writes are transactions (a panic rolls back) and the queues hold
//! plain values, so what a panic leaves is consistent, and refusing every later use
//! would be the larger harm. And the one listener a front end opens for a stream of
//! values (the clock, the download queue).

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Locks `mutex`, recovering it from a panicked holder (see the module notes).
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What hears each value.
type Listen<T> = Box<dyn Fn(T) + Send>;

/// The one listener a front end opened for values of `T`, once it did.
pub struct Listener<T>(Mutex<Option<Listen<T>>>);

impl<T> Default for Listener<T> {
    fn default() -> Self {
        Listener(Mutex::new(None))
    }
}

impl<T> std::fmt::Debug for Listener<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Listener")
    }
}

impl<T> Listener<T> {
    /// From now on the values go to `listen` (in place of any listener before).
    pub fn set(&self, listen: impl Fn(T) + Send + 'static) {
        *lock(&self.0) = Some(Box::new(listen));
    }

    /// Sends `value` to the listener, if there is one.
    pub fn send(&self, value: T) {
        if let Some(listen) = lock(&self.0).as_ref() {
            listen(value);
        }
    }
}
