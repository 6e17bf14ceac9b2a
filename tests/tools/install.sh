#!/usr/bin/env bash
# A fresh prefix install, used with no source tree in reach: the tools find
# their installed grammars, man pages read, completions load, and a small
# CMake project links the library with find_package(inspex); pkg-config knows it.
# Usage: install.sh BUILD_DIR (run from the source root).
set -u
build=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}
has() { grep -qF -- "$2" <<< "$1"; }

src=$(pwd -P)
examples=$(( $(ls grammars/examples/*/*.expected.jsonl | wc -l) + $(cat grammars/examples/*/*.examples.md | grep -c '^```example$') ))
cmake --install "$build" --prefix "$tmp/p" > "$tmp/install.log" 2>&1
check "install succeeds" test $? -eq 0
cp samples/action-plan-elmley-2022.txt "$tmp/plan.txt"
cd "$tmp"
out=$("$tmp/p/bin/inspex" extract -q plan.txt)
check "installed extract reads a sample" test "$(jq -r 'select(.kind == "recommendation") | .ref' <<< "$out" | wc -l)" -eq 18
if [ -d "$build/lib/inspex" ]; then # none with -DINSPEX_STATIC_BACKENDS=ON
  check "the PDF, zip, XLSX and SQLite modules are installed" \
    test -f "$tmp/p/lib/inspex/inspex-pdf.so" -a -f "$tmp/p/lib/inspex/inspex-zip.so" \
    -a -f "$tmp/p/lib/inspex/inspex-xlsx.so" -a -f "$tmp/p/lib/inspex/inspex-sqlite.so"
fi
cp "$src/tests/fixtures/originals/action-plan-elmley-2022.pdf" "$src/tests/fixtures/originals/action-plan-elmley-2022.docx" "$tmp/"
check "installed normalize reads a PDF" has "$("$tmp/p/bin/inspex-normalize" action-plan-elmley-2022.pdf)" "ESTABLISHMENT: HMP ELMLEY"
check "installed tools use the installed grammars" \
  has "$("$tmp/p/bin/inspex" grammars)" "$tmp/p/share/inspex/grammars/action-plan.toml"
if command -v help2man > /dev/null; then
  page=$(MANPATH="$tmp/p/share/man" MANWIDTH=80 man inspex-extract 2> /dev/null | col -b)
  check "man inspex-extract" has "$page" "inspex-extract - read documents with a grammar and write their records"
  check "man page lists the options" has "$page" "--explode"
fi
completion=$(PATH="$tmp/p/bin:$PATH" bash -c "source '$tmp/p/share/bash-completion/completions/inspex'
  COMP_WORDS=(inspex convert --exp); COMP_CWORD=2; _inspex; echo \"\${COMPREPLY[*]}\"
  COMP_WORDS=(inspex con); COMP_CWORD=1; _inspex; echo \"\${COMPREPLY[*]}\"
  COMP_WORDS=(inspex-extract --to x); COMP_CWORD=2; _inspex_complete inspex-extract; echo \"\${COMPREPLY[*]}\"")
check "bash completion: options from --help" has "$completion" "--explode"
check "bash completion: commands" has "$completion" "convert"
check "bash completion: formats after --to" has "$completion" "xlsx"
check "zsh completion installed" test -f "$tmp/p/share/zsh/vendor-completions/_inspex"

mkdir -p "$tmp/user"
cp "$OLDPWD/tests/install/CMakeLists.txt" "$OLDPWD/tests/install/main.cpp" "$tmp/user/"
cmake -S "$tmp/user" -B "$tmp/user/build" -DCMAKE_PREFIX_PATH="$tmp/p" > "$tmp/user.log" 2>&1 &&
  cmake --build "$tmp/user/build" >> "$tmp/user.log" 2>&1
check "find_package(inspex) project builds and links" test -x "$tmp/user/build/uses_inspex" || tail -20 "$tmp/user.log"
check "it extracts with the installed grammars" \
  test "$("$tmp/user/build/uses_inspex" plan.txt | jq -r 'select(.kind == "document") | .establishment')" = "HMP Elmley"
