#!/usr/bin/env python3
"""tzgen.py - compile the installed IANA tzdata into libcamp's zone table.

Usage (normally through `make tz`):

    python3 tools/tzgen.py [--zoneinfo DIR] [--out FILE] [--since YEAR]
                           [--zones "Europe/Berlin America/New_York"] [--guard]

Reads the TZif files under DIR (default /usr/share/zoneinfo) and writes a C
source file holding, for every zone name, the POSIX TZ rule of its footer (the
last line of a TZif v2+ file) and, only where that rule does not reproduce the
file's own explicit transitions from 1 January of --since (default 2026) on,
those transitions.  Python 3 standard library only.

Which names are in the table
  * every `Z` (zone) and `L` (link) name of DIR/tzdata.zi: canonical zones and
    backward-compatible link names alike.  Without tzdata.zi, every TZif file
    found by walking DIR.
  * never: posix/ and right/ (copies of the same data under other roots),
    posixrules and localtime (not zone names but host configuration), and
    Factory (tzdata's "unconfigured system" placeholder, offset "-00": it
    names no place, so a campaign set to it is an error, not a zone).
  * --zones keeps only the listed names (a reduced table for firmware).

The table is checked here, zone by zone: every footer must parse with the same
grammar as the C engine (lib/schedule/tz_rule.c), all offsets must be whole
minutes, and the rule (evaluated exactly as the C engine does) must give the
same UTC offset and DST flag as the explicit transitions at every change point
between --since and the file's last transition (both are constant between
change points, so this is an exact comparison, not a sampling).  Zones where it
does not (the generator reports them on stderr and lists them in the output's
header comment) carry their transitions from the first disagreement on, as
uint32 seconds since 1970 plus a one-byte type; before that point and from the
last carried transition on, the rule is exact (zic writes the footer to match
its last transition, and that is checked here too).

Output layout (see lib/schedule/tzdb_internal.h): one char blob of the sorted,
NUL-terminated names with uint16 offsets, a one-byte index per name (below), a
deduplicated blob of rule strings, the same rules already read (the standard
offset in whole minutes, the DST parts' dates as camp_tz_date_t, so a lookup
needs no rule parser), each name's rule index or, where it carries transitions,
its index into a zone array {first carried transition, rule index, count}, and
the carried transitions.  No pointers, so no relocations;
everything const.
"""

import argparse
import datetime
import os
import struct
import subprocess
import sys

EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()
RANGE_END_YEAR = 2100  # the engine covers 2000-01-01 .. 2099-12-31 (UTC)


def days_from_civil(y, m, d):
    return datetime.date(y, m, d).toordinal() - EPOCH_ORDINAL


def jan1(year):
    return days_from_civil(year, 1, 1) * 86400


def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


# ---------------------------------------------------------------- TZif reader


def read_tzif(path):
    """Return (transitions [(time, utoff, isdst)], footer string)."""
    with open(path, 'rb') as f:
        data = f.read()
    if data[:4] != b'TZif':
        raise ValueError('%s: not a TZif file' % path)
    if data[4] not in (0x32, 0x33, 0x34):
        raise ValueError('%s: TZif version 1 has no footer rule' % path)

    def counts(off):
        return struct.unpack('>6l', data[off + 20:off + 44])

    isut, isstd, leap, timecnt, typecnt, charcnt = counts(0)
    off = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut
    isut, isstd, leap, timecnt, typecnt, charcnt = counts(off)
    p = off + 44
    times = struct.unpack('>%dq' % timecnt, data[p:p + 8 * timecnt])
    p += 8 * timecnt
    idx = data[p:p + timecnt]
    p += timecnt
    types = []
    for i in range(typecnt):
        utoff, isdst, _abbr = struct.unpack('>lBB', data[p + 6 * i:p + 6 * i + 6])
        types.append((utoff, isdst))
    p += 6 * typecnt + charcnt + leap * 12 + isstd + isut
    footer = data[p:].decode('ascii')
    if not (footer.startswith('\n') and footer.endswith('\n')):
        raise ValueError('%s: malformed footer' % path)
    trans = [(t, types[i][0], types[i][1]) for t, i in zip(times, idx)]
    return trans, footer[1:-1]


