#!/usr/bin/env python3
"""How much of a profile the runtime's tiers take: samples in optimized code, in unoptimized or instrumented code (by
method), in the JIT compiling, in the runtime itself and in the kernel.

A first report in a fresh process runs each method first as unoptimized code; a method called millions of times from
a hot loop then goes through call counting and instrumented code before it is optimized. This shows which methods do.

Record one report in a fresh process, with the tiers in the method names and the clock the benchmark can be read
against:

  DOTNET_PerfMapEnabled=3 DOTNET_PerfMapShowOptimizationTiers=1 DOTNET_EnableWriteXorExecute=0 \
  perf record -k CLOCK_MONOTONIC -F 2999 -g -o /tmp/t.data \
    dotnet Immunization.Benchmarks.dll report-scale 2000000 1 1 entry rows

  benchmarks/tools/tiers.py /tmp/t.data [from-seconds to-seconds] [top]

The window is in seconds from the first sample (the input is built first: give the window of the report). A sample
whose call chain passes through libclrjit.so is counted as the JIT compiling; otherwise it goes by its own frame.
"""
import collections
import re
import subprocess
import sys

TIER = re.compile(r'\[(QuickJitted|OptimizedTier1OSR|OptimizedTier1|Optimized|InstrumentedTierOptimized|InstrumentedTier|PreJIT|ReadyToRun)\]')


def category(symbol, dso):
    tier = TIER.search(symbol)
    if tier:
        return 'optimized' if tier.group(1).startswith(('Optimized', 'PreJIT', 'ReadyToRun')) else 'unoptimized or instrumented'
    if dso == 'libcoreclr.so':
        return 'runtime'
    if dso == '[kernel.kallsyms]':
        return 'kernel'
    if dso.startswith('perf-'):
        return 'stubs'
    return 'other (' + dso + ')'


def main(data, start=None, end=None, top=15):
    text = subprocess.run(['perf', 'script', '-i', data, '-F', 'time,ip,sym,dso'], capture_output=True, text=True, check=True).stdout
    categories = collections.Counter()
    slow = collections.Counter()
    first = None
    total = 0
    for block in text.split('\n\n'):
        lines = [line for line in block.split('\n') if line.strip()]
        if not lines:
            continue
        head = re.search(r'([\d.]+):\s*$', lines[0].strip())
        if not head:
            continue
        t = float(head.group(1))
        first = t if first is None else first
        if start is not None and not (start <= t - first <= end):
            continue
        frames = []
        for line in lines[1:]:
            frame = re.match(r'^\s+[0-9a-f]+\s+(.*)\((.*)\)\s*$', line)
            if frame:
                frames.append((frame.group(1).strip(), frame.group(2).split('/')[-1]))
        if not frames:
            continue
        total += 1
        if any(dso == 'libclrjit.so' for _, dso in frames):
            categories['JIT compiling'] += 1
            continue
        symbol, dso = frames[0]
        kind = category(symbol, dso)
        categories[kind] += 1
        if kind == 'unoptimized or instrumented':
            slow[re.sub(r'^.*?\] ', '', symbol)[:140]] += 1
    print(f'{total} samples')
    for kind, count in categories.most_common():
        print(f'{100 * count / total:5.1f}%  {kind}')
    print('unoptimized or instrumented, by method:')
    for name, count in slow.most_common(top):
        print(f'{100 * count / total:5.1f}%  {name}')


if __name__ == '__main__':
    args = sys.argv[1:]
    if len(args) >= 3:
        main(args[0], float(args[1]), float(args[2]), int(args[3]) if len(args) > 3 else 15)
    else:
        main(args[0], top=int(args[1]) if len(args) > 1 else 15)
