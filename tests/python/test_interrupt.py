"""Ctrl-C: a SIGINT while zorgsim simulates (a notebook's "interrupt kernel") raises
KeyboardInterrupt within a second, and the simulation runs without the GIL meanwhile."""

import os
import signal
import threading
import time

import pytest
import zorgsim

from conftest import BASELINE, FIXTURES, ZERO_CLOSED


def interrupt_after(seconds):
    """Sends this process SIGINT after SECONDS; returns a list that gets the time it was sent."""
    sent = []

    def fire():
        sent.append(time.monotonic())
        os.kill(os.getpid(), signal.SIGINT)

    threading.Timer(seconds, fire).start()
    return sent


@pytest.mark.parametrize("what", ["run", "compare", "sweep", "long replication"])
def test_sigint_raises_keyboard_interrupt_within_a_second(what):
    baseline = zorgsim.load(BASELINE)
    calls = {
        "run": lambda: zorgsim.run(baseline, replications=100_000, threads=2),
        "compare": lambda: zorgsim.compare(baseline, ZERO_CLOSED, replications=50_000),
        "sweep": lambda: zorgsim.sweep(baseline, {"seed": [1, 2]}, replications=100_000),
        # One replication that takes many seconds: the stop must reach it in flight.
        "long replication": lambda: zorgsim.run(FIXTURES / "long-replication.yaml"),
    }
    sent = interrupt_after(0.8)
    with pytest.raises(KeyboardInterrupt):
        calls[what]()
    stopped = time.monotonic()
    assert sent, "the run ended before it could be interrupted"
    assert stopped - sent[0] < 1.0, f"KeyboardInterrupt came {stopped - sent[0]:.2f} s after SIGINT"


def test_the_gil_is_released_while_simulating():
    counted = [0]
    running = threading.Event()

    def count():
        while not running.is_set():
            pass
        while running.is_set():
            counted[0] += 1

    counter = threading.Thread(target=count)
    counter.start()
    running.set()
    started = time.monotonic()
    zorgsim.run(BASELINE, replications=40, threads=1)
    elapsed = time.monotonic() - started
    running.clear()
    counter.join()
    # Holding the GIL for the whole run would leave the counter at (nearly) nothing.
    assert elapsed > 0.2 and counted[0] > 10_000, (elapsed, counted[0])


def test_a_run_after_an_interrupt_gives_the_same_figures():
    before = zorgsim.run(FIXTURES / "mmc-short.yaml", replications=3).summary_json
    interrupt_after(0.3)
    with pytest.raises(KeyboardInterrupt):
        zorgsim.run(BASELINE, replications=100_000)
    assert zorgsim.run(FIXTURES / "mmc-short.yaml", replications=3).summary_json == before
