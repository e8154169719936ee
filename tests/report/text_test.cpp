// Specification of the HTML escaping of the words C++ writes into the page.
#include <catch2/catch.hpp>

#include "report/text.hpp"

using namespace zorgsim::report;

TEST_CASE("HTML text is escaped", "[report]") {
    CHECK(escape_html("<b>\"A&B\"</b> 'x'") ==
          "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;x&#39;");
}
