#include "serve.hpp"

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "alternative.hpp"
#include "catalog.hpp"
#include "common.hpp"
#include "http_guard.hpp"
#include "interrupt.hpp"
#include "jobs.hpp"
#include "page.hpp"
#include "report/data.hpp"
#include "report/results.hpp"
#include "zorgsim/model/outcomes.hpp"

namespace zorgsim::serve {

namespace fs = std::filesystem;
using words::Language;

namespace {

/// Bytes of per-replication figures one run may keep in memory (docs/studio.md, "Limits").
constexpr double max_run_bytes = double(std::uint64_t{1} << 30);

/// Where the shipped scenarios are: $ZORGSIM_SCENARIOS, next to an installed binary, or the
/// source tree it was built from.
std::vector<fs::path> shipped_scenarios() {
    if (const char* env = std::getenv("ZORGSIM_SCENARIOS"); env && *env)
        return {fs::path(env)};
    std::error_code ignored;
    const fs::path self = fs::read_symlink("/proc/self/exe", ignored);
    if (!self.empty()) {
        const fs::path installed = self.parent_path().parent_path() / "share/zorgsim/scenarios";
        if (fs::is_directory(installed, ignored))
            return {installed};
    }
    return {fs::path(ZORGSIM_SOURCE_SCENARIOS)};
}

std::string read_token(const std::string& file) {
    std::ifstream in(file);
    if (!in)
        throw cli::BadInput(fmt::format("cannot read the token file {}", file));
    std::string token;
    std::getline(in, token);
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back())))
        token.pop_back();
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.front())))
        token.erase(0, 1);
    if (token.size() < 16)
        throw cli::BadInput(fmt::format(
            "the token in {} is {} characters; use a secret of at least 16 (e.g. `openssl rand "
            "-hex 16 > {}`)",
            file, token.size(), file));
    for (const char c : token)
        if (static_cast<unsigned char>(c) < 0x21 || c == ';' || c == ',' || c == 0x7f)
            throw cli::BadInput(fmt::format(
                "the token in {} may hold letters, digits and punctuation, no spaces, ';' or ','",
                file));
    return token;
}

void send_json(httplib::Response& response, const Json& json, int status = 200) {
    response.status = status;
    response.set_content(json.dump(-1, ' ', false, Json::error_handler_t::replace),
                         "application/json; charset=utf-8");
}

void send_error(httplib::Response& response, int status, const std::string& message,
                Json detail = Json::object()) {
    Json body{{"error", message}};
    for (auto& [key, value] : detail.items())
        body[key] = value;
    send_json(response, body, status);
}

Request describe(const httplib::Request& request) {
    Request out;
    out.method = request.method;
    out.path = request.path;
    out.host = request.get_header_value("Host");
    out.origin = request.get_header_value("Origin");
    out.fetch_site = request.get_header_value("Sec-Fetch-Site");
    out.content_type = request.get_header_value("Content-Type");
    out.content_encoding = request.get_header_value("Content-Encoding");
    out.transfer_encoding = request.get_header_value("Transfer-Encoding");
    out.cookie = request.get_header_value("Cookie");
    out.authorization = request.get_header_value("Authorization");
    if (request.has_header("Content-Length")) {
        const std::string text = request.get_header_value("Content-Length");
        char* end = nullptr;
        const unsigned long long length = std::strtoull(text.c_str(), &end, 10);
        out.content_length = end && *end == '\0' && !text.empty()
                                 ? length
                                 : std::numeric_limits<unsigned long long>::max();
    }
    return out;
}

const char* content_type(const std::string& file) {
    const auto ends = [&](const char* suffix) {
        const std::string s(suffix);
        return file.size() >= s.size() && file.compare(file.size() - s.size(), s.size(), s) == 0;
    };
    if (ends(".json"))
        return "application/json; charset=utf-8";
    if (ends(".csv"))
        return "text/csv; charset=utf-8";
    if (ends(".yaml"))
        return "application/yaml; charset=utf-8";
    if (ends(".html"))
        return "text/html; charset=utf-8";
    if (ends(".xlsx"))
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (ends(".zip"))
        return "application/zip";
    return "application/octet-stream";
}

