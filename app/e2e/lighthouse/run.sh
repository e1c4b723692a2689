#!/bin/sh
# make lighthouse: Lighthouse's accessibility score of the built site (public/), on the
# default view, a lesson and a figure, at its mobile and its desktop form factor, with
# Debian's Chromium. It prints each page's score and the audits that failed, and exits
# non-zero when a page scores under 100. A measurement, not a test: make test does not
# run it (each run loads the page in a fresh Chromium, half a minute or so).
#
# Usage: run.sh PUBLIC_DIR (from the repository's root, after make build and npm ci here).
set -eu
public=${1:-public}
here=$(dirname "$0")
out=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$out"' EXIT INT TERM

# The site tool serves public/ on a free port and prints the address it chose.
go build -o "$out/site" ./wasm/ui
"$out/site" -serve "$public" -addr 127.0.0.1:0 >"$out/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do
	grep -q '^serving' "$out/serve.log" && break
	sleep 0.1
done
base=$(sed -n 's/^serving .* on \(http:[^ ]*\)$/\1/p' "$out/serve.log")
[ -n "$base" ] || { cat "$out/serve.log" >&2; exit 1; }

export CHROME_PATH="${CHROME_PATH:-$(command -v chromium)}"
status=0
for page in "default|" "lesson|?lesson=1" "figure|?figure=table1"; do
	name=${page%%|*}
	query=${page#*|}
	for form in mobile desktop; do
		preset=""
		[ "$form" = desktop ] && preset="--preset=desktop"
		report="$out/$name-$form.json"
		# shellcheck disable=SC2086 # preset is one word or none
		"$here/node_modules/.bin/lighthouse" "$base$query" $preset \
			--only-categories=accessibility --output=json --output-path="$report" --quiet \
			--chrome-flags="--headless --no-sandbox --disable-gpu --disable-dev-shm-usage"
		node "$here/summary.js" "$name" "$form" "$report" || status=1
	done
done
exit $status
