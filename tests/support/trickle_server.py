"""A server that answers one byte every 200 ms (a 200 response with a 100,000-byte
body): every read succeeds in time, so only a deadline for the whole request stops
a client. Usage: trickle_server.py PORT_FILE; the port it listens on (127.0.0.1,
picked by the system) is written to PORT_FILE atomically once it accepts."""
import os
import socket
import sys
import threading
import time


def serve(c):
    try:
        c.recv(65536)
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
        for b in head + b" " * 100000:
            c.sendall(bytes([b]))
            time.sleep(0.2)
    except OSError:
        pass


def main():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    s.listen(4)
    with open(sys.argv[1] + ".tmp", "w") as f:
        f.write(str(s.getsockname()[1]))
    os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    while True:
        c, _ = s.accept()
        threading.Thread(target=serve, args=(c,), daemon=True).start()


main()
