// The loader's input limits (docs/scenario-format.md, "Limits"): hostile or careless input is
// refused with one error at its place, in bounded memory and at once, and a file that is not
// a scenario never has its content echoed.
#include <fstream>
#include <string>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scenario/diagnostics.hpp"
#include "scenario_support.hpp"

using namespace zorgsim::scenario::testing;
using zorgsim::scenario::load_file;
namespace fs = std::filesystem;

namespace {

/// At most 1 GB of address space for the rest of this test's process (each test case runs as
/// a process of its own under CTest). Not under AddressSanitizer, which reserves far more.
void cap_memory() {
#if defined(__SANITIZE_ADDRESS__)
    return;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return;
#endif
#endif
    const rlimit limit{rlim_t{1} << 30, rlim_t{1} << 30};
    REQUIRE(setrlimit(RLIMIT_AS, &limit) == 0);
}

/// Nine levels of nine aliases each: 9^9 scalars once expanded. `under` is the key the
/// first anchor is defined under.
std::string laughs(const std::string& under) {
    std::string text = "format: 1\nname: laughs\n" + under +
                       ": &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    char previous = 'a';
    for (char level = 'b'; level <= 'j'; ++level) {
        text += std::string("x") + level + ": &" + level + " [";
        for (int i = 0; i < 9; ++i)
            text += std::string(i ? ", *" : "*") + previous;
        text += "]\n";
        previous = level;
    }
    return text;
}

/// A scratch folder, removed at the end of the test.
struct Scratch {
    fs::path dir;
    Scratch() {
        dir = fs::temp_directory_path() / ("zorgsim-limits-test-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~Scratch() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(dir / name, std::ios::binary) << text;
        return dir / name;
    }
};

const std::string minimal = "format: 1\nname: t\nstart: 2025-01-01\nhorizon_days: 100\n"
                            "sources: [{id: s, rate_per_year: 10, to: a}]\n"
                            "services: [{id: a, capacity: 1, duration_days: {dist: "
                            "exponential, mean: 5}, next: {exit: 1.0}}]\n";

} // namespace

TEST_CASE("Nested aliases beyond the node budget are one error at the alias, in bounded memory") {
    cap_memory();
    for (const std::string under : {"description", "unknown_key", "title"}) {
        const auto lines = messages(load_yaml(laughs(under)));
        INFO(Catch::Detail::stringify(lines));
        REQUIRE(lines.size() == 1);
        CHECK_THAT(lines, Reports("inline.yaml:", "the scenario is too large here: more than "
                                                  "250000 nodes"));
        CHECK(lines[0].find("aliases are expanded") != std::string::npos);
    }
}

TEST_CASE("A scenario of more nodes than the budget, without aliases, is an error") {
    std::string text = "format: 1\nname: big\nx: [";
    for (int i = 0; i < 300'000; ++i)
        text += "0,";
    text += "0]\n";
    CHECK_THAT(messages(load_yaml(text)),
               Reports("inline.yaml:3:", "the scenario is too large here: more than 250000"));
}

TEST_CASE("Aliases beyond the text budget are an error") {
    cap_memory();
    std::string text = "format: 1\nname: t\nx: &a \"" + std::string(1 << 20, 'x') + "\"\ny: [";
    for (int i = 0; i < 20; ++i)
        text += "*a, ";
    text += "*a]\n";
    CHECK_THAT(messages(load_yaml(text)),
               Reports("inline.yaml:4:", "or 16 MiB of text once anchors and aliases"));
}

TEST_CASE("An alias inside the node it refers to is an error, not endless recursion") {
    const auto lines = messages(load_yaml("format: 1\nname: t\nx: &a [1, *a]\n"));
    CHECK_THAT(lines, Reports("inline.yaml:3:", "refers to a node that contains it"));
}

TEST_CASE("extends of a device, a directory or a FIFO is an error at the extends value") {
    const Scratch scratch;
    const fs::path fifo = scratch.dir / "fifo.yaml";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const std::vector<std::pair<std::string, std::string>> cases{
        {"/dev/urandom", "it is a character device, not a regular file"},
        {"/dev/null", "it is a character device, not a regular file"},
        {scratch.dir.string(), "it is a directory"},
        {fifo.string(), "it is a pipe (FIFO), not a regular file"}};
    for (const auto& [target, why] : cases) {
        const auto lines = messages(load_yaml("format: 1\nname: t\nextends: " + target + "\n"));
        INFO(target);
        CHECK(lines == std::vector<std::string>{"inline.yaml:3:10: error: cannot read the "
                                                "extended file '" +
                                                target + "': " + why});
    }
    // The scenario file itself: the FIFO has no writer, so reading it would wait forever.
    CHECK(messages(load_file(fifo)) ==
          std::vector<std::string>{fifo.string() +
                                   ":1:1: error: cannot read the scenario "
                                   "file: it is a pipe (FIFO), not a regular file"});
}

TEST_CASE("A file larger than 4 MiB is refused before it is parsed") {
    const Scratch scratch;
    const fs::path big =
        scratch.write("big.yaml", minimal + "# " + std::string(std::size_t{4} << 20, 'x') + "\n");
    CHECK(messages(load_file(big)) ==
          std::vector<std::string>{big.string() + ":1:1: error: cannot read the scenario file: "
                                                  "it is larger than 4 MiB, the limit for a "
                                                  "scenario file"});
    const auto lines = messages(load_yaml("format: 1\nname: t\nextends: " + big.string() + "\n"));
    CHECK_THAT(lines, Reports("inline.yaml:3:10: error: ", "it is larger than 4 MiB"));
}

TEST_CASE("A chain of more than 16 extends is an error; 16 files load") {
    const Scratch scratch;
    scratch.write("f0.yaml", minimal);
    for (int i = 1; i <= 16; ++i)
        scratch.write("f" + std::to_string(i) + ".yaml", "name: f" + std::to_string(i) +
                                                             "\nextends: f" +
                                                             std::to_string(i - 1) + ".yaml\n");
    const auto ok = load_file(scratch.dir / "f15.yaml");
    INFO(Catch::Detail::stringify(messages(ok)));
    CHECK(ok.ok());
    const auto lines = messages(load_file(scratch.dir / "f16.yaml"));
    CHECK_THAT(lines, Reports((scratch.dir / "f1.yaml").string() + ":2:10: error: ",
                              "more than 16 files in a chain of extends"));
}

TEST_CASE("A file that is not a scenario is one error that quotes none of its content") {
    const Scratch scratch;
    const fs::path secret =
        scratch.write("secret", "root:$6$hunter2hash:19000:0:99999:7:::\nkey: hunter2\nkey: again\n"
                                "[unclosed: hunter2\n");
    const fs::path map = scratch.write("map", "password: hunter2\nuser: admin\n");
    for (const fs::path& file : {secret, map}) {
        const auto lines =
            messages(load_yaml("format: 1\nname: t\nextends: " + file.string() + "\n"));
        INFO(Catch::Detail::stringify(lines));
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].find("hunter2") == std::string::npos);
        CHECK(lines[0].find("password") == std::string::npos);
    }
    const auto lines = messages(load_file(map));
    CHECK(lines == std::vector<std::string>{
                       map.string() + ":1:1: error: " + map.string() +
                       " is not a zorgsim scenario: a scenario file must be a map of keys "
                       "(format, name, start, sources, services, ...)"});
}

