// Replays fuzz cases without libFuzzer: each file runs through the same entry point as the fuzz
// target, in a child process held to the fuzzer's limits, so that a hang or runaway memory
// is a failure with a message instead of a stuck or killed test run.
//
//   zorgsim_fuzz_replay load|set [--memory-mb N] [--seconds N] FILE...
//
// Exit 0 when every file passes, 1 when any fails (crash, abort, timeout or memory), 2 on
// wrong usage.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "fuzz_cases.hpp"

namespace {

struct Limits {
    long memory_mb = 2048;
    double seconds = 10.0;
};

long resident_mb(pid_t pid) {
    std::ifstream statm("/proc/" + std::to_string(pid) + "/statm");
    long size = 0;
    long resident = 0;
    if (!(statm >> size >> resident))
        return 0;
    return resident * (sysconf(_SC_PAGESIZE) / 1024) / 1024;
}

[[noreturn]] void run_child(void (*entry)(std::string_view), const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::cerr << file << ": cannot read\n";
        std::_Exit(3);
    }
    const std::string bytes{std::istreambuf_iterator<char>(in), {}};
    try {
        entry(bytes);
    } catch (const std::exception& e) {
        std::cerr << "exception escaped the loader: " << e.what() << "\n";
        std::_Exit(4);
    }
    std::_Exit(0);
}

// Empty when the case passed, otherwise why not.
std::string replay(void (*entry)(std::string_view), const std::string& file, Limits limits) {
    std::cout.flush();
    std::cerr.flush();
    const pid_t pid = fork();
    if (pid < 0)
        return std::string("fork failed: ") + std::strerror(errno);
    if (pid == 0)
        run_child(entry, file);
    const auto start = std::chrono::steady_clock::now();
    long peak_mb = 0;
    std::string verdict;
    for (;;) {
        int status = 0;
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) {
            if (WIFSIGNALED(status))
                return verdict.empty() ? "killed by signal " + std::to_string(WTERMSIG(status))
                                       : verdict;
            if (WEXITSTATUS(status) != 0)
                return "exit status " + std::to_string(WEXITSTATUS(status));
            return "";
        }
        if (!verdict.empty()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            continue;
        }
        peak_mb = std::max(peak_mb, resident_mb(pid));
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        if (peak_mb > limits.memory_mb) {
            verdict = "out of memory: more than " + std::to_string(limits.memory_mb) + " MB";
            kill(pid, SIGKILL);
        } else if (elapsed.count() > limits.seconds) {
            std::ostringstream text;
            text << "timeout: more than " << limits.seconds << " s";
            verdict = text.str();
            kill(pid, SIGKILL);
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }
}

int usage() {
    std::cerr << "usage: zorgsim_fuzz_replay load|set [--memory-mb N] [--seconds N] FILE...\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty())
        return usage();
    void (*entry)(std::string_view) = nullptr;
    if (args[0] == "load")
        entry = zorgsim::fuzz::load_scenario_text;
    else if (args[0] == "set")
        entry = zorgsim::fuzz::apply_set_arguments;
    else
        return usage();
    Limits limits;
    std::vector<std::string> files;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if ((args[i] == "--memory-mb" || args[i] == "--seconds") && i + 1 < args.size()) {
            const std::string& value = args[++i];
            if (args[i - 1] == "--memory-mb")
                limits.memory_mb = std::atol(value.c_str());
            else
                limits.seconds = std::atof(value.c_str());
        } else {
            files.push_back(args[i]);
        }
    }
    if (files.empty())
        return usage();
    int failed = 0;
    for (const auto& file : files) {
        const std::string why = replay(entry, file, limits);
        std::cout << (why.empty() ? "ok   " : "FAIL ") << file << (why.empty() ? "" : ": ") << why
                  << "\n";
        failed += why.empty() ? 0 : 1;
    }
    return failed ? 1 : 0;
}
