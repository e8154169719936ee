// Helpers for the scenario tests: loading fixtures and matching diagnostics by their exact
// "FILE:LINE:COLUMN: error: MESSAGE" text, with FILE relative to the fixtures folder.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "scenario/load.hpp"

namespace zorgsim::scenario::testing {

inline const std::filesystem::path fixtures{ZORGSIM_SCENARIO_FIXTURES};

/// Loads tests/scenario/fixtures/NAME, e.g. "invalid/unknown_key.yaml".
inline LoadResult load_fixture(const std::string& name,
                               const std::vector<Override>& overrides = {}) {
    return load_file(fixtures / name, overrides);
}

/// Loads YAML text as "inline.yaml" (an `extends` in it is looked up in fixtures/valid).
inline LoadResult load_yaml(std::string_view text, const std::vector<Override>& overrides = {}) {
    return load_text(text, "inline.yaml", fixtures / "valid", overrides);
}

/// Every diagnostic as its one-line text, with the fixtures folder cut from the file name.
inline std::vector<std::string> messages(const LoadResult& result) {
    std::vector<std::string> out;
    const std::string prefix = fixtures.string() + "/";
    for (Diagnostic d : result.diagnostics) {
        if (d.file.rfind(prefix, 0) == 0)
            d.file = d.file.substr(prefix.size());
        out.push_back(d.format());
    }
    return out;
}

/// The traffic equations' overload estimates of a loaded scenario, as "FILE:LINE:COLUMN: TEXT"
/// at each overloaded service's capacity (LoadResult::services; no warning at load).
inline std::vector<std::string> overloads(const LoadResult& result) {
    std::vector<std::string> out;
    const std::string prefix = fixtures.string() + "/";
    for (const ServiceNote& note : result.services) {
        if (note.overload.empty())
            continue;
        std::string file = note.capacity_at.file;
        if (file.rfind(prefix, 0) == 0)
            file = file.substr(prefix.size());
        out.push_back(file + ":" + std::to_string(note.capacity_at.line) + ":" +
                      std::to_string(note.capacity_at.column) + ": " + note.overload);
    }
    return out;
}

/// Matches diagnostics containing one that starts with `where` (e.g. "invalid/x.yaml:3:5:
/// error: ") and contains `what`.
class Reports : public Catch::MatcherBase<std::vector<std::string>> {
  public:
    Reports(std::string where, std::string what)
        : where_(std::move(where)), what_(std::move(what)) {}
    bool match(const std::vector<std::string>& lines) const override {
        for (const auto& line : lines)
            if (line.rfind(where_, 0) == 0 && line.find(what_, where_.size()) != std::string::npos)
                return true;
        return false;
    }
    std::string describe() const override {
        return "reports \"" + where_ + "...\" containing \"" + what_ + "\"";
    }

  private:
    std::string where_;
    std::string what_;
};

/// The number of errors (not warnings).
inline std::size_t error_count(const LoadResult& result) {
    std::size_t n = 0;
    for (const auto& d : result.diagnostics)
        n += d.severity == Diagnostic::Severity::error ? 1 : 0;
    return n;
}

} // namespace zorgsim::scenario::testing
