#!/usr/bin/env python3
"""Worst-case stack per public libcamp function for one cross build.

Inputs (from `make target`, one build directory build/target/<cpu>-<opt>/):
  obj/lib/**/*.ci   gcc's -fcallgraph-info=su: per-function frame size and call edges
  obj/lib/**/*.su   gcc's -fstack-usage (cross-check: static / dynamic / bounded)
  libcamp-image.elf the whole core linked with picolibc; the frames and calls of the
                    libc and libgcc routines the core uses (memcpy, __aeabi_ldivmod, ...)
                    are read from its disassembly (push / sub sp / vpush, bl / b)

Worst case of f = own frame + the largest worst case of anything f calls. The core has no
recursion (a cycle is reported as an error) . A call through a function pointer is
resolved to the functions whose address is taken in the same source file (libcamp's own
byte sources and decoder tables); in a file that takes no function address it is a call into
a port (transport send/recv/now_ms, crypto HMAC), listed as "port callbacks": that stack is
the application's and is not included in the number. The stack probe on qemu
(tests/target/test_stack.c) checks measured usage against these bounds.

Outputs:
  --json FILE   {"config": ..., "functions": {name: {...}}, "errors": [...]}
  --header FILE C header: #define CAMP_STACK_BOUND_<name> <bytes> per public function,
                used by tests/target/test_stack.c to check measurements on qemu
  stdout        a table, worst first
Exit status 1 when the graph has a cycle or a function uses dynamic stack (alloca/VLA).
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

NODE_RE = re.compile(r'^node: \{ title: "([^"]+)" label: "([^"]*)"')
EDGE_RE = re.compile(r'^edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"')
BYTES_RE = re.compile(r'\\n(\d+) bytes \(([^)]*)\)')
INDIRECT = '__indirect_call'


def public_names(include_dir):
    """Function names declared in the public headers."""
    names = set()
    decl = re.compile(r'\b(camp_[A-Za-z0-9_]+)\s*\(')
    for h in glob.glob(os.path.join(include_dir, '*.h')):
        with open(h, encoding='utf-8', errors='replace') as f:
            text = f.read()
        text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
        text = re.sub(r'//[^\n]*', ' ', text)
        text = re.sub(r'#\s*define[^\n]*(\\\n[^\n]*)*', ' ', text)
        for m in decl.finditer(text):
            names.add(m.group(1))
    return names


def read_callgraph(objdir):
    """Nodes {title: {name, frame, kind, file}} and edges {title: [target titles]}."""
    nodes, edges = {}, {}
    for ci in sorted(glob.glob(os.path.join(objdir, '**', '*.ci'), recursive=True)):
        with open(ci, encoding='utf-8', errors='replace') as f:
            for line in f:
                m = NODE_RE.match(line)
                if m:
                    title, label = m.group(1), m.group(2)
                    b = BYTES_RE.search(label)
                    name = label.split('\\n', 1)[0]
                    if b:  # defined in this translation unit
                        src = label.split('\\n')[1] if '\\n' in label else ''
                        nodes[title] = {'name': name, 'frame': int(b.group(1)),
                                        'kind': b.group(2), 'src': src.split(':')[0],
                                        'local': ':' in title}
                    continue
                m = EDGE_RE.match(line)
                if m:
                    edges.setdefault(m.group(1), []).append(m.group(2))
    return nodes, edges


PUSH_RE = re.compile(r'\s(push|stmdb\s+sp!,|stmfd\s+sp!,)\s*\{([^}]*)\}')
VPUSH_RE = re.compile(r'\s(vpush|vstmdb\s+sp!,)\s*\{([^}]*)\}')
SUBSP_RE = re.compile(r'\ssub(?:s|\.w)?\s+sp,\s*(?:sp,\s*)?#(\d+)')
PREIDX_RE = re.compile(r'\s(?:str|strd|strb|strh)(?:\.w)?\s[^\[]*\[sp,\s*#-(\d+)\]!')
CALL_RE = re.compile(r'\s(bl|blx|b|b\.n|b\.w)\s+[0-9a-f]+\s+<([^>+]+)(\+0x[0-9a-f]+)?>')
BLXREG_RE = re.compile(r'\sblx\s+(r\d+|ip|lr)\b')
FUNC_RE = re.compile(r'^[0-9a-f]+ <([^>]+)>:$')


def reg_count(regs):
    n = 0
    for part in regs.split(','):
        part = part.strip()
        if not part:
            continue
        m = re.match(r'([rsd])(\d+)-[rsd](\d+)', part)
        n += (int(m.group(3)) - int(m.group(2)) + 1) if m else 1
    return n


def read_elf_routines(elf, objdump):
    """Frames and callees of every function in the image, from its disassembly."""
    out = {}
    if not elf or not os.path.exists(elf):
        return out
    try:
        text = subprocess.run([objdump, '-d', '--no-show-raw-insn', elf], check=True,
                              capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return out
    aliases = {}
    try:
        nm = subprocess.run([objdump.replace('objdump', 'nm'), elf], check=True,
                            capture_output=True, text=True).stdout
        for line in nm.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[1] in 'TtWw':
                aliases.setdefault(parts[0], []).append(parts[2])
    except (OSError, subprocess.CalledProcessError):
        pass
    addr_of = {}
    cur, cur_name = None, None
    for line in text.splitlines():
        m = FUNC_RE.match(line)
        if m:
            cur_name = m.group(1)
            cur = {'frame': 0, 'calls': set(), 'indirect': False}
            out[cur_name] = cur
            addr_of[cur_name] = line.split()[0]
            continue
        if cur is None:
            continue
        m = PUSH_RE.search(line)
        if m:
            cur['frame'] += 4 * reg_count(m.group(2))
        m = VPUSH_RE.search(line)
        if m:
            regs = m.group(2)
            cur['frame'] += (8 if 'd' in regs else 4) * reg_count(regs)
        m = SUBSP_RE.search(line)
        if m:
            cur['frame'] += int(m.group(1))
        m = PREIDX_RE.search(line)
        if m:
            cur['frame'] += int(m.group(1))
        m = CALL_RE.search(line)
        if m and not m.group(3) and m.group(2) != cur_name:
            cur['calls'].add(m.group(2))
        if BLXREG_RE.search(line):
            cur['indirect'] = True
    for name, addr in list(addr_of.items()):
        for alias in aliases.get(addr, []):
            out.setdefault(alias, out[name])
    return out


def address_taken(objdir, objdump, nodes):
    """Titles of lib functions whose address is taken (non-call relocations).

    With -ffunction-sections a reference names the function's symbol or its
    section `.text.<name>`; only R_ARM_THM_CALL / JUMP relocations are calls."""
    taken = set()
    for obj in sorted(glob.glob(os.path.join(objdir, '**', '*.o'), recursive=True)):
        src = 'lib/' + os.path.relpath(obj, objdir)[:-2] + '.c'
        try:
            text = subprocess.run([objdump, '-r', obj], check=True, capture_output=True,
                                  text=True).stdout
        except (OSError, subprocess.CalledProcessError):
            continue
        section = ''
        for line in text.splitlines():
            if line.startswith('RELOCATION RECORDS FOR ['):
                section = line[len('RELOCATION RECORDS FOR ['):].rstrip(']:')
                continue
            parts = line.split()
            if len(parts) != 3 or not parts[1].startswith('R_ARM_'):
                continue
            if 'CALL' in parts[1] or 'JUMP' in parts[1]:
                continue
            sym = parts[2]
            if sym.startswith('.text.'):
                sym = sym[len('.text.'):]
                # A function's own switch jump table (.rodata.f -> .text.f) or
                # literal pool (.text.f -> .text.f) points at labels inside f:
                # that is not its address escaping.
                if section in ('.rodata.' + sym, '.text.' + sym):
                    continue
            for title in (src + ':' + sym, sym):
                if title in nodes:
                    taken.add(title)
    return taken


def analyse(objdir, elf, include_dir, objdump):
    nodes, edges = read_callgraph(objdir)
    routines = read_elf_routines(elf, objdump)
    taken = address_taken(objdir, objdump, nodes)
    public = public_names(include_dir)
    by_name = {}  # global name -> title
    for title, n in nodes.items():
        if not n['local']:
            by_name[n['name']] = title
    errors = []
    memo = {}
    state = {}

    def resolve(target):
        if target in nodes:
            return ('lib', target)
        if target in by_name:
            return ('lib', by_name[target])
        return ('ext', target)

    def worst(kind, key, stack):
        """(bytes, path list, notes set) for one function."""
        mk = (kind, key)
        if mk in memo:
            return memo[mk]
        if state.get(mk) == 'busy':
            errors.append('recursion: ' + ' -> '.join(stack + [key]))
            return (0, [key], {'recursion'})
        state[mk] = 'busy'
        notes = set()
        if kind == 'lib':
            n = nodes[key]
            own, name = n['frame'], n['name']
            if n['kind'] != 'static':
                notes.add('stack ' + n['kind'])
                if 'bounded' not in n['kind']:
                    errors.append('%s: dynamic stack (%s)' % (name, n['kind']))
            callees = edges.get(key, [])
        else:
            name = key
            r = routines.get(key)
            if r is None:
                own, callees = 0, []
                notes.add('unknown: ' + key)
            else:
                own, callees = r['frame'], sorted(r['calls'])
                if r['indirect']:
                    notes.add('indirect in ' + key)
        best, best_path = 0, []
        targets = []
        for c in callees:
            if c == INDIRECT or c.startswith('__indirect'):
                # Function pointers: the targets are taken to be the functions of the same
                # file whose address is taken there (libcamp passes its own static helpers,
                # e.g. byte sources, decoder tables). A file that takes no function address
                # calls through pointers the application supplied: the ports (transport,
                # crypto), whose stack is the application's and is not counted.
                src = nodes[key]['src'] if kind == 'lib' else None
                local = sorted(t for t in taken if nodes[t]['src'] == src)
                targets.extend(local)
                if not local:
                    notes.add('port callbacks')
            else:
                targets.append(c)
        for c in targets:
            ck, ckey = resolve(c)
            if ck == kind and ckey == key:
                continue  # a routine branching inside itself (tail loop in libgcc)
            b, p, nn = worst(ck, ckey, stack + [name])
            notes |= nn
            if b > best:
                best, best_path = b, p
        state[mk] = 'done'
        memo[mk] = (own + best, [name] + best_path, notes)
        return memo[mk]

    funcs = {}
    for title, n in nodes.items():
        b, path, notes = worst('lib', title, [])
        module = n['src'].split('/')[1] if n['src'].startswith('lib/') else '?'
        if os.path.basename(n['src']).startswith('tzdb'):
            module = 'tzdb'
        if n['local'] or n['name'] not in public:
            continue
        funcs[n['name']] = {'module': module, 'frame': n['frame'], 'worst': b,
                            'path': path, 'notes': sorted(notes)}
    return funcs, sorted(set(errors))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('builddir', help='build/target/<cpu>-<opt>')
    ap.add_argument('--include', default='include/camp')
    ap.add_argument('--objdump', default='arm-none-eabi-objdump')
    ap.add_argument('--json')
    ap.add_argument('--header')
    ap.add_argument('--quiet', action='store_true')
    ap.add_argument('--budget', type=int,
                    help='fail (exit 1) when a public function\'s worst case exceeds this many '
                         'bytes; prints each one over it and a closing summary line')
    a = ap.parse_args()
    objdir = os.path.join(a.builddir, 'obj', 'lib')
    elf = os.path.join(a.builddir, 'libcamp-image.elf')
    funcs, errors = analyse(objdir, elf, a.include, a.objdump)
    config = os.path.basename(os.path.normpath(a.builddir))
    if a.json:
        with open(a.json, 'w', encoding='utf-8') as f:
            json.dump({'config': config, 'functions': funcs, 'errors': errors}, f,
                      indent=1, sort_keys=True)
    if a.header:
        with open(a.header, 'w', encoding='utf-8') as f:
            f.write('/* Generated by tools/stack_report.py for %s: static worst-case stack\n'
                    ' * (bytes) of each public function, port callbacks excluded. */\n'
                    '#ifndef CAMP_STACK_BOUNDS_H\n#define CAMP_STACK_BOUNDS_H\n' % config)
            for name in sorted(funcs):
                f.write('#define CAMP_STACK_BOUND_%s %d\n' % (name, funcs[name]['worst']))
            f.write('#endif\n')
    if not a.quiet:
        print('%s: worst-case stack per public function (bytes)' % config)
        for name, v in sorted(funcs.items(), key=lambda kv: (-kv[1]['worst'], kv[0])):
            print('%6d  %-8s %-40s %s' % (v['worst'], v['module'], name,
                                          ', '.join(v['notes'])))
    for e in errors:
        print('stack_report: error: ' + e, file=sys.stderr)
    if a.budget is not None:
        over = sorted(((v['worst'], n) for n, v in funcs.items() if v['worst'] > a.budget),
                      reverse=True)
        for worst, name in over:
            v = funcs[name]
            print('FAIL stack %s: %s %d B > %d B (%s)' % (
                config, name, worst, a.budget, ' > '.join(v['path'][:8])))
        print('stack budget %d B on %s: %d public functions, %d over%s' % (
            a.budget, config, len(funcs), len(over),
            '' if not over else '; worst %s %d B' % (over[0][1], over[0][0])))
        if over:
            return 1
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
