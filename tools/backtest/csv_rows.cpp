#include "csv_rows.hpp"

#include <fstream>
#include <system_error>

#include <fmt/format.h>

namespace zorgsim::backtest {
namespace {

scenario::Diagnostic error_at(const std::filesystem::path& file, int line, int column,
                              std::string message) {
    return scenario::Diagnostic{scenario::Diagnostic::Severity::error, file.string(), line, column,
                                std::move(message)};
}

} // namespace

std::vector<CsvRow> read_csv_rows(const std::filesystem::path& file,
                                  std::vector<scenario::Diagnostic>& errors,
                                  const CsvLimits& limits) {
    std::vector<CsvRow> rows;
    std::error_code code;
    if (!std::filesystem::is_regular_file(file, code)) {
        errors.push_back(
            error_at(file, 1, 1,
                     std::filesystem::exists(file, code) ? "not a regular file" : "no such file"));
        return rows;
    }
    const std::uintmax_t size = std::filesystem::file_size(file, code);
    if (code || size > limits.bytes) {
        errors.push_back(error_at(file, 1, 1,
                                  fmt::format("the file is {} bytes; at most {} are read",
                                              code ? 0 : size, limits.bytes)));
        return rows;
    }
    std::ifstream in(file, std::ios::binary);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!in || !in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
        errors.push_back(error_at(file, 1, 1, "cannot read the file"));
        return rows;
    }

    std::size_t i = 0;
    int line = 1;
    if (text.starts_with("\xEF\xBB\xBF")) // a byte-order mark, as spreadsheets write it
        i = 3;
    while (i < text.size()) {
        if (rows.size() == limits.rows) {
            errors.push_back(
                error_at(file, line, 1, fmt::format("more than {} rows", limits.rows)));
            return rows;
        }
        CsvRow row{line, {}};
        std::size_t line_start = i;
        bool end_of_line = false;
        while (!end_of_line) {
            CsvField field{{}, static_cast<int>(i - line_start + 1)};
            if (i < text.size() && text[i] == '"') {
                ++i;
                for (;;) {
                    if (i >= text.size() || text[i] == '\n' || text[i] == '\r') {
                        errors.push_back(error_at(
                            file, line, field.column,
                            "a quoted field is not closed on its line (a line break inside "
                            "quotes is not read)"));
                        return rows;
                    }
                    if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                        field.text += '"';
                        i += 2;
                    } else if (text[i] == '"') {
                        ++i;
                        break;
                    } else {
                        field.text += text[i++];
                    }
                }
            }
            while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                field.text += text[i++];
            if (field.text.find('\0') != std::string::npos) {
                errors.push_back(error_at(file, line, field.column, "a NUL byte in the file"));
                return rows;
            }
            if (field.text.size() > limits.field_bytes) {
                errors.push_back(
                    error_at(file, line, field.column,
                             fmt::format("a field of more than {} bytes", limits.field_bytes)));
                return rows;
            }
            row.fields.push_back(std::move(field));
            if (i < text.size() && text[i] == ',') {
                ++i;
                continue;
            }
            end_of_line = true;
            if (i < text.size() && text[i] == '\r')
                ++i;
            if (i < text.size() && text[i] == '\n')
                ++i;
        }
        const bool blank = row.fields.size() == 1 && row.fields.front().text.empty();
        if (!blank)
            rows.push_back(std::move(row));
        ++line;
    }
    return rows;
}

} // namespace zorgsim::backtest
