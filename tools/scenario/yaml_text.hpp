// Writing values as YAML text that reads back to exactly the same value.
#pragma once

#include <string>
#include <string_view>

namespace zorgsim::scenario {

/// The shortest text that reads back to the same double ("0.1", "1500", "1e-07", ".inf").
std::string number_text(double value);

/// The text as a plain scalar when that reads back as the same text, else double-quoted.
std::string scalar_text(std::string_view text);

} // namespace zorgsim::scenario
