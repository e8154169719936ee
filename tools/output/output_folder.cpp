#include "output_folder.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <signal.h>
#include <stdexcept>
#include <string_view>
#include <system_error>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace zorgsim::output {

namespace fs = std::filesystem;

namespace {

/// The files and folders zorgsim writes into a results folder (any command, any version). A
/// results folder's own files are replaced as a whole; anything else in it is the user's.
constexpr std::array<std::string_view, 12> known_names{
    "summary.json",     "timeseries.csv", "comparison.json", "differences.csv",
    "sweep.csv",        "sizing.json",    "report.html",     "scenario.yaml",
    "replications.csv", "trace.csv",      "figures",         "results.xlsx"};

/// A plain file name in the folder itself: what a manifest line may name (it is read from disk,
/// so it must not lead outside the folder).
bool plain_name(std::string_view name) {
    return !name.empty() && name != "." && name != ".." &&
           name.find_first_of("/\\") == std::string_view::npos &&
           name.find('\0') == std::string_view::npos;
}

/// A manifest line naming one figure: figures/NAME.svg or figures/NAME.png, NAME plain.
bool figure_entry(std::string_view line) {
    constexpr std::string_view prefix = "figures/";
    if (line.size() <= prefix.size() || line.substr(0, prefix.size()) != prefix)
        return false;
    const std::string_view name = line.substr(prefix.size());
    return plain_name(name) && name.size() > 4 &&
           (name.substr(name.size() - 4) == ".svg" || name.substr(name.size() - 4) == ".png");
}

/// The JSON object in FOLDER/NAME when it is a zorgsim result (a regular file, not a symlink,
/// whose top level has a "zorgsim_version" key), else nothing.
std::optional<nlohmann::json> zorgsim_result(const fs::path& folder, std::string_view name) {
    std::error_code ignored;
    const fs::path path = folder / name;
    if (fs::symlink_status(path, ignored).type() != fs::file_type::regular)
        return std::nullopt;
    const auto size = fs::file_size(path, ignored);
    if (ignored || size > (std::uintmax_t{1} << 30))
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    auto parsed = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_object() || !parsed.contains("zorgsim_version"))
        return std::nullopt;
    return parsed;
}

/// Whether process PID is gone (a staging folder named after it is left over).
bool process_gone(std::string_view pid_text) {
    int pid = 0;
    const auto [stop, error] =
        std::from_chars(pid_text.data(), pid_text.data() + pid_text.size(), pid);
    if (error != std::errc() || stop != pid_text.data() + pid_text.size() || pid <= 0)
        return false;
    return ::kill(pid, 0) != 0 && errno == ESRCH;
}

/// An earlier file NAME (or figures/NAME) that this commit did not write: removed, never
/// following a symlink (a symlink itself is removed, not what it points to). A folder is never
/// removed, except figures/ once it is empty.
void remove_stale(const fs::path& folder, const std::string& name) {
    std::error_code ignored;
    if (figure_entry(name)) {
        const fs::path figures = folder / "figures";
        if (fs::symlink_status(figures, ignored).type() != fs::file_type::directory)
            return;
        const auto type = fs::symlink_status(folder / name, ignored).type();
        if (type == fs::file_type::regular || type == fs::file_type::symlink)
            fs::remove(folder / name, ignored);
        fs::remove(figures, ignored); // only if it is empty now
        return;
    }
    const auto type = fs::symlink_status(folder / name, ignored).type();
    if (type != fs::file_type::not_found && type != fs::file_type::directory)
        fs::remove(folder / name, ignored);
}

} // namespace

namespace {

/// Whether PATH (absolute, normal) is / or /home itself, or a folder in (or of) the system's
/// trees: /bin /boot /dev /etc /lib* /proc /sbin /sys /usr /var, except /dev/shm and /var/tmp
/// (and their subfolders), which are meant for scratch files; /run itself too.
bool system_folder(const fs::path& path) {
    const std::string text = path.string();
    if (text == "/" || text == "/home" || text == "/run")
        return true;
    auto part = path.begin();
    if (part == path.end() || part->string() != "/" || ++part == path.end())
        return false;
    static constexpr std::array<std::string_view, 9> trees{"bin",  "boot", "dev", "etc", "proc",
                                                           "sbin", "sys",  "usr", "var"};
    const std::string first = part->string();
    if (std::find(trees.begin(), trees.end(), first) == trees.end() && first.rfind("lib", 0) != 0)
        return false;
    const auto second = std::next(part);
    if (second != path.end() && ((first == "dev" && second->string() == "shm") ||
                                 (first == "var" && second->string() == "tmp")))
        return false;
    return true;
}

fs::path without_trailing_separator(fs::path path) {
    while (!path.has_filename() && path.has_relative_path())
        path = path.parent_path();
    return path;
}

} // namespace

std::optional<std::string> refused_destination(const fs::path& destination) {
    std::error_code ignored;
    // Both as written and with its symlinks resolved: /bin is /usr/bin on most systems now.
    const fs::path written =
        without_trailing_separator(fs::absolute(destination, ignored).lexically_normal());
    fs::path resolved = without_trailing_separator(fs::weakly_canonical(written, ignored));
    if (resolved.empty())
        resolved = written;
    for (const auto& path : {written, resolved})
        if (system_folder(path))
            return fmt::format("refusing to write results into the system folder {}",
                               path.string());
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        const fs::path home_path = without_trailing_separator(fs::weakly_canonical(home, ignored));
        if (!home_path.empty() && (home_path == resolved || home_path == written))
            return fmt::format("refusing to write results into the home folder {} itself; "
                               "choose a folder in it",
                               resolved.string());
    }
    return std::nullopt;
}

