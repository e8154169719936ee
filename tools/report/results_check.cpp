#include "results_check.hpp"

#include <string>
#include <string_view>

#include <fmt/format.h>

namespace zorgsim::report {
namespace {

namespace fs = std::filesystem;

std::string kind(const Json& value) {
    if (value.is_null()) {
        return "null";
    }
    if (value.is_boolean()) {
        return "true or false";
    }
    if (value.is_number()) {
        return "a number";
    }
    if (value.is_string()) {
        return "a string";
    }
    if (value.is_array()) {
        return "an array";
    }
    return "an object";
}

// The path of a field, for the message: services.pleegzorg.wait_days.mean.
std::string join(std::string_view where, std::string_view key) {
    return where.empty() ? std::string(key) : fmt::format("{}.{}", where, key);
}

class Checker {
  public:
    explicit Checker(const fs::path& file) : file_(file) {}

    [[noreturn]] void fail(std::string_view where, const std::string& what) const {
        throw InvalidResults(where.empty()
                                 ? fmt::format("{}: error: {}", file_.string(), what)
                                 : fmt::format("{}: error: {}: {}", file_.string(), where, what));
    }

    void object(const Json& value, std::string_view where) const {
        if (!value.is_object()) {
            fail(where, fmt::format("expected an object, got {}", kind(value)));
        }
    }

    /// KEY of OBJECT, which must be there.
    const Json& required(const Json& object, std::string_view key, std::string_view where) const {
        const auto it = object.find(key);
        if (it == object.end()) {
            fail(where, fmt::format("missing \"{}\"", key));
        }
        return *it;
    }

    void format(const Json& top) const {
        const Json& format = required(top, "format", "");
        if (!format.is_number_integer() || format.get<std::int64_t>() != 1) {
            fail("format", fmt::format("expected format 1, got {}", format.dump()));
        }
    }

    void string(const Json& value, std::string_view where) const {
        if (!value.is_string()) {
            fail(where, fmt::format("expected a string, got {}", kind(value)));
        }
    }

    void optional_string(const Json& object, std::string_view key, std::string_view where) const {
        if (const auto it = object.find(key); it != object.end() && !it->is_string()) {
            fail(join(where, key), fmt::format("expected a string, got {}", kind(*it)));
        }
    }

    void optional_integer(const Json& object, std::string_view key, std::string_view where) const {
        if (const auto it = object.find(key); it != object.end() && !it->is_number_integer()) {
            fail(join(where, key), fmt::format("expected a whole number, got {}", kind(*it)));
        }
    }

    void number_or_null(const Json& value, std::string_view where) const {
        if (!value.is_number() && !value.is_null()) {
            fail(where, fmt::format("expected a number or null, got {}", kind(value)));
        }
    }

    /// {"mean": x, "ci95": [lo, hi], "p50": ..., "p90": ...}
    void estimate(const Json& value, std::string_view where) const {
        object(value, where);
        number_or_null(required(value, "mean", where), join(where, "mean"));
        if (const auto ci = value.find("ci95"); ci != value.end()) {
            if (!ci->is_array() || ci->size() != 2) {
                fail(join(where, "ci95"), "expected [lo, hi]");
            }
            number_or_null((*ci)[0], join(where, "ci95"));
            number_or_null((*ci)[1], join(where, "ci95"));
        }
        for (const char* quantile : {"p50", "p90"}) {
            if (const auto p = value.find(quantile); p != value.end()) {
                number_or_null(*p, join(where, quantile));
            }
        }
    }

    /// metric -> estimate
    void metrics(const Json& value, std::string_view where) const {
        object(value, where);
        for (const auto& [metric, figure] : value.items()) {
            estimate(figure, join(where, metric));
        }
    }

    /// id -> metric -> estimate
    void metrics_by_id(const Json& value, std::string_view where) const {
        object(value, where);
        for (const auto& [id, figures] : value.items()) {
            metrics(figures, join(where, id));
        }
    }

