# Extra seed generators, run by tools/fuzz_seed.sh (which provides add(), read(),
# fx, fixtures, invalid, by_type, json, struct, os, shared). Each seed follows the
# input layout documented at the top of its target's source file.

# --- fuzz_tz_rule: "RULE-OR-NAME\n" + 8-byte instant + 7 x 5-byte windows -------------
def windows(days):
    out = b""
    for d in range(7):
        if d in days:
            s, e = days[d]
            out += bytes([1]) + struct.pack(">HH", s, e)
        else:
            out += bytes([0, 0, 0, 0, 0])
    return out

workweek = {d: (540, 1020) for d in range(1, 6)}
full = {d: (0, 1440) for d in range(7)}
odd = {0: (1439, 1440), 3: (0, 1), 6: (150, 151)}
bad = {2: (600, 600)}
instants = [1772955000, 1772953200, 1793512800, 946684800, 4102444799, 1700000000]
zones = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu",
         "Asia/Kolkata", "Africa/Casablanca", "Asia/Gaza", "Pacific/Chatham", "UTC",
         "America/Sao_Paulo", "Antarctica/Troll", "Europe/Dublin", "America/Godthab"]
rules = ["EST5EDT,M3.2.0,M11.1.0", "<+0545>-5:45", "CET-1CEST,M3.5.0,M10.5.0/3",
         "IST-1GMT0,M10.5.0,M3.5.0/1", "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1",
         "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", "EST5EDT4,J60/25,300/-167:59:59",
         "AAA-24:59:59BBB,0/0,J365/167", "<+00>0<+02>-2,M3.5.0/1,M10.5.0/3", "UTC0",
         "NZST-12NZDT,M9.5.0,M4.1.0/3", "EST5EDT", "<A>5", "ABC+25"]
for z in zones:
    # Real footers from the host's tzdata, when present.
    p = os.path.join("/usr/share/zoneinfo", z)
    if os.path.exists(p):
        lines = read(p).rstrip(b"\n").split(b"\n")
        if lines and len(lines[-1]) < 120 and b"\x00" not in lines[-1]:
            rules.append(lines[-1].decode("latin-1"))
for i, text in enumerate(zones + rules):
    w = [workweek, full, odd, bad][i % 4]
    t = instants[i % len(instants)]
    add("fuzz_tz_rule", "tz-%02d" % i, text.encode("latin-1") + b"\n" + struct.pack(">Q", t) + windows(w))
