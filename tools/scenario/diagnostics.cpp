#include "diagnostics.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "limits.hpp"
#include "source_text.hpp"

namespace zorgsim::scenario {

namespace {

/// Appends text with control characters and invalid bytes escaped, at most `max_chars`
/// characters of it; true if all of it fitted.
bool append_escaped(std::string& out, std::string_view text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (chars == max_chars)
            return false;
        const std::size_t length = utf8_sequence_length(text, i);
        const auto c = static_cast<unsigned char>(text[i]);
        if (length == 0 || c < 0x20 || c == 0x7F) {
            switch (c) {
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += fmt::format("\\x{:02x}", c);
            }
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
        ++chars;
    }
    return true;
}

} // namespace

std::string shown(std::string_view text, std::size_t max_chars) {
    std::string out;
    if (!append_escaped(out, text, max_chars))
        out += "...";
    return out;
}

std::string one_line(std::string_view message) {
    constexpr std::size_t max_chars = 4000;
    std::string out;
    if (!append_escaped(out, message, max_chars))
        out += "...";
    return out;
}

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
    list_.push_back(
        {Diagnostic::Severity::error, one_line(at.file), at.line, at.column, one_line(message)});
    ++errors_;
}

void Diagnostics::warning(const Position& at, std::string message) {
    list_.push_back(
        {Diagnostic::Severity::warning, one_line(at.file), at.line, at.column, one_line(message)});
}

void Diagnostics::append(const Diagnostics& other, bool last_only) {
    if (last_only && !other.list_.empty()) {
        list_.push_back(other.list_.back());
        errors_ += other.list_.back().severity == Diagnostic::Severity::error ? 1 : 0;
        return;
    }
    list_.insert(list_.end(), other.list_.begin(), other.list_.end());
    errors_ += other.errors_;
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
