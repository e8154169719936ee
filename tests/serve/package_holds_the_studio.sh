# `cpack -G DEB` makes a Debian package with the binary, the shipped scenarios, the docs and a
# systemd unit that runs `zorgsim serve` as an unprivileged user; the packaged binary, unpacked,
# finds the packaged scenarios by itself and serves them.
#
# usage: package_holds_the_studio.sh ZORGSIM SOURCE_DIR BUILD_DIR
source "$(dirname "$0")/lib.sh" "$1" "$2"
build=$(realpath "$3")
command -v cpack >/dev/null || fail "no cpack (Debian's cmake)"
command -v dpkg-deb >/dev/null || fail "no dpkg-deb"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$WORK/package" >cpack.log 2>&1 ||
    fail "cpack -G DEB failed: $(tail -5 cpack.log)"
deb=$(ls "$WORK"/package/zorgsim_*.deb 2>/dev/null | head -1)
[[ -n $deb ]] || fail "no zorgsim_*.deb made"
dpkg-deb -c "$deb" | awk '{print $6}' >contents.txt
for path in ./usr/bin/zorgsim ./usr/lib/systemd/system/zorgsim-studio.service \
    ./usr/share/zorgsim/scenarios/westfriesland-baseline.yaml ./usr/share/doc/zorgsim/studio.md \
    ./usr/share/doc/zorgsim/README.md; do
    grep -qx -- "$path" contents.txt || fail "the package has no $path"
done
dpkg-deb -f "$deb" Depends | grep -q libcpp-httplib || fail "the package depends on cpp-httplib"
dpkg-deb -x "$deb" root
unit=root/usr/lib/systemd/system/zorgsim-studio.service
grep -q '^ExecStart=/usr/bin/zorgsim serve' "$unit" || fail "the unit runs zorgsim serve"
grep -q '^DynamicUser=yes' "$unit" || fail "the unit runs the studio as an unprivileged user"
if command -v systemd-analyze >/dev/null; then
    sed "s|/usr/bin/zorgsim|$WORK/root/usr/bin/zorgsim|" "$unit" >zorgsim-studio.service
    systemd-analyze verify ./zorgsim-studio.service >verify.txt 2>&1 ||
        fail "systemd-analyze verify: $(cat verify.txt)"
    [[ ! -s verify.txt ]] || fail "systemd-analyze verify: $(cat verify.txt)"
fi
ZORGSIM=$WORK/root/usr/bin/zorgsim
start_studio packaged
req GET /api/scenarios
expect_code 200 "the packaged studio"
[[ $(json_field 'len(d["scenarios"])') == 5 ]] || fail "the packaged studio offers the 5 shipped scenarios"
echo "$TEST_NAME: passed"
