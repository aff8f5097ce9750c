#!/usr/bin/env bash
# Build-speed benchmark: generates synthetic corpora (1,000 and 10,000 campaign pages, and 10,000 across
# three languages), builds each with the real `mvnw broadside:build` (Maven start-up included), with the
# engine alone in a fresh JVM, and with Hugo when it is installed, then writes benchmarks/results.md.
#
#   scripts/bench.sh                         all cases (20-40 minutes on 2 shared cores)
#   RUNS=1 CASES="1000:1" scripts/bench.sh   one quick case
#
# Environment: BENCH_DIR (scratch folder, default /tmp/broadside-bench); CASES, each pages:languages with
# an optional :images (campaigns with hero pictures, so no share card is drawn: the same work as Hugo's);
# RUNS (runs per figure for up to 1,000 pages; median and best shown) and LARGE_RUNS (above 1,000 pages);
# JVM_CONFIG (the site's .mvn/jvm.config; default: the file `init` writes into every new site, so the main
# figures are what a site gets by default; a second run measures Java's defaults, no jvm.config);
# RESULTS (output file). Every figure has wall time, CPU time (user + sys) and peak RSS: on a shared
# machine CPU time is the steadier measure, and Broadside / Hugo ratios are taken within one run.
# The plugin is installed into a private local repository under BENCH_DIR that reads through to
# ~/.m2 (Maven 3.9's maven.repo.local.tail), so the shared ~/.m2 is never written.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=${BENCH_DIR:-/tmp/broadside-bench}
RUNS=${RUNS:-3}
LARGE_RUNS=${LARGE_RUNS:-1}
CASES=${CASES:-"1000:1 1000:1:images 10000:1 10000:1:images 10000:3"}
JVM_CONFIG=${JVM_CONFIG:-$(cat "$ROOT/src/main/resources/io/github/broadside/scaffold/init/jvm.config")}
RESULTS=${RESULTS:-$ROOT/benchmarks/results.md}
THEME=$ROOT/themes/default
M2=(-Dmaven.repo.local="$BENCH/m2" -Dmaven.repo.local.tail="$HOME/.m2/repository")
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }

