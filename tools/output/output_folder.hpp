// A results folder that always holds exactly one run (docs/output-format.md, "Results folders").
// The files are staged in a hidden folder inside the destination (so on the same file system,
// also when the destination is a mount point) and moved into place by commit(), which also
// removes the files that an earlier command wrote there and this one does not. A lock on the
// destination keeps a second writer out; if the run fails or is interrupted before commit(), the
// staging folder and the lock are removed and the destination is left as it was (a destination
// this object made is removed again).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "folder_lock.hpp"

namespace zorgsim::output {

class OutputFolder {
  public:
    /// Makes DESTINATION if needed, locks it and makes the staging folder, removing staging
    /// folders that killed runs left behind. Throws FolderError (before anything is written) for a
    /// system folder, a destination that is not a folder or cannot be written, or one that
    /// another process is writing.
    explicit OutputFolder(std::filesystem::path destination);
    OutputFolder(const OutputFolder&) = delete;
    OutputFolder& operator=(const OutputFolder&) = delete;
    ~OutputFolder();

    /// Where to stage a file named `name`; it becomes destination/name at commit().
    std::filesystem::path stage(std::string_view name);
    void write(std::string_view name, std::string_view contents);
    /// Moves every staged file into the destination (each move is an atomic rename), then removes
    /// the zorgsim files of an earlier command that this one did not write.
    void commit();

    const std::filesystem::path& destination() const { return destination_; }
    const std::filesystem::path& staging() const { return staging_; }

    /// The list of the files zorgsim wrote, kept in the destination for the next commit().
    static constexpr const char* manifest_name = ".zorgsim-manifest";
    static constexpr std::string_view staging_prefix = ".zorgsim-staging-";

  private:
    std::vector<std::string> previous_files() const;

    std::filesystem::path destination_;
    std::vector<std::filesystem::path>
        created_; ///< folders made for the destination, deepest first
    std::optional<FolderLock> lock_;
    std::filesystem::path staging_;
    std::vector<std::string> names_;
    bool committed_ = false;
};

/// Why DESTINATION must not be a results folder (a system folder such as / or /usr, or the home
/// folder itself), or nothing when it may be one.
std::optional<std::string> refused_destination(const std::filesystem::path& destination);

} // namespace zorgsim::output
