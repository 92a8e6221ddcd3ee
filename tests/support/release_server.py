#!/usr/bin/env python3
"""A stand-in for GitHub's release downloads, for tests/e2e/setup_release.sh.

release_server.py ROOT PORT_FILE LOG_FILE: serves the files under ROOT on 127.0.0.1 (a free
port, written to PORT_FILE once it listens); a path under /forbidden/ answers 403, a missing
file 404. Every request is logged to LOG_FILE as "PATH USER-AGENT", so the test sees what was
asked for and by which client (curl or wget). Stopped by the test (and bounded by its timeout).
"""
import functools
import http.server
import os
import sys

root, port_file, log_file = sys.argv[1:4]


class Handler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        with open(log_file, "a") as log:
            log.write(f"{self.path} {self.headers.get('User-Agent', '-')}\n")
        if self.path.startswith("/forbidden/"):
            self.send_error(403)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(
    ("127.0.0.1", 0), functools.partial(Handler, directory=root))
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
