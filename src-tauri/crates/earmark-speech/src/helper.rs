//! The helper process that runs the recogniser: started, fed chunks, read, and
//! killed on cancel.
//!
//! The helper's source (`helper/earmark_transcriber.py`) is built into this crate
//! and run with `python -c`, so only a Python with faster-whisper has to be found
//! ([`crate::locate`]). The protocol is in the script's documentation: a first
//! line `{"ready": …}` or `{"error": CODE, "message": …}`, then per chunk a JSON
//! header line and the raw 16 kHz mono float32 samples on stdin, and one JSON line
//! with the chunk's segments and words on stdout.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

use serde::Deserialize;

use crate::chunks::Chunk;
use crate::error::HelperSaid;
use crate::SpeechError;

/// The helper's source, run with `python -c`.
pub const HELPER_SOURCE: &str = include_str!("../helper/earmark_transcriber.py");

/// How often a wait for the helper looks at the cancel flag.
const CANCEL_POLL: Duration = Duration::from_millis(50);

/// One word the recogniser heard, times in milliseconds from its chunk's start.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct HeardWord {
    /// Where the word starts.
    pub start_ms: u64,
    /// Where the word ends.
    pub end_ms: u64,
    /// The word, with any punctuation the recogniser wrote after it.
    pub text: String,
    /// How sure the recogniser is of it, 0 to 1.
    #[serde(default)]
    pub probability: f32,
}

/// One stretch of speech the recogniser heard (a Whisper segment).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct HeardSegment {
    /// Where it starts, from its chunk's start.
    pub start_ms: u64,
    /// Where it ends, from its chunk's start.
    pub end_ms: u64,
    /// Its text.
    pub text: String,
    /// Its words.
    #[serde(default)]
    pub words: Vec<HeardWord>,
}

/// A line the helper writes on stdout.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum HelperLine {
    Failed {
        error: String,
        #[serde(flatten)]
        said: HelperSaid,
    },
    Ready {
        ready: bool,
    },
    Heard {
        chunk: usize,
        segments: Vec<HeardSegment>,
    },
}

/// How to start the helper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelperSettings {
    /// The Python with faster-whisper that runs the helper.
    pub python: PathBuf,
    /// A CTranslate2 Whisper model directory; `None` for the installed tiny.en.
    pub model: Option<PathBuf>,
    /// The episode's language (ISO 639-1, e.g. `en`).
    pub language: String,
    /// Threads the recogniser may use.
    pub threads: usize,
}

/// A running helper, ready for chunks. Killed when dropped.
#[derive(Debug)]
pub struct Helper {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
    stderr: Option<JoinHandle<String>>,
}

