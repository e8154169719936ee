// An output folder that is written all or nothing: files are staged in a hidden sibling
// folder and moved into place by commit(). If the run fails or is interrupted before that,
// the staging folder is removed and the output folder is left as it was.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace zorgsim::output {

class OutputFolder {
  public:
    explicit OutputFolder(std::filesystem::path destination);
    OutputFolder(const OutputFolder&) = delete;
    OutputFolder& operator=(const OutputFolder&) = delete;
    ~OutputFolder();

    /// Where to stage a file named `name`; it becomes destination/name at commit().
    std::filesystem::path stage(std::string_view name);
    void write(std::string_view name, std::string_view contents);
    /// Moves every staged file into the destination (each move is an atomic rename).
    void commit();

    const std::filesystem::path& destination() const { return destination_; }
    const std::filesystem::path& staging() const { return staging_; }

  private:
    std::filesystem::path destination_;
    std::filesystem::path staging_;
    std::vector<std::string> names_;
    bool committed_ = false;
};

} // namespace zorgsim::output
