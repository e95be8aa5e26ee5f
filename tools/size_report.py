#!/usr/bin/env python3
"""Code size and stack report of the libcamp core on Cortex-M (`make size`).

Reads the cross builds of `make target` (build/target/<cpu>-<opt>/obj/lib/<module>/*.o,
stack.json from tools/stack_report.py, and optionally the stack probe log of the qemu run)
and writes:
  --tsv FILE       module<TAB>text<TAB>data<TAB>bss for Cortex-M4 -Os, one row per module of
                   lib/, the zone table as `tzdb`, then TOTAL
  --md FILE        docs/size.md: sizes for M0+/M3/M4 at -Os and -O1, budgets, worst-case
                   stack per public function (static, and measured on qemu where probed)
  --block FILE     the README block alone (between the size-table markers)
  --update-readme FILE  replace the block between the markers in FILE
  --check-readme FILE   exit 1 when FILE's block differs from the generated one
  --check-md FILE       exit 1 when FILE differs from the generated docs/size.md
  --firmware-tsv FILE --firmware-elfs ELF...
                   only write FILE: cpu/program<TAB>text<TAB>data<TAB>bss of the firmware
                   programs (text = flash: code + rodata; bss without the linker script's
                   stack and heap reservations)
  --firmware FILE  read that table (and the qemu logs beside the ELFs, `stack N`) into the
                   docs/size.md and README tables, beside the anchors' figures
Sizes are per object file (what a firmware pays when it links every function of a module):
text = code + read-only data (Berkeley `size`), data and bss must be 0.
"""
import argparse
import json
import os
import re
import subprocess
import sys

CPUS = [('cortex-m0plus', 'M0+'), ('cortex-m3', 'M3'), ('cortex-m4', 'M4')]
OPTS = ['Os', 'O1']
MODULE_ORDER = ['status', 'json', 'validate', 'schedule', 'model', 'inbox', 'outbox', 'webhook',
                'http', 'client']
MAIN = 'cortex-m4-Os'
BEGIN = '<!-- size-table-begin -->'
END = '<!-- size-table-end -->'
BUDGETS = {'core': 40 * 1024, 'json': 4608, 'http': 5 * 1024, 'model': 16 * 1024, 'stack': 512}
# The model layer: every module but these.
NOT_MODEL = ('status', 'json', 'validate', 'schedule', 'http', 'client', 'tzdb')
# Firmware programs: flash targets on Cortex-M4 -Os.
FW_TARGETS = {'reporter-core': 24 * 1024, 'decode-only': 14 * 1024}
FW_ABOUT = {
    'reporter-core': '`camp_client_inbox_get_campaign()` over a canned in-memory transport '
                     '(no TLS), then window open now / next opening with a 4-zone table',
    'decode-only': '`camp_inbox_campaign_parse()` of the same campaign from a buffer',
}
# What a firmware engineer compares with: Cortex-M4 -Os figures of the
# libraries libcamp is weighed against.
ANCHORS = [('FreeRTOS coreJSON', '2.5 KiB'), ('FreeRTOS coreHTTP client', '2.7 KiB'),
           ('llhttp (coreHTTP\'s parser)', '19.6 KiB'), ('jsmn', '0.86 KiB')]


def module_of(relpath):
    """obj-relative path lib/<module>/<file>.o -> module name ('tzdb' for the zone table)."""
    parts = relpath.split(os.sep)
    if os.path.basename(relpath).startswith('tzdb'):
        return 'tzdb'
    return parts[1] if len(parts) > 2 else parts[-1][:-2]


def sizes_of(cfgdir, size_tool):
    objroot = os.path.join(cfgdir, 'obj')
    objs = []
    for root, _dirs, files in os.walk(os.path.join(objroot, 'lib')):
        objs += [os.path.join(root, f) for f in files if f.endswith('.o')]
    mods = {}
    if not objs:
        return mods
    out = subprocess.run([size_tool, '-B'] + sorted(objs), check=True, capture_output=True,
                         text=True).stdout
    for line in out.splitlines()[1:]:
        p = line.split()
        if len(p) < 6:
            continue
        rel = os.path.relpath(p[5], objroot)
        m = mods.setdefault(module_of(rel), [0, 0, 0])
        for i in range(3):
            m[i] += int(p[i])
    return mods


