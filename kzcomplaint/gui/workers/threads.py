"""Slow work off the UI thread, with success and failure callbacks (Anki-style).

:func:`run_in_background` runs a plain function on Qt's global thread pool
and calls ``on_success(result)`` or ``on_failure(exception)`` back on the UI
thread. The function must not touch widgets; pass it copies of core objects.
A function that accepts a ``progress`` keyword gets a callable
``progress(done, total, detail=None)`` that is safe to call from the worker
thread; ``on_progress(done, total, detail)`` receives it on the UI thread
(``detail`` is the item just done, e.g. the result of a batch's case). A function
that should stop early takes its own cancel flag (``threading.Event``).
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries the worker's outcome to the UI thread.

    The relay lives in the UI thread and its own slots receive the worker's
    signals, so Qt queues them across threads and the callbacks run on the
    UI thread.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, object)

    def __init__(
        self,
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None],
        on_progress: Callable[[int, int, Any], None] | None,
        context: QObject | None = None,
    ) -> None:
        super().__init__()
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_progress = on_progress
        self._context = context
        self.succeeded.connect(self._succeeded)
        self.failed.connect(self._failed)
        self.progressed.connect(self._progressed)

    def _context_gone(self) -> bool:
        """The object the callbacks belong to was deleted meanwhile (a closed window): they must not run."""
        return self._context is not None and not shiboken6.isValid(self._context)

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        _running.discard(self)
        if not self._context_gone():
            self._on_success(result)

    @Slot(object)
    def _failed(self, error: object) -> None:
        _running.discard(self)
        if not self._context_gone():
            self._on_failure(error if isinstance(error, Exception) else RuntimeError(str(error)))

    def report(self, done: int, total: int, detail: object = None) -> None:
        """The worker's ``progress``: a signal, queued to the UI thread."""
        _emit(self, "progressed", done, total, detail)

    @Slot(int, int, object)
    def _progressed(self, done: int, total: int, detail: object) -> None:
        if self._on_progress is not None and not self._context_gone():
            self._on_progress(done, total, detail)


class _Task(QRunnable):
    def __init__(self, function: Callable[..., Any], relay: _Relay, wants_progress: bool) -> None:
        super().__init__()
        self._function = function
        self._relay = relay
        self._wants_progress = wants_progress

    def run(self) -> None:
        try:
            if self._wants_progress:
                result = self._function(progress=self._relay.report)
            else:
                result = self._function()
        except Exception as error:  # every failure goes to on_failure, never a traceback
            log.info("background task failed", exc_info=True)
            _emit(self._relay, "failed", error)
        else:
            _emit(self._relay, "succeeded", result)


def _emit(relay: QObject, signal: str, *values: object) -> None:
    """Report to the UI thread, unless the app has closed meanwhile (the relay is gone: nobody waits)."""
    try:
        getattr(relay, signal).emit(*values)
    except RuntimeError:  # "Signal source has been deleted": the app quit while the task ran
        log.info("a background task finished after the app closed")


_running: set[_Relay] = set()


def run_in_background(
    function: Callable[..., Any],
    *,
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
    on_progress: Callable[[int, int, Any], None] | None = None,
    context: QObject | None = None,
) -> None:
    """Run ``function`` on the thread pool; report back on the UI thread.

    With ``context``, the callbacks are dropped when that object has been
    deleted by the time the work is done (a window closed meanwhile).
    """
    relay = _Relay(on_success, on_failure, on_progress, context)
    _running.add(relay)
    wants_progress = "progress" in inspect.signature(function).parameters
    QThreadPool.globalInstance().start(_Task(function, relay, wants_progress))


def busy() -> bool:
    """Whether any background task has not reported back yet."""
    return bool(_running)


def wait_for_all(timeout_ms: int = 30_000) -> bool:
    """Block until the pool is idle (tests, shutdown); True when it is."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
