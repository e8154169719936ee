// Every scenario shipped in scenarios/ and scenarios/validation/ (and every valid fixture) loads
// without errors and survives a round trip through emit_yaml. The emitted files are kept in the
// build folder, where the schema test (check_schema.py) validates them too: what `zorgsim run`
// writes as scenario.yaml must be a valid scenario file.
#include <algorithm>
#include <fstream>

#include "scenario_support.hpp"

using namespace zorgsim::scenario;
using namespace zorgsim::scenario::testing;

namespace {

std::vector<std::filesystem::path> yaml_files(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == ".yaml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

TEST_CASE("Every shipped scenario loads without errors and emits YAML that loads again") {
    const std::filesystem::path emitted{ZORGSIM_EMITTED_DIR};
    std::filesystem::create_directories(emitted);
    const std::filesystem::path shipped{ZORGSIM_SCENARIOS_DIR};
    std::vector<std::filesystem::path> files = yaml_files(shipped);
    REQUIRE_FALSE(files.empty());
    for (const auto& folder : {shipped / "validation", fixtures / "valid"})
        if (std::filesystem::is_directory(folder))
            for (auto& file : yaml_files(folder))
                files.push_back(file);
    for (const auto& file : files) {
        INFO(file.string());
        const auto result = load_file(file);
        INFO(Catch::Detail::stringify(messages(result)));
        REQUIRE(result.ok());
        const std::string text = emit_yaml(*result.scenario);
        std::ofstream(emitted /
                      (file.parent_path().filename().string() + "-" + file.filename().string()))
            << text;
        const auto again = load_text(text, "emitted.yaml", file.parent_path());
        INFO(Catch::Detail::stringify(messages(again)));
        REQUIRE(again.ok());
        CHECK(emit_yaml(*again.scenario) == text);
    }
}
