#include "folder_lock.hpp"

#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace zorgsim::output {

namespace {

/// What the lock file says about its holder: its process id, if it is a plain number.
std::string holder(int fd) {
    char buffer[32] = {};
    const ssize_t got = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string text(buffer, got > 0 ? static_cast<std::size_t>(got) : 0);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
        return "another zorgsim";
    return fmt::format("another zorgsim (process {})", text);
}

} // namespace

FolderLock::FolderLock(const std::filesystem::path& folder) : file_(folder / file_name) {
    // The holder removes the file before it lets go (see ~FolderLock), so the file we locked may
    // have been unlinked meanwhile: then it locks nothing anyone else sees, and we try again.
    for (int attempt = 0; attempt < 100; ++attempt) {
        const int fd = ::open(file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (fd < 0)
            throw FolderError(fmt::format("cannot write the output folder {}: {}", folder.string(),
                                          std::strerror(errno)));
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            const std::string other = holder(fd);
            ::close(fd);
            if (error == EWOULDBLOCK)
                throw FolderError(fmt::format(
                    "the output folder {} is being written by {}; wait until it is done or "
                    "choose another --out",
                    folder.string(), other));
            throw FolderError(fmt::format("cannot lock the output folder {}: {}", folder.string(),
                                          std::strerror(error)));
        }
        struct stat locked {};
        struct stat named {};
        if (::fstat(fd, &locked) == 0 && ::lstat(file_.c_str(), &named) == 0 &&
            locked.st_dev == named.st_dev && locked.st_ino == named.st_ino) {
            fd_ = fd;
            const std::string pid = fmt::format("{}\n", ::getpid());
            if (::ftruncate(fd_, 0) != 0 ||
                ::pwrite(fd_, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
                const int error = errno;
                ::unlink(file_.c_str());
                ::close(fd_);
                throw FolderError(fmt::format("cannot write the output folder {}: {}",
                                              folder.string(), std::strerror(error)));
            }
            return;
        }
        ::close(fd);
    }
    throw FolderError(fmt::format("cannot lock the output folder {}", folder.string()));
}

FolderLock::~FolderLock() {
    ::unlink(file_.c_str());
    ::close(fd_);
}

} // namespace zorgsim::output