# ------------------------------------------------ POSIX TZ rule (mirror of C)


class RuleError(ValueError):
    pass


class Rule:
    """A parsed POSIX TZ string; offsets in seconds EAST of UTC."""

    def __init__(self, text):
        self.text = text
        self.pos = 0
        self.std_off = 0
        self.dst_off = 0
        self.has_dst = False
        self.start = self.end = None
        self._parse()

    def _peek(self):
        return self.text[self.pos] if self.pos < len(self.text) else ''

    def _name(self):
        s = self.text
        if self._peek() == '<':
            self.pos += 1
            b = self.pos
            while self._peek() and (self._peek().isalnum() or self._peek() in '+-'):
                self.pos += 1
            if self._peek() != '>':
                raise RuleError('quoted name must end with ">"')
            n = self.pos - b
            self.pos += 1
        else:
            b = self.pos
            while self._peek() and self._peek().isalpha():
                self.pos += 1
            n = self.pos - b
        if n < 3 or n > 16:
            raise RuleError('name must have 3..16 characters: %r' % s)

    def _num(self, lo, hi):
        b = self.pos
        while self._peek().isdigit() and self.pos - b < 3:
            self.pos += 1
        if self.pos == b or self._peek().isdigit():
            raise RuleError('number expected')
        v = int(self.text[b:self.pos])
        if v < lo or v > hi:
            raise RuleError('number out of range')
        return v

    def _hms(self, max_hours, signed):
        sign = 1
        if signed and self._peek() in '+-':
            sign = -1 if self._peek() == '-' else 1
            self.pos += 1
        secs = self._num(0, max_hours) * 3600
        if self._peek() == ':':
            self.pos += 1
            secs += self._num(0, 59) * 60
            if self._peek() == ':':
                self.pos += 1
                secs += self._num(0, 59)
        return sign * secs

    def _date(self):
        c = self._peek()
        if c == 'J':
            self.pos += 1
            d = ('J', self._num(1, 365))
        elif c == 'M':
            self.pos += 1
            m = self._num(1, 12)
            if self._peek() != '.':
                raise RuleError('"." expected')
            self.pos += 1
            w = self._num(1, 5)
            if self._peek() != '.':
                raise RuleError('"." expected')
            self.pos += 1
            d = ('M', m, w, self._num(0, 6))
        elif c.isdigit():
            d = ('n', self._num(0, 365))
        else:
            raise RuleError('date expected')
        t = 7200
        if self._peek() == '/':
            self.pos += 1
            t = self._hms(167, True)
        return d, t

    def _parse(self):
        self._name()
        # POSIX offsets are west-positive; store east-positive.
        self.std_off = -self._hms(24, True)
        if self.pos == len(self.text):
            return
        self.has_dst = True
        self._name()
        self.dst_off = self.std_off + 3600
        if self._peek() not in (',', ''):
            self.dst_off = -self._hms(24, True)
        if self._peek() != ',':
            raise RuleError('DST without a transition rule')
        self.pos += 1
        self.start = self._date()
        if self._peek() != ',':
            raise RuleError('"," expected')
        self.pos += 1
        self.end = self._date()
        if self.pos != len(self.text):
            raise RuleError('trailing characters')

    # Seconds from 1 January 00:00 local (standard clock) of `year` to the
    # transition, not counting the offset; as tzcode's transtime().
    @staticmethod
    def _day_secs(year, date):
        d, t = date
        if d[0] == 'J':
            day = d[1] - 1
            if is_leap(year) and d[1] >= 60:
                day += 1
        elif d[0] == 'n':
            day = d[1]
        else:
            _, m, w, wd = d
            first = days_from_civil(year, m, 1)
            dow_first = (first + 4) % 7
            dd = (wd - dow_first) % 7 + 7 * (w - 1)
            mdays = (days_from_civil(year + (m == 12), m % 12 + 1, 1) - first)
            while dd >= mdays:
                dd -= 7
            day = first + dd - days_from_civil(year, 1, 1)
        return day * 86400 + t

    def year_transitions(self, year):
        """[(utc, is_dst)] for one year, in order; [] if the year adds none."""
        if not self.has_dst:
            return []
        j = jan1(year)
        s = j + self._day_secs(year, self.start) - self.std_off
        e = j + self._day_secs(year, self.end) - self.dst_off
        ysecs = (366 if is_leap(year) else 365) * 86400
        if e < s:
            return [(e, False), (s, True)]
        if s < e and e - s < ysecs:
            return [(s, True), (e, False)]
        return []

    def value(self, t):
        """(utoff, isdst) at instant t, as the C engine computes it."""
        if not self.has_dst:
            return (self.std_off, False)
        y = datetime.datetime.fromtimestamp(t, datetime.timezone.utc).year
        best = None
        for yy in range(y - 2, y + 2):
            for tt, dst in self.year_transitions(yy):
                if tt <= t and (best is None or tt >= best[0]):
                    best = (tt, dst)
        if best is None:
            return (self.dst_off, True)  # perpetual DST (no year has transitions)
        return (self.dst_off, True) if best[1] else (self.std_off, False)

    def transitions_between(self, a, b):
        out = []
        if not self.has_dst:
            return out
        ya = datetime.datetime.fromtimestamp(a, datetime.timezone.utc).year
        yb = datetime.datetime.fromtimestamp(b, datetime.timezone.utc).year
        for y in range(ya - 1, yb + 2):
            for tt, _ in self.year_transitions(y):
                if a <= tt <= b:
                    out.append(tt)
        return out


