// libFuzzer target: --set PATH=VALUE arguments (NUL-separated) applied to a small scenario
// (docs/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_cases.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    zorgsim::fuzz::apply_set_arguments(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
