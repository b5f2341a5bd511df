#!/usr/bin/env bash
# Benchmark flushcheck against errcheck and staticcheck (issue 7).
#
#   bash bench/run.sh [-n RUNS] [-m RUNS] [-c "std corpus"] [-o OUTDIR] [-s | -i]
#
#   -n RUNS   samples of each tool, the median is reported (default 5)
#   -m RUNS   samples of the floor, per-check and incremental rows (default: -n)
#   -c LIST   corpora: std, corpus (bench/corpus/packages.txt), or both
#   -o DIR    where samples.txt, results.md and the first run's outputs go
#             (default: a new directory under /tmp, printed at the end)
#   -s        skip the floor and per-check rows and the incremental go vet
#             runs (the tool comparison only)
#   -i        only the incremental go vet runs
#
# Installs errcheck v1.30.0 and staticcheck v0.8.2 from the module proxy
# into a temporary GOBIN, builds flushcheck and bench/driver from this
# checkout, and measures, on the same packages and without test files
# (see docs/benchmark.md for why and for the exceptions):
#
#   flushcheck -test=false            the standalone command
#   go vet -vettool=flushcheck        a cold run: a fresh tool build ID each time
#   errcheck -ignoretests [-blank]
#   staticcheck -tests=false          with an empty analysis cache each time
#   driver -analyzers noop            the floor: flushcheck's loading, no checks
#   driver -analyzers syntax,flowgraph   the passes the checks share
#   flushcheck -test=false -checks X  each check alone
#   go vet -vettool=flushcheck        warm, after editing one file
#
# Wall and CPU (user+system, children included) seconds and peak RSS come
# from GNU time. It takes about 25 minutes on an idle 2-core machine (over an
# hour on a shared, loaded one); CI does not
# run it.
set -euo pipefail

runs=5
fruns=""
corpora="std corpus"
out=""
short=false
incremental_only=false
while getopts "n:m:c:o:si" opt; do
	case $opt in
	n) runs=$OPTARG ;;
	m) fruns=$OPTARG ;;
	c) corpora=$OPTARG ;;
	o) out=$OPTARG ;;
	s) short=true ;;
	i) incremental_only=true ;;
	*) sed -n '2,14p' "$0" >&2; exit 2 ;;
	esac
done
fruns=${fruns:-$runs}

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/flushcheck-bench.XXXXXX")
out=${out:-$work/results}
mkdir -p "$out/outputs"
out=$(cd "$out" && pwd)
bin=$work/bin
samples=$out/samples.txt
: >"$samples"

test -x /usr/bin/time || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
log() { echo "bench: $*" >&2; }

# --- tools -------------------------------------------------------------
log "installing errcheck v1.30.0 and staticcheck v0.8.2 into $bin"
(cd "$work" && GOBIN=$bin GOFLAGS= go install github.com/kisielk/errcheck@v1.30.0)
(cd "$work" && GOBIN=$bin GOFLAGS= go install honnef.co/go/tools/cmd/staticcheck@v0.8.2)
log "building flushcheck and bench/driver from $root"
(cd "$root" && go build -o "$bin/flushcheck" ./cmd/flushcheck && go build -o "$bin/driver" ./bench/driver)
checks=$("$bin/flushcheck" -h | sed -n 's/^checks: \([^(]*\) (.*/\1/p' | tr -d ' ' | tr ',' ' ')
corpusdir=$root/bench/corpus
(cd "$corpusdir" && go mod download)

{
	echo "# flushcheck benchmark"
	echo
	echo "- flushcheck: $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$root" && git diff --quiet HEAD -- analyzer cmd 2>/dev/null || echo ' (analyzer/ or cmd/ modified in the work tree)')"
	echo "- $(go version); $(nproc) CPUs; $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
	echo "- errcheck v1.30.0, staticcheck v0.8.2; medians of $runs samples per tool, $fruns per floor, per-check and incremental row"
	echo "- checks: $checks"
} >"$out/results.md"

# --- measuring ---------------------------------------------------------

# count_lines FILE: diagnostic lines (file:line:col: message), leaving out
# the related positions (indented, or under go vet "pos: \tmessage") and
# the "# package" headers of go vet. errcheck writes "pos:\tsource".
count_lines() {
	grep -E '^[^[:space:]#][^[:space:]]*:[0-9]+:[0-9]+:[[:space:]]' "$1" | grep -cvE ':[0-9]+:[0-9]+: '$'\t' || true
}

