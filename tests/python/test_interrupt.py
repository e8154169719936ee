"""Ctrl-C: a SIGINT while zorgsim simulates (a notebook's "interrupt kernel") raises
KeyboardInterrupt within a second, and the simulation runs without the GIL meanwhile."""

import json
import os
import signal
import sys
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


class PythonStream:
    """A sys.stderr written in Python, as a notebook's is (ipykernel's flush() waits for its I/O
    thread). Its third flush() sends SIGINT: the handler then runs, and raises KeyboardInterrupt,
    inside flush(), while zorgsim draws its progress line, not where zorgsim looks for signals."""

    def __init__(self):
        self.text = []
        self.flushes = 0
        self.sent = []

    def write(self, text):
        self.text.append(text)

    def flush(self):
        self.flushes += 1
        if self.flushes == 3:
            self.sent.append(time.monotonic())
            os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.01)


def test_sigint_while_drawing_progress_on_a_python_stream(monkeypatch):
    stream = PythonStream()
    monkeypatch.setattr("sys.stderr", stream)
    with pytest.raises(KeyboardInterrupt):  # not lost in the progress line: the run stops
        zorgsim.run(BASELINE, replications=400, threads=2, progress=True)
    stopped = time.monotonic()
    assert stream.sent and stopped - stream.sent[0] < 1.0
    assert any("replications" in text for text in stream.text)


def test_interrupting_a_notebook_kernel(tmp_path, monkeypatch):
    """A real IPython kernel (Debian's python3-ipykernel): "interrupt the kernel" during a run
    ends the cell with KeyboardInterrupt within a second, and the kernel goes on."""
    from jupyter_client.manager import start_new_kernel

    # A kernel of this interpreter (the one the module is built for), whatever is installed.
    spec = tmp_path / "kernels" / "zorgsim-test"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "zorgsim test", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    kernel, client = start_new_kernel(kernel_name="zorgsim-test", env={**os.environ})
    try:
        quiet = {"timeout": 60, "output_hook": lambda message: None}
        client.execute_interactive(f"import warnings, zorgsim; warnings.simplefilter('ignore'); "
                                   f"baseline = zorgsim.load({str(BASELINE)!r})", **quiet)
        cell = client.execute("result = zorgsim.run(baseline, replications=100_000, progress=True)")
        time.sleep(1.5)
        sent = time.monotonic()
        kernel.interrupt_kernel()
        error = idle = None
        while idle is None and time.monotonic() < sent + 20:
            message = client.get_iopub_msg(timeout=20)
            if message["parent_header"].get("msg_id") != cell:
                continue
            if message["msg_type"] == "error":
                error = message["content"]["ename"]
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                idle = time.monotonic() - sent
        assert error == "KeyboardInterrupt" and idle is not None and idle < 1.0, (error, idle)
        time.sleep(1.0)  # past the kernel's window for dropping the cells queued behind an error
        reply = client.execute_interactive(f"print(zorgsim.run({str(FIXTURES / 'mmc-short.yaml')!r}))", **quiet)
        assert reply["content"]["status"] == "ok"
    finally:
        client.stop_channels()
        kernel.shutdown_kernel(now=True)


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
