#!/usr/bin/env python3
"""The diagnostic rule ids of libcamp and the texts they stand for.

Every string the library stores in camp_diag_t::rule is written CAMP_RULE(ID, "text")
(lib/status/status_internal.h): the text by default, the id with CAMP_DIAG_TEXT 0, the
small-target setting. This tool reads every CAMP_RULE in lib/ and

  --check          fails when an id is malformed or stands for two different texts, or
                   when docs/rules.md is not what --write would produce (make check);
  --write          writes docs/rules.md: the table a reader of an id-only diagnostic
                   looks the rule up in.

Rules that are a status alone (status_rule("C01", st) in lib/client) stand for the
status's own text and are listed as such. Tables of failures written as X-macros
(`#define TABLE(X)` with rows X(NAME, ID, ..., "text"), lib/http) are read too.
"""
import argparse
import glob
import os
import re
import sys

from c_text import strip_comments

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
DOC = os.path.join(ROOT, 'docs', 'rules.md')
ID_RE = re.compile(r'^[A-Z][0-9]{2,3}$')
MODULES = {'C': 'client', 'H': 'http', 'I': 'inbox', 'J': 'json', 'O': 'outbox',
           'S': 'schedule', 'T': 'zone rules', 'V': 'validate', 'W': 'webhook'}


def call_args(text, start):
    """The top-level arguments of the call whose '(' is at text[start]."""
    depth, i, args, cur = 0, start, [], []
    while i < len(text):
        c = text[i]
        if c == '"':
            j = i + 1
            while text[j] != '"':
                j += 2 if text[j] == '\\' else 1
            cur.append(text[i:j + 1])
            i = j + 1
            continue
        if c == '(':
            depth += 1
            if depth == 1:
                i += 1
                continue
        elif c == ')':
            depth -= 1
            if depth == 0:
                args.append(''.join(cur).strip())
                return args
        elif c == ',' and depth == 1:
            args.append(''.join(cur).strip())
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    raise ValueError('unbalanced call')


def render(expr):
    """A rule text expression as a reader sees it: adjacent literals joined, any macro
    piece (e.g. CAMP_JSON_STR(CAMP_JSON_MAX_DEPTH)) named by what it expands from."""
    parts, i = [], 0
    for m in re.finditer(r'"((?:[^"\\]|\\.)*)"|([A-Za-z_][A-Za-z0-9_]*\(([^()]*)\))', expr):
        if m.group(1) is not None:
            parts.append(bytes(m.group(1), 'utf-8').decode('unicode_escape'))
        else:
            parts.append('<%s>' % m.group(3).strip())
        i = m.end()
    return ''.join(parts)


def collect():
    """[(id, text, file)] for every rule site in lib/, and a list of errors."""
    sites, errors = [], []
    for path in sorted(glob.glob(os.path.join(ROOT, 'lib', '**', '*.[ch]'), recursive=True)):
        rel = os.path.relpath(path, ROOT)
        with open(path, encoding='utf-8') as f:
            text = strip_comments(f.read())
        # X-macro tables of failures: `#define TABLE(X)` rows X(NAME, ID, ..., "text"),
        # whose texts become CAMP_RULE-like ids through the table's own text macro
        # (a table none of whose rows has an id, e.g. the status texts, is not one)
        for block in re.finditer(r'#define\s+\w+\(X\)((?:[^\n]*\\\n)+[^\n]*)', text):
            rows = [call_args(block.group(1), row.end() - 1)
                    for row in re.finditer(r'\bX\s*\(', block.group(1))]
            if not any(len(a) >= 3 and ID_RE.match(a[1]) for a in rows):
                continue
            for args in rows:
                if len(args) >= 3 and ID_RE.match(args[1]):
                    sites.append((args[1], render(args[-1]), rel))
                else:
                    errors.append('%s: table row without a rule id: %s' % (rel, args[:2]))
        for m in re.finditer(r'\b(CAMP_RULE|status_rule)\s*\(', text):
            args = call_args(text, m.end() - 1)
            if m.group(1) == 'CAMP_RULE':
                if args == ['id', 'text']:
                    continue  # the macro's own definition
                if len(args) != 2:
                    errors.append('%s: CAMP_RULE needs (id, text): %s' % (rel, args))
                    continue
                rid, rtext = args[0], render(args[1])
            else:
                if args == ['const char *id', 'camp_status_t st']:
                    continue
                rid, rtext = args[0].strip('"'), '(the text of the status: camp_status_str())'
            if not ID_RE.match(rid) or rid[0] not in MODULES:
                errors.append('%s: malformed rule id %r' % (rel, rid))
                continue
            sites.append((rid, rtext, rel))
    texts = {}
    for rid, rtext, rel in sites:
        texts.setdefault(rid, set()).add(rtext)
    for rid, ts in sorted(texts.items()):
        if len(ts) > 1:
            errors.append('rule id %s stands for %d texts: %s' % (rid, len(ts), sorted(ts)))
        if rid in RETIRED:
            errors.append('rule id %s is retired (docs/rules.md): take a new one' % rid)
    return sites, errors


