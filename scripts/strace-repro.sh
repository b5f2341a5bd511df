#!/usr/bin/env bash
# Runs one reproducer's bad and fixed shapes once each under
#   strace -f -e trace=write,writev,sendto,sendmsg,shutdown,close
# and prints, for the descriptor the reproducer writes its stream to,
# every call with the bytes asked and the answer, then the verdict.
#
#   scripts/strace-repro.sh [REPRODUCER] [OUTDIR]
#
# REPRODUCER is a package of testdata/reproducers (default: shipper, a
# log shipper that treats EAGAIN as done). The full traces stay in
# OUTDIR (default: a new temporary directory). Needs strace (Debian:
# apt-get install strace) and a kernel that allows ptrace.
set -euo pipefail

cd "$(dirname "$0")/.."
repro=${1:-shipper}
out=${2:-$(mktemp -d)}
mkdir -p "$out"

command -v strace >/dev/null || { echo "strace-repro: strace is not installed (apt-get install strace)" >&2; exit 2; }
go build -o "$out/flushrepro" ./cmd/flushrepro

# stream_fd prints the descriptor of the largest write in a trace: the
# stream under test (the runtime's own writes are a few bytes each).
stream_fd() {
	sed -nE 's/^[0-9]+ +(write|sendto|sendmsg)\(([0-9]+), .*, ([0-9]+)\) += .*/\3 \2/p' "$1" |
		sort -n | tail -1 | cut -d' ' -f2
}

# join_resumed rewrites a trace so that every call is on one line: with
# -f, a call that another thread interrupts is printed as
# "PID write(5, ..., 1015936 <unfinished ...>" and later
# "PID <... write resumed>) = 32640", which the patterns below would
# count without its answer.
join_resumed() {
	awk '
		/ <unfinished \.\.\.>$/ { line = $0; sub(/ <unfinished \.\.\.>$/, "", line); pending[$1] = line; next }
		/^[0-9]+ +<\.\.\. [a-z0-9_]+ resumed>/ {
			rest = $0; sub(/^[0-9]+ +<\.\.\. [a-z0-9_]+ resumed> ?/, "", rest)
			print pending[$1] rest; delete pending[$1]; next
		}
		{ print }
	' "$1" >"$1.joined" && mv "$1.joined" "$1"
}

# summary prints the calls on descriptor fd from its first write on
# (the number may have served another socket before), folding runs of
# identical answers into one line with a count.
summary() {
	local trace=$1 fd=$2
	sed -nE "s/^[0-9]+ +(write|writev|sendto|sendmsg)\($fd, .*, ([0-9]+)\) += (-?[0-9]+)( [A-Z]+)?.*/\1 asked=\2 answer=\3\4/p; \
		s/^[0-9]+ +(shutdown|close)\($fd(, [A-Z_]+)?\) += (-?[0-9]+).*/\1\2 = \3/p" "$trace" |
		sed -E 's/asked=[0-9]+ answer=([0-9]+)$/accepted \1/' |
		awk '/^(write|writev|sendto|sendmsg)/ { started = 1 } started' |
		uniq -c | sed -E 's/^ +1 /      /; s/^ +([0-9]+) /  x\1 /'
}

# totals prints the number of write calls on fd, the bytes they moved
# and how many answered EAGAIN.
totals() {
	awk -v fd="$2" '
		$2 ~ "^(write|writev|sendto|sendmsg)\\(" fd "," {
			calls++
			if ($NF ~ /^[0-9]+$/) bytes += $NF
			if ($0 ~ /EAGAIN/) again++
		}
		END { printf "   %d write calls, %d bytes accepted, %d answered EAGAIN\n", calls, bytes, again }
	' "$1"
}

for variant in bad fixed; do
	trace="$out/$variant.trace"
	strace -f -qq -o "$trace" -e trace=write,writev,sendto,sendmsg,shutdown,close \
		"$out/flushrepro" -only "$repro" -variant "$variant" >"$out/$variant.verdict"
	join_resumed "$trace"
	fd=$(stream_fd "$trace")
	echo "== $repro, $variant shape: calls on fd $fd"
	summary "$trace" "$fd" >"$out/$variant.summary"
	if [ "$(wc -l <"$out/$variant.summary")" -gt 12 ]; then
		head -6 "$out/$variant.summary"
		echo "      ... $(($(wc -l <"$out/$variant.summary") - 10)) more lines ..."
		tail -4 "$out/$variant.summary"
	else
		cat "$out/$variant.summary"
	fi
	totals "$trace" "$fd"
	echo "   verdict: $(cat "$out/$variant.verdict")"
	echo
done
echo "full traces in $out"
