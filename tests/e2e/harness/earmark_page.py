"""The app's DOM contract, and waits on it.

The UI promises these hooks (tests depend on nothing else):

- `[data-testid="library"]` holds `[data-testid="episode-item"]` elements, each
  with `data-episode-id`.
- `[data-testid="episode-title"]`: the open episode's title.
- `[data-testid="segment"]`: one transcript line each, with `data-index`,
  `data-start-ms`, `data-end-ms`; the line being played has the class
  `is-current` and `aria-current="true"`.
- `[data-testid="play-toggle"]`: a button whose `data-state` is "playing" or
  "paused".
- `[data-testid="position"]`: its `data-ms` is the media position in ms
  (updated about 10 times a second).
- `[data-testid="notice"]`: messages such as "No audio output device found".

Every wait is on a condition (Selenium's WebDriverWait), never a fixed sleep.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from selenium.common.exceptions import NoSuchFrameException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.wait import WebDriverWait

T = TypeVar("T")

LIBRARY = '[data-testid="library"]'
EPISODE_ITEM = '[data-testid="episode-item"]'
EPISODE_TITLE = '[data-testid="episode-title"]'
SEGMENT = '[data-testid="segment"]'
CURRENT_SEGMENT = '[data-testid="segment"].is-current'
PLAY_TOGGLE = '[data-testid="play-toggle"]'
POSITION = '[data-testid="position"]'
NOTICE = '[data-testid="notice"]'

DEFAULT_TIMEOUT = 15.0


@dataclass(frozen=True)
class Segment:
    """A transcript line as the page shows it."""

    index: int
    start_ms: int
    end_ms: int
    text: str


@dataclass(frozen=True)
class PlaybackSnapshot:
    """The position and the lit line, read in one script call (no race between them)."""

    position_ms: float
    state: str | None
    current: Segment | None


# Reads the position, the play state and the current line atomically.
_SNAPSHOT_JS = f"""
const position = document.querySelector('{POSITION}');
const toggle = document.querySelector('{PLAY_TOGGLE}');
const current = document.querySelector('{CURRENT_SEGMENT}');
return {{
  position: position ? position.getAttribute('data-ms') : null,
  state: toggle ? toggle.getAttribute('data-state') : null,
  current: current ? {{
    index: current.getAttribute('data-index'),
    start: current.getAttribute('data-start-ms'),
    end: current.getAttribute('data-end-ms'),
    text: current.textContent,
  }} : null,
}};
"""


class EarmarkPage:
    """The app's window, seen through the DOM contract."""

    def __init__(self, driver: WebDriver, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.driver = driver
        self.timeout = timeout

    # --- waiting -----------------------------------------------------------

    def wait_until(self, condition: Callable[[WebDriver], T], message: str, timeout: float | None = None) -> T:
        """Wait until `condition(driver)` is truthy; return its value. An element the
        page re-rendered while the condition read it, or a page that was reloading
        (WebKit's "no such frame: … before the unload event"), counts as not yet."""
        return WebDriverWait(
            self.driver,
            timeout or self.timeout,
            poll_frequency=0.05,
            ignored_exceptions=[StaleElementReferenceException, NoSuchFrameException],
        ).until(condition, message)

    def wait_visible(self, css: str, timeout: float | None = None) -> WebElement:
        return self.wait_until(ec.visibility_of_element_located((By.CSS_SELECTOR, css)), f"{css} not visible", timeout)

    # --- reading -----------------------------------------------------------

    def find_all(self, css: str) -> list[WebElement]:
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def title(self) -> str:
        return self.wait_visible(EPISODE_TITLE).text.strip()

    def episode_items(self) -> list[WebElement]:
        self.wait_visible(LIBRARY)
        return self.find_all(f"{LIBRARY} {EPISODE_ITEM}")

    def segments(self, at_least: int = 1, timeout: float | None = None) -> list[WebElement]:
        """The transcript lines, once at least `at_least` of them are listed."""
        return self.wait_until(
            lambda d: found if len(found := d.find_elements(By.CSS_SELECTOR, SEGMENT)) >= at_least else False,
            f"fewer than {at_least} transcript segments listed",
            timeout,
        )

    def segment_texts(self, at_least: int = 1, timeout: float | None = None) -> list[str]:
        """The transcript lines' texts, once at least `at_least` are listed, read in
        one script call: the list may be redrawn between two reads of its elements."""
        self.segments(at_least, timeout)
        return self.driver.execute_script(
            "return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim())", SEGMENT
        )

    @staticmethod
    def segment_of(element: WebElement) -> Segment:
        return Segment(
            index=int(element.get_attribute("data-index")),
            start_ms=int(float(element.get_attribute("data-start-ms"))),
            end_ms=int(float(element.get_attribute("data-end-ms"))),
            text=element.text.strip(),
        )

    def position_ms(self) -> float:
        value = self.driver.find_element(By.CSS_SELECTOR, POSITION).get_attribute("data-ms")
        return float(value) if value not in (None, "") else float("nan")

    def settled_position_ms(self, timeout: float = 5.0) -> float:
        """The shown position once it has stopped moving (paused: the engine's
        paused snapshot has reached the page), read across two animation frames."""

        def settled(_: object) -> float | bool:
            before, after = self.driver.execute_async_script(
                """
                const done = arguments[arguments.length - 1];
                const read = () => document.querySelector(arguments[0]).getAttribute('data-ms');
                const first = read();
                requestAnimationFrame(() => requestAnimationFrame(() => done([first, read()])));
                """,
                POSITION,
            )
            return float(after) if before == after and after not in (None, "") else False

        return self.wait_until(settled, "the shown position did not settle", timeout)

    def play_state(self) -> str | None:
        return self.driver.find_element(By.CSS_SELECTOR, PLAY_TOGGLE).get_attribute("data-state")

    def snapshot(self) -> PlaybackSnapshot:
        raw = self.driver.execute_script(_SNAPSHOT_JS)
        current = raw["current"]
        return PlaybackSnapshot(
            position_ms=float(raw["position"]) if raw["position"] not in (None, "") else float("nan"),
            state=raw["state"],
            current=Segment(
                index=int(current["index"]),
                start_ms=int(float(current["start"])),
                end_ms=int(float(current["end"])),
                text=(current["text"] or "").strip(),
            )
            if current
            else None,
        )

    def notice_text(self) -> str:
        return self.wait_visible(NOTICE).text.strip()

    def notice_now(self) -> str:
        """The notice's text as it is now: "" while it is hidden (no waiting, so it can
        be polled by a longer wait)."""
        return self.driver.execute_script(
            "const n = document.querySelector(arguments[0]); return n && !n.hidden ? n.textContent.trim() : '';",
            NOTICE,
        )

    # --- acting ------------------------------------------------------------

    def scroll_into_view(self, element: WebElement) -> WebElement:
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        return element

    def click_play_toggle(self) -> None:
        self.wait_until(ec.element_to_be_clickable((By.CSS_SELECTOR, PLAY_TOGGLE)), "play toggle not clickable").click()

    def click_segment(self, element: WebElement) -> None:
        """Scrolls the line into view, waits until it stops moving, clicks its middle.

        The transcript is virtualized: rows scrolled into view are measured and the
        rows around them settle to their real heights, so a click aimed before that
        could land on a neighbour.
        """
        self.scroll_into_view(element)
        self.wait_until(ec.element_to_be_clickable(element), "segment not clickable")
        last: list[object] = [None]

        def settled(_: WebDriver) -> bool:
            rect = element.rect
            still = rect == last[0]
            last[0] = rect
            return still

        self.wait_until(settled, "the line kept moving after it was scrolled into view")
        element.click()

    def play_from_line(self, index: int, for_ms: int = 300) -> Segment:
        """Clicks line `index` and waits until it has played `for_ms`; returns the line."""
        element = self.segments(at_least=index + 1)[index]
        line = self.segment_of(element)
        self.click_segment(element)
        self.wait_for_state("playing")
        self.wait_for_position_past(line.start_ms + for_ms)
        return line

    def pause(self) -> float:
        """Pauses with the play toggle; returns the position it paused at, once shown."""
        self.click_play_toggle()
        self.wait_for_state("paused")
        return self.settled_position_ms()

    def wait_for_state(self, state: str, timeout: float | None = None) -> None:
        try:
            self.wait_until(lambda d: self.play_state() == state, "", timeout)
        except TimeoutException:
            raise AssertionError(
                f"play toggle never reached data-state={state!r} (it is {self.play_state()!r})"
            ) from None

    def wait_for_position_past(self, ms: float, timeout: float | None = None) -> float:
        """Wait until the shown position exceeds `ms` (>= 0); return it."""
        try:
            return self.wait_until(lambda d: p if (p := self.position_ms()) > ms else False, "", timeout)
        except TimeoutException:
            raise AssertionError(f"position never passed {ms} ms (it is {self.position_ms()} ms)") from None
