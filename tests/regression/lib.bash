# Shared by the regression scripts of the bad-input matrix (issue 9): each
# script is one defect, run by ctest as regression.NAME with the tools' folder.
# Usage in a script: source "$(dirname "$0")/lib.bash" "$@"
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
elmley=samples/action-plan-elmley-2022.txt

# expect NAME WANTED_STATUS COMMAND...: runs COMMAND, keeps stdout/stderr in $out/$err.
expect() {
  local name=$1 want=$2; shift 2
  "$@" > "$tmp/out" 2> "$tmp/err"
  status=$?
  out=$(cat "$tmp/out"); err=$(cat "$tmp/err")
  if [ "$status" -eq "$want" ]; then passed=$((passed + 1)); return 0; fi
  echo "FAIL $name: exit $status, wanted $want"; echo "  stderr: $err" | head -5
  failed=$((failed + 1)); return 1
}
# check NAME CONDITION...: one assertion.
check() {
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}
has() { grep -qF -- "$2" <<< "$1"; }
lacks() { ! grep -qF -- "$2" <<< "$1"; }
finish() {
  echo "$(basename "$0" .sh): $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
