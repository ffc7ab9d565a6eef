//! The one error that crosses the IPC boundary: `{code, message}`, the message a
//! sentence the user understands ([`earmark_api::error_report`], where every error of
//! the crates below turns into one).

/// An error returned to the window.
pub use earmark_api::error_report::ErrorReport as IpcError;

/// Result of a command.
pub type IpcResult<T> = Result<T, IpcError>;
