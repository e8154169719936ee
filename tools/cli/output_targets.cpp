#include "output_targets.hpp"

#include "interrupt.hpp"
#include "zorgsim/engine/replications.hpp"

namespace zorgsim::cli {

output::OutputFolder& open_output_folder(std::optional<output::OutputFolder>& folder,
                                         const CommonOptions& options, const std::string& name) {
    try {
        return folder.emplace(output_dir(options, name));
    } catch (const output::FolderError& error) {
        throw BadInput(error.what());
    }
}

output::TraceFile& open_trace(std::optional<output::TraceFile>& trace, const std::string& target) {
    try {
        return trace.emplace(target);
    } catch (const output::TraceError& error) {
        throw BadInput(error.what());
    }
}

void stop_if_interrupted() {
    if (interrupt_requested().load())
        throw Interrupted();
}

} // namespace zorgsim::cli
