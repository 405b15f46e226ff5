"""A headless Chromium driven through the DevTools protocol over a pipe, with the standard
library only: the browser tests of the coalition page and of the diagrams use it.

Chromium started with ``--remote-debugging-pipe`` reads commands on its file descriptor
3 and writes answers and events on 4, each a JSON message ended by a NUL byte.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

#: The names a Chromium binary goes by (Debian: ``chromium``).
NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def find_chromium() -> str | None:
    """The path of a Chromium binary, or None."""
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


class BrowserError(RuntimeError):
    """The browser answered a command with an error, or did not answer in time."""


class Browser:
    """One headless Chromium and one page in it."""

    def __init__(self, binary: str, *, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self._profile = tempfile.mkdtemp(prefix="coalitions-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        # the pipe ends the browser reads and writes, out of the way of 3 and 4; a shell
        # (bash: fd numbers above 9) moves them onto 3 and 4 for it, without Python code
        # between fork and exec
        inp = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
        out = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
        args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--hide-scrollbars",
            "--remote-debugging-pipe",
            f"--user-data-dir={self._profile}",
            "about:blank",
        ]
        self._proc = subprocess.Popen(
            [
                shutil.which("bash") or "/bin/bash",
                "-c",
                f'exec "$0" "$@" 3<&{inp} 4>&{out} {inp}<&- {out}>&-',
                binary,
                *args,
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(inp, out),
        )
        os.close(inp)
        os.close(out)
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.call(
            "Page.addScriptToEvaluateOnNewDocument",
            source="window.__alerts = 0; window.alert = function () { window.__alerts++; };",
        )

    # -- the protocol

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise BrowserError("no answer from Chromium in time")
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise BrowserError("Chromium closed its pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return dict(json.loads(message))

    def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send a command and wait for its answer (events met meanwhile are kept)."""
        self._next += 1
        ident = self._next
        message: dict[str, Any] = {"id": ident, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode("utf-8") + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == ident:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error']}")
                return dict(answer.get("result", {}))
            self.events.append(answer)

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """A command to the page."""
        return self.send(method, self.session, **params)

    def wait_for(self, event: str) -> dict[str, Any]:
        """Wait for an event of the page."""
        deadline = time.monotonic() + self.timeout
        while True:
            for i, e in enumerate(self.events):
                if e.get("method") == event:
                    return self.events.pop(i)
            if time.monotonic() > deadline:
                raise BrowserError(f"no {event} in time")
            self.events.append(self._read())

    # -- what the tests do

    def open(self, path: Path, *, width: int = 1000, height: int = 900) -> None:
        """Show the file at ``path`` in a window ``width`` by ``height`` pixels."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.events.clear()
        self.call("Page.navigate", url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")

    def eval(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element."""
        box = self.eval(
            f"(function () {{ var e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'}); var r = e.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2]; }())"
        )
        x, y = box
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def press(self, selector: str, key: str) -> None:
        """Focus the element and press ``key`` (``"Enter"`` or ``" "``)."""
        self.eval(f"document.querySelector({json.dumps(selector)}).focus()")
        code, vk, text = ("Enter", 13, "\r") if key == "Enter" else ("Space", 32, " ")
        self.call(
            "Input.dispatchKeyEvent",
            type="keyDown",
            key=key,
            code=code,
            windowsVirtualKeyCode=vk,
            text=text,
        )
        self.call(
            "Input.dispatchKeyEvent", type="keyUp", key=key, code=code, windowsVirtualKeyCode=vk
        )

    def close(self) -> None:
        """Close the browser and remove its profile."""
        with contextlib.suppress(BrowserError, OSError):
            self.send("Browser.close")
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        for fd in (self._to_child, self._from_child):
            with contextlib.suppress(OSError):
                os.close(fd)
        shutil.rmtree(self._profile, ignore_errors=True)