mkdir -p "$BENCH"
log() { printf '%s\n' "$*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

log "== building the plugin and the benchmark classes"
(cd "$ROOT" && ./mvnw -B -o -q install -DskipTests -DskipITs "${M2[@]}")
(cd "$ROOT" && ./mvnw -B -o -q dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$BENCH/classpath.txt" "${M2[@]}")
# A copy of the classes, so that compiling in the work tree during a long run cannot break it.
rm -rf "$BENCH/classes" && mkdir -p "$BENCH/classes" && cp -r "$ROOT/target/classes" "$ROOT/target/test-classes" "$BENCH/classes/"
CP="$BENCH/classes/classes:$BENCH/classes/test-classes:$(cat "$BENCH/classpath.txt")"
# The project's own version: the first <version> in the pom (there is no parent).
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
HUGO=$(command -v hugo || true)

# median and best of a list of numbers
# (failed runs are words, not numbers: they are counted apart)
stats() { sort -n | awk '$1 ~ /^[0-9.]+$/ {a[++n]=$1; next} {bad=bad (bad?", ":"") $1}
    END {if (n==0) {print (bad?bad:"-"); exit} m=(n%2)?a[(n+1)/2]:(a[n/2]+a[n/2+1])/2;
    printf "%s (best %s)%s", m, a[1], (bad?"; "bad:"")}'; }
median() { sort -n | awk '$1 ~ /^[0-9.]+$/ {a[++n]=$1} END {if (n==0) {print "-"; exit} m=(n%2)?a[(n+1)/2]:(a[n/2]+a[n/2+1])/2; print m}'; }

site_pom() {
    cat > "$1/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example.bench</groupId>
  <artifactId>bench-site</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>io.github.broadside</groupId>
        <artifactId>broadside-maven-plugin</artifactId>
        <version>$VERSION</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF
}

mvn_build() { # dir, output-time-file, extra arguments; a failed build is reported and recorded, not fatal
    if ! (cd "$1" && "$TIME" -f "%e %M %U %S" -o "$2" "$ROOT/mvnw" -B -o -q broadside:build -Dbroadside.theme="$THEME" \
        "${M2[@]}" "${@:3}" >"$BENCH/mvn.log" 2>&1); then
        grep -m3 -E "ERROR\] [^ ]|Exception|Error:" "$BENCH/mvn.log" >&2 || true
        reason=$(grep -q -i "OutOfMemory\|heap space" "$BENCH/mvn.log" && echo "out-of-memory" || echo "failed")
        echo "$reason 0 0 0" >"$2"
    fi
}

# reads "wall rss user sys" from a time file into the named arrays: wall, rss (KiB), cpu (user+sys)
take() { local w r u y; read -r w r u y < <(tail -1 "$1"); eval "$2+=(\"\$w\")"; eval "$3+=(\"\$r\")"
    eval "$4+=(\"$(awk -v u="$u" -v y="$y" 'BEGIN {if (u ~ /^[0-9.]+$/) printf "%.1f", u+y; else print "-"}')\")"; }
config_on() { mkdir -p "$1/.mvn" && echo "$JVM_CONFIG" >"$1/.mvn/jvm.config"; }
config_off() { rm -f "$1/.mvn/jvm.config"; }
edit_one() { # appends a sentence to one campaign's body, as a one-campaign commit would
    local f; f=$(find "$1/content" -name '*.md' | sort | sed -n 2p); echo "One more sentence, run $2." >>"$f"; }

ROWS=()
NOTES=()
STARTUP=()
SERVE_ROWS=()
for case in $CASES; do
    IFS=: read -r pages langs variant <<<"$case"
    images=$([ "${variant:-}" = images ] && echo images || echo "")
    name="$pages pages, $langs language$([ "$langs" = 1 ] || echo s), $([ -n "$images" ] && echo "hero pictures" || echo "share cards drawn")"
    dir="$BENCH/site-$pages-$langs${images:+-images}"
    hdir="$BENCH/hugo-$pages-$langs"
    runs=$([ "$pages" -le 1000 ] && echo "$RUNS" || echo "$LARGE_RUNS")
    log "== $name: generating"
    rm -rf "$dir"
    java -Djava.awt.headless=true -cp "$CP" io.github.broadside.bench.CorpusGenerator "$dir" "$pages" "$langs" broadside $images
    site_pom "$dir"
    if [ ! -d "$hdir" ]; then
        java -cp "$CP" io.github.broadside.bench.CorpusGenerator "$hdir" "$pages" "$langs" hugo
    fi
    input=$(du -sk "$dir/content" | cut -f1)

    mvn_wall=(); mvn_rss=(); mvn_cpu=(); rebuild_wall=(); rebuild_rss=(); rebuild_cpu=(); ci_wall=(); ci_rss=(); ci_cpu=()
    plain_wall=(); plain_rss=(); plain_cpu=(); eng_rss=(); eng_cold=(); eng_warm=(); eng_edit=()
    hugo_wall=(); hugo_rss=(); hugo_cpu=(); loads=()
    for run in $(seq 1 "$runs"); do
        loads+=("$(load)")
        if [ "$pages" -le 1000 ] && [ ${#STARTUP[@]} -lt "$RUNS" ]; then
            log "   run $run/$runs: Maven start-up alone, broadside.skip (load $(load))"
            config_on "$dir"
            mvn_build "$dir" "$BENCH/time.txt" -Dbroadside.skip=true
            STARTUP+=("$(cut -d' ' -f1 "$BENCH/time.txt")")
        fi
        log "   run $run/$runs: mvnw broadside:build, clean, .mvn/jvm.config as init writes it (load $(load))"
        rm -rf "$dir/target" "$dir/site"
        config_on "$dir"
        mvn_build "$dir" "$BENCH/time.txt"
        take "$BENCH/time.txt" mvn_wall mvn_rss mvn_cpu

        log "   run $run/$runs: mvnw broadside:build again, nothing changed (load $(load))"
        mvn_build "$dir" "$BENCH/time.txt"
        take "$BENCH/time.txt" rebuild_wall rebuild_rss rebuild_cpu

        log "   run $run/$runs: CI rebuild: one campaign changed, fresh checkout (no site/), target/broadside/ cached (load $(load))"
        rm -rf "$dir/site"
        edit_one "$dir" "$run"
        mvn_build "$dir" "$BENCH/time.txt"
        take "$BENCH/time.txt" ci_wall ci_rss ci_cpu

        log "   run $run/$runs: mvnw broadside:build without .mvn/jvm.config, Java's defaults (load $(load))"
        rm -rf "$dir/target" "$dir/site"
        config_off "$dir"
        mvn_build "$dir" "$BENCH/time.txt"
        config_on "$dir"
        take "$BENCH/time.txt" plain_wall plain_rss plain_cpu

        log "   run $run/$runs: engine in a fresh JVM (load $(load))"
        "$TIME" -f "%e %M" -o "$BENCH/time.txt" java -cp "$CP" io.github.broadside.bench.EngineBench \
            "$dir" "$THEME" "$BENCH/engine-out" "$(nproc)" 1 >"$BENCH/engine.txt"
        read -r w r < <(tail -1 "$BENCH/time.txt"); eng_rss+=("$r")
        line=$(cat "$BENCH/engine.txt")
        eng_cold+=("$(sed -E 's/.*cold_ms=([0-9]+).*/\1/' <<<"$line")")
        eng_warm+=("$(sed -E 's/.*warm_ms=([0-9]+).*/\1/' <<<"$line")")
        eng_edit+=("$(sed -E 's/.*edit_full_rebuild_ms=([0-9]+).*/\1/' <<<"$line")")
        NOTES+=("- $name, engine run $run: $line")

        if [ -n "$HUGO" ] && [ -z "$images" ]; then
            log "   run $run/$runs: hugo (load $(load))"
            rm -rf "$hdir/public" "$hdir/resources"
            (cd "$hdir" && "$TIME" -f "%e %M %U %S" -o "$BENCH/time.txt" "$HUGO" --quiet >"$BENCH/hugo.log" 2>&1) \
                || { cat "$BENCH/hugo.log" >&2; exit 1; }
            take "$BENCH/time.txt" hugo_wall hugo_rss hugo_cpu
        fi
    done
    log "   serve: edit -> page served, 5 edits (load $(load))"
    java -Djava.awt.headless=true -cp "$CP" io.github.broadside.bench.ServeBench "$dir" "$THEME" 5 >"$BENCH/serve.txt"
    serve_line=$(head -1 "$BENCH/serve.txt")
    SERVE_ROWS+=("| $name | $(sed -E 's/.*serve_startup_ms=([0-9]+).*/\1/' <<<"$serve_line") ms \
| $(sed -E 's/.*edit_visible_ms=\[([^]]*)\].*/\1/' <<<"$serve_line") ms \
| $(grep -m1 '^log: Changed' "$BENCH/serve.txt" | sed -E 's/.*: (rendered [0-9]+ pages?).*/\1/') |")
    rm -rf "$dir/target"
    files=$(find "$dir/site" -type f | wc -l)
    out=$(du -sk "$dir/site" | cut -f1)
    mvn_med=$(printf '%s\n' "${mvn_wall[@]}" | median)
    ms_page=$(awk -v w="$mvn_med" -v p="$pages" 'BEGIN {if (w == "-") print "-"; else printf "%.2f", w*1000/p}')
    rss=$(printf '%s\n' "${mvn_rss[@]}" | sort -n | tail -1)
    plain_rss_max=$(printf '%s\n' "${plain_rss[@]}" | sort -n | tail -1)
    ci_rss_max=$(printf '%s\n' "${ci_rss[@]}" | sort -n | tail -1)
    eng_rss_max=$(printf '%s\n' "${eng_rss[@]}" | sort -n | tail -1)
    hugo_cell="-"; ratio="-"; ci_ratio="-"
    if [ ${#hugo_wall[@]} -gt 0 ]; then
        hugo_med=$(printf '%s\n' "${hugo_wall[@]}" | median)
        hugo_cell="$(printf '%s\n' "${hugo_wall[@]}" | stats) s, CPU $(printf '%s\n' "${hugo_cpu[@]}" | median) s, $(( $(printf '%s\n' "${hugo_rss[@]}" | sort -n | tail -1) / 1024 )) MiB"
        ratio=$(awk -v a="$mvn_med" -v b="$hugo_med" 'BEGIN {if (a == "-" || b == "-") print "-"; else printf "%.2f", a/b}')
        ci_med=$(printf '%s\n' "${ci_wall[@]}" | median)
        ci_ratio=$(awk -v a="$ci_med" -v b="$hugo_med" 'BEGIN {if (a == "-" || b == "-") print "-"; else printf "%.0f %%", 100*a/b}')
    elif [ -z "$HUGO" ]; then
        hugo_cell="not installed"
    else
        hugo_cell="see the row without pictures"
    fi
    ROWS+=("| $name | $(printf '%s\n' "${mvn_wall[@]}" | stats) s, CPU $(printf '%s\n' "${mvn_cpu[@]}" | median) s, $((rss / 1024)) MiB | $ms_page \
| $(printf '%s\n' "${rebuild_wall[@]}" | stats) s, CPU $(printf '%s\n' "${rebuild_cpu[@]}" | median) s \
| $(printf '%s\n' "${ci_wall[@]}" | stats) s, CPU $(printf '%s\n' "${ci_cpu[@]}" | median) s, $((ci_rss_max / 1024)) MiB \
| $(printf '%s\n' "${plain_wall[@]}" | stats) s, CPU $(printf '%s\n' "${plain_cpu[@]}" | median) s, $((plain_rss_max / 1024)) MiB \
| $(printf '%s\n' "${eng_cold[@]}" | stats) ms | $(printf '%s\n' "${eng_warm[@]}" | stats) ms \
| $(printf '%s\n' "${eng_edit[@]}" | stats) ms | $((eng_rss_max / 1024)) MiB | $files files, $((out / 1024)) MiB (in: $((input / 1024)) MiB) \
| $hugo_cell | $ratio | $ci_ratio |")
    NOTES+=("- $name: load averages (1/5/15 min) before each run: $(IFS=';'; echo "${loads[*]}")")
    log "   ${ROWS[-1]}"
done

SERVE="This is a full rebuild; the dev server's incremental path is measured in the next table."

{
    echo "# Build-speed benchmark"
    echo
    echo "Produced by \`scripts/bench.sh\` on $(date -u +%Y-%m-%d) (UTC). Corpora from"
    echo "\`CorpusGenerator\` (campaign pages of about 600 words with front matter, headings, lists, links,"
    echo "emphasis, a table and a blockquote); the same pages in Hugo's layout for Hugo. $RUNS runs per figure up to 1,000 pages, $LARGE_RUNS above:"
    echo "median (best)."
    echo
    echo "## Machine"
    echo
    echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores available"
    echo "- Memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
    echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
    echo "- Java: $(java -version 2>&1 | head -1)"
    echo "- Maven: $("$ROOT/mvnw" -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g') (wrapper, offline)"
    echo "- Hugo: $([ -n "$HUGO" ] && "$HUGO" version | cut -d' ' -f1-2 || echo 'not installed')"
    echo "- Shared machine: other jobs may run at the same time; load averages are listed under the table."
    echo
    echo "## Results"
    echo
    echo "| corpus | \`mvnw broadside:build\` as init sets it up: wall, CPU, peak RSS | ms/page | rebuild, nothing changed | CI rebuild, one campaign changed | same clean build without .mvn/jvm.config | engine cold | engine warm | edit → output | engine RSS | output | Hugo: wall, CPU, RSS | Broadside / Hugo (wall) | CI rebuild / Hugo |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "- *wall*: \`mvnw -o -q broadside:build\` from the shell prompt to exit, Maven start-up included, on a"
    echo "  clean project (no \`site/\`, no \`target/\`, so every share card is drawn), with the \`.mvn/jvm.config\`"
    echo "  that \`init\` writes into every new site: \`$JVM_CONFIG\`. *CPU*: user + sys time of the"
    echo "  whole process tree (steadier than wall time on a shared machine)."
    echo "- *rebuild, nothing changed*: the same command once more: share cards come from \`target/broadside/cards\`"
    echo "  and unchanged pages are linked from the previous \`site/\` instead of written."
    echo "  Maven start-up alone (the same command with \`-Dbroadside.skip=true\`): $(printf '%s\n' "${STARTUP[@]}" | stats) s."
    echo "- *CI rebuild*: after that rebuild, one campaign's text changed and \`site/\` deleted (a fresh checkout),"
    echo "  \`target/broadside/\` kept (what the CI recipes \`init\` writes cache between runs)."
    echo "- *without .mvn/jvm.config*: the same clean build under Java's default GC, heap sizing and compilers."
    echo "- *engine cold*: \`SiteBuilder.build()\` in a fresh JVM (no Maven); *warm*: one more build in that JVM."
    echo "- *edit → output*: one page edited on disk, then rebuilt in the warm JVM until its output has the change."
    echo "  $SERVE"
    echo "- *RSS*: maximum resident set size from \`/usr/bin/time\`."
    echo
    echo "### Editing with \`serve\`"
    echo
    echo "\`ServeBench\` starts the real dev server (\`DevServer\`, port 0), then five times saves an edit to one"
    echo "campaign's body and polls the page over HTTP until the new text is served (300 ms between edits)."
    echo
    echo "| corpus | serve start-up (full build) | edit → page served, 5 edits | work per edit |"
    echo "|---|---|---|---|"
    printf '%s\n' "${SERVE_ROWS[@]}"
    echo
    printf '%s\n' "${NOTES[@]}"
} >"$RESULTS.new"
# Keep any hand-written analysis below the generated part.
if [ -f "$RESULTS" ] && grep -q '^<!-- analysis -->' "$RESULTS"; then
    { echo; sed -n '/^<!-- analysis -->/,$p' "$RESULTS"; } >>"$RESULTS.new"
fi
mv "$RESULTS.new" "$RESULTS"
log "== wrote $RESULTS"