std::string read_file(const fs::path& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    ok = static_cast<bool>(in) || in.eof();
    return out.str();
}

class Studio {
  public:
    Studio(const ServeArguments& arguments, std::vector<Offered> catalog, fs::path data_dir)
        : arguments_(arguments), catalog_(std::move(catalog)),
          jobs_(data_dir, JobLimits{3, 16, std::chrono::seconds(arguments.abandon_after_seconds),
                                    arguments.threads}) {}

    const Offered* find(const std::string& name) const {
        for (const auto& offered : catalog_)
            if (offered.name == name)
                return &offered;
        return nullptr;
    }

    Json scenarios_json() const {
        Json list = Json::array();
        for (const auto& offered : catalog_) {
            const auto& s = offered.scenario;
            list.push_back(Json{{"name", offered.name},
                                {"title", offered.title},
                                {"description", offered.description},
                                {"file", offered.file.filename().string()},
                                {"start", to_iso(s.start)},
                                {"end", iso_date(s, s.horizon_days)},
                                {"period", std::string(to_string(s.period))},
                                {"replications", s.replications},
                                {"seed", s.seed},
                                {"services", s.services.size()},
                                {"regions", s.regions.size()}});
        }
        return Json{{"scenarios", std::move(list)}};
    }

    Json levers_json(const Offered& offered) const {
        Json levers = Json::array();
        for (const auto& lever : offered.levers)
            levers.push_back(lever_json(offered, lever));
        Json services = Json::array();
        for (const auto& service : offered.scenario.services)
            services.push_back(
                Json{{"id", service.id},
                     {"label", Json{{"nl", service_label(service, Language::nl)},
                                    {"en", service_label(service, Language::en)}}},
                     {"kind",
                      service.kind == care::ServiceKind::placement ? "placement" : "care_at_home"},
                     {"capacity", service.capacity.empty() ? 0 : service.capacity.front().value}});
        return Json{{"scenario", offered.name},
                    {"date_min", offered.first_year},
                    {"date_max", offered.last_year},
                    {"services", std::move(services)},
                    {"levers", std::move(levers)}};
    }

