#!/bin/sh
# Generate the test PKI for the TLS tests, the mock API and the demo.
#
#   sh tests/mockapi/make_certs.sh DIR [--force]
#
# Writes into DIR (created if missing), all keys EC P-256, nothing secret:
#   ca.crt ca.key             the test CA the clients trust
#   server.crt server.key     127.0.0.1 / localhost (SAN: DNS:localhost, DNS:127.0.0.1,
#                             IP:127.0.0.1; mbedTLS 2.28 matches IP literals against DNS names)
#   expired.crt               same key, same names, valid only in 2020 (signed by the CA)
#   wronghost.crt             same key, issued for wrong.example.com only
#   other-ca.crt other-ca.key an unrelated CA (trusting it must refuse server.crt)
#   client.crt client.key     client certificate for mutual TLS (clientAuth)
# The set is reused when complete and the server certificate is valid for another
# day; --force regenerates it. Needs the openssl command line tool.
set -eu

dir=${1:?usage: make_certs.sh DIR [--force]}
force=${2:-}
command -v openssl >/dev/null 2>&1 || { echo "make_certs: openssl not found (apt-get install openssl)" >&2; exit 1; }
mkdir -p "$dir"

complete=1
for f in ca.crt ca.key server.crt server.key expired.crt wronghost.crt other-ca.crt client.crt client.key; do
    [ -s "$dir/$f" ] || complete=0
done
if [ "$complete" = 1 ] && [ "$force" != "--force" ] &&
    openssl x509 -in "$dir/server.crt" -noout -checkend 86400 >/dev/null 2>&1; then
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

# Two self-signed CAs.
for ca in ca other-ca; do
    key "$work/$ca.key"
    openssl req -x509 -new -key "$work/$ca.key" -sha256 -days 3650 -subj "/O=libcamp tests/CN=libcamp $ca" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -out "$work/$ca.crt" 2>/dev/null
done

key "$work/server.key"
key "$work/client.key"

# `openssl ca` is the one tool in OpenSSL 3.0 that can put validity in the past.
mkdir -p "$work/db"
: >"$work/db/index.txt"
echo 1000 >"$work/db/serial"
cat >"$work/ca.cnf" <<EOF
[ca]
default_ca = test_ca
[test_ca]
dir = $work/db
database = $work/db/index.txt
serial = $work/db/serial
new_certs_dir = $work/db
certificate = $work/ca.crt
private_key = $work/ca.key
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
organizationName = optional
[server_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,DNS:127.0.0.1,IP:127.0.0.1
[wrong_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:wrong.example.com
[client_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
EOF

sign() { # name key subject extension [extra openssl ca options...]
    name=$1 k=$2 subj=$3 ext=$4
    shift 4
    openssl req -new -key "$k" -subj "$subj" -out "$work/$name.csr" 2>/dev/null
    openssl ca -batch -config "$work/ca.cnf" -extensions "$ext" -in "$work/$name.csr" \
        -out "$work/$name.pem" -notext "$@" >/dev/null 2>&1 ||
        { echo "make_certs: signing $name failed" >&2; exit 1; }
    openssl x509 -in "$work/$name.pem" -out "$work/$name.crt"
}

sign server "$work/server.key" "/O=libcamp tests/CN=127.0.0.1" server_ext -days 30
sign expired "$work/server.key" "/O=libcamp tests/CN=127.0.0.1" server_ext \
    -startdate 20200101000000Z -enddate 20200201000000Z
sign wronghost "$work/server.key" "/O=libcamp tests/CN=wrong.example.com" wrong_ext -days 30
sign client "$work/client.key" "/O=libcamp tests/CN=libcamp test device" client_ext -days 30

for f in ca.crt ca.key other-ca.crt other-ca.key server.crt server.key expired.crt wronghost.crt \
    client.crt client.key; do
    cp "$work/$f" "$dir/$f"
done
chmod 600 "$dir"/*.key
echo "make_certs: test PKI written to $dir"
