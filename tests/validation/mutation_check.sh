#!/usr/bin/env bash
# Proves the validation tests can fail: applies each known engine mutation to a private copy
# of the source tree (the working tree is never touched), builds the validation tests against
# it, and lists the test cases that catch the mutation. Every mutation must be caught.
#
#   tests/validation/mutation_check.sh [MUTATION...]   (default: all; takes a few minutes)
#
# Mutations: capacity (admit one more than capacity), rate (exponential takes a rate where a
# mean is expected), priority (serve priority classes in reverse order).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${MUTATION_WORKDIR:-$(mktemp -d)}
mutations=("$@")
[ ${#mutations[@]} -eq 0 ] && mutations=(capacity rate priority)

mkdir -p "$work/src"
for f in "$root"/* "$root"/.clang-format; do
    name=$(basename "$f")
    case "$name" in engine | include | build*) ;; *) ln -sfn "$f" "$work/src/$name" ;; esac
done
cp -r "$root/engine" "$root/include" "$work/src/"
cmake -S "$work/src" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null

mutate() {
    local station="$work/src/engine/station.cpp" distribution="$work/src/engine/distribution.cpp"
    case "$1" in
    capacity)
        sed -i 's/occupied_ < capacity_ && queue_length_/occupied_ <= capacity_ \&\& queue_length_/' \
            "$station" ;;
    rate)
        sed -i 's|exponential_distribution<double>(1.0 / mean)|exponential_distribution<double>(mean)|' \
            "$distribution" ;;
    priority)
        sed -i 's/std::find_if(classes_.begin(), classes_.end(),/std::find_if(classes_.rbegin(), classes_.rend(),/' \
            "$station" ;;
    *)
        echo "unknown mutation $1" >&2
        exit 2 ;;
    esac
}

status=0
for m in "${mutations[@]}"; do
    rm -rf "$work/src/engine" "$work/src/include"
    cp -r "$root/engine" "$root/include" "$work/src/"
    mutate "$m"
    if diff -r "$root/engine" "$work/src/engine" > /dev/null; then
        echo "mutation $m: did not apply (engine source changed?)" >&2
        status=1
        continue
    fi
    cmake --build "$work/build" -j2 --target zorgsim_test_validation > "$work/build-$m.log" 2>&1
    # Each test case on its own, so that one runaway case cannot hide the others.
    caught=()
    while IFS= read -r name; do
        # A comma in a name separates test specs on Catch's command line: escape it.
        spec=${name//,/\\,}
        # (Catch 2 exits with the number of tests listed, hence the || true.)
        matched=$( ("$work/build/tests/validation/zorgsim_test_validation" \
            --list-test-names-only "$spec" || true) | grep -c .)
        if [ "$matched" != 1 ]; then
            echo "mutation $m: the spec for '$name' matches $matched test cases" >&2
            status=1
            continue
        fi
        if ! timeout 120 "$work/build/tests/validation/zorgsim_test_validation" "$spec" \
            > /dev/null 2>&1; then
            caught+=("$name")
        fi
    done < <("$work/build/tests/validation/zorgsim_test_validation" --list-test-names-only |
        grep -v '^$')
    echo "mutation $m: caught by ${#caught[@]} test case(s)"
    for name in "${caught[@]}"; do echo "  - $name"; done
    [ ${#caught[@]} -gt 0 ] || status=1
done
exit $status
