#!/usr/bin/env bash
# A grammar path that cannot even be looked at (a symbolic link loop, a name
# too long) aborted the tools on an uncaught filesystem_error. Now it is an
# error naming the file (a grammar given with --grammar: exit 2) or a warning
# that leaves that grammar out (one found in a --grammar-path folder).
source "$(dirname "$0")/lib.bash" "$@"
ln -s loop.toml "$tmp/loop.toml"
expect "--grammar naming a link loop: exit 2" 2 "$bin/inspex-extract" --grammar "$tmp/loop.toml" "$elmley"
check "the file and the cause said" has "$err" "$tmp/loop.toml: grammar file cannot be read: Too many levels of symbolic links"
long=$tmp/$(printf 'a%.0s' $(seq 300))/x.toml
expect "--grammar naming a path too long: exit 2" 2 "$bin/inspex-extract" --grammar "$long" "$elmley"
check "the cause said" has "$err" "grammar file cannot be read: File name too long"
mkdir "$tmp/grammars"
ln -s loop.toml "$tmp/grammars/loop.toml"
expect "a link loop in --grammar-path: the others still read" 0 "$bin/inspex-extract" -q --grammar-path "$tmp/grammars" "$elmley"
check "a warning names it" has "$err" "$tmp/grammars/loop.toml: grammar file cannot be read"
check "the plan read with its grammar" has "$out" '"grammar":"action-plan"'
finish
