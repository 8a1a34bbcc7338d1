"""A small SMTP server for the fault suite, in a thread of the test process, on its own
port: it speaks just enough SMTP for Django's backend, records each message it
acknowledges, and can be told to hold its answer to a message's data — the moment a
worker killed there has sent an e-mail that was never confirmed."""

import select
import socket
import socketserver
import threading

from tests.faults.services import free_port


class Sink:
    def __init__(self) -> None:
        self.port = free_port()
        self.accepted: list[list[str]] = []  # the recipients of each acknowledged message
        self.held = threading.Event()  # set: a message's data arrived and waits for its answer
        self.hold = threading.Event()  # set: hold the answer to every message's data
        self._lock = threading.Lock()
        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", self.port),
                                                      self._handler())
        self._server.daemon_threads = True

    def __enter__(self) -> "Sink":
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.hold.clear()
        self._server.shutdown()
        self._server.server_close()

    def recipients(self) -> list[str]:
        with self._lock:
            return [address for message in self.accepted for address in message]

    def _handler(self):
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def reply(self, line: str) -> None:
                self.wfile.write(line.encode() + b"\r\n")
                self.wfile.flush()

            def wait_while_held(self) -> bool:
                """Waits while the sink holds answers; False if the sender closed."""
                while sink.hold.is_set():
                    readable, _, _ = select.select([self.connection], [], [], 0.05)
                    if readable and not self.connection.recv(1, socket.MSG_PEEK):
                        return False
                return True

            def handle(self) -> None:
                self.reply("220 kopa-test-sink")
                recipients: list[str] = []
                while line := self.rfile.readline():
                    verb = line[:4].upper()
                    if verb in (b"EHLO", b"HELO"):
                        self.reply("250 kopa-test-sink")
                    elif verb == b"MAIL":
                        recipients = []
                        self.reply("250 OK")
                    elif verb == b"RCPT":
                        recipients.append(line.split(b":", 1)[1].strip(b" <>\r\n").decode())
                        self.reply("250 OK")
                    elif verb == b"DATA":
                        self.reply("354 go on")
                        while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                            pass  # the message itself: only its recipients are counted
                        if not chunk:
                            return  # the sender went away mid-message: nothing delivered
                        if sink.hold.is_set():
                            sink.held.set()
                            if not self.wait_while_held():
                                return  # the sender died waiting: never confirmed
                        with sink._lock:
                            sink.accepted.append(recipients)
                        self.reply("250 queued")
                    elif verb == b"QUIT":
                        self.reply("221 bye")
                        return
                    else:
                        self.reply("250 OK")

        return Handler
