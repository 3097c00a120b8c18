#!/usr/bin/python3
"""A local SMTP sink for development and tests: accepts every message and writes it, as received,
to a folder (one .eml file each, written aside and renamed into place). Never relays anything.

    /usr/bin/python3 scripts/smtp-sink.py --port 2525 --dir .local/mail
"""
import argparse, os, signal, time, uuid
from aiosmtpd.controller import Controller


class ToFolder:
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{uuid.uuid4().hex}"
        aside = os.path.join(self.folder, name + ".tmp")
        with open(aside, "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(aside, os.path.join(self.folder, name + ".eml"))
        return "250 Message accepted"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--dir", required=True)
    a = p.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    # Blocked before the server's thread starts, so only sigwait below receives them.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    controller = Controller(ToFolder(a.dir), hostname=a.host, port=a.port)
    controller.start()
    print(f"SMTP sink on {a.host}:{a.port}, writing to {a.dir}", flush=True)
    try:
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
