// Ids and the scenario name end up where text is not free: ids are columns and cells of
// timeseries.csv and keys of summary.json next to the system rows, the name is the default
// results folder. So they are restricted to a plain, bounded alphabet.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "convert.hpp"

namespace zorgsim::scenario {

namespace {

bool id_character(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

} // namespace

bool valid_name(const std::string& name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), id_character);
}

std::string id_problem(const std::string& id, std::string_view kind) {
    if (!valid_name(id))
        return fmt::format("{} id must be letters, digits, '-' and '_' (it names the {} in the "
                           "output files), got '{}'",
                           kind, kind, shown(id));
    if (!std::isalpha(static_cast<unsigned char>(id.front())))
        return fmt::format("{} id must start with a letter{}, got '{}'", kind,
                           id.front() == '-' ? " (ids are cells of the output CSV files, and a "
                                               "spreadsheet reads a leading '-' as a formula)"
                                             : "",
                           shown(id));
    if (id.size() > max_id_length)
        return fmt::format("{} id must be at most {} characters, got {} ('{}')", kind,
                           max_id_length, id.size(), shown(id));
    if (id == "exit")
        return fmt::format("{} id 'exit' is reserved: a route to 'exit' means leaving care", kind);
    if (id == "system")
        return fmt::format("{} id 'system' is taken: the output files report the whole system "
                           "under that name",
                           kind);
    return {};
}

std::string name_problem(const std::string& name) {
    if (!valid_name(name))
        return fmt::format("name must be letters, digits, '-' and '_' (it names output files), "
                           "got '{}'",
                           shown(name));
    if (name.size() > max_name_length)
        return fmt::format("name must be at most {} characters (it names the results folder), "
                           "got {}",
                           max_name_length, name.size());
    return {};
}

} // namespace zorgsim::scenario
