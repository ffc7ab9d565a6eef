//! Debian's PocketSphinx (`libpocketsphinx3` 0.8+5prealpha and its `libsphinxbase3`),
//! opened at run time: the functions the acoustic check calls, looked up once.
//!
//! The library is optional (the .deb recommends it), so it is opened with
//! `libloading` rather than linked: without it, [`api`] is `None` and alignment
//! works as before. The signatures are those of the 5prealpha headers (`fe.h`,
//! `cmd_ln.h`, `pocketsphinx.h`); `mfcc_t` is `float` in Debian's build.

use std::ffi::{c_char, c_int, c_void};
use std::ptr::NonNull;
use std::sync::OnceLock;

use libloading::Library;

/// Where the en-US acoustic model, dictionary and front-end parameters are.
pub const MODEL_DIR: &str = "/usr/share/pocketsphinx/model/en-us";

/// One cepstral value (`mfcc_t`).
pub type Mfcc = f32;

type Opaque = *mut c_void;

/// The functions of the two libraries, kept with the libraries they came from.
pub struct Api {
    pub cmd_ln_parse_r:
        unsafe extern "C" fn(Opaque, *const c_void, i32, *const *const c_char, i32) -> Opaque,
    pub cmd_ln_free_r: unsafe extern "C" fn(Opaque) -> i32,
    pub err_set_logfile: unsafe extern "C" fn(*const c_char) -> c_int,
    pub ckd_free: unsafe extern "C" fn(Opaque),
    pub fe_get_args: unsafe extern "C" fn() -> *const c_void,
    pub fe_init_auto_r: unsafe extern "C" fn(Opaque) -> Opaque,
    pub fe_start_utt: unsafe extern "C" fn(Opaque) -> c_int,
    pub fe_process_frames: unsafe extern "C" fn(
        Opaque,
        *mut *const i16,
        *mut usize,
        *mut *mut Mfcc,
        *mut i32,
        *mut i32,
    ) -> c_int,
    pub fe_end_utt: unsafe extern "C" fn(Opaque, *mut Mfcc, *mut i32) -> c_int,
    pub fe_get_output_size: unsafe extern "C" fn(Opaque) -> c_int,
    pub fe_free: unsafe extern "C" fn(Opaque) -> c_int,
    pub ps_args: unsafe extern "C" fn() -> *const c_void,
    pub ps_init: unsafe extern "C" fn(Opaque) -> Opaque,
    pub ps_free: unsafe extern "C" fn(Opaque) -> c_int,
    pub ps_lookup_word: unsafe extern "C" fn(Opaque, *const c_char) -> *mut c_char,
    pub ps_set_jsgf_string: unsafe extern "C" fn(Opaque, *const c_char, *const c_char) -> c_int,
    pub ps_set_search: unsafe extern "C" fn(Opaque, *const c_char) -> c_int,
    pub ps_unset_search: unsafe extern "C" fn(Opaque, *const c_char) -> c_int,
    pub ps_start_utt: unsafe extern "C" fn(Opaque) -> c_int,
    pub ps_process_cep: unsafe extern "C" fn(Opaque, *mut *mut Mfcc, c_int, c_int, c_int) -> c_int,
    pub ps_end_utt: unsafe extern "C" fn(Opaque) -> c_int,
    pub ps_get_hyp: unsafe extern "C" fn(Opaque, *mut i32) -> *const c_char,
    pub ps_seg_iter: unsafe extern "C" fn(Opaque) -> Opaque,
    pub ps_seg_next: unsafe extern "C" fn(Opaque) -> Opaque,
    pub ps_seg_word: unsafe extern "C" fn(Opaque) -> *const c_char,
    pub ps_seg_frames: unsafe extern "C" fn(Opaque, *mut c_int, *mut c_int),
    pub ps_seg_prob: unsafe extern "C" fn(Opaque, *mut i32, *mut i32, *mut i32) -> i32,
    _sphinxbase: Library,
    _pocketsphinx: Library,
}

/// The libraries' functions, or `None` when the libraries or the model are not
/// installed. Opened on the first call; the libraries' own log goes to `/dev/null`.
pub fn api() -> Option<&'static Api> {
    static API: OnceLock<Option<Api>> = OnceLock::new();
    API.get_or_init(|| {
        if !std::path::Path::new(MODEL_DIR).is_dir() {
            return None;
        }
        // SAFETY: the two libraries are Debian's, whose initialisers only set up
        // their own state; each symbol is given its C signature from the headers.
        unsafe { open() }.ok()
    })
    .as_ref()
}