TEST_CASE("Invalid UTF-8 is an error at the line and column of the first bad byte") {
    CHECK(messages(load_yaml("format: 1\nname: t\ntitle: co\xf6rdinatie\n")) ==
          std::vector<std::string>{"inline.yaml:3:10: error: the file is not valid UTF-8 (byte "
                                   "0xF6 here): save it as UTF-8"});
    // Columns count characters: "ö" written as UTF-8 is one column.
    CHECK_THAT(messages(load_yaml("title: co\xc3\xb6rd\xc0\x80\n")),
               Reports("inline.yaml:1:13: error: ", "not valid UTF-8 (byte 0xC0 here)"));
    CHECK_THAT(messages(load_yaml("format: 1\r\nname: \xed\xa0\x80\n")),
               Reports("inline.yaml:2:7: error: ", "not valid UTF-8 (byte 0xED here)"));
    CHECK_THAT(messages(load_yaml("format: 1\nname: a\x07\n")),
               Reports("inline.yaml:2:8: error: ", "control character U+0007 is not allowed"));
}

TEST_CASE("C1 controls and bidirectional text controls are errors at their line and column") {
    // U+0085 (NEL) and U+009B (CSI) are C1 controls; U+202A-U+202E and U+2066-U+2069 make text
    // read in another order than it is written. Written raw to every output before.
    const std::pair<const char*, const char*> controls[] = {
        {"\xc2\x80", "U+0080"},     {"\xc2\x85", "U+0085"},     {"\xc2\x9b", "U+009B"},
        {"\xc2\x9f", "U+009F"},     {"\xe2\x80\xaa", "U+202A"}, {"\xe2\x80\xae", "U+202E"},
        {"\xe2\x81\xa6", "U+2066"}, {"\xe2\x81\xa9", "U+2069"}};
    for (const auto& [bytes, code] : controls) {
        INFO(code);
        CHECK_THAT(messages(load_yaml(std::string("format: 1\nname: t\ntitle: \"c\xc3\xb6") +
                                      bytes + "x\"\n")),
                   Reports("inline.yaml:3:11: error: ",
                           std::string("control character ") + code + " is not allowed"));
    }
    // Characters near them are ordinary text: U+00A0, U+2030, U+2024, U+206A.
    for (const char* fine : {"\xc2\xa0", "\xe2\x80\xb0", "\xe2\x80\xa4", "\xe2\x81\xaa"})
        CHECK(load_yaml(minimal + "title: \"a" + fine + "b\"\n").ok());
}