# ------------------------------------------------------------------ the zones


def tzdata_version(zoneinfo):
    ver = None
    zi = os.path.join(zoneinfo, 'tzdata.zi')
    if os.path.exists(zi):
        with open(zi, encoding='utf-8') as f:
            for line in f:
                if line.startswith('# version '):
                    ver = line.split()[2]
                    break
    deb = None
    try:
        r = subprocess.run(['dpkg-query', '-W', '-f=${Version}', 'tzdata'],
                           capture_output=True, text=True, check=False)
        if r.returncode == 0 and r.stdout.strip():
            deb = r.stdout.strip()
    except OSError:
        pass
    return ver, deb


EXCLUDED = {'Factory', 'posixrules', 'localtime'}


def zone_names(zoneinfo):
    """(sorted names, {name: 'zone'|'link'})."""
    kinds = {}
    zi = os.path.join(zoneinfo, 'tzdata.zi')
    if os.path.exists(zi):
        with open(zi, encoding='utf-8') as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and parts[0] == 'Z':
                    kinds[parts[1]] = 'zone'
                elif len(parts) >= 3 and parts[0] == 'L':
                    kinds[parts[2]] = 'link'
    else:
        for dirpath, dirnames, filenames in os.walk(zoneinfo):
            rel = os.path.relpath(dirpath, zoneinfo)
            if rel in ('posix', 'right'):
                dirnames[:] = []
                continue
            dirnames[:] = [d for d in dirnames if not (rel == '.' and d in ('posix', 'right'))]
            for fn in filenames:
                path = os.path.join(dirpath, fn)
                with open(path, 'rb') as f:
                    if f.read(4) != b'TZif':
                        continue
                name = os.path.normpath(os.path.join(rel, fn))
                kinds[name] = 'link' if os.path.islink(path) else 'zone'
    for n in EXCLUDED:
        kinds.pop(n, None)
    return sorted(kinds, key=lambda s: s.encode()), kinds


def explicit_value(trans, t):
    v = None
    for tt, off, dst in trans:
        if tt <= t:
            v = (off, bool(dst))
        else:
            break
    return v