impl Helper {
    /// Starts the helper and waits until its model is loaded. `Ok(None)` when
    /// `cancel` was set meanwhile (the helper is then killed).
    pub fn start(
        settings: &HelperSettings,
        cancel: &AtomicBool,
    ) -> Result<Option<Self>, SpeechError> {
        let mut command = Command::new(&settings.python);
        command
            .arg("-c")
            .arg(HELPER_SOURCE)
            .arg("--language")
            .arg(&settings.language)
            .arg("--threads")
            .arg(settings.threads.max(1).to_string())
            // Nothing is ever fetched: the model is a local directory.
            .env("HF_HUB_OFFLINE", "1")
            .env("PYTHONUNBUFFERED", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(model) = &settings.model {
            command.arg("--model").arg(model);
        }
        let mut child = command.spawn().map_err(|source| SpeechError::Start {
            program: settings.python.clone(),
            source,
        })?;
        let stdin = child.stdin.take();
        let lines = spawn_line_reader(child.stdout.take());
        let stderr = child.stderr.take().map(|mut err| {
            std::thread::spawn(move || {
                let mut text = String::new();
                let _ = err.read_to_string(&mut text);
                text
            })
        });
        let mut helper = Helper {
            child,
            stdin,
            lines,
            stderr,
        };
        match helper.next_line(cancel)? {
            None => Ok(None),
            Some(HelperLine::Ready { ready: true }) => Ok(Some(helper)),
            Some(HelperLine::Failed { error, said }) => Err(SpeechError::from_helper(&error, said)),
            Some(other) => Err(SpeechError::HelperFailed(format!(
                "it answered {other:?} instead of being ready."
            ))),
        }
    }

    /// The helper's process id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Sends `chunk` and waits for what was heard in it, times relative to the
    /// chunk. `Ok(None)` when `cancel` was set meanwhile (the helper is killed).
    pub fn transcribe(
        &mut self,
        chunk: &Chunk,
        cancel: &AtomicBool,
    ) -> Result<Option<Vec<HeardSegment>>, SpeechError> {
        self.send(chunk)?;
        match self.next_line(cancel)? {
            None => Ok(None),
            Some(HelperLine::Heard {
                chunk: index,
                segments,
            }) if index == chunk.index => Ok(Some(segments)),
            Some(HelperLine::Failed { error, said }) => Err(SpeechError::from_helper(&error, said)),
            Some(other) => Err(SpeechError::HelperFailed(format!(
                "it answered {other:?} for chunk {}.",
                chunk.index
            ))),
        }
    }

    /// Closes the helper's input and waits for it to exit.
    pub fn finish(mut self) -> Result<(), SpeechError> {
        drop(self.stdin.take());
        let status = self
            .child
            .wait()
            .map_err(|e| SpeechError::HelperFailed(format!("{e}.")))?;
        if status.success() {
            Ok(())
        } else {
            Err(SpeechError::HelperFailed(self.failure(&status.to_string())))
        }
    }

    fn send(&mut self, chunk: &Chunk) -> Result<(), SpeechError> {
        let header = serde_json::json!({
            "chunk": chunk.index,
            "offset_ms": chunk.offset_ms(),
            "samples": chunk.samples.len(),
        });
        let mut bytes = Vec::with_capacity(chunk.samples.len() * 4 + 64);
        bytes.extend_from_slice(header.to_string().as_bytes());
        bytes.push(b'\n');
        for sample in &chunk.samples {
            bytes.extend_from_slice(&sample.to_le_bytes());
        }
        let written = match self.stdin.as_mut() {
            Some(stdin) => stdin.write_all(&bytes).and_then(|()| stdin.flush()),
            None => Err(std::io::ErrorKind::BrokenPipe.into()),
        };
        written.map_err(|e| SpeechError::HelperFailed(self.failure(&e.to_string())))
    }

    /// The next line the helper writes; `None` when cancelled first.
    fn next_line(&mut self, cancel: &AtomicBool) -> Result<Option<HelperLine>, SpeechError> {
        loop {
            if cancel.load(Ordering::Relaxed) {
                self.kill();
                return Ok(None);
            }
            match self.lines.recv_timeout(CANCEL_POLL) {
                Ok(line) => {
                    return serde_json::from_str(&line).map(Some).map_err(|e| {
                        SpeechError::HelperFailed(format!(
                            "it wrote {line:?}, which is not its protocol ({e})."
                        ))
                    })
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    let status = self.child.wait().map(|s| s.to_string()).unwrap_or_default();
                    return Err(SpeechError::HelperFailed(self.failure(&status)));
                }
            }
        }
    }

    /// Why the helper failed, with the end of what it wrote on stderr.
    fn failure(&mut self, what: &str) -> String {
        drop(self.stdin.take());
        self.kill();
        let stderr = self
            .stderr
            .take()
            .and_then(|handle| handle.join().ok())
            .unwrap_or_default();
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        if last.is_empty() {
            format!("{what}.")
        } else {
            format!("{what}: {}", last.trim())
        }
    }

    fn kill(&mut self) {
        // Already exited is fine; either way it is reaped.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Helper {
    fn drop(&mut self) {
        drop(self.stdin.take());
        self.kill();
    }
}

/// Reads the helper's stdout line by line on a thread, so waits can be cancelled.
fn spawn_line_reader(stdout: Option<impl Read + Send + 'static>) -> Receiver<String> {
    let (sender, receiver) = mpsc::channel();
    if let Some(stdout) = stdout {
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
    }
    receiver
}
