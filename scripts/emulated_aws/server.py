"""A moto server on 127.0.0.1 for the emulated-AWS check: a free port, a bounded start, stopped by PID."""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MotoServer:
    """moto 5 (through moto_gaps.py) in a child process; `with MotoServer() as m: m.endpoint`."""

    def __init__(self, log_path, start_seconds=60):
        self.port = free_port()
        self.endpoint = "http://127.0.0.1:%d" % self.port
        self.log_path = log_path
        self.start_seconds = start_seconds
        self.process = None

    def __enter__(self):
        env = dict(os.environ, MOTO_IAM_LOAD_MANAGED_POLICIES="true")
        log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [sys.executable, os.path.join(HERE, "moto_gaps.py"), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        deadline = time.monotonic() + self.start_seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("moto_server exited at start (exit %d); see %s" % (self.process.returncode, self.log_path))
            try:
                urllib.request.urlopen(self.endpoint + "/moto-api/", timeout=2).read()
                return self
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise RuntimeError("moto_server did not answer within %d s" % self.start_seconds)

    def reset(self):
        """Forgets every resource (one case must not see another's)."""
        req = urllib.request.Request(self.endpoint + "/moto-api/reset", method="POST")
        urllib.request.urlopen(req, timeout=30).read()

    def seed_ids(self, value):
        """Makes the ids moto generates from now on reproducible (POST /moto-api/seed)."""
        req = urllib.request.Request(self.endpoint + "/moto-api/seed?a=%d" % value, method="POST")
        urllib.request.urlopen(req, timeout=30).read()

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def __exit__(self, *exc):
        self.stop()
        return False