def analyse(name, trans, rule, since):
    """None when the rule alone is exact from `since` on, else the carried list."""
    end = jan1(RANGE_END_YEAR)
    # Only real changes matter (fat TZif files add no-op entries, e.g. at 2^31-1).
    changes = []
    prev = None
    for t, off, dst in trans:
        v = (off, bool(dst))
        if v != prev:
            changes.append((t, off, dst))
        prev = v
    last = changes[-1][0] if changes else None
    if last is None or last < since:
        return None
    points = {since}
    points.update(t for t, _, _ in changes if since <= t <= last)
    points.update(rule.transitions_between(since, last))
    bad = [p for p in sorted(points) if explicit_value(changes, p) != rule.value(p)]
    if not bad:
        return None
    # After the last explicit change the footer must take over exactly.
    if rule.value(last) != explicit_value(changes, last):
        raise SystemExit('tzgen: %s: footer disagrees with the last transition' % name)
    if last >= end:
        raise SystemExit('tzgen: %s: explicit transitions beyond %d' % (name, RANGE_END_YEAR))
    # The rule is exact on [since, bad[0]) (values are constant between check
    # points and every earlier point agreed), so carry only from bad[0] on.
    start = bad[0]
    carried = [(start,) + explicit_value(changes, start)]
    carried += [(t, off, bool(dst)) for t, off, dst in changes if start < t <= last]
    first_bad = datetime.datetime.fromtimestamp(bad[0], datetime.timezone.utc)
    sys.stderr.write('tzgen: %s: rule "%s" misses explicit transitions (first at %s); '
                     'carrying %d\n' % (name, rule.text, first_bad.strftime('%Y-%m-%dT%H:%M:%SZ'),
                                        len(carried)))
    return carried


# ----------------------------------------------------------------- C output


DATE_KIND = {'J': 0, 'n': 1, 'M': 2}    # camp_tz_date_kind_t
CARRIED = 0x80                          # CAMP_TZDB_CARRIED


def c_date(date):
    """A rule date as the camp_tz_date_t initializer {time, day, kind, month, week,
    wday} that camp_tz_parse() fills for it (the fields of the other forms 0)."""
    d, t = date
    if d[0] == 'M':
        return '{%d, 0, %d, %d, %d, %d}' % (t, DATE_KIND['M'], d[1], d[2], d[3])
    return '{%d, %d, %d, 0, 0, 0}' % (t, d[1], DATE_KIND[d[0]])


def pack_dst(rule):
    """camp_tzdb_dst_t of a rule with DST, as a C initializer: {save (seconds),
    start, end}; camp_tz_find() gives what camp_tz_parse() fills."""
    return '{%d, %s, %s}' % (rule.dst_off - rule.std_off, c_date(rule.start), c_date(rule.end))


def c_chars(s):
    out = []
    for ch in s:
        if ch == "'" or ch == '\\':
            out.append("'\\%s'" % ch)
        else:
            out.append("'%s'" % ch)
    out.append('0')
    return ','.join(out)