def ordered(mods):
    names = [m for m in MODULE_ORDER if m in mods]
    names += sorted(m for m in mods if m not in MODULE_ORDER and m != 'tzdb')
    if 'tzdb' in mods:
        names.append('tzdb')
    return names


def kib(n):
    return '%.1f KiB' % (n / 1024.0)


def read_probe(path):
    measured = {}
    if path and os.path.exists(path):
        with open(path, encoding='utf-8', errors='replace') as f:
            for line in f:
                m = re.match(r'\[  PROBE   \] (\w+): measured (\d+) B', line)
                if m:
                    measured[m.group(1)] = int(m.group(2))
    return measured


def read_stack(cfgdir):
    p = os.path.join(cfgdir, 'stack.json')
    if not os.path.exists(p):
        return {}
    with open(p, encoding='utf-8') as f:
        return json.load(f).get('functions', {})


def build(target_dir, size_tool, probe_log):
    configs = [(c, o) for c, _ in CPUS for o in OPTS]
    sizes = {'%s-%s' % c: sizes_of(os.path.join(target_dir, '%s-%s' % c), size_tool)
             for c in configs}
    if not sizes.get(MAIN):
        sys.exit('size_report: no objects in %s/%s (run make target)' % (target_dir, MAIN))
    stacks = {'%s-%s' % c: read_stack(os.path.join(target_dir, '%s-%s' % c)) for c in configs}
    return sizes, stacks, read_probe(probe_log)


def tsv(sizes):
    mods = sizes[MAIN]
    rows = ['module\ttext\tdata\tbss']
    tot = [0, 0, 0]
    for m in ordered(mods):
        rows.append('%s\t%d\t%d\t%d' % (m, *mods[m]))
        tot = [a + b for a, b in zip(tot, mods[m])]
    rows.append('TOTAL\t%d\t%d\t%d' % tuple(tot))
    return '\n'.join(rows) + '\n'


def budget_lines(sizes, stacks):
    m4 = sizes[MAIN]
    core = sum(v[0] + v[1] for k, v in m4.items() if k != 'tzdb')
    ram = sum(v[1] + v[2] for v in m4.values())
    st = stacks.get(MAIN, {})
    worst = max(st.items(), key=lambda kv: kv[1]['worst'], default=(None, {'worst': 0}))
    over = sorted(n for n, v in st.items() if v['worst'] > BUDGETS['stack'])

    def verdict(value, budget):
        return 'within budget' if value <= budget else '**over budget**'
    lines = [
        'Budgets (Cortex-M4 -Os; reported, not enforced):',
        '',
        '| budget | limit | actual | |',
        '| --- | ---: | ---: | --- |',
        '| core without the zone table | %s | %d B (%s) | %s |' % (
            kib(BUDGETS['core']), core, kib(core), verdict(core, BUDGETS['core'])),
    ]
    for mod in ('json', 'http'):
        if mod in m4:
            v = m4[mod][0] + m4[mod][1]
            lines.append('| %s module | %s | %d B (%s) | %s |' % (
                'JSON core (json)' if mod == 'json' else 'HTTP (http)', kib(BUDGETS[mod]), v,
                kib(v), verdict(v, BUDGETS[mod])))
    model = sum(v[0] + v[1] for k, v in m4.items() if k not in NOT_MODEL)
    lines.append('| model layer (%s) | %s | %d B (%s) | %s |' % (
        ', '.join(sorted(k for k in m4 if k not in NOT_MODEL)), kib(BUDGETS['model']), model,
        kib(model), verdict(model, BUDGETS['model'])))
    lines.append('| .data + .bss, all modules | 0 B | %d B | %s |' % (ram, verdict(ram, 0)))
    if worst[0]:
        lines.append('| stack per public call (static worst case) | %d B | %d B (`%s`) | %s |' % (
            BUDGETS['stack'], worst[1]['worst'], worst[0],
            verdict(worst[1]['worst'], BUDGETS['stack']) +
            ('' if not over else ': ' + ', '.join('`%s`' % n for n in over))))
    return lines


