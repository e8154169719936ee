#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora and dictionaries from the repository, so that nothing is
committed twice: the shipped scenarios, the scenario fixtures and the --set arguments used in
the tests (docs/fuzzing.md).

    make_seeds.py SOURCE_DIR OUT_DIR

OUT_DIR/load/ and OUT/set/ get the seeds (regressions/ is passed to libFuzzer separately),
OUT_DIR/load.dict and OUT/set.dict the dictionaries: the keys and enum values of
docs/scenario.schema.json and YAML's punctuation.
"""
import hashlib
import json
import pathlib
import re
import sys


def write_unit(folder, data):
    # Named by content, as libFuzzer names its own units: the same seed is written once.
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def schema_words(schema_file):
    keys, values = set(), set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    keys.update(value)
                if key == "enum":
                    values.update(str(v) for v in value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads(schema_file.read_text()))
    return sorted(keys), sorted(values)


def set_arguments(source):
    """The PATH=VALUE arguments of --set in the CLI tests, the docs and the override tests."""
    found = set()
    texts = [p.read_text(errors="replace") for p in sorted((source / "tests").rglob("*.sh"))]
    texts += [p.read_text(errors="replace") for p in sorted((source / "docs").glob("*.md"))]
    texts.append((source / "README.md").read_text(errors="replace"))
    for text in texts:
        for match in re.finditer(r"--set[ =]+(['\"]?)([A-Za-z_][^\s'\"`]*=[^\s'\"`]*)\1", text):
            found.add(match.group(2))
    # Catch tests write overrides as {"PATH", "VALUE"} pairs.
    for test in sorted((source / "tests").rglob("*override*_test.cpp")):
        for match in re.finditer(r'\{"([^"]+)",\s*"((?:[^"\\]|\\.)*)"\}', test.read_text()):
            found.add(f"{match.group(1)}={match.group(2)}")
    return sorted(found)


def dictionary(path, words):
    lines = []
    for word in words:
        escaped = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else f"\\x{ord(c):02x}"
                          for c in word)
        lines.append(f'"{escaped}"')
    path.write_text("\n".join(lines) + "\n")


def main():
    source, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    files = sorted((source / "scenarios").glob("*.yaml"))
    files += sorted((source / "tests/scenario/fixtures").rglob("*.yaml"))
    for file in files:
        write_unit(out / "load", file.read_bytes())
    arguments = set_arguments(source)
    for argument in arguments:
        write_unit(out / "set", argument.encode())
    # Two arguments at once, so that the seeds reach the order of overrides.
    for first, second in zip(arguments, arguments[1:]):
        write_unit(out / "set", f"{first}\0{second}".encode())

    keys, values = schema_words(source / "docs/scenario.schema.json")
    punctuation = [": ", "- ", "\n", "\n  ", "{", "}", "[", "]", ", ", "&a ", "*a", "<<: ",
                   "!!str ", "~", "'", '"', "#", "---\n", "...\n", "|\n", ">\n", "? "]
    dictionary(out / "load.dict", [k + ": " for k in keys] + values + punctuation)
    dictionary(out / "set.dict", keys + values + [".", "=", "\0", "[", "]", "{", "}", ": ", ", ",
                                                  "ambulant", "pleegzorg", "huisarts",
                                                  "wijkteam", "grow", "0", "1", "-1"])
    print(f"seeds: {len(files)} scenarios, {len(arguments)} --set arguments -> {out}")


if __name__ == "__main__":
    main()
