# Shared by the scripts in tests/scripts (sourced, not run):
#   . "$(dirname "$0")/../support/harness.sh"
# sets root (the project folder), passed/failed, and defines
#   ok TEXT / bad TEXT   count one check and print it
#   check TEXT CMD...    ok when CMD succeeds, bad otherwise
#   make_tmp             tmp=$(mktemp -d), removed on exit (scripts with their own
#                        cleanup trap remove it themselves)
#   wait_file FILE       wait up to 5 s for FILE to be non-empty (a server's port file)
#   finish               the "N passed, N failed" line make check adds up, and the
#                        script's exit status (1 when any check failed)
# A script may redefine bad() to print more context (it must still count).
root=$(cd "$(dirname "$0")/../.." && pwd)
passed=0
failed=0
ok() { printf 'ok - %s\n' "$1"; passed=$((passed + 1)); }
bad() { printf 'FAIL - %s\n' "$1"; failed=$((failed + 1)); }
check() {
    _what=$1
    shift
    if "$@"; then ok "$_what"; else bad "$_what"; fi
}
make_tmp() {
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
}
wait_file() {
    _i=0
    while [ ! -s "$1" ] && [ "$_i" -lt 100 ]; do
        sleep 0.05
        _i=$((_i + 1))
    done
}
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit $?
}
