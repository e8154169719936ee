#include "source_text.hpp"

#include <fmt/format.h>

namespace zorgsim::scenario {

/// The length of the UTF-8 sequence starting at text[i], or 0 if it is not valid UTF-8.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) {
        return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
    };
    const unsigned lead = byte(i);
    const auto continuation = [&](std::size_t k, unsigned low = 0x80, unsigned high = 0xBF) {
        return byte(k) >= low && byte(k) <= high;
    };
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        return continuation(i + 1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        const unsigned low = lead == 0xE0 ? 0xA0 : 0x80;
        const unsigned high = lead == 0xED ? 0x9F : 0xBF;
        return continuation(i + 1, low, high) && continuation(i + 2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const unsigned low = lead == 0xF0 ? 0x90 : 0x80;
        const unsigned high = lead == 0xF4 ? 0x8F : 0xBF;
        return continuation(i + 1, low, high) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
    }
    return 0;
}

namespace {

/// The code point of the valid UTF-8 sequence of `length` bytes at text[i].
char32_t code_point(std::string_view text, std::size_t i, std::size_t length) {
    const auto byte = [&](std::size_t k) {
        return static_cast<char32_t>(static_cast<unsigned char>(text[i + k]));
    };
    switch (length) {
    case 2:
        return (byte(0) & 0x1F) << 6 | (byte(1) & 0x3F);
    case 3:
        return (byte(0) & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F);
    case 4:
        return (byte(0) & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 |
               (byte(3) & 0x3F);
    default:
        return byte(0);
    }
}

/// C1 controls (U+0080-U+009F: U+0085 is a line break to some readers, U+009B starts a
/// terminal escape) and the bidirectional embedding, override and isolate controls
/// (U+202A-U+202E, U+2066-U+2069), which make text read differently from what it is.
bool is_c1_or_bidi_control(char32_t code) {
    return (code >= 0x80 && code <= 0x9F) || (code >= 0x202A && code <= 0x202E) ||
           (code >= 0x2066 && code <= 0x2069);
}

} // namespace

std::optional<TextProblem> find_text_problem(std::string_view text) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t length = utf8_sequence_length(text, i);
        if (length == 0)
            return TextProblem{line, column,
                               fmt::format("the file is not valid UTF-8 (byte 0x{:02X} here): save "
                                           "it as UTF-8",
                                           c)};
        if (c == '\n' || c == '\r') {
            i += c == '\r' && i + 1 < text.size() && text[i + 1] == '\n' ? 2 : 1;
            ++line;
            column = 1;
            continue;
        }
        if ((c < 0x20 && c != '\t') || c == 0x7F)
            return TextProblem{
                line, column,
                fmt::format("control character U+{:04X} is not allowed in a scenario file", c)};
        if (const char32_t code = code_point(text, i, length); is_c1_or_bidi_control(code))
            return TextProblem{
                line, column,
                fmt::format("control character U+{:04X} is not allowed in a "
                            "scenario file ({})",
                            static_cast<unsigned>(code),
                            code < 0x100 ? "a C1 control" : "a bidirectional text control")};
        i += length;
        ++column;
    }
    return std::nullopt;
}

std::string with_lf_line_breaks(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
        } else {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        }
    }
    return out;
}

} // namespace zorgsim::scenario