def size_table(sizes):
    cols = ['%s-%s' % (c, o) for c, _ in CPUS for o in OPTS]
    heads = ['%s -%s' % (label, o) for _, label in CPUS for o in OPTS]
    names = ordered(sizes[MAIN])
    for cfg in cols:
        for m in ordered(sizes[cfg]):
            if m not in names:
                names.append(m)
    lines = ['| module | ' + ' | '.join(heads) + ' |',
             '| --- |' + ' ---: |' * len(cols)]

    def cell(cfg, pred):
        return sum(v[0] + v[1] for k, v in sizes[cfg].items() if pred(k))
    for m in names:
        if m == 'tzdb':
            lines.append('| **core** (without tzdb) | ' + ' | '.join(
                '**%d**' % cell(c, lambda k: k != 'tzdb') for c in cols) + ' |')
        lines.append('| %s | ' % m + ' | '.join(
            str(sizes[c].get(m, [0, 0, 0])[0] + sizes[c].get(m, [0, 0, 0])[1]) for c in cols)
            + ' |')
    if 'tzdb' not in names:
        lines.append('| **core** | ' + ' | '.join(
            '**%d**' % cell(c, lambda k: True) for c in cols) + ' |')
    else:
        lines.append('| **total** | ' + ' | '.join(
            '**%d**' % cell(c, lambda k: True) for c in cols) + ' |')
    lines.append('| .data + .bss | ' + ' | '.join(
        str(sum(v[1] + v[2] for v in sizes[c].values())) for c in cols) + ' |')
    return lines


def readme_block(sizes, stacks, fw=None):
    lines = ['Code size of the core in bytes (code + constant data, per module, all functions '
             'linked), arm-none-eabi-gcc %s with picolibc; generated by `make size`, details '
             'and worst-case stack per function in [docs/size.md](docs/size.md).' %
             gcc_version(), '']
    lines += size_table(sizes)
    lines += [''] + budget_lines(sizes, stacks)
    if fw:
        lines += [''] + firmware_lines(fw)
    return '\n'.join(lines) + '\n'


GCC_VERSION = None


def gcc_version():
    return GCC_VERSION or '?'


def stack_table(stacks, measured):
    cols = ['cortex-m0plus-Os', 'cortex-m3-Os', 'cortex-m4-Os', 'cortex-m4-O1']
    names = sorted(stacks.get(MAIN, {}),
                   key=lambda n: (MODULE_ORDER.index(stacks[MAIN][n]['module'])
                                  if stacks[MAIN][n]['module'] in MODULE_ORDER else 99, n))
    lines = ['| function | module | M0+ -Os | M3 -Os | M4 -Os | M4 -O1 | measured M4 -Os '
             '(qemu) | deepest path (M4 -Os) | notes |',
             '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |']
    for n in names:
        v = stacks[MAIN][n]
        cells = []
        for c in cols:
            w = stacks.get(c, {}).get(n)
            cells.append(str(w['worst']) if w else '-')
        path = ' > '.join(v['path'][:6]) + (' > ...' if len(v['path']) > 6 else '')
        notes = ', '.join(v['notes'])
        if v['worst'] > BUDGETS['stack']:
            notes = ('over %d B; ' % BUDGETS['stack'] + notes).rstrip('; ')
        lines.append('| `%s` | %s | %s | %s | %s | %s |' % (
            n, v['module'], ' | '.join(cells),
            str(measured[n]) if n in measured else '', path, notes))
    return lines


