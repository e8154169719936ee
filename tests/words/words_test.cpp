#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "words/words.hpp"

using zorgsim::words::Language;

TEST_CASE("every word has a Dutch and an English text and nothing else") {
    const auto json = nlohmann::json::parse(zorgsim::words::table_json());
    REQUIRE(json.is_object());
    REQUIRE(json.size() > 10);
    for (const auto& [key, value] : json.items()) {
        INFO(key);
        REQUIRE(value.is_object());
        CHECK(value.size() == 2);
        REQUIRE(value.contains("nl"));
        REQUIRE(value.contains("en"));
        CHECK(value["nl"].is_string());
        CHECK(value["en"].is_string());
        CHECK(!value["nl"].get<std::string>().empty());
        CHECK(!value["en"].get<std::string>().empty());
    }
}

TEST_CASE("a key is in the table once") {
    // nlohmann keeps the last of duplicate keys: count them in the raw text instead.
    std::multiset<std::string> seen;
    const auto parsed = nlohmann::json::parse(
        zorgsim::words::table_json(),
        [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& key) {
            if (depth == 1 && event == nlohmann::json::parse_event_t::key)
                seen.insert(key.get<std::string>());
            return true;
        });
    for (const auto& key : seen) {
        INFO(key);
        CHECK(seen.count(key) == 1);
    }
    CHECK(parsed.size() == seen.size());
    CHECK(seen.size() == zorgsim::words::keys().size());
}

TEST_CASE("text gives the word in the language asked for") {
    CHECK(zorgsim::words::text("sheet_key_figures", Language::nl) == "Kerncijfers");
    CHECK(zorgsim::words::text("sheet_key_figures", Language::en) == "Key figures");
    for (const auto& key : zorgsim::words::keys()) {
        CHECK(!zorgsim::words::text(key, Language::nl).empty());
        CHECK(!zorgsim::words::text(key, Language::en).empty());
    }
}

TEST_CASE("an unknown key is a programming error") {
    CHECK_THROWS_AS(zorgsim::words::text("no_such_word", Language::nl), std::logic_error);
}

TEST_CASE("languages are nl and en only") {
    CHECK(zorgsim::words::parse_language("nl") == Language::nl);
    CHECK(zorgsim::words::parse_language("en") == Language::en);
    CHECK(!zorgsim::words::parse_language("NL"));
    CHECK(!zorgsim::words::parse_language("de"));
    CHECK(!zorgsim::words::parse_language(""));
    CHECK(zorgsim::words::to_string(Language::en) == "en");
}