/// # Safety
/// Loads the two libraries (their initialisers run) and trusts the signatures above.
unsafe fn open() -> Result<Api, libloading::Error> {
    // SAFETY: as the caller promised; the log file name is a C string.
    unsafe {
        let sphinxbase = Library::new("libsphinxbase.so.3")?;
        let pocketsphinx = Library::new("libpocketsphinx.so.3")?;
        let api = Api {
            cmd_ln_parse_r: *sphinxbase.get(b"cmd_ln_parse_r\0")?,
            cmd_ln_free_r: *sphinxbase.get(b"cmd_ln_free_r\0")?,
            err_set_logfile: *sphinxbase.get(b"err_set_logfile\0")?,
            ckd_free: *sphinxbase.get(b"ckd_free\0")?,
            fe_get_args: *sphinxbase.get(b"fe_get_args\0")?,
            fe_init_auto_r: *sphinxbase.get(b"fe_init_auto_r\0")?,
            fe_start_utt: *sphinxbase.get(b"fe_start_utt\0")?,
            fe_process_frames: *sphinxbase.get(b"fe_process_frames\0")?,
            fe_end_utt: *sphinxbase.get(b"fe_end_utt\0")?,
            fe_get_output_size: *sphinxbase.get(b"fe_get_output_size\0")?,
            fe_free: *sphinxbase.get(b"fe_free\0")?,
            ps_args: *pocketsphinx.get(b"ps_args\0")?,
            ps_init: *pocketsphinx.get(b"ps_init\0")?,
            ps_free: *pocketsphinx.get(b"ps_free\0")?,
            ps_lookup_word: *pocketsphinx.get(b"ps_lookup_word\0")?,
            ps_set_jsgf_string: *pocketsphinx.get(b"ps_set_jsgf_string\0")?,
            ps_set_search: *pocketsphinx.get(b"ps_set_search\0")?,
            ps_unset_search: *pocketsphinx.get(b"ps_unset_search\0")?,
            ps_start_utt: *pocketsphinx.get(b"ps_start_utt\0")?,
            ps_process_cep: *pocketsphinx.get(b"ps_process_cep\0")?,
            ps_end_utt: *pocketsphinx.get(b"ps_end_utt\0")?,
            ps_get_hyp: *pocketsphinx.get(b"ps_get_hyp\0")?,
            ps_seg_iter: *pocketsphinx.get(b"ps_seg_iter\0")?,
            ps_seg_next: *pocketsphinx.get(b"ps_seg_next\0")?,
            ps_seg_word: *pocketsphinx.get(b"ps_seg_word\0")?,
            ps_seg_frames: *pocketsphinx.get(b"ps_seg_frames\0")?,
            ps_seg_prob: *pocketsphinx.get(b"ps_seg_prob\0")?,
            _sphinxbase: sphinxbase,
            _pocketsphinx: pocketsphinx,
        };
        // The libraries log every step to stderr unless told otherwise (a real file:
        // they print to it unchecked).
        (api.err_set_logfile)(c"/dev/null".as_ptr());
        Ok(api)
    }
}

/// An object of the library made by `init` from a configuration parsed from
/// `args` against `definitions` (not strict: arguments another part of the library
/// reads are passed over); `None` when either fails. The configuration is freed
/// again: the object holds its own reference to it.
///
/// # Safety
/// `definitions` must be the argument table `init` reads (`fe_get_args` for
/// `fe_init_auto_r`, `ps_args` for `ps_init`).
pub unsafe fn create(
    api: &Api,
    definitions: *const c_void,
    args: &[String],
    init: unsafe extern "C" fn(Opaque) -> Opaque,
) -> Option<NonNull<c_void>> {
    let owned: Vec<std::ffi::CString> = args
        .iter()
        .filter_map(|a| std::ffi::CString::new(a.as_str()).ok())
        .collect();
    let pointers: Vec<*const c_char> = owned.iter().map(|a| a.as_ptr()).collect();
    // SAFETY: `pointers` holds `len` C strings that outlive the call (the library
    // copies the values it keeps); the table and `init` match, as the caller
    // promised; the configuration is released once, after `init` retained it.
    unsafe {
        let config = (api.cmd_ln_parse_r)(
            std::ptr::null_mut(),
            definitions,
            pointers.len() as i32,
            pointers.as_ptr(),
            0,
        );
        if config.is_null() {
            return None;
        }
        let made = init(config);
        (api.cmd_ln_free_r)(config);
        NonNull::new(made)
    }
}
