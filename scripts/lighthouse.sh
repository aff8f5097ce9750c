#!/usr/bin/env bash
# Lighthouse mobile scores (performance, accessibility, best practices, SEO), layout shift (CLS) and page
# weight (KB transferred for the whole load, pictures included: Lighthouse's total-byte-weight) of the
# sample site, with the system Chromium (headless, nothing downloaded but the pinned Lighthouse package from
# npm, kept in target/npm-tools/). Outside Maven: needs node (>= 18) and npm; about 15 s a page.
#
#   scripts/lighthouse.sh            build the sample site, serve it on 127.0.0.1 and score the home pages,
#                                    every campaign page, a thank-you page and every Arabic page
#   scripts/lighthouse.sh URL...     score the given pages instead
#
# A thank-you page is noindex on purpose: its SEO score is shown but exempt ("noindex" beside it).
# Exit status 1 when a category is below 100 (SEO exempt on noindex pages) or CLS is above 0.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
export CHROME_PATH
[ -x "$CHROME_PATH" ] || { echo "no Chromium at $CHROME_PATH: apt-get update && apt-get install -y chromium" >&2; exit 1; }
command -v npm >/dev/null || { echo "npm is needed: apt-get install -y nodejs npm" >&2; exit 1; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Pinned: Lighthouse 13 needs node 22.19 or later; a new version is a deliberate bump.
LIGHTHOUSE_VERSION=12.8.2
tools="$PWD/target/npm-tools/lighthouse-$LIGHTHOUSE_VERSION"
lighthouse="$tools/node_modules/.bin/lighthouse"
if [ ! -x "$lighthouse" ]; then
  echo "installing lighthouse@$LIGHTHOUSE_VERSION into $tools" >&2
  npm install --prefix "$tools" --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION" >/dev/null
fi
# The static server: http-server serves the build's precompressed copies (page.html.gz) with
# Content-Encoding: gzip, as a real host does; without it every page would be scored uncompressed.
HTTP_SERVER_VERSION=14.1.1
server_tools="$PWD/target/npm-tools/http-server-$HTTP_SERVER_VERSION"
http_server="$server_tools/node_modules/.bin/http-server"

urls=("$@")
if [ ${#urls[@]} -eq 0 ]; then
  echo "building the sample site" >&2
  # The engine straight from the compiled classes (no install into ~/.m2 needed); the small main
  # class lives in the test sources so that an API change breaks the compile, not this script.
  ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
  java -cp "target/classes:target/test-classes:$(cat "$work/cp.txt")" io.github.broadside.bench.SampleSiteBuild "$work/site"
  site="$work/site"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  if [ ! -x "$http_server" ]; then
    echo "installing http-server@$HTTP_SERVER_VERSION into $server_tools" >&2
    npm install --prefix "$server_tools" --no-audit --no-fund --silent "http-server@$HTTP_SERVER_VERSION" >/dev/null
  fi
  "$http_server" "$site" -a 127.0.0.1 -p "$port" -g -s -c3600 >/dev/null 2>&1 &
  server_pid=$!
  for _ in $(seq 50); do
    if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1])' "http://127.0.0.1:$port/" 2>/dev/null; then break; fi
    sleep 0.2
  done
  # the home pages, the campaign pages (a page with a campaign article), one thank-you page and every
  # Arabic page (the right-to-left language), each once
  base="http://127.0.0.1:$port/"
  {
    for home in "$site"/index.html "$site"/*/index.html; do
      if grep -q 'class="cards' "$home"; then echo "${home#"$site"/}"; fi
    done
    (cd "$site" && grep -l 'class="campaign ' -r . --include=index.html | sed 's|^\./||' | sort)
    (cd "$site" && find . -path '*/thanks/index.html' | sed 's|^\./||' | grep -v '^ar/' | sort | sed -n 1p)
    (cd "$site" && find ar -name index.html 2>/dev/null | sort)
  } | awk '!seen[$0]++' > "$work/pages.txt"
  while IFS= read -r rel; do
    urls+=("$base${rel%index.html}")
  done < "$work/pages.txt"
fi

printf '%-60s %5s %5s %5s %5s %7s %8s\n' "page" "perf" "a11y" "best" "seo" "CLS" "KB"
status=0
for url in "${urls[@]}"; do
  out="$work/report.json"
  "$lighthouse" "$url" --quiet --output=json --output-path="$out" --form-factor=mobile \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --no-first-run" \
    >/dev/null 2>&1 || { printf '%-60s %s\n' "$url" "lighthouse failed"; status=1; continue; }
  node -e '
    const r = require(process.argv[1]);
    const s = k => r.categories[k] && r.categories[k].score !== null ? Math.round(r.categories[k].score * 100) : "-";
    const page = decodeURI(process.argv[2].replace(/^https?:\/\/127\.0\.0\.1:\d+/, ""));
    const keys = ["performance", "accessibility", "best-practices", "seo"];
    // a noindex page (the thank-you pages) is not meant to be found: its SEO score does not count
    const noindex = r.audits["is-crawlable"] && r.audits["is-crawlable"].score === 0;
    const cls = r.audits["cumulative-layout-shift"].numericValue;
    // page weight as Lighthouse counts it: bytes transferred for every request of the page load
    const kb = r.audits["total-byte-weight"].numericValue / 1000;
    console.log(page.padEnd(60), ...keys.map(k => String(s(k)).padStart(5)), cls.toFixed(3).padStart(7), kb.toFixed(1).padStart(8),
      noindex ? " noindex" : "");
    let below = cls > 0;
    // why a category is below 100: its failed audits
    for (const k of keys) {
      const c = r.categories[k];
      if (!c || c.score === null || c.score >= 1) continue;
      if (!(k === "seo" && noindex)) below = true;
      const failed = c.auditRefs.filter(a => a.weight > 0 && r.audits[a.id].score !== null && r.audits[a.id].score < 1)
        .map(a => a.id + " (" + (r.audits[a.id].displayValue || r.audits[a.id].score) + ")");
      if (failed.length) console.log("    " + k + ": " + failed.join(", "));
    }
    process.exit(below ? 1 : 0);
  ' "$out" "$url" || status=1
done
exit "$status"
