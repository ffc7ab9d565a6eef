//! Shared state behind a lock, taken back from a job that panicked while holding it:
//! the library's writes are transactions (a panic rolls back) and the queues hold
//! plain values, so what a panic leaves is consistent, and refusing every later use
//! would be the larger harm.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Locks `mutex`, recovering it from a panicked holder (see the module notes).
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
