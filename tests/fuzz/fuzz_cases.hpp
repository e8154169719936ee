// The two fuzzed entry points, shared by the libFuzzer targets (built with -DZORGSIM_FUZZ=ON)
// and by the replay of tests/fuzz/regressions in the default test suite, so that a case found
// by the fuzzer is replayed through exactly the code that found it.
//
// A case passes when it returns. A finding aborts: a sanitizer report, an exception escaping
// the loader (the command line would exit 1 without a position), or a broken promise of
// load.hpp (a diagnostic without a place or message, a scenario together with errors, and
// with ZORGSIM_FUZZ_ROUND_TRIP=1 a resolved scenario that does not load again). Time and
// memory are bounded by the caller.
#pragma once

#include <string_view>

namespace zorgsim::fuzz {

/// Fuzz target `scenario_load`: `bytes` as the text of a scenario file.
void load_scenario_text(std::string_view bytes);

/// Fuzz target `scenario_set`: `bytes` as command-line arguments of `--set`, separated by NUL
/// (which no argument can contain), each split by parse_override and applied to a small
/// valid scenario. Arguments parse_override refuses are left out, as the command line refuses
/// them before loading.
void apply_set_arguments(std::string_view bytes);

} // namespace zorgsim::fuzz
