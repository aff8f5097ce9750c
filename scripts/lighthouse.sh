#!/usr/bin/env bash
# Lighthouse scores (performance, accessibility, best practices, SEO) of the sample campaign pages,
# with the system Chromium. Outside Maven: needs node (>= 18) and npm; about 15 s a page.
#
#   scripts/lighthouse.sh            build the sample site, serve it on 127.0.0.1 and score every campaign page
#   scripts/lighthouse.sh URL...     score the given pages instead
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

echo "installing lighthouse@12 into a temporary folder" >&2
npm install --prefix "$work/npm" --no-audit --no-fund --silent lighthouse@12 >/dev/null

urls=("$@")
if [ ${#urls[@]} -eq 0 ]; then
  echo "building the sample site" >&2
  # The engine straight from target/classes (no install into ~/.m2 needed).
  ./mvnw -B -q compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=runtime >/dev/null
  cat > "$work/BuildSample.java" <<'JAVA'
import io.github.broadside.BuildOptions;
import io.github.broadside.SiteBuilder;
import java.nio.file.Path;

public class BuildSample {
    public static void main(String[] args) throws Exception {
        new SiteBuilder(BuildOptions.defaults(Path.of(".")).withOutputDir(Path.of(args[0]))).build();
    }
}
JAVA
  java -cp "target/classes:$(cat "$work/cp.txt")" "$work/BuildSample.java" "$work/site"
  site="$work/site"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" >/dev/null 2>&1 &
  server_pid=$!
  sleep 1
  # campaign pages: the folders holding a page with a campaign article
  while IFS= read -r page; do
    rel="${page#"$site"/}"
    urls+=("http://127.0.0.1:$port/${rel%index.html}")
  done < <(grep -l 'class="campaign ' -r "$site" --include=index.html | sort)
fi

printf '%-55s %6s %6s %6s %6s\n' "page" "perf" "a11y" "best" "seo"
for url in "${urls[@]}"; do
  out="$work/report.json"
  "$work/npm/node_modules/.bin/lighthouse" "$url" --quiet --output=json --output-path="$out" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" >/dev/null 2>&1 \
    || { printf '%-55s %s\n' "$url" "lighthouse failed"; continue; }
  node -e '
    const r = require(process.argv[1]);
    const s = k => r.categories[k] && r.categories[k].score !== null ? Math.round(r.categories[k].score * 100) : "-";
    const page = process.argv[2].replace(/^https?:\/\/127\.0\.0\.1:\d+/, "");
    const keys = ["performance", "accessibility", "best-practices", "seo"];
    console.log(page.padEnd(55), ...keys.map(k => String(s(k)).padStart(6)));
    // why a category is below 100: its failed audits
    for (const k of keys) {
      const c = r.categories[k];
      if (!c || c.score === null || c.score >= 1) continue;
      const failed = c.auditRefs.filter(a => a.weight > 0 && r.audits[a.id].score !== null && r.audits[a.id].score < 1)
        .map(a => a.id);
      if (failed.length) console.log("    " + k + ": " + failed.join(", "));
    }
  ' "$out" "$url"
done
