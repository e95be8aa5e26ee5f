#!/usr/bin/env python3
"""Call a test control of the mock API (tests/mockapi/server.py) from a shell script.

usage: mockctl.py BASE_URL CA_FILE|- METHOD PATH [JSON_BODY]
  BASE_URL  e.g. https://127.0.0.1:4443 (no path)
  CA_FILE   the test CA for https, "-" for plain http
Examples:
  mockctl.py https://127.0.0.1:4443 build/tls-certs/ca.crt POST /__mock/advance '{"seconds": 3600}'
  mockctl.py https://127.0.0.1:4443 build/tls-certs/ca.crt GET /__mock/requests
Prints the JSON answer; exits 0 on 2xx, 1 otherwise.
"""
import json
import ssl
import sys
import urllib.error
import urllib.request


def main(argv):
    if len(argv) < 5:
        sys.stderr.write(__doc__)
        return 2
    base, ca, method, path = argv[1:5]
    body = argv[5].encode() if len(argv) > 5 else None
    ctx = ssl.create_default_context(cafile=ca) if ca != "-" else None
    req = urllib.request.Request(base.rstrip("/") + path, data=body, method=method)
    if body is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, context=ctx, timeout=10) as r:
            print(json.dumps(json.loads(r.read() or b"null"), indent=1))
            return 0
    except urllib.error.HTTPError as e:
        print(e.read().decode("utf-8", "replace"))
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
