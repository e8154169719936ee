#include "interruptible.hpp"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <optional>
#include <thread>

#include <fmt/format.h>
#include <pybind11/pybind11.h>

namespace py = pybind11;

namespace zorgsim::python {

Progress::Progress(std::string label, std::size_t total, bool enabled)
    : label_(std::move(label)), total_(total), enabled_(enabled) {}

void Progress::message(std::string line) {
    if (!enabled_)
        return;
    const std::lock_guard lock(mutex_);
    messages_.push_back(std::move(line));
}

void Progress::draw() {
    if (!enabled_)
        return;
    std::vector<std::string> lines;
    {
        const std::lock_guard lock(mutex_);
        lines.swap(messages_);
    }
    std::string text;
    for (const auto& line : lines) {
        text += line_open_ ? "\n" : "";
        line_open_ = false;
        text += fmt::format("zorgsim: {}\n", line);
    }
    const std::size_t done = done_.load(std::memory_order_relaxed);
    if (total_ > 0 && done != drawn_) {
        drawn_ = done;
        text += fmt::format("\r{}: {}/{} replications", label_, done, total_);
        line_open_ = true;
    }
    if (text.empty())
        return;
    const py::object stderr_ = py::module_::import("sys").attr("stderr");
    stderr_.attr("write")(text);
    stderr_.attr("flush")();
}

void Progress::finish() {
    if (!enabled_)
        return;
    draw();
    if (line_open_) {
        py::module_::import("sys").attr("stderr").attr("write")("\n");
        line_open_ = false;
    }
}

void run_interruptibly(const std::function<void(const std::atomic<bool>& stop)>& work,
                       Progress& progress) {
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
    std::exception_ptr failure;
    std::optional<py::error_already_set> interrupt; // the KeyboardInterrupt, kept to raise it
    {
        const py::gil_scoped_release without_gil;
        std::thread worker([&] {
            try {
                work(stop);
            } catch (...) {
                failure = std::current_exception();
            }
            const std::lock_guard lock(mutex);
            finished = true;
            done.notify_all();
        });
        for (;;) {
            {
                std::unique_lock lock(mutex);
                if (done.wait_for(lock, std::chrono::milliseconds(50), [&] { return finished; }))
                    break;
            }
            const py::gil_scoped_acquire with_gil;
            if (interrupt)
                continue; // stopping: wait for the worker
            if (PyErr_CheckSignals() != 0) {
                interrupt.emplace(); // fetches and clears what the signal handler raised
                stop.store(true);
                continue;
            }
            try {
                progress.draw();
            } catch (py::error_already_set& error) {
                // A sys.stderr written in Python (a notebook's) runs the signal handler itself:
                // its KeyboardInterrupt is the interrupt. Any other error is the progress line's
                // alone, and the run goes on without it.
                if (error.matches(PyExc_Exception)) {
                    progress.disable();
                } else {
                    interrupt.emplace(std::move(error));
                    stop.store(true);
                }
            }
        }
        worker.join();
    }
    progress.finish();
    if (interrupt)
        throw *interrupt;
    if (failure)
        std::rethrow_exception(failure);
}

} // namespace zorgsim::python