def size_md(sizes, stacks, measured, fw=None):
    out = ['# Code size and stack on Cortex-M', '',
           '<!-- generated by tools/size_report.py (`make size`); do not edit by hand -->', '',
           'Built by `make target`: arm-none-eabi-gcc %s, picolibc, `-ffunction-sections`, '
           'the library flags (C99, warnings as errors). One column per CPU and optimisation '
           'level; bytes of code + constant data (Berkeley `size` text) summed over the '
           "module's object files, i.e. with every function of the module linked. "
           'The zone table (`tzdb`) is listed apart: firmware can shrink it to the zones it '
           'needs.' % gcc_version(), '']
    out += size_table(sizes)
    out += [''] + budget_lines(sizes, stacks)
    if fw:
        out += ['', '## Firmware programs', ''] + firmware_lines(fw)
    out += ['', '## Worst-case stack per public function', '',
            'Static worst case in bytes: own frame plus the deepest chain of calls, from gcc\'s '
            '`-fstack-usage` / `-fcallgraph-info=su` for libcamp and from the disassembly for '
            'the libc/libgcc routines it calls (`memcpy`, `__aeabi_ldivmod`, ...); computed by '
            '`tools/stack_report.py`. A call through a function pointer reaches the libcamp '
            'functions whose address the public call\'s code takes and whose type matches the '
            'pointer; a call with no such target runs application code (transport, crypto '
            'ports), marked "port callbacks" and not counted. A tail call adds only the '
            'callee. "measured" is the stack the call really used on qemu (Cortex-M4 -Os, '
            '`tests/target/test_stack.c`, painted stack) for one representative input; '
            '`make check-target` fails when a measurement exceeds the static bound.', '']
    out += stack_table(stacks, measured)
    return '\n'.join(out) + '\n'


def firmware_rows(elfs, size_tool):
    """cpu/program, text, data, bss of each ELF (stack and heap reservations left out)."""
    rows = []
    for elf in elfs:
        out = subprocess.run([size_tool, '-A', elf], check=True, capture_output=True,
                             text=True).stdout
        secs = {}
        for line in out.splitlines():
            p = line.split()
            if len(p) == 3 and p[1].isdigit():
                secs[p[0]] = int(p[1])
        berk = subprocess.run([size_tool, '-B', elf], check=True, capture_output=True,
                              text=True).stdout.splitlines()[1].split()
        text, data, bss = int(berk[0]), int(berk[1]), int(berk[2])
        bss -= secs.get('.stack', 0) + secs.get('.heap', 0)
        cpu = os.path.basename(os.path.dirname(elf))
        prog = os.path.basename(elf)[:-len('.elf')]
        rows.append(('%s/%s' % (cpu, prog), text, data, bss))
    return rows


FLASH_OUT = ('.init', '.text', '.rodata', '.data', '.ARM.exidx', '.ARM.extab')


def map_breakdown(mapfile, target_dir):
    """Flash bytes of a linked image per origin, from the linker map: libcamp modules (by the
    object's folder under lib/), the zone table, the program's own objects, libc/libgcc."""
    objmod = {}
    for root, _dirs, files in os.walk(target_dir):
        if os.sep + 'obj' + os.sep + 'lib' + os.sep in root + os.sep:
            for f in files:
                if f.endswith('.o'):
                    objmod[f] = 'tzdb' if f.startswith('tzdb') else os.path.basename(root)
    out = {}
    started = False
    section = None
    pending = None
    last = None  # (origin key, size) of the input section just counted
    with open(mapfile, encoding='utf-8', errors='replace') as f:
        for line in f:
            if line.startswith('Linker script and memory map'):
                started = True
                continue
            if not started:
                continue
            # A merged string section is listed with the whole merged block's size,
            # and its own input size on the next line: count that one.
            m = re.match(r'^\s+0x([0-9a-f]+) \(size before relaxing\)', line)
            if m and last is not None:
                out[last[0]] += int(m.group(1), 16) - last[1]
                last = None
                continue
            last = None
            m = re.match(r'^(\.\S+)', line)
            if m:
                section = m.group(1)
                continue
            m = re.match(r'^ (\S+)\s*$', line)
            if m:
                pending = m.group(1)
                continue
            m = re.match(r'^ (\S+)?\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s+(\S.*)$', line)
            name = (m.group(1) if m and m.group(1) else pending) if m else None
            pending = None
            if not m or name is None or section not in FLASH_OUT:
                continue
            size, origin = int(m.group(2), 16), m.group(3)
            om = re.search(r'\(([^()]+\.o)\)$', origin)
            if 'libcamp.a' in origin and om:
                key = objmod.get(om.group(1), 'libcamp')
            elif 'tzdb' in os.path.basename(origin):
                key = 'tzdb'
            elif '/firmware/' in origin and not origin.endswith('.a'):
                key = 'program'
            else:
                key = 'libc'
            out[key] = out.get(key, 0) + size
            last = (key, size)
    return out


