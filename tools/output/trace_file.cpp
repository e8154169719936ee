#include "trace_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <system_error>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace zorgsim::output {

namespace fs = std::filesystem;

namespace {
/// Whether the file starts like a trace zorgsim wrote, so that replacing it loses nothing of
/// the user's (`zorgsim run --trace scenario.yaml` would otherwise overwrite the scenario).
bool holds_a_trace(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string first(32, '\0');
    in.read(first.data(), static_cast<std::streamsize>(first.size()));
    first.resize(static_cast<std::size_t>(in.gcount()));
    return first.rfind("time_days,date,youth,event,where", 0) == 0;
}
} // namespace

TraceFile::TraceFile(const std::string& target) : target_(target) {
    if (target == "-") {
        to_stdout_ = true;
        return;
    }
    struct stat status {};
    const bool exists = ::lstat(target.c_str(), &status) == 0;
    if (exists && S_ISREG(status.st_mode) && status.st_size > 0 && !holds_a_trace(target))
        throw TraceError(fmt::format(
            "refusing to replace {} with the trace: it exists and is not a zorgsim trace (a "
            "scenario given after --trace is taken as the trace file: write the scenario first, "
            "or choose another trace name)",
            target));
    if (!exists || S_ISREG(status.st_mode)) {
        std::error_code ignored;
        const fs::path path = fs::absolute(target, ignored);
        const fs::path folder = path.parent_path();
        if (path.filename().empty() || !fs::is_directory(folder, ignored) ||
            ::access(folder.c_str(), W_OK) != 0)
            throw TraceError(fmt::format("cannot write the trace file {}", target));
        temporary_ = folder / fmt::format(".{}.tmp-{}", path.filename().string(), ::getpid());
        file_.open(temporary_, std::ios::binary | std::ios::trunc);
        if (!file_) {
            temporary_.clear();
            throw TraceError(fmt::format("cannot write the trace file {}", target));
        }
        return;
    }
    struct stat followed {};
    if (::stat(target.c_str(), &followed) == 0 && S_ISDIR(followed.st_mode))
        throw TraceError(fmt::format("cannot write the trace file {}: it is a folder", target));
    // A FIFO without a reader would block the open for ever: ask without waiting first.
    int probe = -1;
    if (::stat(target.c_str(), &followed) == 0 && S_ISFIFO(followed.st_mode)) {
        probe = ::open(target.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        if (probe < 0)
            throw TraceError(fmt::format("cannot write the trace file {}: {}", target,
                                         errno == ENXIO ? "no process reads from this FIFO"
                                                        : std::strerror(errno)));
    }
    file_.open(target, std::ios::binary | std::ios::out);
    if (probe >= 0)
        ::close(probe);
    if (!file_)
        throw TraceError(fmt::format("cannot write the trace file {}", target));
}

TraceFile::~TraceFile() {
    if (!temporary_.empty()) {
        file_.close();
        std::error_code ignored;
        fs::remove(temporary_, ignored);
    }
}

void TraceFile::finish() {
    if (finished_)
        return;
    const std::string where = to_stdout_ ? std::string("standard output") : target_;
    errno = 0;
    if (to_stdout_) {
        std::cout.flush();
        if (!std::cout)
            throw TraceError(fmt::format(
                "cannot write the trace to {}: {}", where,
                errno != 0 ? std::strerror(errno)
                           : "the data was not accepted (is the disk or device full?)"));
    } else {
        file_.flush();
        const int flushed = errno;
        if (file_)
            file_.close(); // the last bytes reach the file (a device reports its error here)
        if (!file_)
            throw TraceError(fmt::format(
                "cannot write the trace to {}: {}", where,
                errno != 0     ? std::strerror(errno)
                : flushed != 0 ? std::strerror(flushed)
                               : "the data was not accepted (is the disk or device full?)"));
    }
    finished_ = true;
}

void TraceFile::commit() {
    finish();
    if (to_stdout_ || temporary_.empty())
        return;
    std::error_code error;
    fs::rename(temporary_, target_, error);
    if (error)
        throw std::runtime_error(
            fmt::format("cannot write the trace to {}: {}", target_, error.message()));
    temporary_.clear();
}

} // namespace zorgsim::output
