// Checks on a scenario's text before it is parsed: it must be UTF-8 without control
// characters (JSON and CSV output must be able to carry every name), and CR or CRLF line
// endings count as line breaks.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zorgsim::scenario {

/// The length of the UTF-8 sequence that starts at text[i] (1 to 4), or 0 if the bytes there
/// are not valid UTF-8 (overlong forms, surrogates and code points above U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

/// The first place where the text is not acceptable: a byte that is not UTF-8, or a control
/// character other than tab and line breaks. Line and column are 1-based; the column counts
/// characters (not bytes); CR, LF and CRLF each end a line.
struct TextProblem {
    int line = 1;
    int column = 1;
    std::string message;
};
std::optional<TextProblem> find_text_problem(std::string_view text);

/// The text with CRLF and lone CR line endings replaced by LF (YAML parsers disagree about a
/// lone CR; editors on every platform show it as a line break).
std::string with_lf_line_breaks(std::string_view text);

} // namespace zorgsim::scenario
