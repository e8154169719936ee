#include "diagnostics.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace zorgsim::scenario {

std::string Diagnostic::format() const {
    return fmt::format("{}:{}:{}: {}: {}", file, line, column,
                       severity == Severity::error ? "error" : "warning", message);
}

bool LoadResult::ok() const {
    return std::none_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
        return d.severity == Diagnostic::Severity::error;
    });
}

void Diagnostics::error(const Position& at, std::string message) {
    list_.push_back({Diagnostic::Severity::error, at.file, at.line, at.column, std::move(message)});
    ++errors_;
}

void Diagnostics::warning(const Position& at, std::string message) {
    list_.push_back(
        {Diagnostic::Severity::warning, at.file, at.line, at.column, std::move(message)});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<std::string> files;
    for (const auto& d : list_)
        if (std::find(files.begin(), files.end(), d.file) == files.end())
            files.push_back(d.file);
    auto rank = [&files](const Diagnostic& d) {
        return std::find(files.begin(), files.end(), d.file) - files.begin();
    };
    std::vector<Diagnostic> out = list_;
    std::stable_sort(out.begin(), out.end(), [&rank](const Diagnostic& a, const Diagnostic& b) {
        const auto ra = rank(a);
        const auto rb = rank(b);
        if (ra != rb)
            return ra < rb;
        if (a.line != b.line)
            return a.line < b.line;
        return a.column < b.column;
    });
    return out;
}

} // namespace zorgsim::scenario
