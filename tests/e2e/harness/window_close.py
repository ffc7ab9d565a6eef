"""Closing the app's window the way a person does: with the window's close button.

The close button belongs to the window manager, which answers a click on it by
sending the window a `WM_DELETE_WINDOW` message (ICCCM §4.2.8.1); the app then
closes as it would on any desktop (GTK's delete-event, Tauri's CloseRequested,
the last window gone, the app's exit). There is no window manager under Xvfb, so
the harness sends that message itself, with Xlib through ctypes: the window is
found by the app's process id (`_NET_WM_PID`, set by GTK) with `xdotool`.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import subprocess
from collections.abc import Mapping

from .processes import wait_for

_CLIENT_MESSAGE = 33  # X.h
_NO_EVENT_MASK = 0


class _XClientMessageEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [("xclient", _XClientMessageEvent), ("pad", ctypes.c_long * 24)]


def _xlib() -> ctypes.CDLL:
    name = ctypes.util.find_library("X11")
    if name is None:
        raise FileNotFoundError("libX11 not found (Debian: libx11-6)")
    x11 = ctypes.CDLL(name)
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
    x11.XSendEvent.restype = ctypes.c_int
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    return x11


def app_window(display_env: Mapping[str, str], pid: int, timeout: float = 10.0) -> int:
    """The X window id of the visible top-level window of process `pid`."""
    env = {**os.environ, **display_env}

    def found() -> int | None:
        done = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
            env=env, capture_output=True, text=True, timeout=10,
        )  # fmt: skip
        windows = done.stdout.split()
        return int(windows[0]) if done.returncode == 0 and windows else None

    return wait_for(found, timeout, f"no visible window of process {pid}")


def click_close_button(display_env: Mapping[str, str], pid: int) -> None:
    """Asks the window of process `pid` to close, as its close button does."""
    window = app_window(display_env, pid)
    x11 = _xlib()
    display = x11.XOpenDisplay(display_env["DISPLAY"].encode())
    if not display:
        raise RuntimeError(f"cannot open display {display_env['DISPLAY']}")
    try:
        event = _XEvent()
        event.xclient.type = _CLIENT_MESSAGE
        event.xclient.window = window
        event.xclient.message_type = x11.XInternAtom(display, b"WM_PROTOCOLS", False)
        event.xclient.format = 32
        event.xclient.data[0] = x11.XInternAtom(display, b"WM_DELETE_WINDOW", False)
        event.xclient.data[1] = 0  # CurrentTime
        if not x11.XSendEvent(display, window, False, _NO_EVENT_MASK, ctypes.byref(event)):
            raise RuntimeError(f"could not send WM_DELETE_WINDOW to window {window:#x}")
        x11.XFlush(display)
    finally:
        x11.XCloseDisplay(display)
