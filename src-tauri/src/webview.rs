//! How the window's web view draws. On Linux, WebKitGTK composites the page
//! with OpenGL; on a machine without a GPU that is Mesa's software renderer, and
//! the first frame of new content (a show's page of 100 episodes) took 260–420 ms
//! instead of 20–50 ms. Earmark's pages are text with no 3D or video, so the web
//! view draws without accelerated compositing everywhere (docs/decisions.md).
//!
//! It also keeps only what one local page needs: WebKit's document-viewer cache
//! model (no memory cache of other pages' resources) and no back-forward cache, as
//! WebKit advises for applications that are not browsers (docs/benchmarks.md, "A
//! lean start").

use tauri::{Runtime, WebviewWindow};

/// Sets up how `window`'s web view renders; a failure only costs speed.
pub fn configure<R: Runtime>(window: &WebviewWindow<R>) {
    #[cfg(target_os = "linux")]
    {
        let outcome = window.with_webview(|webview| {
            use webkit2gtk::{
                CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
            };
            let view = webview.inner();
            if let Some(context) = view.context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
            if let Some(settings) = WebViewExt::settings(&view) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
                settings.set_enable_page_cache(false);
            }
        });
        if let Err(e) = outcome {
            eprintln!("earmark: could not configure the web view: {e}");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
