// The diagnostic format and the "did you mean" suggestions.
#include "scenario/nearest.hpp"
#include "scenario_support.hpp"

using namespace zorgsim::scenario;

TEST_CASE("A diagnostic formats as FILE:LINE:COLUMN: SEVERITY: MESSAGE") {
    const Diagnostic error{Diagnostic::Severity::error, "a.yaml", 3, 7, "capacity must be ..."};
    CHECK(error.format() == "a.yaml:3:7: error: capacity must be ...");
    const Diagnostic warning{Diagnostic::Severity::warning, "a.yaml", 1, 1, "inflow ..."};
    CHECK(warning.format() == "a.yaml:1:1: warning: inflow ...");
}

TEST_CASE("A load result is ok when it has no errors; warnings are allowed") {
    LoadResult result;
    CHECK(result.ok());
    result.diagnostics.push_back({Diagnostic::Severity::warning, "a", 1, 1, "w"});
    CHECK(result.ok());
    result.diagnostics.push_back({Diagnostic::Severity::error, "a", 1, 1, "e"});
    CHECK_FALSE(result.ok());
}

TEST_CASE("edit_distance counts insertions, deletions and substitutions") {
    CHECK(edit_distance("pleegzorg", "pleegzorg") == 0);
    CHECK(edit_distance("pleegzrog", "pleegzorg") == 2);
    CHECK(edit_distance("capacty", "capacity") == 1);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("The nearest known name is suggested only when it is a likely typo") {
    const std::vector<std::string> known{"pleegzorg", "gezinshuis", "jeugdzorgplus"};
    CHECK(nearest("pleegzrog", known) == "pleegzorg");
    CHECK(nearest("Gezinshuis", known) == "gezinshuis");
    CHECK(nearest("ambulant", known).empty());
    CHECK(did_you_mean("jeugdzorgplu", known) == " (did you mean 'jeugdzorgplus'?)");
    CHECK(did_you_mean("x", {"y"}).empty());
}
