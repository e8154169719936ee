// Every scenario shipped in scenarios/ loads without errors and survives a round trip.
#include <algorithm>

#include "scenario_support.hpp"

using namespace zorgsim::scenario;
using namespace zorgsim::scenario::testing;

TEST_CASE("Every shipped scenario loads without errors and emits YAML that loads again") {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(ZORGSIM_SCENARIOS_DIR))
        if (entry.path().extension() == ".yaml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        INFO(file.string());
        const auto result = load_file(file);
        INFO(Catch::Detail::stringify(messages(result)));
        REQUIRE(result.ok());
        const auto again =
            load_text(emit_yaml(*result.scenario), "emitted.yaml", file.parent_path());
        INFO(Catch::Detail::stringify(messages(again)));
        REQUIRE(again.ok());
        CHECK(emit_yaml(*again.scenario) == emit_yaml(*result.scenario));
    }
}
