// Reading a small CSV file that a user wrote (the observed series of a backtest): RFC 4180
// fields with the line and column where each starts, so that a mistake is reported at its place,
// read within limits so that a hostile file cannot take the memory or the time.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "scenario/load.hpp"

namespace zorgsim::backtest {

struct CsvField {
    std::string text;
    int column = 1; ///< 1-based byte column where the field starts
};

struct CsvRow {
    int line = 1; ///< 1-based
    std::vector<CsvField> fields;
};

struct CsvLimits {
    std::uintmax_t bytes = std::uintmax_t{4} << 20; ///< 4 MiB: far above any published series
    std::size_t rows = 100'000;
    std::size_t field_bytes = 4096;
};

/// The rows of FILE (the header first). A file that cannot be read, is too large, holds a NUL
/// byte, an unterminated quote, a quoted line break or an over-long field gives an error
/// diagnostic at its place in `errors` (and the rows read before it).
std::vector<CsvRow> read_csv_rows(const std::filesystem::path& file,
                                  std::vector<scenario::Diagnostic>& errors,
                                  const CsvLimits& limits = {});

} // namespace zorgsim::backtest
