"""The page as WebKit paints it, saved as a PNG.

WebKit's snapshot (WebDriver's "take screenshot") waits for the page's next
paint. The app draws without accelerated compositing (src-tauri/src/webview.rs),
and then an idle page paints nothing more: the snapshot would wait for ever. So a
1-pixel element, nearly transparent, is changed on every animation frame while the
snapshot is taken, and removed after.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from selenium.webdriver.remote.webdriver import WebDriver

_START = """
const done = arguments[arguments.length - 1];
if (arguments[0] && document.activeElement) document.activeElement.blur();
let dot = document.getElementById("e2e-paint");
if (!dot) {
  dot = document.createElement("div");
  dot.id = "e2e-paint";
  dot.style.cssText = "position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;opacity:0.01";
  document.body.append(dot);
}
window.__e2ePainting = true;
const tick = () => {
  if (!window.__e2ePainting) return dot.remove();
  dot.style.opacity = dot.style.opacity === "0.01" ? "0.02" : "0.01";
  requestAnimationFrame(tick);
};
// Two frames first: what the test just did is painted.
requestAnimationFrame(() => requestAnimationFrame(() => { tick(); done(); }));
"""
_STOP = "window.__e2ePainting = false;"


def save_page_screenshot(driver: WebDriver, path: Path, blur: bool = False) -> bool:
    """Saves the page as painted now (focus taken away first with `blur`); True when saved."""
    driver.execute_async_script(_START, blur)
    try:
        return driver.get_screenshot_as_file(str(path))
    finally:
        with contextlib.suppress(Exception):
            driver.execute_script(_STOP)
