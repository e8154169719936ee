// Commands that read but do not simulate: validate, describe, report.
#include <fmt/format.h>

#include "commands.hpp"
#include "output/folder_lock.hpp"
#include "report/report.hpp"
#include "report/results.hpp"
#include "zorgsim/model/describe.hpp"

namespace zorgsim::cli {

int validate_command(const std::string& scenario, const std::vector<std::string>& sets) {
    load_scenario(std::filesystem::path(scenario), parse_overrides(sets), false);
    return success;
}

int describe_command(const std::optional<std::string>& scenario,
                     const std::vector<std::string>& sets) {
    const care::Scenario loaded =
        load_scenario(scenario ? std::optional<std::filesystem::path>(*scenario) : std::nullopt,
                      parse_overrides(sets), false);
    for (const auto& line : care::describe(loaded))
        fmt::print("{}\n", line);
    return success;
}

int report_command(const std::string& dir, bool figures, words::Language language) {
    if (!std::filesystem::is_directory(dir))
        throw BadInput(fmt::format("{} is not a results folder", dir));
    try {
        // Not while a run writes the folder: its files may be half old, half new.
        const output::FolderLock lock(dir);
        report::write_report(dir, language);
        if (figures)
            report::write_figures(dir, language);
    } catch (const report::InvalidResults& error) {
        fmt::print(stderr, "{}\n", error.what()); // already FILE: error: WHAT
        throw BadInput("");
    } catch (const std::runtime_error& error) {
        throw BadInput(error.what());
    }
    return success;
}

} // namespace zorgsim::cli