TEST_CASE("CR and CRLF line endings are line breaks") {
    std::string crlf;
    std::string cr;
    for (char c : minimal) {
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        cr += c == '\n' ? '\r' : c;
    }
    for (const std::string& text : {crlf, cr, minimal + "\r", crlf + "\r"}) {
        const auto result = load_yaml(text);
        INFO(Catch::Detail::stringify(messages(result)));
        CHECK(result.ok());
        CHECK(result.diagnostics.empty());
    }
    CHECK_THAT(messages(load_yaml("format: 1\r\nname: t\r\nnmae: x\r\n")),
               Reports("inline.yaml:3:1: error: ", "unknown key 'nmae'"));
}

TEST_CASE("Text quoted in a message is bounded in length and escaped") {
    const auto lines =
        messages(load_yaml("format: \"" + std::string(5000, 'x') + "\\r\\x1b[2J\"\nname: t\n"));
    CHECK_THAT(lines, Reports("inline.yaml:1:9: error: ", "format must be a whole number"));
    for (const auto& line : lines) {
        CHECK(line.size() < 300);
        CHECK(line.find('\r') == std::string::npos);
        CHECK(line.find('\x1b') == std::string::npos);
    }
    CHECK(zorgsim::scenario::shown("a\rb\x1b") == "a\\rb\\x1b");
    CHECK(zorgsim::scenario::shown(std::string(100, 'y')) == std::string(60, 'y') + "...");
}

TEST_CASE("The files and every --set value share one node budget per load") {
    cap_memory();
    // About 90,000 nodes once expanded: three fit in no budget of 250,000, forty once used
    // 550 MB and two hundred ran out of memory, each value checked on its own.
    const std::string value =
        "[&a [l,l,l,l,l,l,l,l,l,l], &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a], "
        "&c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b], &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c], "
        "[*d,*d,*d,*d,*d,*d,*d,*d]]";
    std::vector<zorgsim::scenario::Override> overrides;
    for (int i = 1; i <= 40; ++i)
        overrides.push_back({"x" + std::to_string(i), value});
    const auto lines = messages(load_yaml(minimal, overrides));
    INFO(Catch::Detail::stringify(lines));
    CHECK_THAT(lines, Reports("<command line>:3:", "the scenario is too large here: more than "
                                                   "250000 nodes"));
    CHECK_FALSE(std::any_of(lines.begin(), lines.end(), [](const std::string& line) {
        return line.rfind("<command line>:2:", 0) == 0 &&
               line.find("too large") != std::string::npos;
    }));
    // The file's nodes count too: one value that fits on its own does not after a big file.
    std::string big = minimal + "x: [";
    for (int i = 0; i < 200'000; ++i)
        big += "0,";
    big += "0]\n";
    CHECK_THAT(messages(load_yaml(big, {{"y", value}})),
               Reports("<command line>:1:", "the scenario is too large here"));
}

TEST_CASE("More than 1000 --set values, or more than 1 MiB of them, is one error") {
    std::vector<zorgsim::scenario::Override> overrides(1001, {"title", "t"});
    CHECK(messages(load_yaml(minimal, overrides)) ==
          std::vector<std::string>{
              "<command line>:1:1: error: too many --set values: 1001 of 7007 bytes together; at "
              "most 1000 values of 1024 KiB together (see \"Limits\" in docs/scenario-format.md)"});
    CHECK_THAT(messages(load_yaml(minimal, {{"title", std::string(1 << 20, 't')}})),
               Reports("<command line>:1:1: error: ", "too many --set values: 1 of"));
    overrides.pop_back();
    CHECK(load_yaml(minimal, overrides).ok());
}
