// Reading a scenario file (or a file it extends) from disk: only a regular file of at most
// limits::file_bytes is read, so that a device (/dev/urandom, /dev/stdin), a FIFO or a huge
// file gives a message at once instead of filling memory or waiting forever.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace zorgsim::scenario {

struct SourceFile {
    std::optional<std::string> text; ///< the whole file, when it could be read
    bool missing = false;            ///< it does not exist
    std::string problem;             ///< why it was not read, e.g. "it is a directory"
};

/// Reads the file if it is a regular file (symbolic links followed) of at most
/// limits::file_bytes; the read itself is bounded, so a file that grows meanwhile is refused.
SourceFile read_source_file(const std::filesystem::path& file);

} // namespace zorgsim::scenario
