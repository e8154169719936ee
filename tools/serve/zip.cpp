#include "zip.hpp"

#include <fstream>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>
#include <zip.h>

namespace zorgsim::serve {

void write_zip(const std::filesystem::path& zip,
               const std::vector<std::pair<std::string, std::filesystem::path>>& entries) {
    zipFile file = zipOpen64(zip.c_str(), APPEND_STATUS_CREATE);
    if (!file)
        throw std::runtime_error(fmt::format("cannot write {}", zip.string()));
    bool ok = true;
    for (const auto& [name, path] : entries) {
        std::ifstream in(path, std::ios::binary);
        const std::string contents((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
        if (!in.good() && !in.eof()) {
            ok = false;
            break;
        }
        zip_fileinfo info{};
        // A fixed date: the zip of the same results is the same bytes.
        info.tmz_date.tm_year = 2025;
        info.tmz_date.tm_mon = 0;
        info.tmz_date.tm_mday = 1;
        info.external_fa = 0644u << 16;
        ok = zipOpenNewFileInZip64(file, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
                                   Z_DEFLATED, Z_DEFAULT_COMPRESSION,
                                   contents.size() >= 0xffffffffu ? 1 : 0) == ZIP_OK &&
             zipWriteInFileInZip(file, contents.data(), static_cast<unsigned>(contents.size())) ==
                 ZIP_OK &&
             zipCloseFileInZip(file) == ZIP_OK;
        if (!ok)
            break;
    }
    if (zipClose(file, nullptr) != ZIP_OK || !ok) {
        std::error_code ignored;
        std::filesystem::remove(zip, ignored);
        throw std::runtime_error(fmt::format("cannot write {}", zip.string()));
    }
}

} // namespace zorgsim::serve