# sample CORPUS NAME DIR FINDINGS_STREAM CMD...: runs CMD in DIR once under
# GNU time and appends "corpus name wall cpu rss_kb findings load" to
# samples.txt. Exit status 0 or 1 (1: findings) is success.
rep=0
sample() {
	local corpus=$1 name=$2 dir=$3 stream=$4
	shift 4
	local tf=$work/time.txt so=$work/stdout.txt se=$work/stderr.txt status=0
	(cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" >"$so" 2>"$se") || status=$?
	if [ "$status" -gt 1 ]; then
		log "$corpus $name failed (exit $status): $*"
		tail -5 "$se" >&2
		exit 1
	fi
	local f
	if [ "$stream" = stderr ]; then f=$(count_lines "$se"); else f=$(count_lines "$so"); fi
	if [ "$rep" -eq 1 ]; then
		cp "$so" "$out/outputs/$corpus.$name.stdout"
		cp "$se" "$out/outputs/$corpus.$name.stderr"
	fi
	tail -1 "$tf" | awk -v c="$corpus" -v n="$name" -v f="$f" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
		'{printf "%s %s %.2f %.2f %d %d %s\n", c, n, $1, $2+$3, $4, f, l}' >>"$samples"
	log "  $(tail -1 "$samples")"
}

# freshvet: a copy of flushcheck with bytes appended, so that its
# -V=full build ID, go vet's cache key, is new and nothing is replayed
# from go vet's cache. The compiled packages stay cached.
freshvet() {
	local t=$work/vettool-$1
	cp "$bin/flushcheck" "$t"
	echo "bench $1 $RANDOM" >>"$t"
	echo "$t"
}

# run_corpus CORPUS FLOOR: one sample of every tool on that corpus, and
# of the floor and per-check rows when FLOOR is true.
run_corpus() {
	local corpus=$1 floor=$2 dir pkgs
	if [ "$corpus" = std ]; then
		dir=$work
		pkgs=(std)
	else
		dir=$corpusdir
		mapfile -t pkgs <"$corpusdir/packages.txt"
	fi
	sample "$corpus" flushcheck "$dir" stdout "$bin/flushcheck" -test=false "${pkgs[@]}"
	sample "$corpus" vet "$dir" stderr go vet -vettool="$(freshvet "$corpus-$rep")" "${pkgs[@]}"
	sample "$corpus" errcheck "$dir" stdout "$bin/errcheck" -ignoretests "${pkgs[@]}"
	sample "$corpus" errcheck-blank "$dir" stdout "$bin/errcheck" -ignoretests -blank "${pkgs[@]}"
	local cache=$work/staticcheck-cache
	rm -rf "$cache"
	sample "$corpus" staticcheck "$dir" stdout env STATICCHECK_CACHE="$cache" "$bin/staticcheck" -tests=false "${pkgs[@]}"
	rm -rf "$cache"
	$floor || return 0
	sample "$corpus" floor "$dir" stdout "$bin/driver" -test=false -analyzers noop "${pkgs[@]}"
	sample "$corpus" syntax+flowgraph "$dir" stdout "$bin/driver" -test=false -analyzers syntax,flowgraph "${pkgs[@]}"
	local c
	for c in $checks; do
		sample "$corpus" "only-$c" "$dir" stdout "$bin/flushcheck" -test=false -checks "$c" "${pkgs[@]}"
	done
}

# --- warm-up -----------------------------------------------------------
# One discarded run of each tool per corpus fills the build cache (the
# export data errcheck and staticcheck read, the test variants go vet
# compiles), go list's cache and the page cache. staticcheck's own result
# cache and go vet's result cache are then bypassed in every sample.
# The floor and per-check rows load exactly as flushcheck does, so its
# warm-up serves them too.
$incremental_only && corpora="" runs=0
$incremental_only || log "warm-up (discarded)"
for corpus in $corpora; do
	rep=0
	run_corpus "$corpus" false
done
: >"$samples"

for rep in $(seq 1 "$runs"); do
	for corpus in $corpora; do
		log "sample $rep/$runs on $corpus"
		if ! $short && [ "$rep" -le "$fruns" ]; then
			run_corpus "$corpus" true
		else
			run_corpus "$corpus" false
		fi
	done
done

# --- incremental go vet ------------------------------------------------
# A copy of this module (HEAD) is vetted once, then a file is edited and
# go vet runs again with the same tool: only what the edit invalidates
# is vetted anew. "leaf": a comment in cmd/flushcheck/run.go (nothing
# imports it); "core": a new exported variable in
# analyzer/internal/knowledge, which most checks import.
if ! $short; then
	inc=$work/incremental
	mkdir -p "$inc"
	(cd "$root" && git archive HEAD) | tar -x -C "$inc"
	vt=$(freshvet incremental)
	(cd "$inc" && go vet -vettool="$vt" ./... >/dev/null 2>&1) || true
	for rep in $(seq 1 "$fruns"); do
		echo "// bench edit $rep $RANDOM" >>"$inc/cmd/flushcheck/run.go"
		sample incremental vet-leaf "$inc" stderr go vet -vettool="$vt" ./...
		echo "var BenchEdit$rep$RANDOM = 1" >>"$inc/analyzer/internal/knowledge/table.go"
		sample incremental vet-core "$inc" stderr go vet -vettool="$vt" ./...
		sample incremental vet-unchanged "$inc" stderr go vet -vettool="$vt" ./...
	done
fi

# --- summary -----------------------------------------------------------

# median CORPUS NAME FIELD: the median of a samples.txt column.
median() {
	awk -v c="$1" -v n="$2" -v f="$3" '$1 == c && $2 == n {print $f}' "$samples" | sort -g |
		awk '{v[NR] = $1} END {if (NR == 0) print "NaN"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
range_of() {
	awk -v c="$1" -v n="$2" '$1 == c && $2 == n {print $3}' "$samples" | sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {print lo "–" hi}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}'; }
over() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%+.1f s (%+.0f%%)", a - b, 100 * (a - b) / b; else print "n/a"}'; }

{
	echo "- load average (1 min) during the samples: median $(awk '{print $7}' "$samples" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'), max $(awk '{print $7}' "$samples" | sort -g | tail -1)"
	for corpus in $corpora; do
		echo
		echo "## $corpus"
		echo
		echo "| tool | wall s | (range) | CPU s | peak RSS MB | findings |"
		echo "| --- | ---: | ---: | ---: | ---: | ---: |"
		for name in flushcheck vet errcheck errcheck-blank staticcheck floor syntax+flowgraph $(for c in $checks; do echo "only-$c"; done); do
			grep -q "^$corpus $name " "$samples" || continue
			echo "| $name | $(median "$corpus" "$name" 3) | $(range_of "$corpus" "$name") | $(median "$corpus" "$name" 4) | $(awk -v k="$(median "$corpus" "$name" 5)" 'BEGIN {printf "%.0f", k / 1024}') | $(median "$corpus" "$name" 6) |"
		done
		fw=$(median "$corpus" flushcheck 3) fc=$(median "$corpus" flushcheck 4) fr=$(median "$corpus" flushcheck 5)
		echo
		echo "| ratio | wall | CPU | peak RSS |"
		echo "| --- | ---: | ---: | ---: |"
		echo "| flushcheck / errcheck | $(ratio "$fw" "$(median "$corpus" errcheck 3)") | $(ratio "$fc" "$(median "$corpus" errcheck 4)") | $(ratio "$fr" "$(median "$corpus" errcheck 5)") |"
		echo "| flushcheck / staticcheck | $(ratio "$fw" "$(median "$corpus" staticcheck 3)") | $(ratio "$fc" "$(median "$corpus" staticcheck 4)") | $(ratio "$fr" "$(median "$corpus" staticcheck 5)") |"
		if grep -q "^$corpus floor " "$samples"; then
			lw=$(median "$corpus" floor 3) lc=$(median "$corpus" floor 4)
			echo
			echo "| above the floor (no-op analyzer) | wall | CPU |"
			echo "| --- | ---: | ---: |"
			for name in flushcheck syntax+flowgraph $(for c in $checks; do echo "only-$c"; done); do
				echo "| $name | $(over "$(median "$corpus" "$name" 3)" "$lw") | $(over "$(median "$corpus" "$name" 4)" "$lc") |"
			done
		fi
	done
	if grep -q "^incremental " "$samples"; then
		echo
		echo "## go vet -vettool, warm, on a copy of this module (./...)"
		echo
		echo "| edit | wall s | (range) | CPU s | peak RSS MB |"
		echo "| --- | ---: | ---: | ---: | ---: |"
		for name in vet-leaf vet-core vet-unchanged; do
			echo "| $name | $(median incremental "$name" 3) | $(range_of incremental "$name") | $(median incremental "$name" 4) | $(awk -v k="$(median incremental "$name" 5)" 'BEGIN {printf "%.0f", k / 1024}') |"
		done
	fi
} >>"$out/results.md"

cat "$out/results.md"
log "samples: $samples; outputs of the first sample: $out/outputs"