    /// POST /api/runs
    std::shared_ptr<Job> make_job(const Json& request) {
        check_strings(request);
        if (!request.is_object())
            throw RequestError("the request must be a JSON object: {\"base\": NAME, "
                               "\"alternatives\": [...], \"replications\": N, \"seed\": S}");
        for (const auto& [key, value] : request.items())
            if (key != "base" && key != "alternatives" && key != "replications" && key != "seed" &&
                key != "lang")
                throw RequestError(fmt::format("unknown key '{}' in the request (expected base, "
                                               "alternatives, replications, seed, lang)",
                                               key));
        if (!request.contains("base") || !request["base"].is_string())
            throw RequestError("the request needs \"base\": the name of a scenario "
                               "(GET /api/scenarios lists them)");
        const std::string base_name = request["base"].get<std::string>();
        const Offered* base = find(base_name);
        if (!base)
            throw RequestError(fmt::format("no scenario named '{}' (GET /api/scenarios lists them)",
                                           base_name.substr(0, 100)),
                               Json{{"status", 404}});
        RunSettings settings;
        settings.language = arguments_.language;
        if (request.contains("lang")) {
            const auto language = request["lang"].is_string()
                                      ? words::parse_language(request["lang"].get<std::string>())
                                      : std::nullopt;
            if (!language)
                throw RequestError("\"lang\" is \"nl\" or \"en\"");
            settings.language = *language;
        }
        settings.replications = base->scenario.replications;
        if (request.contains("replications")) {
            const Json& value = request["replications"];
            if (!value.is_number_integer() || value.get<long long>() < 1 ||
                value.get<unsigned long long>() > arguments_.max_replications)
                throw RequestError(fmt::format("\"replications\" is a whole number from 1 to {} "
                                               "(this studio's maximum), got {}",
                                               arguments_.max_replications, value.dump()));
            settings.replications = value.get<std::size_t>();
        }
        settings.seed = base->scenario.seed;
        if (request.contains("seed")) {
            const Json& value = request["seed"];
            if (!value.is_number_integer() ||
                (value.is_number_integer() && !value.is_number_unsigned() &&
                 value.get<long long>() < 0))
                throw RequestError(fmt::format("\"seed\" is a whole number from 0 to {}, got {}",
                                               std::numeric_limits<std::uint64_t>::max(),
                                               value.dump()));
            settings.seed = value.get<std::uint64_t>();
        }
        Json alternatives = Json::array();
        if (request.contains("alternatives")) {
            alternatives = request["alternatives"];
            if (!alternatives.is_array())
                throw RequestError("\"alternatives\" is a list");
            if (alternatives.size() > max_alternatives)
                throw RequestError(fmt::format("at most {} alternatives are compared at once, "
                                               "got {}",
                                               max_alternatives, alternatives.size()));
        }

        auto job = std::make_shared<Job>();
        job->id = new_job_id();
        job->base = base->name;
        job->settings = settings;
        job->scenarios.push_back(load_base(*base));
        std::vector<std::string> taken{job->scenarios.front().name};
        int index = 0;
        for (const auto& item : alternatives) {
            Alternative alternative = make_alternative(*base, item, ++index, settings, taken);
            taken.push_back(alternative.name);
            job->scenarios.push_back(alternative.scenario);
            job->alternatives.push_back(std::move(alternative));
        }
        // The memory check of the command line, with the studio's smaller budget.
        const care::OutcomeLayout layout = care::outcome_layout(job->scenarios.front());
        const double bytes = 8.0 * static_cast<double>(layout.series_cells()) *
                             static_cast<double>(layout.periods.size()) *
                             static_cast<double>(job->scenarios.size()) *
                             static_cast<double>(settings.replications);
        if (bytes > max_run_bytes)
            throw RequestError(fmt::format(
                "{} replications of {} scenarios would keep {:.1f} GiB of figures in memory; this "
                "studio allows 1 GiB: ask for fewer replications or alternatives",
                settings.replications, job->scenarios.size(), bytes / double(1ULL << 30)));
        job->total = settings.replications;
        // What was asked, for the cache: the resolved scenarios, seed, replications, language.
        std::string key = fmt::format("{}\n{}\n{}\n", settings.replications, settings.seed,
                                      words::to_string(settings.language));
        for (const auto& scenario : job->scenarios)
            key += scenario::emit_yaml(scenario) + "\n---\n";
        for (const auto& alternative : job->alternatives)
            key += alternative.label + "\n" + alternative.text + "\n---\n";
        job->key = std::move(key);
        return job;
    }

    Json job_json(Job& job, bool with_result) {
        const auto status = job.status.load();
        const double progress =
            status == Job::Status::done ? 1.0
            : job.total ? static_cast<double>(job.done.load()) / static_cast<double>(job.total)
                        : 0.0;
        Json alternatives = Json::array();
        for (const auto& alternative : job.alternatives)
            alternatives.push_back(Json{{"label", alternative.label},
                                        {"name", alternative.name},
                                        {"file", alternative.file_name}});
        Json out{{"id", job.id},
                 {"status", status_name(status)},
                 {"progress", progress},
                 {"done", job.done.load()},
                 {"replications", job.settings.replications},
                 {"seed", job.settings.seed},
                 {"lang", words::to_string(job.settings.language)},
                 {"base", job.base},
                 {"alternatives", std::move(alternatives)}};
        if (status == Job::Status::failed || status == Job::Status::cancelled)
            out["message"] = job.message;
        if (status == Job::Status::done) {
            out["seconds"] = job.seconds;
            out["results"] = job.results_name;
            out["files"] = job.files;
            out["result"] = with_result ? job.result : Json(nullptr);
        } else {
            out["result"] = nullptr;
        }
        return out;
    }

