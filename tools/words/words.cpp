#include "words.hpp"

#include <map>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace zorgsim::words {

namespace {

struct Entry {
    std::string nl;
    std::string en;
};

struct Table {
    std::map<std::string, Entry, std::less<>> entries;
    std::vector<std::string> order;
};

// Parsed once, on first use; the build already checked that every key has both languages.
const Table& table() {
    static const Table parsed = [] {
        Table t;
        const auto json = nlohmann::ordered_json::parse(table_json());
        for (const auto& [key, value] : json.items()) {
            t.entries[key] =
                Entry{value.at("nl").get<std::string>(), value.at("en").get<std::string>()};
            t.order.push_back(key);
        }
        return t;
    }();
    return parsed;
}

} // namespace

std::optional<Language> parse_language(std::string_view text) {
    if (text == "nl")
        return Language::nl;
    if (text == "en")
        return Language::en;
    return std::nullopt;
}

std::string_view to_string(Language language) {
    return language == Language::nl ? "nl" : "en";
}

const std::string& text(std::string_view key, Language language) {
    const auto& entries = table().entries;
    const auto it = entries.find(key);
    if (it == entries.end())
        throw std::logic_error(fmt::format("tools/words/words.json has no word '{}'", key));
    return language == Language::nl ? it->second.nl : it->second.en;
}

std::vector<std::string> keys() {
    return table().order;
}

} // namespace zorgsim::words
