#!/bin/sh
# campctl tz / schedule: output lines and exit statuses.
# Uses $BUILD/bin/campctl (BUILD defaults to build). Closing line: "N passed, N failed".
BUILD=${BUILD:-build}
. "$(dirname "$0")/../support/harness.sh"
cd "$root" || exit 1
bin=$BUILD/bin/campctl

# expect NAME WANT_STATUS WANT_STDOUT CMD... : stdout (all lines) and exit status must match.
expect() {
    name=$1; want_rc=$2; want_out=$3; shift 3
    out=$("$@" 2>/dev/null); rc=$?
    if [ "$rc" -eq "$want_rc" ] && [ "$out" = "$want_out" ]; then
        ok "$name"
    else
        bad "$name: status $rc (want $want_rc), output:"
        echo "$out"
        echo "wanted:"
        echo "$want_out"
    fi
}

# expect_err NAME WANT_STATUS PATTERN CMD... : stderr must contain PATTERN.
expect_err() {
    name=$1; want_rc=$2; pat=$3; shift 3
    err=$("$@" 2>&1 >/dev/null); rc=$?
    if [ "$rc" -eq "$want_rc" ] && printf '%s' "$err" | grep -q -- "$pat"; then
        ok "$name"
    else
        bad "$name: status $rc (want $want_rc), stderr: $err"
    fi
}

if [ ! -x "$bin" ]; then
    bad "$bin not built (make BUILD=$BUILD)"
    finish
fi

nl='
'
expect "tz spring forward" 0 "2026-03-08T03:30:00-04:00" \
    "$bin" tz America/New_York 2026-03-08T07:30:00Z
expect "tz several instants" 0 "2026-03-08T01:59:59-05:00${nl}2026-11-01T01:30:00-04:00${nl}2026-11-01T01:30:00-05:00" \
    "$bin" tz America/New_York 2026-03-08T06:59:59Z 2026-11-01T05:30:00Z 2026-11-01T06:30:00Z
expect "tz link name" 0 "2026-07-01T14:00:00+02:00" "$bin" tz Europe/Berlin 2026-07-01T12:00:00Z
expect "tz 45-minute zone" 0 "2026-01-01T05:45:00+05:45" "$bin" tz Asia/Kathmandu 2026-01-01T00:00:00Z
expect "tz Lord Howe DST" 0 "2026-12-01T11:00:00+11:00" "$bin" tz Australia/LHI 2026-12-01T00:00:00Z
expect "tz instant with offset" 0 "2026-06-01T10:30:00+05:30" "$bin" tz Asia/Kolkata 2026-06-01T07:00:00+02:00
expect "tz UTC" 0 "2026-01-01T00:00:00+00:00" "$bin" tz UTC 2026-01-01T00:00:00Z
expect "tz unknown zone" 1 "" "$bin" tz America/Atlantis 2026-03-08T07:30:00Z
expect_err "tz unknown zone message" 1 "unknown time zone 'america/new_york'" \
    "$bin" tz america/new_york 2026-03-08T07:30:00Z
expect_err "tz bad instant" 1 "not an RFC 3339" "$bin" tz UTC 2026-02-30T00:00:00Z
expect_err "tz out of range" 1 "outside 2000..2099" "$bin" tz UTC 2100-01-01T00:00:00Z
expect "tz usage" 2 "" "$bin" tz UTC

hours='{"1":{"start":540,"end":1020},"2":{"start":540,"end":1020},"3":{"start":540,"end":1020},"4":{"start":540,"end":1020},"5":{"start":540,"end":1020}}'
expect "schedule closed on Sunday" 0 "closed${nl}next-open: 2026-03-09T13:00:00Z" \
    "$bin" schedule --tz America/New_York --hours "$hours" --at 2026-03-08T07:30:00Z
expect "schedule open" 0 "open${nl}next-open: 2026-03-09T14:00:00Z" \
    "$bin" schedule --tz America/New_York --hours "$hours" --at 2026-03-09T14:00:00Z
expect "schedule Kolkata" 0 "closed${nl}next-open: 2026-03-09T03:30:00Z" \
    "$bin" schedule --tz Asia/Kolkata --hours "$hours" --at 2026-03-09T00:00:00Z
expect "schedule empty" 0 "closed${nl}next-open: never" \
    "$bin" schedule --tz Europe/Berlin --hours '{}' --at 2026-03-09T12:00:00Z
expect "schedule skipped hour" 0 "closed${nl}next-open: never" \
    "$bin" schedule --tz America/New_York --hours '{"0":{"start":120,"end":180}}' --at 2026-03-07T05:00:00Z
expect "schedule end 1440" 0 "open${nl}next-open: 2026-03-09T23:59:00Z" \
    "$bin" schedule --tz UTC --hours '{"1":{"start":1380,"end":1440}}' --at 2026-03-09T23:59:00Z
expect "schedule bad day key" 1 '$["7"]: day key must be "0".."6"' \
    "$bin" schedule --tz UTC --hours '{"7":{"start":1,"end":2}}' --at 2026-03-09T12:00:00Z
expect "schedule start >= end" 1 '$["1"].end: end must be greater than start' \
    "$bin" schedule --tz UTC --hours '{"1":{"start":600,"end":600}}' --at 2026-03-09T12:00:00Z
expect "schedule missing end" 1 '$["1"].end: required field missing' \
    "$bin" schedule --tz UTC --hours '{"1":{"start":600}}' --at 2026-03-09T12:00:00Z
expect "schedule unknown zone" 1 "" \
    "$bin" schedule --tz Nowhere --hours '{}' --at 2026-03-09T12:00:00Z
expect "schedule usage" 2 "" "$bin" schedule --tz UTC --hours '{}'

finish
