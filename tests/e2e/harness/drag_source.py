#!/usr/bin/python3
"""A tiny X11 drag source: a GTK 3 window that offers files as `text/uri-list`.

Run by `harness/file_drag.py` with the system Python (it needs PyGObject and
GTK 3: Debian's `python3-gi` and `gir1.2-gtk-3.0`), on the test's display:

    drag_source.py --at X Y FILE...

It shows a small window at X,Y (there is no window manager under Xvfb, so the
position is honoured) and says on stdout, one line each, what happens, for the
test to wait on:

    ready X Y W H        the window is on the screen, at X,Y, W×H
    begin                a drag started (the button was pressed and moved)
    action NAME          the window under the pointer would take the drop as NAME
                         ("copy"), or would not ("none")
    dropped              the button was released over a target
    data URI...          the drop target asked for the data: these URIs were sent
    end                  the drag is over (dropped, or given up)
    failed REASON        GTK gave the drag up (no target, timeout, ...)

The drag itself is made with real pointer input (`xdotool`): press on this
window, move onto the app's window, release. GTK runs the XDND protocol with
the target; nothing is simulated inside the app. It exits after `end`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("Gdk", "3.0")
from gi.repository import Gdk, GLib, Gtk  # noqa: E402

URI_LIST = 0


def say(*words: object) -> None:
    print(*words, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--at", nargs=2, type=int, default=(0, 0), metavar=("X", "Y"))
    parser.add_argument("--size", nargs=2, type=int, default=(140, 80), metavar=("W", "H"))
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    uris = [path.resolve().as_uri() for path in args.files]

    window = Gtk.Window(title="earmark-e2e-drag-source")
    window.set_decorated(False)
    window.set_default_size(*args.size)
    window.move(*args.at)
    box = Gtk.EventBox()
    box.add(Gtk.Label(label="drag me"))
    window.add(box)

    box.drag_source_set(
        Gdk.ModifierType.BUTTON1_MASK,
        [Gtk.TargetEntry.new("text/uri-list", 0, URI_LIST)],
        Gdk.DragAction.COPY,
    )

    def on_get(_widget: Gtk.Widget, _context: Gdk.DragContext, data: Gtk.SelectionData, _info: int, _time: int) -> None:
        data.set_uris(uris)
        say("data", *uris)

    def on_failed(_widget: Gtk.Widget, _context: Gdk.DragContext, result: Gtk.DragResult) -> bool:
        say("failed", result.value_nick)
        return True  # no "snap back" animation to wait for

    def on_end(_widget: Gtk.Widget, _context: Gdk.DragContext) -> None:
        say("end")
        # Leave the main loop once GTK has finished with the drag.
        GLib.idle_add(Gtk.main_quit)

    def on_begin(_widget: Gtk.Widget, context: Gdk.DragContext) -> None:
        say("begin")
        # What the target answers while the pointer moves over it (XdndStatus).
        context.connect("action-changed", lambda _c, action: say("action", action.value_nicks[0] if action else "none"))
        context.connect("drop-performed", lambda *_: say("dropped"))

    box.connect("drag-begin", on_begin)
    box.connect("drag-data-get", on_get)
    box.connect("drag-failed", on_failed)
    box.connect("drag-end", on_end)
    window.connect("destroy", Gtk.main_quit)

    def on_mapped(*_: object) -> bool:
        x, y = window.get_position()
        width, height = window.get_size()
        say("ready", x, y, width, height)
        return False

    # Mapped: on the screen, taking pointer input (a "draw" handler would need
    # cairo's GI bindings, another package, for nothing).
    window.connect("map-event", lambda *_: GLib.idle_add(on_mapped) and False)
    window.show_all()
    Gtk.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
