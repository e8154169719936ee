#!/usr/bin/python3
"""Checks docs/scenario.schema.json: it is a valid JSON Schema, every scenario file in the
given folders validates against it, and files named after --must-fail do not (so that the
schema is known to check something).

Usage: check_schema.py SCHEMA DIR... [--must-fail FILE...]
Needs Debian's python3-jsonschema and python3-yaml; exits 77 (skipped) without them."""
import glob
import json
import os
import sys

try:
    import jsonschema
    import yaml
except ImportError as missing:
    print(f"skipped: {missing} (apt-get install -y python3-jsonschema python3-yaml)")
    sys.exit(77)


class TextDates(yaml.SafeLoader):
    """PyYAML (YAML 1.1) reads 2025-01-01 as a date; zorgsim and the schema read it as text."""


TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def problems(validator, path):
    with open(path, encoding="utf-8") as f:
        document = yaml.load(f, Loader=TextDates)
    return [f"{path}: /{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.path)))]


def main(argv):
    schema_path, rest = argv[1], argv[2:]
    folders, must_fail = rest, []
    if "--must-fail" in rest:
        at = rest.index("--must-fail")
        folders, must_fail = rest[:at], rest[at + 1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    failures = 0
    files = sorted(p for folder in folders for p in glob.glob(os.path.join(folder, "*.yaml")))
    if not files:
        print("no scenario files found in", folders)
        return 1
    for path in files:
        found = problems(validator, path)
        failures += bool(found)
        print("\n".join(found) if found else f"ok: {path}")
    for path in must_fail:
        if problems(validator, path):
            print(f"rejected as expected: {path}")
        else:
            print(f"{path}: the schema accepts it, but it has mistakes the schema should catch")
            failures += 1
    print(f"{len(files)} valid files checked, {len(must_fail)} invalid; {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
