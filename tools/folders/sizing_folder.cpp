#include "folders.hpp"
#include "output/sizing_json.hpp"

namespace zorgsim::folders {

void stage_sizing_folder(output::OutputFolder& folder, const care::Scenario& sized,
                         const std::vector<experiment::SizingResult>& results,
                         const experiment::Aggregate& achieved,
                         const experiment::RunOptions& options, const FolderOptions& what) {
    folder.write("sizing.json", output::sizing_json(sized, results, achieved).dump(2) + "\n");
    stage_run_folder(folder, sized, achieved, options, what);
}

} // namespace zorgsim::folders