    void routes(httplib::Server& server, const std::string& page) {
        server.Get("/", [page](const httplib::Request&, httplib::Response& response) {
            response.set_header(
                "Content-Security-Policy",
                "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src "
                "'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'self'; "
                "form-action 'none'; frame-ancestors 'none'; base-uri 'none'");
            response.set_content(page, "text/html; charset=utf-8");
        });
        server.Get("/api/scenarios", [this](const httplib::Request&, httplib::Response& response) {
            send_json(response, scenarios_json());
        });
        server.Get(R"(/api/scenarios/([^/]+)/levers)", [this](const httplib::Request& request,
                                                              httplib::Response& response) {
            const Offered* offered = find(request.matches[1]);
            if (!offered)
                return send_error(response, 404,
                                  fmt::format("no scenario named '{}'",
                                              std::string(request.matches[1]).substr(0, 100)));
            send_json(response, levers_json(*offered));
        });
        server.Post("/api/runs", [this](const httplib::Request& request,
                                        httplib::Response& response) {
            Json body;
            try {
                body = Json::parse(request.body);
            } catch (const Json::parse_error& error) {
                return send_error(response, 400,
                                  fmt::format("the request body is not JSON: {}", error.what()));
            }
            try {
                auto job = jobs_.submit(make_job(body));
                response.set_header("Location", "/api/runs/" + job->id);
                send_json(response,
                          Json{{"id", job->id},
                               {"status", status_name(job->status.load())},
                               {"url", "/api/runs/" + job->id}},
                          202);
            } catch (const RequestError& error) {
                Json detail = error.detail;
                int status = 400;
                if (detail.contains("status")) {
                    status = detail["status"].get<int>();
                    detail.erase("status");
                }
                send_error(response, status, error.what(), detail);
            } catch (const Busy& error) {
                response.set_header("Retry-After", "2");
                send_error(response, 429, error.what());
            }
        });
        const auto with_job = [this](auto handler) {
            return [this, handler](const httplib::Request& request, httplib::Response& response) {
                auto job = jobs_.find(request.matches[1]);
                if (!job)
                    return send_error(response, 404,
                                      "no such run (it may have been forgotten: the studio keeps "
                                      "the last 16)");
                job->touch();
                handler(*job, request, response);
            };
        };
        server.Get(R"(/api/runs/([0-9a-f]{32}))",
                   with_job([this](Job& job, const httplib::Request& request,
                                   httplib::Response& response) {
                       send_json(response, job_json(job, request.get_param_value("result") != "0"));
                   }));
        server.Delete(R"(/api/runs/([0-9a-f]{32}))",
                      [this](const httplib::Request& request, httplib::Response& response) {
                          auto job = jobs_.find(request.matches[1]);
                          if (!job)
                              return send_error(response, 404, "no such run");
                          if (!jobs_.cancel(job->id))
                              return send_error(response, 409,
                                                fmt::format("the run has ended ({})",
                                                            status_name(job->status.load())));
                          send_json(response, Json{{"id", job->id}, {"status", "cancelling"}});
                      });
        server.Get(
            R"(/api/runs/([0-9a-f]{32})/files/([^/]+))",
            with_job([](Job& job, const httplib::Request& request, httplib::Response& response) {
                if (job.status.load() != Job::Status::done)
                    return send_error(response, 409, "the run is not done");
                const std::string name = request.matches[2];
                // Only the run's own files, by name: never a path from the request.
                if (std::find(job.files.begin(), job.files.end(), name) == job.files.end())
                    return send_error(response, 404,
                                      fmt::format("this run has no file '{}'", name.substr(0, 100)),
                                      Json{{"files", job.files}});
                const bool alternative_file =
                    name == "results.zip" ||
                    std::any_of(job.alternatives.begin(), job.alternatives.end(),
                                [&](const Alternative& a) { return a.file_name == name; });
                const fs::path path =
                    alternative_file ? job.folder / name : job.folder / job.results_name / name;
                bool ok = false;
                std::string contents = read_file(path, ok);
                if (!ok)
                    return send_error(response, 410, "the file is gone");
                const bool show = request.get_param_value("inline") == "1" && name.size() > 5 &&
                                  name.substr(name.size() - 5) == ".html";
                response.set_header(
                    "Content-Disposition",
                    fmt::format("{}; filename=\"{}\"", show ? "inline" : "attachment", name));
                if (name.size() > 5 && name.substr(name.size() - 5) == ".html")
                    response.set_header(
                        "Content-Security-Policy",
                        "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; "
                        "style-src 'unsafe-inline'; img-src data: blob:; font-src data:");
                response.set_content(std::move(contents), content_type(name));
            }));
        server.Get(R"(/api/runs/([0-9a-f]{32})/report)",
                   with_job([this](Job& job, const httplib::Request& request,
                                   httplib::Response& response) {
                       if (job.status.load() != Job::Status::done)
                           return send_error(response, 409, "the run is not done");
                       Language language = job.settings.language;
                       if (request.has_param("lang")) {
                           const auto asked =
                               words::parse_language(request.get_param_value("lang"));
                           if (!asked)
                               return send_error(response, 400, "lang is nl or en");
                           language = *asked;
                       }
                       const auto results = report::load_results(job.folder / job.results_name);
                       response.set_content(report::report_data(results, language).dump(),
                                            "application/json; charset=utf-8");
                   }));
        server.Get(
            R"(/api/runs/([0-9a-f]{32})/animation)",
            with_job([](Job& job, const httplib::Request& request, httplib::Response& response) {
                if (job.status.load() != Job::Status::done)
                    return send_error(response, 409, "the run is not done");
                const std::string scenario = request.get_param_value("scenario");
                const Animation* animation = nullptr;
                const Animation::Track* track = nullptr;
                for (const Animation* a :
                     {static_cast<const Animation*>(job.animation.get()), job.base_animation.get()})
                    if (a && !track)
                        for (const auto& t : a->tracks)
                            if (!track && (t.scenario == scenario || scenario.empty())) {
                                track = &t;
                                animation = a;
                            }
                if (!track)
                    return send_error(
                        response, 404,
                        fmt::format("no scenario '{}' in this run", scenario.substr(0, 100)));
                const care::Scenario* resolved = nullptr;
                for (const auto& s : job.scenarios)
                    if (s.name == track->scenario)
                        resolved = &s;
                Json places = Json::array();
                Json labels = Json::object();
                for (const auto& place : animation->places) {
                    places.push_back(place);
                    if (!resolved)
                        continue;
                    for (const auto& service : resolved->services)
                        if (service.id == place)
                            labels[place] = Json{
                                {"nl", service_label(service, Language::nl)},
                                {"en", service_label(service, Language::en)},
                                {"kind", service.kind == care::ServiceKind::placement
                                             ? "placement"
                                             : "care_at_home"},
                                {"capacity",
                                 service.capacity.empty() ? 0 : service.capacity.front().value}};
                }
                Json times = Json::array();
                for (const float t : track->time)
                    times.push_back(std::round(static_cast<double>(t) * 100.0) / 100.0);
                Json out{{"scenario", track->scenario},
                         {"start", resolved ? to_iso(resolved->start) : ""},
                         {"horizon_days", resolved ? resolved->horizon_days : 0.0},
                         {"events", animation->events},
                         {"places", std::move(places)},
                         {"labels", std::move(labels)},
                         {"truncated", track->truncated},
                         {"t", std::move(times)},
                         {"y", track->youth},
                         {"e", track->event},
                         {"p", track->place}};
                response.set_content(out.dump(), "application/json; charset=utf-8");
            }));
    }