    /// id -> {...}, when present
    void optional_objects(const Json& top, std::string_view key, std::string_view where) const {
        const auto it = top.find(key);
        if (it == top.end()) {
            return;
        }
        object(*it, join(where, key));
        for (const auto& [id, info] : it->items()) {
            object(info, join(join(where, key), id));
        }
    }

    /// What summary.json and comparison.json's "info" say about a scenario.
    void info(const Json& top, std::string_view where) const {
        for (const char* key : {"title", "start", "end", "period"}) {
            optional_string(top, key, where);
        }
        for (const char* key : {"seed", "replications"}) {
            optional_integer(top, key, where);
        }
        if (const auto it = top.find("policies"); it != top.end()) {
            if (!it->is_array()) {
                fail(join(where, "policies"), fmt::format("expected an array, got {}", kind(*it)));
            }
            for (const auto& policy : *it) {
                object(policy, join(where, "policies"));
            }
        }
        optional_objects(top, "service_info", where);
        optional_objects(top, "source_info", where);
        optional_objects(top, "region_info", where);
        optional_objects(top, "municipality_info", where);
    }

    /// Calls check(item, where) for every item of the array KEY of TOP, when it is there.
    template <typename Check>
    void optional_array(const Json& top, std::string_view key, std::string_view where,
                        Check&& check) const {
        const auto it = top.find(key);
        if (it == top.end()) {
            return;
        }
        const std::string at = join(where, key);
        if (!it->is_array()) {
            fail(at, fmt::format("expected an array, got {}", kind(*it)));
        }
        for (const auto& item : *it) {
            check(item, at);
        }
    }

    /// [{"service": ID, ...}, ...], when there: only its shape; the page script reads it warily.
    void optional_warnings(const Json& top, std::string_view where) const {
        optional_array(top, "warnings", where, [this](const Json& warning, const std::string& at) {
            object(warning, at);
            string(required(warning, "service", at), join(at, "service"));
        });
    }

    /// [{"from": "source:ID", "to": "service:ID", "mean": x, "ci95": [lo, hi]}, ...], when there.
    void optional_flows(const Json& top, std::string_view where) const {
        optional_array(top, "flows", where, [this](const Json& move, const std::string& at) {
            estimate(move, at);
            string(required(move, "from", at), join(at, "from"));
            string(required(move, "to", at), join(at, "to"));
        });
    }

