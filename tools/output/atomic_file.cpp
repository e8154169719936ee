#include "atomic_file.hpp"

#include <fstream>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>
#include <unistd.h>

namespace zorgsim::output {

void write_file_atomically(const std::filesystem::path& file, std::string_view content) {
    // Same folder, so that the rename stays on one file system and is atomic; the process id
    // keeps two writers from sharing a temporary file.
    auto temporary = file;
    temporary += fmt::format(".tmp-{}", ::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.close();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            throw std::runtime_error(fmt::format("{}: cannot write", temporary.string()));
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, file, error);
    if (error) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw std::runtime_error(
            fmt::format("{}: cannot replace: {}", file.string(), error.message()));
    }
}

} // namespace zorgsim::output