OutputFolder::OutputFolder(fs::path destination) : destination_(std::move(destination)) {
    // "results/x/" names the folder x.
    while (!destination_.has_filename() && destination_.has_relative_path())
        destination_ = destination_.parent_path();
    if (auto refused = refused_destination(destination_))
        throw FolderError(*refused);
    std::error_code error;
    const auto status = fs::status(destination_, error);
    if (fs::exists(status) && !fs::is_directory(status))
        throw FolderError(
            fmt::format("the output folder {} is not a folder", destination_.string()));
    // The folders made here are removed again if the run never commits: an interrupted run into
    // a new folder leaves nothing behind.
    for (fs::path missing = fs::absolute(destination_, error).lexically_normal();
         !missing.empty() && !fs::exists(fs::symlink_status(missing, error));
         missing = missing.parent_path()) {
        created_.push_back(missing);
        if (!missing.has_relative_path())
            break;
    }
    try {
        fs::create_directories(destination_);
        lock_.emplace(destination_);
        // A staging folder of anyone else is left over: while we hold the lock no one else can be
        // writing here (a writer takes the lock before it makes its staging folder).
        for (const auto& entry : fs::directory_iterator(destination_)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind(staging_prefix, 0) == 0)
                fs::remove_all(entry.path());
        }
        // Earlier versions staged in a sibling .NAME.staging-PID; clean those of dead processes.
        const fs::path parent = fs::absolute(destination_).parent_path();
        const std::string legacy = fmt::format(".{}.staging-", destination_.filename().string());
        for (const auto& entry : fs::directory_iterator(parent, error)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind(legacy, 0) == 0 &&
                process_gone(std::string_view(name).substr(legacy.size())))
                fs::remove_all(entry.path(), error);
        }
        staging_ = destination_ / fmt::format("{}{}", staging_prefix, ::getpid());
        fs::create_directory(staging_);
    } catch (const fs::filesystem_error& failure) {
        staging_.clear();
        lock_.reset();
        for (const auto& folder : created_)
            fs::remove(folder, error);
        throw FolderError(fmt::format("cannot write the output folder {}: {}",
                                      destination_.string(), failure.code().message()));
    } catch (...) {
        lock_.reset();
        for (const auto& folder : created_)
            fs::remove(folder, error);
        throw;
    }
}

OutputFolder::~OutputFolder() {
    std::error_code ignored;
    if (!staging_.empty())
        fs::remove_all(staging_, ignored);
    lock_.reset();
    if (!committed_)
        for (const auto& folder : created_)
            fs::remove(folder, ignored); // only if empty: never anything but our own folders
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

std::vector<std::string> OutputFolder::previous_files() const {
    std::vector<std::string> files;
    std::error_code ignored;
    const fs::path manifest_path = destination_ / manifest_name;
    if (fs::symlink_status(manifest_path, ignored).type() == fs::file_type::regular) {
        // Only what an earlier zorgsim command wrote here, as it listed it.
        std::ifstream manifest(manifest_path);
        for (std::string line; std::getline(manifest, line);)
            if ((plain_name(line) || figure_entry(line)) && line != manifest_name &&
                line.rfind(staging_prefix, 0) != 0 && line != FolderLock::file_name &&
                line != "figures")
                files.push_back(line);
    } else {
        // A folder of a version that kept no manifest: only when it is clearly a results folder,
        // its known names (figures/ is left alone), and the scenario-NAME.yaml of the scenarios
        // its comparison.json names.
        const auto summary = zorgsim_result(destination_, "summary.json");
        const auto comparison = zorgsim_result(destination_, "comparison.json");
        const auto sizing = zorgsim_result(destination_, "sizing.json");
        if (summary || comparison || sizing) {
            for (const auto name : known_names)
                if (name != "figures")
                    files.emplace_back(name);
            if (comparison && comparison->contains("scenarios") &&
                (*comparison)["scenarios"].is_object())
                for (const auto& item : (*comparison)["scenarios"].items())
                    if (const std::string file = "scenario-" + item.key() + ".yaml";
                        plain_name(file))
                        files.push_back(file);
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

void OutputFolder::commit() {
    std::vector<std::string> written;
    for (const auto& name : names_)
        if (fs::exists(staging_ / name) &&
            std::find(written.begin(), written.end(), name) == written.end())
            written.push_back(name);
    std::string manifest;
    for (const auto& name : written)
        manifest += name + "\n";
    write(manifest_name, manifest);
    const auto previous = previous_files();
    for (const auto& name : written)
        fs::rename(staging_ / name, destination_ / name);
    for (const auto& name : previous)
        if (std::find(written.begin(), written.end(), name) == written.end())
            remove_stale(destination_, name);
    fs::rename(staging_ / manifest_name, destination_ / manifest_name);
    committed_ = true;
}

} // namespace zorgsim::output
