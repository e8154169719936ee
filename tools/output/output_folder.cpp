#include "output_folder.hpp"

#include <fstream>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>
#include <unistd.h>

namespace zorgsim::output {

namespace fs = std::filesystem;

OutputFolder::OutputFolder(fs::path destination) : destination_(std::move(destination)) {
    // "results/x/" names the folder x: without the trailing separator its parent is results/
    // (not x itself, which would be made now and hold the staging folder).
    while (!destination_.has_filename() && destination_.has_relative_path())
        destination_ = destination_.parent_path();
    fs::path parent = fs::absolute(destination_).parent_path();
    fs::create_directories(parent);
    // Built with fmt: GCC 12 gives a false -Wrestrict on chained std::string operator+.
    staging_ = parent / fmt::format(".{}.staging-{}", destination_.filename().string(), ::getpid());
    fs::remove_all(staging_);
    fs::create_directories(staging_);
}

OutputFolder::~OutputFolder() {
    std::error_code ignored;
    fs::remove_all(staging_, ignored);
}

fs::path OutputFolder::stage(std::string_view name) {
    names_.emplace_back(name);
    return staging_ / names_.back();
}

void OutputFolder::write(std::string_view name, std::string_view contents) {
    const fs::path path = stage(name);
    std::ofstream out(path, std::ios::binary);
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    if (!out.flush())
        throw std::runtime_error("cannot write " + path.string());
}

void OutputFolder::commit() {
    fs::create_directories(destination_);
    for (const auto& name : names_) {
        const fs::path staged = staging_ / name;
        if (fs::exists(staged))
            fs::rename(staged, destination_ / name);
    }
    committed_ = true;
}

} // namespace zorgsim::output