def read_firmware(path):
    """{(cpu, program): {text, data, bss, stack}} from firmware.tsv and the qemu logs."""
    fw = {}
    if not path or not os.path.exists(path):
        return fw
    base = os.path.dirname(os.path.abspath(path))
    with open(path, encoding='utf-8') as f:
        for line in f.read().splitlines()[1:]:
            p = line.split('\t')
            if len(p) != 4:
                continue
            cpu, prog = p[0].split('/')
            v = {'text': int(p[1]), 'data': int(p[2]), 'bss': int(p[3]), 'stack': None}
            log = os.path.join(base, 'target', 'firmware', cpu, prog + '.log')
            if os.path.exists(log):
                with open(log, encoding='utf-8', errors='replace') as lf:
                    body = lf.read()
                m = re.search(r'^stack (\d+)$', body, re.M)
                if m and re.search(r'^\[  PASSED  \]', body, re.M):
                    v['stack'] = int(m.group(1))
            mapfile = os.path.join(base, 'target', 'firmware', cpu, prog + '.map')
            if os.path.exists(mapfile):
                v['parts'] = map_breakdown(mapfile, os.path.join(base, 'target', cpu + '-Os'))
            fw[(cpu, prog)] = v
    return fw


def firmware_lines(fw):
    if not fw:
        return []
    progs = [p for p in FW_TARGETS if any(k[1] == p for k in fw)]
    lines = ['Firmware programs (`make target`, run on qemu by `make check-target`): the whole '
             'image in bytes, linked with `-Os -ffunction-sections -fdata-sections '
             '-Wl,--gc-sections` against picolibc (crt0, vectors and the libc routines '
             'included), with the library built as a small target builds it: '
             '`CAMP_DIAG_TEXT 0`, rule ids instead of English rule texts in diagnostics '
             '(`docs/rules.md` maps them). '
             'Flash = text (code + rodata) + data; RAM = data + bss (the program\'s '
             'buffers; libcamp itself has none); stack = high-water mark of the whole program '
             'on qemu (M0+ on the `microbit` board, a Cortex-M0: same ARMv6-M code; M3 on '
             '`mps2-an385`, M4 on `mps2-an386`).', '']
    for p in progs:
        lines.append('- `%s`: %s.' % (p, FW_ABOUT[p]))
    lines += ['', '| program | CPU | flash | RAM | stack | target (M4 -Os flash) |',
              '| --- | --- | ---: | ---: | ---: | --- |']
    for p in progs:
        for cpu, label in CPUS:
            v = fw.get((cpu, p))
            if v is None:
                continue
            flash = v['text'] + v['data']
            target = ''
            if cpu == 'cortex-m4':
                target = '%s: %s' % (kib(FW_TARGETS[p]), 'met' if flash <= FW_TARGETS[p]
                                     else '**not met** (%s)' % kib(flash))
            lines.append('| %s | %s | %d | %d | %s | %s |' % (
                p, label, flash, v['data'] + v['bss'],
                '%d B' % v['stack'] if v['stack'] is not None else 'not run', target))
    parts = [(p, fw[('cortex-m4', p)].get('parts')) for p in progs if ('cortex-m4', p) in fw]
    parts = [(p, d) for p, d in parts if d]
    if parts:
        keys = [k for k in MODULE_ORDER + ['tzdb', 'libcamp', 'libc', 'program']
                if any(d.get(k) for _, d in parts)]
        lib_keys = [k for k in keys if k not in ('libc', 'program')]
        lines += ['', 'Where the flash goes (Cortex-M4 -Os, bytes of the input sections in the '
                  'linker map; `libc` = picolibc, libgcc and crt0; `program` = the test program '
                  'and its data, the campaign text included). Approximate: constant strings are '
                  'counted before the linker merges identical ones, so the parts add up to a '
                  'little more than the flash figure. **libcamp** is what the library adds to '
                  'the image: the sum of its modules and the zone table.', '',
                  '| program | ' + ' | '.join(keys) + ' | **libcamp** |',
                  '| --- |' + ' ---: |' * (len(keys) + 1)]
        for p, d in parts:
            lines.append('| %s | ' % p + ' | '.join(str(d.get(k, 0)) for k in keys) +
                         ' | **%d** |' % sum(d.get(k, 0) for k in lib_keys))
    lines += ['', 'For comparison (Cortex-M4 -Os, as their projects report them): ' +
              ', '.join('%s %s' % a for a in ANCHORS) + '.']
    return lines


