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
    const auto at_least = parse_target(" admissions.mean >= 80 ", error);
    REQUIRE(at_least);
    CHECK_FALSE(at_least->at_most);
    CHECK(at_least->value == 80.0);
    const auto turned_away = parse_target("rejected.mean <= 1", error);
    REQUIRE(turned_away);
    CHECK(turned_away->rule() == "the whole 95% interval must be <= 1");
    // The waits to care, against each service's own norm, are targets like any service figure.
    for (const char* text :
         {"waits_over_norm.mean <= 5", "queue_length.mean <= 2", "utilization.mean <= 0.9",
          "reneged.mean <= 0.5", "wait_to_care_over_norm_share.mean <= 0.1",
          "wait_to_care_p90_days.mean <= 42", "wait_to_care_days.mean <= 28"}) {
        INFO(text);
        CHECK(parse_target(text, error));
    }
}

TEST_CASE("A target that more capacity makes harder, or that capacity does not move, is refused") {
    // Sizing finds the smallest capacity that meets a target: more places must make it easier.
    for (const char* text : {"utilization.mean >= 0.8", "cost.mean <= 1000000",
                             "wait_days.mean >= 3", "length_of_stay_days.mean <= 100"}) {
        std::string error;
        INFO(text);
        CHECK_FALSE(parse_target(text, error));
        CHECK(error.find("capacity") != std::string::npos);
    }
}

TEST_CASE("A check is met, missed or unclear by where the whole interval lies") {
    std::string error;
    const auto target = parse_target("rejected.mean <= 1", error);
    REQUIRE(target);
    auto stats_of = [](std::initializer_list<double> xs) {
        zorgsim::RunningStats stats;
        for (double x : xs)
            stats.add(x);
        return stats;
    };
    using zorgsim::experiment::check_stats;
    using zorgsim::experiment::Verdict;
    CHECK(check_stats(*target, stats_of({0, 0, 0, 1, 0, 0, 0, 0}), 1.0).verdict == Verdict::meets);
    CHECK(check_stats(*target, stats_of({5, 6, 7, 6}), 1.0).verdict == Verdict::misses);
    const auto close = check_stats(*target, stats_of({0, 2, 1, 0, 2}), 1.0);
    CHECK(close.verdict == Verdict::unclear);
    CHECK_FALSE(close.met);
    CHECK(close.lo < 1.0);
    CHECK(close.hi > 1.0);
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