  private:
    const fs::path& file_;
};

} // namespace

void check_summary(const Json& summary, const fs::path& file) {
    const Checker check(file);
    check.object(summary, "");
    check.format(summary);
    check.string(check.required(summary, "scenario", ""), "scenario");
    check.info(summary, "");
    check.metrics_by_id(check.required(summary, "services", ""), "services");
    check.metrics(check.required(summary, "system", ""), "system");
    for (const char* part : {"regions", "municipalities"}) {
        if (const auto it = summary.find(part); it != summary.end()) {
            check.metrics_by_id(*it, part);
        }
    }
    check.optional_flows(summary, "");
    check.optional_warnings(summary, "");
}

void check_comparison(const Json& comparison, const fs::path& file) {
    const Checker check(file);
    check.object(comparison, "");
    check.format(comparison);
    const Json& base = check.required(comparison, "base", "");
    check.string(base, "base");
    check.optional_integer(comparison, "seed", "");
    check.optional_integer(comparison, "replications", "");
    const Json& scenarios = check.required(comparison, "scenarios", "");
    check.object(scenarios, "scenarios");
    if (!scenarios.contains(base.get<std::string>())) {
        check.fail("scenarios",
                   fmt::format("no results of the base \"{}\"", base.get<std::string>()));
    }
    for (const auto& [name, results] : scenarios.items()) {
        const std::string where = join("scenarios", name);
        check.object(results, where);
        check.metrics_by_id(check.required(results, "services", where), join(where, "services"));
        check.metrics(check.required(results, "system", where), join(where, "system"));
        for (const char* part : {"regions", "municipalities"}) {
            if (const auto it = results.find(part); it != results.end()) {
                check.metrics_by_id(*it, join(where, part));
            }
        }
        check.optional_flows(results, where);
        check.optional_warnings(results, where);
    }
    if (const auto it = comparison.find("info"); it != comparison.end()) {
        check.object(*it, "info");
        for (const auto& [name, info] : it->items()) {
            check.object(info, join("info", name));
            check.info(info, join("info", name));
        }
    }
    if (const auto it = comparison.find("differences"); it != comparison.end()) {
        check.object(*it, "differences");
        for (const auto& [name, difference] : it->items()) {
            const std::string where = join("differences", name);
            check.object(difference, where);
            for (const char* part : {"services", "regions", "municipalities"}) {
                if (const auto p = difference.find(part); p != difference.end()) {
                    check.metrics_by_id(*p, join(where, part));
                }
            }
            if (const auto p = difference.find("system"); p != difference.end()) {
                check.metrics(*p, join(where, "system"));
            }
        }
    }
}

void check_sizing(const Json& sizing, const fs::path& file) {
    const Checker check(file);
    check.object(sizing, "");
    check.format(sizing);
    check.string(check.required(sizing, "service", ""), "service");
    check.optional_string(sizing, "scenario", "");
    check.optional_string(sizing, "target", "");
    check.optional_integer(sizing, "capacity", "");
    for (const char* key : {"plan", "curve"}) {
        if (const auto it = sizing.find(key); it != sizing.end()) {
            if (!it->is_array()) {
                check.fail(key, fmt::format("expected an array, got {}", kind(*it)));
            }
            for (const auto& item : *it) {
                check.object(item, key);
            }
        }
    }
    if (const auto it = sizing.find("achieved"); it != sizing.end()) {
        check.metrics(*it, "achieved");
    }
}

void check_sweep(const Json& sweep, const fs::path& file) {
    const Checker check(file);
    check.object(sweep, "");
    check.format(sweep);
    check.optional_string(sweep, "scenario", "");
    for (const char* key : {"parameters", "rows", "failed"}) {
        if (const auto it = sweep.find(key); it != sweep.end() && !it->is_array()) {
            check.fail(key, fmt::format("expected an array, got {}", kind(*it)));
        }
    }
    if (const auto it = sweep.find("rows"); it != sweep.end()) {
        for (const auto& row : *it) {
            check.object(row, "rows");
        }
    }
}

// The report draws every series of backtest.json: each needs its id and labels, its fan
// (periods with numbers or null) and its observed values (a date, a number, a use).
void check_backtest(const Json& backtest, const fs::path& file) {
    const Checker check(file);
    check.object(backtest, "");
    check.format(backtest);
    check.optional_string(backtest, "scenario", "");
    const Json& series = check.required(backtest, "series", "");
    if (!series.is_array()) {
        check.fail("series", fmt::format("expected an array, got {}", kind(series)));
    }
    for (const auto& one : series) {
        check.object(one, "series");
        for (const char* key : {"id", "label_nl", "label_en"}) {
            check.string(check.required(one, key, "series"), join("series", key));
        }
        for (const char* key : {"fan", "observed"}) {
            const Json& rows = check.required(one, key, "series");
            if (!rows.is_array()) {
                check.fail(join("series", key),
                           fmt::format("expected an array, got {}", kind(rows)));
            }
            for (const auto& row : rows) {
                check.object(row, join("series", key));
            }
        }
        for (const auto& point : one.at("fan")) {
            check.string(check.required(point, "period_start", "series.fan"),
                         "series.fan.period_start");
            check.string(check.required(point, "period_end", "series.fan"),
                         "series.fan.period_end");
            for (const char* key : {"mean", "p05", "p25", "p50", "p75", "p95"}) {
                check.number_or_null(check.required(point, key, "series.fan"),
                                     join("series.fan", key));
            }
        }
        for (const auto& value : one.at("observed")) {
            check.string(check.required(value, "date", "series.observed"), "series.observed.date");
            const Json& observed = check.required(value, "observed", "series.observed");
            if (!observed.is_number()) {
                check.fail("series.observed.observed",
                           fmt::format("expected a number, got {}", kind(observed)));
            }
            check.string(check.required(value, "use", "series.observed"), "series.observed.use");
        }
    }
}

} // namespace zorgsim::report
