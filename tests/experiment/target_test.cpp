// Specification of sizing targets: "METRIC.STAT <= VALUE" or ">= VALUE", with quantiles
// only for waits; anything else is refused with a message that says what is expected.
#include <catch2/catch.hpp>

#include "experiment/target.hpp"

using zorgsim::experiment::parse_target;

TEST_CASE("A target names a service metric, a statistic, a direction and a number") {
    std::string error;
    const auto target = parse_target("wait_days.p90 <= 28", error);
    REQUIRE(target);
    CHECK(target->metric == "wait_days");
    CHECK(target->stat == "p90");
    CHECK(target->at_most);
    CHECK(target->value == 28.0);
    const auto at_least = parse_target(" utilization.mean >= 0.8 ", error);
    REQUIRE(at_least);
    CHECK_FALSE(at_least->at_most);
    CHECK(at_least->value == 0.8);
    // The waits to care, against each service's own norm, are targets like any service figure.
    for (const char* text : {"wait_to_care_over_norm_share.mean <= 0.1",
                             "wait_to_care_p90_days.mean <= 42", "wait_to_care_days.mean <= 28"})
        CHECK(parse_target(text, error));
}

TEST_CASE("Malformed targets are refused with what was expected") {
    for (const char* text :
         {"wait_days.p90 < 28", "wait_days <= 28", "waits.mean <= 3", "queue_length.p90 <= 3",
          "wait_days.mean <= soon", "wait_days.mean <= "}) {
        std::string error;
        INFO(text);
        CHECK_FALSE(parse_target(text, error));
        CHECK_FALSE(error.empty());
    }
}
