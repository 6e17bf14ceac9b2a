#!/usr/bin/env bash
# The report opened in a real browser: Debian's chromium, headless. It must
# render (a screenshot and a PDF of several pages), log no console error, and
# request nothing over the network; a page that does load a remote image is
# the control that shows the net log check can fail. Skipped (exit 77) when
# chromium is not installed (scripts/install-deps.sh --tests installs it).
# Usage: report-browser.sh BIN_DIR [SCREENSHOT.png]
set -u
bin=$1 keep=${2:-}
command -v chromium > /dev/null || { echo "skip: chromium is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL report-browser: $*"; failed=1; }

"$bin/inspex-extract" -q samples/*.txt > "$tmp/records.jsonl"
"$bin/inspex-report" -q -o "$tmp/report.html" "$tmp/records.jsonl" || fail "inspex-report exited $?"

# browse NAME PAGE ARGS...: chromium headless on PAGE, its log in $tmp/NAME.log,
# its net log in $tmp/NAME.net.json.
browse() {
  local name=$1 page=$2; shift 2
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --disable-features=Translate,OptimizationHints,MediaRouter \
    --user-data-dir="$tmp/profile-$name" --enable-logging=stderr --v=0 \
    --log-net-log="$tmp/$name.net.json" --net-log-capture-mode=Default \
    "$@" "file://$page" > "$tmp/$name.out" 2> "$tmp/$name.log"
}
# The requests a page (an origin of file://) made for anything but a file, from
# the net log; the browser's own service requests are not the page's.
remote() {
  jq -r '.constants.logEventTypes.URL_REQUEST_START_JOB as $t | .events[] | select(.type == $t)
    | .params | select((.network_isolation_key // "") | startswith("file://"))
    | .url | select(test("^(file|data|about|blob):") | not)' "$1" | sort -u
}

browse shot "$tmp/report.html" --window-size=1280,1700 --hide-scrollbars --screenshot="$tmp/report.png" || fail "chromium exited $? (screenshot)"
test "$(head -c 8 "$tmp/report.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a || fail "no PNG screenshot"
test "$(stat -c %s "$tmp/report.png")" -gt 50000 || fail "the screenshot is nearly blank ($(stat -c %s "$tmp/report.png") bytes)"
browse pdf "$tmp/report.html" --no-pdf-header-footer --print-to-pdf="$tmp/report.pdf" || fail "chromium exited $? (print)"
test "$(head -c 5 "$tmp/report.pdf")" = "%PDF-" || fail "no PDF printed"
pages=$(grep -ao '/Type */Pages\?' "$tmp/report.pdf" | grep -c 'Page$')
test "$pages" -ge 3 || fail "the PDF has $pages pages (an archive page and one per establishment expected)"
for run in shot pdf; do
  errors=$(grep -E 'CONSOLE|Refused to|Content.Security.Policy' "$tmp/$run.log")
  test -z "$errors" || fail "console messages ($run): $errors"
  test -s "$tmp/$run.net.json" || fail "no net log ($run)"
  requests=$(remote "$tmp/$run.net.json")
  test -z "$requests" || fail "network requests ($run): $requests"
done

# The controls: the same checks see the request of a page that makes one, and
# the report's own policy refuses it, with a console error, when markup gets in.
printf '<!DOCTYPE html><title>control</title><img src="http://127.0.0.1:9/inspex-control.png">\n' > "$tmp/control.html"
browse control "$tmp/control.html" --screenshot="$tmp/control.png"
remote "$tmp/control.net.json" | grep -qF 'http://127.0.0.1:9/inspex-control.png' || fail "the net log check did not see the control's request"
sed 's|<main>|<main><img src="http://127.0.0.1:9/inspex-injected.png">|' "$tmp/report.html" > "$tmp/injected.html"
browse injected "$tmp/injected.html" --screenshot="$tmp/injected.png"
grep -q 'CONSOLE.*violates the following Content Security Policy' "$tmp/injected.log" || fail "the policy's refusal was not seen on the console: $(grep -c . "$tmp/injected.log") lines"
test -z "$(remote "$tmp/injected.net.json")" || fail "the policy let an injected image load"

if [ -n "$keep" ] && [ $failed -eq 0 ]; then cp "$tmp/report.png" "$keep"; fi
[ $failed -eq 0 ] && echo "ok report-browser: screenshot $(stat -c %s "$tmp/report.png") bytes, PDF of $pages pages, no console error, no request"
exit $failed
