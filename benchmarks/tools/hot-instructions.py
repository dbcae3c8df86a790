#!/usr/bin/env python3
"""Which instructions of one JIT-compiled method the samples of a perf profile fall on.

The runtime's perf map gives each method's address and size; the JIT's own listing (DOTNET_JitDisasm with
DOTNET_JitDisasmWithCodeBytes=1) gives each instruction's bytes, from which its offset follows. A sample is counted
on the instruction it lands on, which is usually the one after an instruction that waited (for memory, mostly).

Run the process with TieredCompilation off, so that each method is compiled once:

  DOTNET_TieredCompilation=0 DOTNET_JitDisasmWithCodeBytes=1 DOTNET_JitStdOutFile=/tmp/jit.txt \
  DOTNET_JitDisasm='*FindRepeatsByRow*b__0' DOTNET_PerfMapEnabled=3 \
  perf record -F 2999 -o /tmp/p.data dotnet Immunization.Benchmarks.dll report-scale 2000000 1 2 entry rows

  benchmarks/tools/hot-instructions.py /tmp/p.data /tmp/perf-PID.map 'FindRepeatsByRow>b__0' /tmp/jit.txt [top]
"""
import bisect
import collections
import re
import subprocess
import sys


def main(data, perf_map, method, listing, top=12):
    entries = []
    with open(perf_map) as f:
        for line in f:
            start, size, name = line.split(' ', 2)
            if method in name:
                entries.append((int(start, 16), int(size, 16), name.strip()))
    if not entries:
        sys.exit(f'no method matching {method!r} in {perf_map}')
    start, size, name = entries[0]
    print(name)
    ips = subprocess.run(['perf', 'script', '-i', data, '-F', 'ip'], capture_output=True, text=True, check=True).stdout.split()
    hits = collections.Counter(int(ip, 16) - start for ip in ips if start <= int(ip, 16) < start + size)
    total = sum(hits.values())
    # The listing whose code size is the method's size in the map.
    text = open(listing).read()
    listings = [p for p in re.split(r'(?=; Assembly listing for method )', text) if re.search(r'; Total bytes of code %d\b' % size, p)]
    if not listings:
        sys.exit(f'no listing of {size} bytes in {listing}')
    offset, instructions = None, []
    for line in listings[0].split('\n'):
        group = re.match(r'^G_M\w+:.*offset=0x([0-9A-F]+)', line)
        if group:
            offset = int(group.group(1), 16)
            continue
        code = re.match(r'^\s+([0-9A-F]{2,})\s+(\S.*)$', line)
        if code and offset is not None:
            instructions.append((offset, code.group(2)))
            offset += len(code.group(1)) // 2
    offsets = [o for o, _ in instructions]
    per_instruction = collections.Counter()
    for o, count in hits.items():
        per_instruction[bisect.bisect_right(offsets, o) - 1] += count
    print(f'{total} samples')
    for k, count in sorted(per_instruction.most_common(top)):
        o, text = instructions[k]
        print(f'{100 * count / total:5.1f}%  {o:5x}  {text}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]) if len(sys.argv) > 5 else 12)
