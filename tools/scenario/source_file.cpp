#include "source_file.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "limits.hpp"

namespace zorgsim::scenario {

namespace {

std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode))
        return "it is a directory";
    if (S_ISCHR(mode))
        return "it is a character device, not a regular file";
    if (S_ISBLK(mode))
        return "it is a block device, not a regular file";
    if (S_ISFIFO(mode))
        return "it is a pipe (FIFO), not a regular file";
    if (S_ISSOCK(mode))
        return "it is a socket, not a regular file";
    return "it is not a regular file";
}

std::string too_large() {
    return fmt::format("it is larger than {} MiB, the limit for a scenario file",
                       limits::file_bytes >> 20);
}

class Descriptor {
  public:
    explicit Descriptor(int fd) : fd_(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    int get() const { return fd_; }

  private:
    int fd_;
};

} // namespace

SourceFile read_source_file(const std::filesystem::path& file) {
    SourceFile result;
    // stat before open: opening a device can have effects of its own (or block, for a FIFO).
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) {
        result.missing = errno == ENOENT || errno == ENOTDIR;
        result.problem = std::strerror(errno);
        return result;
    }
    if (!S_ISREG(info.st_mode)) {
        result.problem = kind_of(info.st_mode);
        return result;
    }
    // O_NONBLOCK: should the path have been replaced by a FIFO since the stat, open returns.
    const Descriptor fd(::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        result.problem = std::strerror(errno);
        return result;
    }
    if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
        result.problem = kind_of(info.st_mode);
        return result;
    }
    if (static_cast<std::size_t>(info.st_size) > limits::file_bytes) {
        result.problem = too_large();
        return result;
    }
    std::string text;
    text.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[1 << 16];
    for (;;) {
        const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            result.problem = std::strerror(errno);
            return result;
        }
        if (got == 0)
            break;
        text.append(buffer, static_cast<std::size_t>(got));
        if (text.size() > limits::file_bytes) { // it grew while read
            result.problem = too_large();
            return result;
        }
    }
    result.text = std::move(text);
    return result;
}

} // namespace zorgsim::scenario
