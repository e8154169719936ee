#include "output_targets.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include "interrupt.hpp"
#include "zorgsim/engine/replications.hpp"

namespace zorgsim::cli {

output::OutputFolder& open_output_folder(std::optional<output::OutputFolder>& folder,
                                         const CommonOptions& options, const std::string& name) {
    try {
        return folder.emplace(output_dir(options, name));
    } catch (const output::FolderError& error) {
        throw BadInput(error.what());
    }
}

namespace {

namespace fs = std::filesystem;

/// PATH absolute, normal, and with the symlinks of its existing part resolved.
fs::path resolved(const fs::path& path) {
    std::error_code ignored;
    fs::path absolute = fs::absolute(path, ignored).lexically_normal();
    while (!absolute.has_filename() && absolute.has_relative_path())
        absolute = absolute.parent_path();
    const fs::path canonical = fs::weakly_canonical(absolute, ignored);
    return canonical.empty() ? absolute : canonical;
}

bool inside(const fs::path& path, const fs::path& folder) {
    auto f = folder.begin();
    auto p = path.begin();
    for (; f != folder.end(); ++f, ++p)
        if (p == path.end() || *p != *f)
            return false;
    return true;
}

bool same_file(const fs::path& a, const fs::path& b) {
    struct stat first {};
    struct stat second {};
    if (::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 &&
        first.st_dev == second.st_dev && first.st_ino == second.st_ino)
        return true;
    return resolved(a) == resolved(b);
}

} // namespace

output::TraceFile& open_trace(std::optional<output::TraceFile>& trace, const std::string& target,
                              const fs::path& results, const std::vector<fs::path>& scenarios) {
    if (target != "-") {
        std::error_code ignored;
        const fs::path written = fs::absolute(target, ignored).lexically_normal();
        const fs::path folder = fs::absolute(results, ignored).lexically_normal();
        if (inside(written, folder) || inside(resolved(target), resolved(results)))
            throw BadInput(fmt::format("refusing to write the trace to {}: it is inside the "
                                       "results folder {}; choose a file outside it",
                                       target, results.string()));
        for (const auto& scenario : scenarios)
            if (same_file(target, scenario))
                throw BadInput(fmt::format("refusing to write the trace to {}: it is the "
                                           "scenario file {}",
                                           target, scenario.string()));
    }
    try {
        return trace.emplace(target);
    } catch (const output::TraceError& error) {
        throw BadInput(error.what());
    }
}

void finish_trace(std::optional<output::TraceFile>& trace) {
    if (!trace)
        return;
    try {
        trace->finish();
    } catch (const output::TraceError& error) {
        throw BadInput(error.what());
    }
}

void stop_if_interrupted() {
    if (interrupt_requested().load())
        throw Interrupted();
}

} // namespace zorgsim::cli
