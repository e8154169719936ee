// zorgsim: the command line (see CONTRACT.md for what scripts rely on).
#include <cerrno>
#include <charconv>
#include <cstdint>
#include <limits>

#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <fmt/format.h>

#include "commands.hpp"
#include "interrupt.hpp"
#include "serve/serve.hpp"
#include "zorgsim/engine/replications.hpp"
#include "zorgsim/model/care_model.hpp"
#ifdef ZORGSIM_MPI
#include "mpi_session.hpp"
#endif

namespace {

using namespace zorgsim::cli;

/// A whole number from `min` to 2^64 - 1. CLI11's own conversion takes "-1" as 2^64 - 1 and
/// 2^64 and above as 2^64 - 1, and CLI::PositiveNumber says "Value 0 not in range 0 to 1.8e308".
CLI::Validator whole_number(std::uint64_t min) {
    return CLI::Validator(
        [min](std::string& text) {
            std::uint64_t value = 0;
            const char* end = text.data() + text.size();
            const auto [stop, error] = std::from_chars(text.data(), end, value);
            if (text.empty() || error != std::errc() || stop != end || value < min)
                return fmt::format("expected a whole number from {} to {}, got '{}'", min,
                                   std::numeric_limits<std::uint64_t>::max(), text);
            return std::string();
        },
        "");
}

void add_common(CLI::App& command, CommonOptions& options) {
    command
        .add_option("--replications", options.replications,
                    "number of replications (default: the scenario's)")
        ->check(whole_number(1));
    command.add_option("--seed", options.seed, "64-bit seed (default: the scenario's)")
        ->check(whole_number(0));
    command.add_option("--threads", options.threads, "worker threads (default: all cores)")
        ->check(whole_number(1));
    command.add_option("--out", options.out, "output folder (default: results/<scenario-name>/)");
    command
        .add_option("--max-youths", options.max_youths,
                    fmt::format("youths alive at once per replication before the run stops as "
                                "a runaway (default {})",
                                zorgsim::care::RunLimits::default_max_youths))
        ->check(whole_number(1));
    command.add_flag("--quiet", options.quiet, "no progress output");
    command
        .add_option_function<std::string>(
            "--lang",
            [&options](const std::string& text) {
                options.language = *zorgsim::words::parse_language(text);
            },
            "language of results.xlsx: nl (default) or en")
        ->check(CLI::Validator(
            [](std::string& text) {
                return zorgsim::words::parse_language(text)
                           ? std::string()
                           : fmt::format("expected nl (Dutch) or en (English), got '{}'", text);
            },
            "nl|en"));
    command.add_flag("--keep-replications", options.keep_replications,
                     "also write replications.csv: every per-period figure of every replication");
}

/// Where the command runs: replications on the cluster's backend, output from rank 0 only.
void place(CommonOptions& options, const Cluster& cluster) {
    options.cluster = &cluster;
    options.quiet = options.quiet || !cluster.writes_output();
}

/// An error that only this process met: in an MPI job, end every rank now.
int local_failure(const Cluster& cluster, int code, const std::string& message) {
    if (cluster.abort)
        cluster.abort(code, message);
    return code;
}

int run_command_line(int argc, char** argv, const Cluster& cluster) {
    CLI::App app{"zorgsim: discrete-event simulation of the regional youth-care landscape"};
    app.set_version_flag("--version", std::string("zorgsim ") + ZORGSIM_VERSION);
    app.require_subcommand(1);

    RunArguments run;
    auto* run_cmd =
        app.add_subcommand("run", "run a scenario (default: the embedded Westfriesland baseline)");
    run_cmd->add_option("scenario", run.scenario, "scenario file (YAML)");
    add_common(*run_cmd, run.common);
    run_cmd->add_option("--set", run.common.sets, "override a scenario value: PATH=VALUE");
    run_cmd->add_option("--trace", run.trace,
                        "write the event log of replication 0 to this CSV file");

    std::string validate_file;
    std::vector<std::string> validate_sets;
    auto* validate_cmd =
        app.add_subcommand("validate", "check a scenario and warn, after a short pilot run, of "
                                       "waiting lists that keep growing");
    validate_cmd->add_option("scenario", validate_file, "scenario file (YAML)")->required();
    validate_cmd->add_option("--set", validate_sets, "override a scenario value: PATH=VALUE");
    bool validate_quiet = false;
    validate_cmd->add_flag("--quiet", validate_quiet,
                           "errors only: no warnings and no pilot run (prints nothing for a valid "
                           "file)");

    std::optional<std::string> describe_file;
    std::vector<std::string> describe_sets;
    auto* describe_cmd = app.add_subcommand("describe", "print the resolved network in words");
    describe_cmd->add_option("scenario", describe_file,
                             "scenario file (default: the embedded baseline)");
    describe_cmd->add_option("--set", describe_sets, "override a scenario value: PATH=VALUE");

    CompareArguments compare;
    auto* compare_cmd = app.add_subcommand(
        "compare", "run scenarios with common random numbers and report paired differences");
    compare_cmd->add_option("scenarios", compare.scenarios, "BASE.yaml ALT.yaml [ALT2.yaml ...]")
        ->required();
    add_common(*compare_cmd, compare.common);
    compare_cmd->add_option("--trace", compare.trace,
                            "write the event log of replication 0 of every scenario to this CSV "
                            "file ('-': standard output)");

    SweepArguments sweep;
    auto* sweep_cmd =
        app.add_subcommand("sweep", "run a scenario over values of one or more parameters");
    sweep_cmd->add_option("scenario", sweep.scenario, "scenario file (YAML)")->required();
    sweep_cmd->add_option("--set", sweep.grid, "PATH=V1,V2,... (repeat for a grid)")->required();
    sweep_cmd->add_flag("--keep-going", sweep.keep_going,
                        "run the other values when one is bad (exit 2 at the end)");
    add_common(*sweep_cmd, sweep.common);

    SizeArguments size;
    auto* size_cmd = app.add_subcommand(
        "size", "find the smallest capacity (constant and per period) that meets a target");
    size_cmd->add_option("scenario", size.scenario, "scenario file (YAML)")->required();
    size_cmd->add_option("--service", size.services, "service to size (repeat: sized in order)")
        ->required();
    size_cmd
        ->add_option("--target", size.targets,
                     "e.g. 'wait_days.p90 <= 28' (one, or one per service)")
        ->required();
    size_cmd
        ->add_option("--max-capacity", size.max_capacity, "largest capacity tried (default 1000)")
        ->check(CLI::PositiveNumber);
    size_cmd
        ->add_option("--plan", size.plan,
                     "constant, per-period (default: each period on its own), build-up (never "
                     "steps down) or phase-out (never steps up)")
        ->check(CLI::IsMember({"constant", "per-period", "build-up", "phase-out"}));
    size_cmd
        ->add_option("--max-replications", size.max_replications,
                     "replications a decision close to the target may grow to (default: four "
                     "times --replications)")
        ->check(CLI::PositiveNumber);
    add_common(*size_cmd, size.common);
    size_cmd->add_option("--set", size.common.sets, "override a scenario value: PATH=VALUE");

    BacktestArguments backtest;
    auto* backtest_cmd = app.add_subcommand(
        "backtest", "run a scenario that starts in the past and compare it with what happened");
    backtest_cmd->add_option("scenario", backtest.scenario, "scenario file (YAML)")->required();
    backtest_cmd
        ->add_option(
            "--observed", backtest.observed,
            "observed series (CSV: series,date,value,unit,measure,period_start,use,source)")
        ->required();
    backtest_cmd->add_option("--series", backtest.series,
                             "which outputs make each series (CSV; default: NAME-series.csv "
                             "beside the observed file)");
    add_common(*backtest_cmd, backtest.common);
    backtest_cmd->add_option("--set", backtest.common.sets,
                             "override a scenario value: PATH=VALUE");

    std::string report_dir;
    bool figures = false;
    auto* report_cmd = app.add_subcommand("report", "(re)build the report of a results folder");
    report_cmd->add_option("dir", report_dir, "results folder")->required();
    report_cmd->add_flag("--figures", figures,
                         "also write every chart as SVG and PNG in DIR/figures/");
    auto report_language = zorgsim::words::Language::nl;
    report_cmd
        ->add_option_function<std::string>(
            "--lang",
            [&report_language](const std::string& text) {
                report_language = *zorgsim::words::parse_language(text);
            },
            "language of report.html: nl (default) or en")
        ->check(CLI::IsMember({"nl", "en"}));

    zorgsim::serve::ServeArguments serve;
    auto* serve_cmd = app.add_subcommand(
        "serve", "the scenario studio: a web page on this machine to compare scenarios "
                 "(docs/studio.md)");
    serve_cmd->add_option("scenarios", serve.scenarios,
                          "scenario files or folders to offer (default: the shipped scenarios)");
    serve_cmd->add_option("--listen", serve.listen,
                          "HOST:PORT to listen on (default 127.0.0.1:8080; another address "
                          "needs --token-file)");
    serve_cmd
        ->add_option_function<std::string>(
            "--lang",
            [&serve](const std::string& text) {
                serve.language = *zorgsim::words::parse_language(text);
            },
            "language of the page and the results: nl (default) or en")
        ->check(CLI::IsMember({"nl", "en"}));
    serve_cmd->add_option("--token-file", serve.token_file,
                          "a file holding the secret the page asks for (needed beyond 127.0.0.1)");
    serve_cmd->add_option("--allow-host", serve.allow_hosts,
                          "another Host name to answer (e.g. a reverse proxy's), repeatable");
    serve_cmd
        ->add_option("--max-replications", serve.max_replications,
                     "the most replications a run may ask for (default 1000)")
        ->check(whole_number(1));
    serve_cmd->add_option("--threads", serve.threads, "worker threads (default: all cores)")
        ->check(whole_number(1));
    serve_cmd
        ->add_option("--abandon-after", serve.abandon_after_seconds,
                     "seconds after which a run nobody asks about is dropped (default 60)")
        ->check(whole_number(1));
    serve_cmd->add_flag("--quiet", serve.quiet, "no message when the studio stops");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error);
        return code == 0 ? success : bad_input;
    }

    for (CommonOptions* common :
         {&run.common, &compare.common, &sweep.common, &size.common, &backtest.common})
        place(*common, cluster);
    install_interrupt_handler();
    // Every rank of an MPI job runs the same command on the same input in step, so the errors
    // caught below happen on all of them alike and they all end normally, rank 0 reporting:
    // bad input, and what is sent to every rank (an interrupt, a failed replication, a failure
    // of rank 0's own steps). Any other error is this process's alone: it aborts the job.
    try {
        if (*run_cmd)
            return run_command(run);
        if (*validate_cmd)
            return validate_command(validate_file, validate_sets, validate_quiet);
        if (*describe_cmd)
            return describe_command(describe_file, describe_sets);
        if (*compare_cmd)
            return compare_command(compare);
        if (*sweep_cmd)
            return sweep_command(sweep);
        if (*size_cmd)
            return size_command(size);
        if (*backtest_cmd)
            return backtest_command(backtest);
        if (*report_cmd)
            return cluster.writes_output() ? report_command(report_dir, figures, report_language)
                                           : success;
        if (*serve_cmd)
            return cluster.size == 1 ? zorgsim::serve::serve_command(serve)
                                     : (fmt::print(stderr, "zorgsim: error: serve runs on one "
                                                           "process, not under mpirun\n"),
                                        bad_input);
    } catch (const BadInput& error) {
        if (*error.what())
            fmt::print(stderr, "zorgsim: error: {}\n", error.what());
        return bad_input;
    } catch (const zorgsim::care::ScenarioFault& error) {
        // The scenario's fault (a loop in zero time, a runaway inflow): bad input, found late.
        fmt::print(stderr, "zorgsim: error: {}{}\n", error.what(),
                   error.limit == zorgsim::care::ScenarioFault::Limit::youths
                       ? " (or raise the limit with --max-youths)"
                       : "");
        return bad_input;
    } catch (const zorgsim::Interrupted&) {
        fmt::print(stderr, "\nzorgsim: interrupted; nothing was written\n");
        return interrupted;
    } catch (const zorgsim::experiment::ClusterError& error) {
        fmt::print(stderr, "zorgsim: internal error: {}\n", error.what());
        return internal_error;
    } catch (const std::exception& error) {
        fmt::print(stderr, "zorgsim: internal error: {}\n", error.what());
        return local_failure(cluster, internal_error, error.what());
    }
    return internal_error;
}

} // namespace

int main(int argc, char** argv) {
    // Standard input, output and error open before anything else opens a file: with one of them
    // closed (`--trace - >&-`), the next file opened (the lock, a results file) would get its
    // number and the trace or messages would be written into it.
    for (int fd = 0; fd <= 2; ++fd)
        if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF &&
            ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd)
            return internal_error;
#ifdef ZORGSIM_MPI
    MpiSession session(argc, argv);
    return run_command_line(argc, argv, session.cluster());
#else
    return run_command_line(argc, argv, Cluster{});
#endif
}
