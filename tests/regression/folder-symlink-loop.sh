#!/usr/bin/env bash
# Defect 7: a symlink loop in an input folder aborted the whole batch
# (filesystem_error from is_regular_file) with all output lost. Now the bad
# entry is reported and skipped, the other files are read. Links inside a
# folder are followed only with -L (as ripgrep does); without it they are
# left out, loops and all.
source "$(dirname "$0")/lib.bash" "$@"
mkdir -p "$tmp/in/sub"
cp "$elmley" "$tmp/in/"
cp samples/action-plan-ashfield-2019.txt "$tmp/in/sub/"
ln -s loop.txt "$tmp/in/loop.txt"
ln -s a.txt "$tmp/in/b.txt" && ln -s b.txt "$tmp/in/a.txt"
ln -s ../in "$tmp/in/sub/up"
ln -s nowhere.txt "$tmp/in/dangling.txt"
expect "a folder with link loops, links not followed" 0 "$bin/inspex-extract" -q "$tmp/in"
check "both documents read" test "$(jq -r 'select(.kind=="document") | .doc' <<< "$out" | sort | tr '\n' ' ')" = "action-plan-ashfield-2019 action-plan-elmley-2022 "
expect "a folder with link loops, links followed (-L)" 2 "$bin/inspex-extract" -q -L "$tmp/in"
check "the loop is reported with its path" has "$err" "$tmp/in/loop.txt"
check "both documents still read" test "$(jq -r 'select(.kind=="document" and .grammar) | .doc' <<< "$out" | sort | tr '\n' ' ')" = "action-plan-ashfield-2019 action-plan-elmley-2022 "
finish
