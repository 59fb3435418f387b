#!/usr/bin/env python3
"""Runs a command on a new pseudo-terminal, as a user at a terminal would, and reports what the
terminal saw. Used by vm3000's console tests.

usage: run_in_pty.py SCRIPT -- COMMAND...
SCRIPT is a list of steps separated by ';': 'wait:TEXT' waits until TEXT has appeared in the
output, 'type:TEXT' types TEXT (Python escapes: \\r, \\x03, ...), 'raw' records whether the
terminal is in raw mode now (no ICANON, no ECHO). At the end it prints one JSON object: the
output, how the command ended, the raw-mode checks, and whether the terminal's settings after
the command equal those before it.
"""
import json
import os
import pty
import select
import sys
import termios
import time

TIMEOUT = 60.0


def main():
    sep = sys.argv.index("--")
    steps = [s for s in sys.argv[1].split(";") if s]
    command = sys.argv[sep + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    before = termios.tcgetattr(fd)
    out = b""
    raw_checks = []
    deadline = time.time() + TIMEOUT

    def pump(wait):
        nonlocal out
        r, _, _ = select.select([fd], [], [], wait)
        if r:
            try:
                data = os.read(fd, 4096)
            except OSError:
                return False
            if not data:
                return False
            out += data
        return True

    for step in steps:
        kind, _, arg = step.partition(":")
        arg = arg.encode().decode("unicode_escape").encode("latin-1")
        if kind == "wait":
            while arg not in out and time.time() < deadline:
                if not pump(0.05):
                    break
        elif kind == "type":
            os.write(fd, arg)
        elif kind == "raw":
            lflag = termios.tcgetattr(fd)[3]
            raw_checks.append((lflag & (termios.ICANON | termios.ECHO)) == 0)
    # The terminal's settings once the command has gone: read them before the pty closes.
    status = None
    while time.time() < deadline:
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
            break
        pump(0.05)
    after = termios.tcgetattr(fd)
    while pump(0.05):
        pass
    if status is None:
        os.kill(pid, 9)
        _, status = os.waitpid(pid, 0)
    result = {
        "output": out.decode("latin-1"),
        "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        "raw": raw_checks,
        "restored": before == after,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
