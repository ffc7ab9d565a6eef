//! What every fuzz target shares: stack overflows reported as crashes, with their input.
//!
//! Without a sanitizer nothing gives the main thread an alternate signal stack: Rust
//! sets one up in its own `main`, which libFuzzer's replaces. A stack overflow (deep
//! nesting in a recursive parser) then faults again inside libFuzzer's SIGSEGV handler,
//! which runs on the exhausted stack, and the kernel kills the process: the run fails
//! (exit 139) but the input is lost. [`report_stack_overflows`], called from
//! `LLVMFuzzerInitialize` (before libFuzzer installs its handlers), registers a 1 MB
//! alternate stack and a SIGSEGV handler on it that aborts. libFuzzer keeps
//! `SA_ONSTACK` for SIGSEGV and calls this handler first; the abort reaches libFuzzer's
//! SIGABRT handler, still on the alternate stack, which reports a deadly signal and
//! saves the input as `crash-…`.

use std::ptr;

const ALT_STACK_BYTES: usize = 1 << 20;

/// Makes a stack overflow in a target a crash that libFuzzer saves the input of.
pub fn report_stack_overflows() {
    let stack: &'static mut [u8] = Box::leak(vec![0u8; ALT_STACK_BYTES].into_boxed_slice());
    let alt = libc::stack_t {
        ss_sp: stack.as_mut_ptr().cast(),
        ss_flags: 0,
        ss_size: ALT_STACK_BYTES,
    };
    // SAFETY: `alt` describes a leaked buffer that lives as long as the process, and
    // the handler only calls async-signal-safe functions (write, abort).
    unsafe {
        assert_eq!(libc::sigaltstack(&alt, ptr::null_mut()), 0, "sigaltstack");
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_segv as *const () as usize;
        action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
        libc::sigemptyset(&mut action.sa_mask);
        assert_eq!(
            libc::sigaction(libc::SIGSEGV, &action, ptr::null_mut()),
            0,
            "sigaction"
        );
    }
}

extern "C" fn on_segv(
    _signal: libc::c_int,
    _info: *mut libc::siginfo_t,
    _context: *mut libc::c_void,
) {
    const MESSAGE: &[u8] =
        b"SIGSEGV (most likely a stack overflow): aborting so that libFuzzer keeps the input\n";
    // SAFETY: write(2) and abort(3) are async-signal-safe; MESSAGE is a static buffer.
    unsafe {
        libc::write(2, MESSAGE.as_ptr().cast(), MESSAGE.len());
        libc::abort();
    }
}
