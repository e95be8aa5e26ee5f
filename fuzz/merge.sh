#!/bin/sh
# Fold what fuzzing found into the committed corpora: for each target, the
# smallest set of inputs (libFuzzer -merge=1) that covers everything in its
# seeds, its previous "min-" files and its working corpus (BUILD_DIR/corpus/T)
# is kept as fuzz/corpus/T/min-<sha1>. Named seeds (tools/fuzz_seed.sh) are
# never touched. Usage: sh fuzz/merge.sh BUILD_DIR TARGET...
set -eu
dir=$1; shift
for t in "$@"; do
    [ -x "$dir/$t" ] || { echo "merge: $dir/$t not built (make fuzz-build)"; exit 1; }
    mkdir -p "fuzz/corpus/$t"
    old=$(mktemp -d); out=$(mktemp -d)
    for f in "fuzz/corpus/$t"/min-*; do [ -f "$f" ] && mv "$f" "$old/"; done
    mkdir -p "$dir/corpus/$t"
    "$dir/$t" -merge=1 -max_len=65536 "$out" "fuzz/corpus/$t" "$old" "$dir/corpus/$t" \
        >"$dir/logs/$t.merge.log" 2>&1 || { echo "merge: $t failed, see $dir/logs/$t.merge.log";
        mv "$old"/* "fuzz/corpus/$t/" 2>/dev/null || true; rm -rf "$old" "$out"; exit 1; }
    # Inputs already present as named seeds are not copied again.
    known=$(for f in "fuzz/corpus/$t"/*; do [ -f "$f" ] && sha1sum "$f" | cut -c1-40; done | sort)
    n=0
    for f in "$out"/*; do
        [ -f "$f" ] || continue
        h=$(sha1sum "$f" | cut -c1-40)
        if ! echo "$known" | grep -q "^$h\$"; then cp "$f" "fuzz/corpus/$t/min-$h"; n=$((n + 1)); fi
    done
    rm -rf "$old" "$out"
    echo "merge: $t: $n min- inputs"
done
