// report.html as one string: the page template filled with the data document, the page's
// scripts and the inlined chart libraries. The page script builds every section from the data.
#pragma once

#include "results.hpp"
#include "words/words.hpp"

#include <string>

namespace zorgsim::report {

std::string render_page(const Results& results, words::Language language);

} // namespace zorgsim::report