    Jobs& jobs() { return jobs_; }

  private:
    const ServeArguments& arguments_;
    std::vector<Offered> catalog_;
    Jobs jobs_;
};

} // namespace

int serve_command(const ServeArguments& arguments) {
    const auto address = parse_listen(arguments.listen);
    if (!address)
        throw cli::BadInput(fmt::format("--listen expects HOST:PORT (e.g. 127.0.0.1:8080 or "
                                        "[::1]:8080), got '{}'",
                                        arguments.listen));
    std::string token;
    if (!arguments.token_file.empty())
        token = read_token(arguments.token_file);
    if (!address->loopback() && token.empty())
        throw cli::BadInput(fmt::format(
            "listening on {} lets other machines in: give --token-file FILE (a secret the page "
            "asks for once) and put TLS in front (docs/studio.md, \"From another machine\")",
            address->host));
    if (address->wildcard() && arguments.allow_hosts.empty())
        throw cli::BadInput(fmt::format(
            "listening on {} answers only the names given with --allow-host NAME (the name "
            "users type in their browser, e.g. --allow-host zorgsim.example.nl)",
            address->host));

    std::vector<fs::path> paths;
    for (const auto& item : arguments.scenarios)
        paths.emplace_back(item);
    if (paths.empty())
        paths = shipped_scenarios();
    std::vector<Offered> catalog;
    try {
        catalog = load_catalog(paths);
    } catch (const std::runtime_error& error) {
        throw cli::BadInput(error.what());
    }

    // The studio's own folder for results: private, removed when it stops.
    std::string pattern =
        (fs::path(std::getenv("TMPDIR") && *std::getenv("TMPDIR") ? std::getenv("TMPDIR")
                                                                  : "/tmp") /
         "zorgsim-studio-XXXXXX")
            .string();
    if (!::mkdtemp(pattern.data()))
        throw cli::BadInput(fmt::format("cannot make a folder for the results in {}",
                                        fs::path(pattern).parent_path().string()));
    const fs::path data_dir(pattern);

    // A client that goes away in the middle of a reply must not end the studio.
    std::signal(SIGPIPE, SIG_IGN);

    {
        Studio studio(arguments, std::move(catalog), data_dir);
        httplib::Server server;
        server.new_task_queue = [] { return new httplib::ThreadPool(8); };
        server.set_payload_max_length(max_body_bytes);
        server.set_read_timeout(10, 0);
        server.set_write_timeout(30, 0);
        server.set_keep_alive_timeout(5);
        server.set_keep_alive_max_count(100);
        // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a second studio
        // (or another program of the same user) could listen on the same port and take half
        // of the requests.
        server.set_socket_options([](socket_t socket) {
            int yes = 1;
            ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
        });

        ListenAddress bound = *address;
        const bool ok = bound.port == 0 ? (bound.port = server.bind_to_any_port(bound.host)) > 0
                                        : server.bind_to_port(bound.host, bound.port);
        if (!ok) {
            std::error_code ignored;
            fs::remove_all(data_dir, ignored);
            throw cli::BadInput(fmt::format("cannot listen on {} (is another program using it?)",
                                            address->authority()));
        }
        const Guard guard(allowed_hosts(bound, arguments.allow_hosts), token, max_body_bytes);
        Json config{{"token_required", guard.token_required()},
                    {"max_replications", arguments.max_replications},
                    {"max_alternatives", max_alternatives},
                    {"lang", words::to_string(arguments.language)}};
        const std::string page = studio_page(arguments.language, config);

        server.set_pre_routing_handler(
            [&guard](const httplib::Request& request, httplib::Response& response) {
                if (const auto refusal = guard.check(describe(request))) {
                    send_error(response, refusal->status, refusal->message,
                               refusal->status == 401 ? Json{{"token_required", true}}
                                                      : Json::object());
                    response.set_header("Connection", "close");
                    return httplib::Server::HandlerResponse::Handled;
                }
                return httplib::Server::HandlerResponse::Unhandled;
            });
        server.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
            response.set_header("X-Content-Type-Options", "nosniff");
            response.set_header("Cache-Control", "no-store");
            response.set_header("Referrer-Policy", "no-referrer");
            response.set_header("X-Frame-Options", "DENY");
        });
        server.set_error_handler([](const httplib::Request&, httplib::Response& response) {
            if (response.body.empty())
                send_error(response, response.status,
                           response.status == 404 ? "not found: the studio serves its page at / "
                                                    "and its API under /api/"
                                                  : "the request was refused");
        });
        server.set_exception_handler(
            [](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
                std::string what = "unknown";
                try {
                    std::rethrow_exception(error);
                } catch (const std::exception& e) {
                    what = e.what();
                } catch (...) {
                }
                send_error(response, 500, fmt::format("internal error: {}", what));
            });
        studio.routes(server, page);

        std::thread listener([&server] { server.listen_after_bind(); });
        fmt::print("zorgsim: the studio is at http://{}/ (Ctrl-C stops it)\n", bound.authority());
        std::fflush(stdout);
        while (!cli::interrupt_requested().load())
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        studio.jobs().shutdown(); // the run in flight stops within a fraction of a second
        server.stop();
        listener.join();
    }
    std::error_code ignored;
    fs::remove_all(data_dir, ignored);
    if (!arguments.quiet)
        fmt::print(stderr, "zorgsim: the studio stopped\n");
    return cli::success;
}

} // namespace zorgsim::serve
