// Writing a file so that readers see either the old or the new version, never half of one: a
// browser opening report.html while zorgsim rewrites it, or a crash half way, must not leave a
// broken report behind.
#pragma once

#include <filesystem>
#include <string_view>

namespace zorgsim::output {

/// Writes CONTENT to a temporary file next to FILE, then renames it over FILE. Throws
/// std::runtime_error (and leaves FILE as it was) if anything fails.
void write_file_atomically(const std::filesystem::path& file, std::string_view content);

} // namespace zorgsim::output