check "pkg-config knows the library" \
  has "$(PKG_CONFIG_PATH="$tmp/p/lib/pkgconfig" pkg-config --libs inspex)" "-linspex"

# The prefix moved elsewhere and the source and build trees out of reach: a
# private mount namespace binds an empty folder over both (where unshare is
# allowed; else the moved prefix alone is tried, and that is said). The
# tools still read a sample with the installed grammars, and inspex test
# passes on the installed grammars' examples.
cp -a "$tmp/p" "$tmp/moved"
mkdir -p "$tmp/empty"
hide=no
unshare -m --propagation private true 2> /dev/null && hide=yes
hidden() {
  if [ "$hide" = yes ]; then
    unshare -m --propagation private bash -c \
      'mount --bind "$0" "$1" && mount --bind "$0" "$2" && shift 2 && exec "$@"' \
      "$tmp/empty" "$build" "$src" "$@"
  else
    "$@"
  fi
}
if [ "$hide" = yes ]; then
  check "hidden: the source tree is out of reach" hidden test ! -e "$src/grammars/action-plan.toml"
  check "hidden: the build tree is out of reach" hidden test ! -e "$build/tools/inspex-extract"
else
  echo "note: unshare is not permitted here: the source tree stays in reach; the moved prefix is tried alone"
fi
out=$(hidden "$tmp/moved/bin/inspex" extract -q plan.txt)
check "moved, no source: extract reads a sample" test "$(jq -r 'select(.kind == "recommendation") | .ref' <<< "$out" | wc -l)" -eq 18
check "moved, no build: a PDF read with the moved prefix's module" \
  has "$(hidden "$tmp/moved/bin/inspex-normalize" action-plan-elmley-2022.pdf)" "ESTABLISHMENT: HMP ELMLEY"
out=$(hidden "$tmp/moved/bin/inspex" extract -q action-plan-elmley-2022.docx)
check "moved, no build: a DOCX read with the moved prefix's module" test "$(jq -r 'select(.kind == "recommendation") | .ref' <<< "$out" | wc -l)" -eq 18
check "moved, no build: an XLSX written with the moved prefix's module" \
  hidden "$tmp/moved/bin/inspex" extract -q --to xlsx -o "$tmp/moved.xlsx" plan.txt
check "moved, no build: a SQLite archive written with the moved prefix's module" \
  hidden "$tmp/moved/bin/inspex" extract -q --to sqlite -o "$tmp/moved.db" plan.txt
check "moved, no source: the moved prefix's grammars" \
  has "$(hidden "$tmp/moved/bin/inspex" grammars)" "$tmp/moved/share/inspex/grammars/action-plan.toml"
check "inspex test is installed" test -x "$tmp/moved/bin/inspex-test"
check "the examples are installed" test -f "$tmp/moved/share/inspex/grammars/examples/action-plan/ashfield-headings.expected.jsonl"
out=$(hidden "$tmp/moved/bin/inspex" test 2>&1)
check "moved, no source: inspex test passes on the installed grammars" \
  has "$out" "3 grammars: $examples examples passed, 0 failed, 0 errors"
check "moved, no source: ... their examples, installed" \
  has "$(hidden "$tmp/moved/bin/inspex" test -q action-plan "$tmp/moved/share/inspex/grammars/irp-report.toml" 2>&1; echo "exit $?")" "exit 0"
if command -v help2man > /dev/null; then
  page=$(MANPATH="$tmp/moved/share/man" MANWIDTH=80 man inspex-test 2> /dev/null | col -b)
  check "man inspex-test" has "$page" "inspex-test - run grammars' examples"
fi
check "bash completion of inspex-test installed" test -f "$tmp/moved/share/bash-completion/completions/inspex-test"
completion=$(PATH="$tmp/moved/bin:$PATH" bash -c "source '$tmp/moved/share/bash-completion/completions/inspex'
  COMP_WORDS=(inspex te); COMP_CWORD=1; _inspex; echo \"\${COMPREPLY[*]}\"
  COMP_WORDS=(inspex test un); COMP_CWORD=2; _inspex; echo \"\${COMPREPLY[*]}\"")
check "bash completion: the test command" has "$completion" "test"
check "bash completion: grammar names after inspex test" has "$completion" "un-action-plan"

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
