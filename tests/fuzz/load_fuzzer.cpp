// libFuzzer target: the scenario loader on arbitrary YAML text (docs/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_cases.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    zorgsim::fuzz::load_scenario_text(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
