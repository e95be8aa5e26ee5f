#!/usr/bin/env python3
"""Worst-case stack per public libcamp function for one cross build.

Inputs (from `make target`, one build directory build/target/<cpu>-<opt>/):
  obj/lib/**/*.ci   gcc's -fcallgraph-info=su: per-function frame size and call edges
  obj/lib/**/*.su   gcc's -fstack-usage (cross-check: static / dynamic / bounded)
  libcamp-image.elf the whole core linked with picolibc; the frames and calls of the
                    libc and libgcc routines the core uses (memcpy, __aeabi_ldivmod, ...)
                    are read from its disassembly (push / sub sp / vpush, bl / b)

Worst case of f = own frame + the largest worst case of anything f calls; a tail call (a
branch taken after f's frame is released, R_ARM_THM_JUMP* in the object) adds the callee's
worst case alone. The core has no recursion (a cycle is reported as an error).

Calls through a function pointer are resolved per public function, by two facts:
  - where the pointer's value can come from: a lib function is a target only if the code the
    public call can run takes its address (a relocation in that function's code, or in a const
    table it refers to). libcamp keeps a pointer to its own functions only for the call in
    progress (lib/client fills the call's encode/decode in each endpoint before running it),
    so a call never reaches a lib function through a pointer another call stored;
  - its type: the target's type must match the pointer's (void or not; number of parameters,
    and what each pointer parameter points to), read from the declarations in include/ and
    lib/ of the members, variables and typedefs called in the statement gcc records for the
    call.
A pointer call with no such lib target calls code the application supplied (transport,
connection, retry and crypto ports): that stack is the application's, not counted here, and
the function is marked "port callbacks". A pointer only lib/ declares (the inbox family
hooks) cannot hold the application's code: with no lib target it is a hook the call's
tables leave NULL, and adds nothing. A pointer call whose pointer cannot be named from
the source is taken to reach every function whose address the public call takes, and a
warning names it. The stack probe on qemu (tests/target/test_stack.c) and the firmware
programs check measured usage against these bounds.

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

from c_text import strip_comments

NODE_RE = re.compile(r'^node: \{ title: "([^"]+)" label: "([^"]*)"')
EDGE_RE = re.compile(r'^edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"(?: label: "([^"]*)")?')
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
    """Nodes {title: {name, frame, kind, src, loc, local}}, edges {title: [target titles]}
    and indirect call sites {title: [file:line:col]}."""
    nodes, edges, sites = {}, {}, {}
    for ci in sorted(glob.glob(os.path.join(objdir, '**', '*.ci'), recursive=True)):
        with open(ci, encoding='utf-8', errors='replace') as f:
            for line in f:
                m = NODE_RE.match(line)
                if m:
                    title, label = m.group(1), m.group(2)
                    b = BYTES_RE.search(label)
                    name = label.split('\\n', 1)[0]
                    if b:  # defined in this translation unit
                        loc = label.split('\\n')[1] if '\\n' in label else ''
                        nodes[title] = {'name': name, 'frame': int(b.group(1)),
                                        'kind': b.group(2), 'src': loc.split(':')[0],
                                        'loc': loc, 'local': ':' in title}
                    continue
                m = EDGE_RE.match(line)
                if m:
                    edges.setdefault(m.group(1), []).append(m.group(2))
                    if m.group(2) == INDIRECT:
                        sites.setdefault(m.group(1), []).append(m.group(3) or '')
    return nodes, edges, sites


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


def read_relocs(objdir, objdump, nodes):
    """What the code of each lib function refers to, from the objects' relocations.

    Returns (taken_by, tail): taken_by[title] = the lib functions whose address that
    function's code takes, directly or through the const tables it refers to (table ->
    table -> function, any depth); tail = the (caller, callee) title pairs where every
    call is a tail call (a branch, R_ARM_THM_JUMP*, after the caller's frame is gone).
    With -ffunction-sections a reference names a symbol or a section `.text.<f>` /
    `.rodata.<table>`; a function's own switch table (.rodata.f -> .text.f) and literal
    pool (.text.f -> .text.f) are not its address escaping."""
    refs = {}  # ('f', title) or ('d', table name) -> set of the same
    calls, jumps = set(), set()
    for obj in sorted(glob.glob(os.path.join(objdir, '**', '*.o'), recursive=True)):
        src = 'lib/' + os.path.relpath(obj, objdir)[:-2] + '.c'
        try:
            text = subprocess.run([objdump, '-r', obj], check=True, capture_output=True,
                                  text=True).stdout
        except (OSError, subprocess.CalledProcessError):
            continue

        def key(sym):
            for prefix in ('.text.', '.rodata.', '.data.rel.ro.local.', '.data.rel.ro.',
                           '.data.rel.', '.data.', '.bss.'):
                if sym.startswith(prefix):
                    sym = sym[len(prefix):]
                    break
            for title in (src + ':' + sym, sym):
                if title in nodes:
                    return ('f', title)
            return ('d', sym)

        here = None
        for line in text.splitlines():
            if line.startswith('RELOCATION RECORDS FOR ['):
                section = line[len('RELOCATION RECORDS FOR ['):].rstrip(']:')
                here = key(section) if not section.startswith('.debug') else None
                if here is not None and here[0] == 'd' and section.startswith('.text'):
                    # code outside a function's own section (a build without
                    # -ffunction-sections): what it refers to, every function of
                    # the file may take
                    here = ('d', src + '#' + section)
                    for title, n in nodes.items():
                        if n['src'] == src:
                            refs.setdefault(('f', title), set()).add(here)
                continue
            parts = line.split()
            if here is None or len(parts) != 3 or not parts[1].startswith('R_ARM_'):
                continue
            there = key(parts[2].split('+')[0].split('-')[0])
            if there[0] == 'f' and 'CALL' in parts[1]:
                calls.add((here[1], there[1]))
            elif there[0] == 'f' and 'JUMP' in parts[1]:
                jumps.add((here[1], there[1]))
            elif there != here and not (here[0] == 'd' and there[0] == 'f' and
                                        nodes[there[1]]['name'] == here[1]):
                refs.setdefault(here, set()).add(there)
    taken_by = {}
    for title in nodes:
        seen, todo, found = set(), [('f', title)], set()
        while todo:
            for r in refs.get(todo.pop(), ()):
                if r[0] == 'f':
                    found.add(r[1])
                elif r not in seen:
                    seen.add(r)
                    todo.append(r)
        taken_by[title] = found
    return taken_by, jumps - calls


# ---- the types of function pointers (for calls through them) --------------------------
#
# A call through a pointer can only reach a function of a compatible type (anything else
# is undefined behaviour, which the warnings and analysers of `make check` look for). The
# "shape" of a function type is: whether it returns void, and per parameter either None
# (not a pointer) or the type it points to, with qualifiers, `struct` and a `_t` suffix
# dropped (so `const struct ictx *` and `ictx_t *` agree). Shapes are compared coarser
# than C's rule, so never missing a target: a `void *` parameter, or a pointer hidden in a
# typedef ('*'), matches any pointer.

FP_DECL_RE = re.compile(r'(\w[\w\s\*]*?)\(\s*\*\s*(\w+)\s*\)\s*\(([^()]*)\)')
FP_TYPEDEF_RE = re.compile(r'typedef\s+([\w\s\*]+?)\(\s*\*\s*(\w+)\s*\)\s*\(([^()]*)\)\s*;')
PTR_TYPEDEF_RE = re.compile(r'typedef\s+[\w\s]+\*\s*(\w+)\s*;')
C_WORDS = {'void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned',
           'const', 'volatile', 'struct', 'union', 'enum', '_Bool', 'bool', 'restrict'}
QUALIFIERS = {'const', 'volatile', 'restrict', 'struct', 'union', 'enum', 'register'}
BUILTIN = C_WORDS - QUALIFIERS


def pointee(param, ptr_types):
    """What a parameter written in C points to (see above), or None: not a pointer."""
    words = [w for w in re.findall(r'\w+', param) if w not in QUALIFIERS]
    if any(w in ptr_types for w in words) or '(' in param:
        return '*'
    if '*' not in param and '[' not in param:
        return None
    if len(words) > 1 and words[-1] not in BUILTIN:
        words = words[:-1]  # the parameter's name
    base = ' '.join(words)
    base = base[:-2] if base.endswith('_t') else base
    return '*' if base in ('void', '') else base


def shape_of(ret, params, ptr_types):
    """(returns void, (pointee or None, ...)) of a function type written in C."""
    ps = [q.strip() for q in params.split(',')]
    if ps == ['void'] or ps == ['']:
        ps = []
    return (re.sub(r'\s+', ' ', ret).strip() in ('void', 'static void', 'static inline void'),
            tuple(pointee(q, ptr_types) for q in ps))


def compatible(a, b):
    """Whether functions of shapes a and b may be called through one another's pointer."""
    if a[0] != b[0] or len(a[1]) != len(b[1]):
        return False
    for x, y in zip(a[1], b[1]):
        if (x is None) != (y is None):
            return False
        if x is not None and x != y and '*' not in (x, y):
            return False
    return True


class CTypes:
    """Function-pointer typedefs, members and variables declared in the sources, by name."""

    def __init__(self, root):
        self.root = root
        self.texts = {}
        files = []
        for pattern in ('include/**/*.h', 'lib/**/*.h', 'lib/**/*.c'):
            files += glob.glob(os.path.join(root, pattern), recursive=True)
        typedefs, self.ptr_types = {}, set()
        sources = [strip_comments(self.text(os.path.relpath(f, root))) for f in sorted(files)]
        public_typedefs = set()  # function-pointer types the application can fill
        for f, t in zip(sorted(files), sources):
            for m in FP_TYPEDEF_RE.finditer(t):
                typedefs[m.group(2)] = (m.group(1), m.group(3))
                self.ptr_types.add(m.group(2))
                if os.path.relpath(f, root).startswith('include'):
                    public_typedefs.add(m.group(2))
            for m in PTR_TYPEDEF_RE.finditer(t):
                self.ptr_types.add(m.group(1))
        self.pointers = {}  # member / variable / parameter name -> set of shapes
        self.public = set()  # of those, the names a public header declares
        for f, t in zip(sorted(files), sources):
            for m in FP_DECL_RE.finditer(t):
                if not m.group(1).strip().endswith('typedef') and 'typedef' not in m.group(1):
                    self.pointers.setdefault(m.group(2), set()).add(
                        shape_of(m.group(1), m.group(3), self.ptr_types))
                    if os.path.relpath(f, root).startswith('include'):
                        self.public.add(m.group(2))
            for name, (ret, params) in typedefs.items():
                for m in re.finditer(r'\b%s\s+(?:const\s+)?(\w+)\s*[;,)=\[]' % name, t):
                    self.pointers.setdefault(m.group(1), set()).add(
                        shape_of(ret, params, self.ptr_types))
                    if name in public_typedefs or os.path.relpath(f, root).startswith('include'):
                        self.public.add(m.group(1))

    def text(self, rel):
        if rel not in self.texts:
            try:
                with open(os.path.join(self.root, rel), encoding='utf-8',
                          errors='replace') as f:
                    self.texts[rel] = f.read()
            except OSError:
                self.texts[rel] = ''
        return self.texts[rel]

    def at(self, loc):
        """The source from file:line:col on, comments blanked; '' when unknown."""
        parts = loc.rsplit(':', 2)
        if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
            return ''
        lines = self.text(parts[0]).split('\n')
        line = int(parts[1])
        if line < 1 or line > len(lines):
            return ''
        return strip_comments('\n'.join(lines[line - 1:line + 40]))[max(int(parts[2]) - 1, 0):]

    def function_shape(self, loc, name):
        """Shape of the function defined at loc (its name's position), None if unread."""
        text = self.at(loc)
        m = re.match(r'\s*%s\s*\(' % re.escape(name), text)
        if not m:
            return None
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {'(': 1, ')': -1}.get(text[i], 0)
            i += 1
        parts = loc.rsplit(':', 2)
        line = self.text(parts[0]).split('\n')[int(parts[1]) - 1][:int(parts[2]) - 1]
        return shape_of(line, text[m.end():i - 1], self.ptr_types)

    def site_names(self, loc, known):
        """Names of the function pointers called in the statement at loc."""
        text = self.at(loc)
        depth, i = 0, 0
        while i < len(text):  # up to the end of the statement or condition
            ch = text[i]
            depth += {'(': 1, ')': -1, '[': 1, ']': -1}.get(ch, 0)
            if depth < 0 or (depth == 0 and ch in ';{'):
                break
            i += 1
        return [m.group(1) for m in
                re.finditer(r'(?:(?<=[.>])\s*|(?<![\w.>]))(\w+)\s*\)?\s*\(', text[:i])
                if m.group(1) in self.pointers and m.group(1) not in known]

    def site_internal(self, loc, known):
        """Whether every pointer called at loc is private to the library (declared in
        lib/ only): the application cannot put its code there, the library's own
        functions (or nothing, for a hook a table leaves NULL) are all it can hold."""
        names = self.site_names(loc, known)
        return bool(names) and not any(n in self.public for n in names)

    def site_shapes(self, loc, known):
        """Shapes of the pointers called in the statement at loc (gcc may place an
        indirect call at the start of the statement or call that holds it); None when
        no function pointer is called there."""
        shapes = set()
        for name in self.site_names(loc, known):
            shapes |= self.pointers[name]
        return shapes or None


def analyse(objdir, elf, include_dir, objdump):
    nodes, edges, sites = read_callgraph(objdir)
    missing = []
    for obj in sorted(glob.glob(os.path.join(objdir, '**', '*.o'), recursive=True)):
        if not os.path.exists(obj[:-2] + '.ci'):
            missing.append(os.path.relpath(obj, objdir))
    if missing:  # its functions would pass for libc routines, read from the image alone
        return {}, ['no call graph (.ci) for ' + ', '.join(missing)]
    routines = read_elf_routines(elf, objdump)
    taken_by, tail = read_relocs(objdir, objdump, nodes)
    public = public_names(include_dir)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ctypes = CTypes(root)
    by_name = {}  # global name -> title
    for title, n in nodes.items():
        if not n['local']:
            by_name[n['name']] = title
    known = set(n['name'] for n in nodes.values()) | set(routines)
    errors = []
    fshape = {}  # function title -> shape, for functions whose address is taken
    for title in set().union(*taken_by.values()) if taken_by else ():
        fshape[title] = ctypes.function_shape(nodes[title]['loc'], nodes[title]['name'])
    site_shape = {}  # (title, loc) -> set of shapes, or None (untyped: any target)
    site_internal = set()  # (title, loc) of calls through the library's private pointers
    for title, locs in sites.items():
        for loc in locs:
            site_shape[(title, loc)] = ctypes.site_shapes(loc, known)
            if ctypes.site_internal(loc, known):
                site_internal.add((title, loc))

    def resolve(target):
        if target in nodes:
            return ('lib', target)
        if target in by_name:
            return ('lib', by_name[target])
        return ('ext', target)

    def targets_of(title, loc, taken):
        """Lib functions an indirect call may reach, among those whose address is taken."""
        want = site_shape[(title, loc)]
        return sorted(t for t in taken if want is None or fshape[t] is None or
                      any(compatible(fshape[t], w) for w in want))

    def reach_taken(start):
        """Addresses taken by the code a public call can run: its direct callees and,
        as addresses are found, what calls through pointers reach (to a fixed point)."""
        reached, taken, todo = set(), set(), [start]
        while todo:
            t = todo.pop()
            if t in reached:
                continue
            reached.add(t)
            new = taken_by.get(t, set()) - taken
            taken |= new
            for c in edges.get(t, []):
                if c != INDIRECT and resolve(c)[0] == 'lib':
                    todo.append(resolve(c)[1])
            if new:  # indirect calls seen so far may now reach more
                todo.extend(f for f in new)
        return frozenset(taken)

    memo, state = {}, {}

    def worst(kind, key, stack, taken):
        """(bytes, path list, notes set) for one function, when the pointers called under
        it can hold the functions in `taken` (or the application's)."""
        mk = (kind, key, taken)
        if mk in memo:
            return memo[mk]
        if state.get(mk) == 'busy':
            errors.append('recursion: ' + ' -> '.join(stack + [key]))
            return (0, [key], {'recursion'})
        state[mk] = 'busy'
        notes = set()
        calls = []  # (kind, key, is a tail call)
        if kind == 'lib':
            n = nodes[key]
            own, name = n['frame'], n['name']
            if n['kind'] != 'static':
                notes.add('stack ' + n['kind'])
                if 'bounded' not in n['kind']:
                    errors.append('%s: dynamic stack (%s)' % (name, n['kind']))
            for c in edges.get(key, []):
                if c != INDIRECT:
                    ck, ckey = resolve(c)
                    calls.append((ck, ckey, ck == 'lib' and (key, ckey) in tail))
            for loc in sites.get(key, []):
                found = targets_of(key, loc, taken)
                if site_shape[(key, loc)] is None:
                    notes.add('untyped pointer call at ' + loc)
                if not found and (key, loc) not in site_internal:
                    notes.add('port callbacks')
                calls.extend(('lib', t, False) for t in found)
        else:
            name = key
            r = routines.get(key)
            if r is None:
                own = 0
                notes.add('unknown: ' + key)
            else:
                own = r['frame']
                calls = [resolve(c) + (False,) for c in sorted(r['calls'])]
                if r['indirect']:
                    notes.add('indirect in ' + key)
        best, best_path = own, [name]
        for ck, ckey, is_tail in calls:
            if ck == kind and ckey == key:
                continue  # a routine branching inside itself (tail loop in libgcc)
            b, p, nn = worst(ck, ckey, stack + [name], taken)
            notes |= nn
            total = b if is_tail else own + b
            if total > best:
                best, best_path = total, [name] + ([p[0] + ' (tail call)'] + p[1:] if is_tail else p)
        state[mk] = 'done'
        memo[mk] = (best, best_path, notes)
        return memo[mk]

    for (title, loc), want in sorted(site_shape.items()):
        if want is None:
            print('stack_report: warning: %s: no function pointer found at %s; its call is '
                  'taken to reach every function whose address the caller\'s call takes'
                  % (nodes[title]['name'], loc), file=sys.stderr)

    funcs = {}
    for title, n in nodes.items():
        if n['local'] or n['name'] not in public:
            continue
        b, path, notes = worst('lib', title, [], reach_taken(title))
        module = n['src'].split('/')[1] if n['src'].startswith('lib/') else '?'
        if os.path.basename(n['src']).startswith('tzdb'):
            module = 'tzdb'
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
    ap.add_argument('--except', dest='excepts', action='append', default=[],
                    metavar='NAME=BYTES',
                    help='with --budget: hold public function NAME to BYTES instead (a known '
                         'exception, which may only shrink: one above its own bound fails)')
    a = ap.parse_args()
    bounds = {}
    for e in a.excepts:
        name, _, num = e.partition('=')
        if not num.isdigit():
            ap.error('--except wants NAME=BYTES, not ' + e)
        bounds[name] = int(num)
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
        unknown = sorted(n for n in bounds if n not in funcs)
        for name in unknown:
            print('FAIL stack %s: --except names %s, not a public function' % (config, name))
        over = sorted(((v['worst'], n) for n, v in funcs.items()
                       if v['worst'] > bounds.get(n, a.budget)), reverse=True)
        for worst, name in over:
            v = funcs[name]
            print('FAIL stack %s: %s %d B > %d B (%s)' % (
                config, name, worst, bounds.get(name, a.budget), ' > '.join(v['path'][:8])))
        held = sorted('%s %d B' % (n, funcs[n]['worst']) for n in bounds
                      if n in funcs and funcs[n]['worst'] > a.budget)
        print('stack budget %d B on %s: %d public functions, %d over%s%s' % (
            a.budget, config, len(funcs), len(over),
            '' if not over else '; worst %s %d B' % (over[0][1], over[0][0]),
            '' if not held else '; above it by exception: ' + ', '.join(held)))
        if over or unknown:
            return 1
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