def replace_block(text, block):
    if BEGIN not in text or END not in text:
        return None
    a = text.index(BEGIN) + len(BEGIN)
    b = text.index(END)
    return text[:a] + '\n' + block + text[b:]


def main():
    global GCC_VERSION
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--target-dir', default='build/target')
    ap.add_argument('--size-tool', default='arm-none-eabi-size')
    ap.add_argument('--gcc', default='arm-none-eabi-gcc')
    ap.add_argument('--probe-log')
    ap.add_argument('--tsv')
    ap.add_argument('--md')
    ap.add_argument('--block')
    ap.add_argument('--update-readme')
    ap.add_argument('--check-readme')
    ap.add_argument('--check-md')
    ap.add_argument('--firmware-tsv')
    ap.add_argument('--firmware-elfs', nargs='*', default=[])
    ap.add_argument('--firmware')
    a = ap.parse_args()
    if a.firmware_tsv:
        rows = firmware_rows(a.firmware_elfs, a.size_tool)
        with open(a.firmware_tsv, 'w', encoding='utf-8') as f:
            f.write('program\ttext\tdata\tbss\n')
            f.writelines('%s\t%d\t%d\t%d\n' % r for r in rows)
        return 0
    try:
        GCC_VERSION = subprocess.run([a.gcc, '-dumpversion'], check=True, capture_output=True,
                                     text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        GCC_VERSION = '?'
    sizes, stacks, measured = build(a.target_dir, a.size_tool, a.probe_log)
    fw = read_firmware(a.firmware)
    block = readme_block(sizes, stacks, fw)
    md = size_md(sizes, stacks, measured, fw)
    rc = 0
    if a.tsv:
        with open(a.tsv, 'w', encoding='utf-8') as f:
            f.write(tsv(sizes))
    if a.md:
        with open(a.md, 'w', encoding='utf-8') as f:
            f.write(md)
    if a.block:
        with open(a.block, 'w', encoding='utf-8') as f:
            f.write(block)
    if a.update_readme:
        with open(a.update_readme, encoding='utf-8') as f:
            new = replace_block(f.read(), block)
        if new is None:
            print('size_report: %s has no %s ... %s markers' % (a.update_readme, BEGIN, END))
            return 1
        with open(a.update_readme, 'w', encoding='utf-8') as f:
            f.write(new)
    if a.check_readme:
        text = open(a.check_readme, encoding='utf-8').read() if os.path.exists(
            a.check_readme) else ''
        new = replace_block(text, block)
        if new is None:
            print('FAIL %s: no %s ... %s markers' % (a.check_readme, BEGIN, END))
            rc = 1
        elif new != text:
            print('FAIL %s: size table is stale; run `make size-readme`' % a.check_readme)
            rc = 1
        else:
            print('ok   %s: size table is current' % a.check_readme)
    if a.check_md:
        text = open(a.check_md, encoding='utf-8').read() if os.path.exists(a.check_md) else ''
        if text != md:
            print('FAIL %s: stale; run `make size`' % a.check_md)
            rc = 1
        else:
            print('ok   %s: current' % a.check_md)
    return rc


if __name__ == '__main__':
    sys.exit(main())