def wrap(items, per_line, indent='    '):
    lines = []
    for i in range(0, len(items), per_line):
        lines.append(indent + ', '.join(items[i:i + per_line]) + ',')
    return '\n'.join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--zoneinfo', default='/usr/share/zoneinfo')
    ap.add_argument('--out', default='lib/schedule/tzdb_table.c')
    ap.add_argument('--since', type=int, default=2026,
                    help='first year whose explicit transitions must be reproduced')
    ap.add_argument('--zones', default='',
                    help='space-separated names to keep (default: all)')
    ap.add_argument('--guard', action='store_true',
                    help='wrap the data in #if CAMP_TZ_FULL_TABLE (the committed full table)')
    args = ap.parse_args()

    if not 2000 <= args.since < RANGE_END_YEAR:
        raise SystemExit('tzgen: --since must be in 2000..2099')
    since = jan1(args.since)
    version, deb = tzdata_version(args.zoneinfo)
    names, kinds = zone_names(args.zoneinfo)
    if args.zones.split():
        wanted = args.zones.split()
        unknown = [z for z in wanted if z not in kinds]
        if unknown:
            raise SystemExit('tzgen: not in tzdata: %s' % ' '.join(unknown))
        names = sorted(set(wanted), key=lambda s: s.encode())
    if not names:
        raise SystemExit('tzgen: no zones found under %s' % args.zoneinfo)

    rules_blob = []          # list of rule strings, in first-use order
    rule_index = {}          # rule string -> index in rules_blob
    rule_packed = []         # (text offset, std minutes, dst) per rule (camp_tzdb_rule_t)
    dst_parts = []           # distinct camp_tzdb_dst_t records
    zones = []               # (first, rule index, count) of the zones that carry transitions
    zone_key = {}
    trans_out = []           # (time, type byte)
    offsets = []             # distinct utoffs used by carried transitions
    entries = []             # (name, zone index)
    carried_names = []
    for name in names:
        if any(c not in 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+-'
               for c in name):
            raise SystemExit('tzgen: unexpected character in zone name %r' % name)
        if len(name) > 64:
            raise SystemExit('tzgen: zone name longer than 64 bytes: %r' % name)
        trans, footer = read_tzif(os.path.join(args.zoneinfo, name))
        try:
            rule = Rule(footer)
        except RuleError as e:
            raise SystemExit('tzgen: %s: footer "%s" rejected: %s' % (name, footer, e))
        if rule.std_off % 60 or rule.dst_off % 60:
            raise SystemExit('tzgen: %s: offset not a whole minute' % name)
        carried = analyse(name, trans, rule, since)
        if footer not in rule_index:
            rule_index[footer] = len(rules_blob)
            dst = 0
            if rule.has_dst:
                part = pack_dst(rule)
                if part not in dst_parts:
                    dst_parts.append(part)
                dst = dst_parts.index(part) + 1
            rule_packed.append((sum(len(r) + 1 for r in rules_blob), rule.std_off // 60, dst))
            rules_blob.append(footer)
        key = (footer, tuple(carried) if carried else ())
        if not carried:
            zone_key[key] = rule_index[footer]
        elif key not in zone_key:
            if any(a[0] >= b[0] for a, b in zip(carried, carried[1:])):
                raise SystemExit('tzgen: %s: carried transitions out of order' % name)
            first = len(trans_out)
            for t, off, dst in carried or ():
                if off % 60:
                    raise SystemExit('tzgen: %s: carried offset not a whole minute' % name)
                if off not in offsets:
                    offsets.append(off)
                trans_out.append((t, offsets.index(off) | (0x80 if dst else 0)))
            zone_key[key] = CARRIED | len(zones)
            zones.append((first, rule_index[footer], len(carried)))
        entries.append((name, zone_key[key]))
        if carried:
            carried_names.append(name)

    name_offs = []
    pos = 0
    for name, _ in entries:
        name_offs.append(pos)
        pos += len(name) + 1
    rules_size = sum(len(r) + 1 for r in rules_blob)
    if pos > 0xFFFF or rules_size > 0xFFFF or len(trans_out) > 0xFFFF:
        raise SystemExit('tzgen: table too large for 16-bit offsets')
    if len(zones) > CARRIED or len(rules_blob) > CARRIED or any(z[2] > 0xFF for z in zones):
        raise SystemExit('tzgen: more rules or zones with carried transitions than 128, or '
                         'more carried transitions of a zone than 255 (camp_tzdb_zone_of, '
                         'camp_tzdb_zone_t)')
    if len(offsets) > 0x7F:
        raise SystemExit('tzgen: too many distinct offsets in carried transitions')

    stamp = 'tzdata %s' % (version or 'unknown')
    if deb:
        stamp += ' (Debian tzdata %s)' % deb
    o = []
    o.append('/* Generated by tools/tzgen.py (`make tz`) from %s.' % stamp)
    o.append(' * DO NOT EDIT: regenerate instead.  %d names (%d zones, %d links), %d distinct rules.'
             % (len(entries), sum(1 for n, _ in entries if kinds.get(n) == 'zone'),
                sum(1 for n, _ in entries if kinds.get(n) == 'link'), len(rules_blob)))
    o.append(' * Zones whose rule does not reproduce their TZif transitions from %d-01-01 on,'
             % args.since)
    o.append(' * so the table carries those transitions:')
    line = ' *'
    for n in carried_names or ['none']:
        if len(line) + len(n) + 2 > 96:
            o.append(line)
            line = ' *'
        line += ' ' + n + ','
    o.append(line[:-1] + '. */')
    o.append('#include "schedule/tzdb_internal.h"')
    o.append('')
    if args.guard:
        o.append('#if CAMP_TZ_FULL_TABLE')
        o.append('')
    o.append('const char camp_tzdb_version[] = "%s";' % (version or 'unknown'))
    o.append('')
    o.append('const uint16_t camp_tzdb_count = %d;' % len(entries))
    o.append('')
    o.append('/* Sorted (bytewise), NUL-terminated names. */')
    o.append('const char camp_tzdb_names[%d] = {' % pos)
    for name, _ in entries:
        o.append('    %s,' % c_chars(name))
    o.append('};')
    o.append('')
    o.append('/* Offset of each name in camp_tzdb_names. */')
    o.append('const uint16_t camp_tzdb_name_off[%d] = {' % len(name_offs))
    o.append(wrap([str(x) for x in name_offs], 12))
    o.append('};')
    o.append('')
    o.append('/* Each name\'s rule (index into camp_tzdb_rule_set), or 0x80 | its index into')
    o.append(' * camp_tzdb_zones where it carries transitions. */')
    o.append('const uint8_t camp_tzdb_zone_of[%d] = {' % len(entries))
    o.append(wrap([str(z) for _, z in entries], 16))
    o.append('};')
    o.append('')
    o.append('/* Distinct POSIX TZ rules, NUL-terminated. */')
    o.append('const char camp_tzdb_rules[%d] = {' % rules_size)
    for r in rules_blob:
        o.append('    %s, /* %s */' % (c_chars(r), r.replace('*/', '* /')))
    o.append('};')
    o.append('')
    o.append('/* The same rules, read: {text offset, standard offset (minutes east),')
    o.append(' * 1 + index of the DST part (0 = none)}. */')
    o.append('const camp_tzdb_rule_t camp_tzdb_rule_set[%d] = {' % len(rule_packed))
    for rec, r in zip(rule_packed, rules_blob):
        o.append('    {%d, %d, %d}, /* %s */' % (rec + (r.replace('*/', '* /'),)))
    o.append('};')
    o.append('')
    o.append('/* DST parts: {DST minus standard offset (seconds), start date, end date},')
    o.append(' * each date {time (seconds), day, kind, month, week, weekday}. */')
    o.append('const camp_tzdb_dst_t camp_tzdb_dst_set[%d] = {' % max(len(dst_parts), 1))
    o.append(wrap(dst_parts or ['{0, {0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}}'], 1))
    o.append('};')
    o.append('')
    o.append('/* The zones that carry transitions: {first carried transition, rule index,')
    o.append(' * carried count}. */')
    o.append('const camp_tzdb_zone_t camp_tzdb_zones[%d] = {' % max(len(zones), 1))
    o.append(wrap(['{%d, %d, %d}' % z for z in zones] or ['{0, 0, 0}'], 6))
    o.append('};')
    o.append('')
    n_tr = max(len(trans_out), 1)
    o.append('/* Carried transitions: seconds since 1970 (UTC) and type (offset index | 0x80 DST). */')
    o.append('const uint32_t camp_tzdb_trans_time[%d] = {' % n_tr)
    o.append(wrap([str(t) for t, _ in trans_out] or ['0'], 8))
    o.append('};')
    o.append('const uint8_t camp_tzdb_trans_type[%d] = {' % n_tr)
    o.append(wrap(['0x%02x' % k for _, k in trans_out] or ['0'], 16))
    o.append('};')
    o.append('')
    o.append('/* UTC offsets (seconds east) used by carried transitions. */')
    o.append('const int32_t camp_tzdb_offsets[%d] = {' % max(len(offsets), 1))
    o.append(wrap([str(x) for x in offsets] or ['0'], 12))
    o.append('};')
    if args.guard:
        o.append('')
        o.append('#else /* reduced table chosen by the firmware build (see camp_schedule.h) */')
        o.append('#include CAMP_TZ_TABLE_FILE')
        o.append('#endif')
    o.append('')
    tmp = args.out + '.tmp'
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(tmp, 'w', encoding='ascii') as f:
        f.write('\n'.join(o))
    os.replace(tmp, args.out)
    sys.stderr.write('tzgen: wrote %s: %s, %d names, %d rules, %d zones carrying %d transitions\n'
                     % (args.out, stamp, len(entries), len(rules_blob), len(zones), len(trans_out)))


if __name__ == '__main__':
    main()
