// One writer per results folder: a second zorgsim writing the same folder at the same time would
// leave summary.json of one run beside timeseries.csv of the other. The lock is an flock(2) on
// FOLDER/.zorgsim.lock, which holds the writer's process id; the kernel releases it when the
// process ends however it ends, so a killed run never leaves the folder locked.
#pragma once

#include <filesystem>
#include <stdexcept>

namespace zorgsim::output {

/// The results folder cannot be used: another process holds it, it is a system folder, or it
/// cannot be written. Bad input (exit 2), found before anything runs.
struct FolderError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class FolderLock {
  public:
    /// Locks FOLDER (which must exist). Throws FolderError naming the other process if one holds
    /// it, or saying why the lock file cannot be made.
    explicit FolderLock(const std::filesystem::path& folder);
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;
    /// Removes the lock file (while still holding the lock, so no one else can be holding a lock
    /// on it), then releases the lock.
    ~FolderLock();

    static constexpr const char* file_name = ".zorgsim.lock";

  private:
    std::filesystem::path file_;
    int fd_ = -1;
};

} // namespace zorgsim::output
