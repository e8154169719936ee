// results.zip: a results folder and the alternatives' scenario files in one download, written
// with Debian's minizip (libminizip-dev).
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace zorgsim::serve {

/// Writes ZIP holding each (NAME IN THE ZIP, FILE ON DISK) of ENTRIES, deflated. Throws
/// std::runtime_error when a file cannot be read or the zip written.
void write_zip(const std::filesystem::path& zip,
               const std::vector<std::pair<std::string, std::filesystem::path>>& entries);

} // namespace zorgsim::serve
