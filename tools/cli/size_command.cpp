#include <fmt/format.h>

#include "commands.hpp"
#include "experiment/size_in_order.hpp"
#include "interrupt.hpp"
#include "output_targets.hpp"

namespace zorgsim::cli {

int size_command(const SizeArguments& arguments) {
    if (arguments.services.empty())
        throw BadInput("size needs --service ID");
    if (arguments.targets.size() != 1 && arguments.targets.size() != arguments.services.size())
        throw BadInput("give one --target for all services, or one per --service");
    std::vector<experiment::Target> targets;
    for (const auto& text : arguments.targets) {
        std::string error;
        auto target = experiment::parse_target(text, error);
        if (!target)
            throw BadInput(error);
        targets.push_back(*target);
    }
    care::Scenario scenario =
        load_scenario(std::filesystem::path(arguments.scenario),
                      parse_overrides(arguments.common.sets), arguments.common.quiet);
    std::vector<std::size_t> services;
    for (const auto& id : arguments.services) {
        const auto index = experiment::service_index(scenario, id);
        if (!index)
            throw BadInput(fmt::format("--service {}: no such service in {}", id, scenario.name));
        services.push_back(*index);
    }
    experiment::RunOptions options = run_options(arguments.common, scenario);
    options.stop = &interrupt_requested();
    // Opened (locked, checked) before the search runs; sizing keeps the scenario's name.
    std::optional<output::OutputFolder> folder; // only the process that writes has one
    on_writer(arguments.common,
              [&] { open_output_folder(folder, arguments.common, scenario.name + "-size"); });
    experiment::SizingOptions sizing;
    sizing.max_capacity = arguments.max_capacity;
    sizing.plan =
        experiment::parse_plan_kind(arguments.plan).value_or(experiment::PlanKind::per_period);
    sizing.max_replications = arguments.max_replications;
    if (sizing.max_replications && sizing.max_replications < options.replications)
        throw BadInput(fmt::format("--max-replications {} is below --replications {}",
                                   sizing.max_replications, options.replications));
    if (!arguments.common.quiet)
        sizing.progress = [](const std::string& line) {
            fmt::print(stderr, "zorgsim: {}\n", line);
        };

    // Services are sized one after another, each with the earlier ones at their sized
    // (constant) capacity.
    const std::vector<experiment::SizingResult> results =
        experiment::size_in_order(scenario, services, targets, options, sizing);
    if (const auto& result = results.back(); !result.feasible) {
        const auto& target = result.target;
        const auto& best = result.curve.back();
        throw BadInput(fmt::format(
            "no capacity of {} up to {} meets '{}': the best achieved is {}.{} = {:.4g} "
            "(95% interval {:.4g} to {:.4g}) at capacity {}; raise --max-capacity or relax "
            "the target",
            arguments.services[results.size() - 1], arguments.max_capacity, target.text,
            target.metric, target.stat, best.check.estimate, best.check.lo, best.check.hi,
            best.capacity));
    }

    // The sized scenario's own results, so the folder also holds a full run and its report.
    // The search ran it already (same seed and replications) unless its verdict needed more.
    options.trace = nullptr;
    const experiment::Aggregate achieved = results.back().sized_run
                                               ? *results.back().sized_run
                                               : experiment::run_scenario(scenario, options);
    if (!folder)
        return success; // the results are rank 0's to write
    folders::stage_sizing_folder(*folder, scenario, results, achieved, options,
                                 folder_options(arguments.common));
    stop_if_interrupted();
    folder->commit();
    for (const auto& result : results) {
        const auto& check = result.curve.empty() ? experiment::TargetCheck{} : [&] {
            for (const auto& point : result.curve)
                if (point.capacity == result.capacity)
                    return point.check;
            return experiment::TargetCheck{};
        }();
        std::string figure = result.target.stat == "mean"
                                 ? fmt::format("{:.4g} (95% interval {:.4g} to {:.4g})",
                                               check.estimate, check.lo, check.hi)
                                 : fmt::format("{:.4g}", check.estimate);
        fmt::print("{}: capacity {} meets '{}': {}.{} = {}; {}\n",
                   scenario.services[result.service].id, result.capacity, result.target.text,
                   result.target.metric, result.target.stat, figure, result.target.rule());
        for (int c : result.too_close)
            fmt::print("{}: capacity {} is too close to call (its interval still straddles the "
                       "target at the most replications allowed)\n",
                       scenario.services[result.service].id, c);
        if (result.plan_kind != experiment::PlanKind::constant) {
            std::string plan;
            for (int c : result.plan)
                plan += fmt::format("{}{}", plan.empty() ? "" : " ", c);
            fmt::print("{}: {} plan {}{}\n", scenario.services[result.service].id,
                       experiment::plan_kind_text(result.plan_kind), plan,
                       result.plan_feasible ? "" : " (not every period can meet the target)");
        }
    }
    return success;
}

} // namespace zorgsim::cli