# Ids no rule carries any more, and why: they stay out of use (an id is never
# reused), and the table lists them so an id in an old log still reads.
RETIRED = {
    'O08': ('must be an object', 'the Outbox documents run on the model engine: I26'),
    'O09': ('required field missing', 'the Outbox documents run on the model engine: I40'),
    'O14': ('object arrays nest at most one level (internal table error)',
            'the model engine walks any depth its documents need'),
    'O20': ('output buffer too small', 'the Outbox documents run on the model engine: I02'),
    'O21': ('JSON writer failed', 'the Outbox documents run on the model engine: I03'),
}


def document(sites):
    rows = {}
    for rid, rtext, rel in sites:
        r = rows.setdefault(rid, [rtext, set()])
        r[1].add(rel)
    lines = ['# Diagnostic rule ids', '',
             '<!-- generated by tools/rule_ids.py --write; `make check` fails when it is out of'
             ' date -->', '',
             'A build with `CAMP_DIAG_TEXT 0` (`camp_config.h`, the small-target setting; the '
             'firmware programs of `make size` use it) stores an id in `camp_diag_t::rule` '
             'instead of the English text, and `camp_diag_format()` prints `<path>: rule <id>, '
             'status <n>[, limits a..b][, needs n]`. This table gives the text of each id. Ids '
             'are never reused for another rule. A text in angle brackets is a configuration '
             'value filled in when the library is built.', '',
             '| id | module | rule | source |', '| --- | --- | --- | --- |']
    for rid in sorted(rows):
        rtext, files = rows[rid]
        lines.append('| %s | %s | %s | %s |' % (
            rid, MODULES[rid[0]], rtext.replace('|', '\\|'),
            ', '.join('`%s`' % f for f in sorted(files))))
    lines.append('')
    lines.append('%d rules.' % len(rows))
    lines += ['', '## Retired ids', '',
              'No rule carries these ids any more; they are not reused.', '',
              '| id | rule | now |', '| --- | --- | --- |']
    for rid in sorted(RETIRED):
        rtext, now = RETIRED[rid]
        lines.append('| %s | %s | %s |' % (rid, rtext, now))
    return '\n'.join(lines) + '\n'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--check', action='store_true')
    ap.add_argument('--write', action='store_true')
    a = ap.parse_args()
    sites, errors = collect()
    want = document(sites)
    if a.write and not errors:
        with open(DOC, 'w', encoding='utf-8') as f:
            f.write(want)
    if a.check:
        try:
            with open(DOC, encoding='utf-8') as f:
                have = f.read()
        except OSError:
            have = ''
        if have != want:
            errors.append('docs/rules.md is out of date: run python3 tools/rule_ids.py --write')
    for e in errors:
        print('FAIL - ' + e)
    if a.check:
        print('%d passed, %d failed' % (0 if errors else 1, 1 if errors else 0))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
