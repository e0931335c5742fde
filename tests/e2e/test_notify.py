"""`scrapy notify`, really run, against a real SMTP server (aiosmtpd, plain and with STARTTLS and login) and a real
HTTP receiver on 127.0.0.1: every new mention delivered once, through a receiver down for a run and a kill between
sending and recording."""

from __future__ import annotations

import datetime
import email
import email.policy
import ipaddress
import json
import os
import shutil
import signal
import ssl
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlite_utils import Database

from suarapos_crawler.sample_site.process import SampleSiteProcess
from tests.e2e.conftest import free_port
from tests.e2e.crawl import ROOT, run_crawl

pytestmark = pytest.mark.e2e
WATCHLIST = "- Diskominfo Babel\n- Pangkalpinang\n- person: Eko Kurniawan\n"


@pytest.fixture(scope="module")
def watched(tmp_path_factory):
    """A crawled archive of the sample that follows two terms and a person."""
    tmp = tmp_path_factory.mktemp("notify")
    (tmp / "watchlist.yml").write_text(WATCHLIST, encoding="utf-8")
    with SampleSiteProcess(articles=60) as site:
        done = run_crawl(site.base_url, tmp / "a.db", "-s", f"WATCHLIST_PATH={tmp / 'watchlist.yml'}", log_level="INFO")
    assert done.returncode == 0
    return tmp / "a.db"


def fresh_copy(watched, tmp_path):
    shutil.copy(watched, tmp_path / "a.db")
    return tmp_path / "a.db"


def mentions(path) -> set[tuple[str, str]]:
    return {(r["term"], r["article_url"]) for r in Database(path).query("SELECT * FROM article_mentions")}


def notify(path, *settings: str, timeout: float = 120) -> subprocess.CompletedProcess:
    args = [a for s in settings for a in ("-s", s)]
    return subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "notify", "--db", str(path), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


class Mailbox:
    """An SMTP server on 127.0.0.1 that keeps what it is sent (aiosmtpd)."""

    def __init__(self, tls: ssl.SSLContext | None = None, login: tuple[str, str] | None = None):
        self.messages: list[email.message.EmailMessage] = []
        self.logins: list[str] = []
        self.tls, self.login = tls, login

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult

        ok = (auth_data.login.decode(), auth_data.password.decode()) == self.login
        self.logins.append(auth_data.login.decode())
        return AuthResult(success=ok, handled=False)  # handled=True (its default) would leave a refusal unsaid

    @contextmanager
    def serving(self):
        from aiosmtpd.controller import Controller

        extra = {}
        if self.tls:
            extra = {"tls_context": self.tls, "require_starttls": True, "auth_require_tls": True}
        if self.login:
            extra["authenticator"] = self.authenticate
        controller = Controller(self, hostname="127.0.0.1", port=free_port(), **extra)
        controller.start()
        try:
            yield controller.port
        finally:
            controller.stop()

    def delivered(self) -> set[tuple[str, str]]:
        """(label, article URL) of every article in every message."""
        found = set()
        for m in self.messages:
            label = m["Subject"].split(":")[0]
            body = m.get_body().get_content()
            found |= {(label, line.strip()) for line in body.splitlines() if line.strip().startswith("http")}
        return found


class Hooks(ThreadingHTTPServer):
    """An HTTP receiver on 127.0.0.1 that keeps each JSON it is posted; ``on_post`` may act first."""

    def __init__(self, status: int = 200, on_post=None):
        self.received: list[dict] = []
        self.status, self.on_post = status, on_post

        class Handler(BaseHTTPRequestHandler):
            def do_POST(handler):
                body = handler.rfile.read(int(handler.headers["Content-Length"]))
                if self.on_post and self.on_post(self):
                    return  # the sender was killed: no answer
                self.received.append(json.loads(body))
                handler.send_response(self.status)
                handler.end_headers()

            def log_message(handler, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @contextmanager
    def serving(self):
        thread = threading.Thread(target=self.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{self.server_address[1]}/hook"
        finally:
            self.shutdown()
            self.server_close()

    def delivered(self) -> set[tuple[str, str]]:
        return {(d["term"], a["url"]) for d in self.received for a in d["articles"]}


def labels_to_terms(path) -> dict[str, str]:
    return {r["label"]: r["term"] for r in Database(path).query("SELECT term, label FROM watch_terms")}


def test_every_new_mention_arrives_once_by_mail_and_by_webhook_and_a_second_run_sends_nothing(watched, tmp_path):
    archive = fresh_copy(watched, tmp_path)
    want = mentions(archive)
    assert {t for t, _ in want} == {"Diskominfo Babel", "Pangkalpinang", "Eko Kurniawan"}
    box, hooks = Mailbox(), Hooks()
    with box.serving() as port, hooks.serving() as hook:
        settings = (f"NOTIFY_SMTP_URL=smtp://127.0.0.1:{port}", "NOTIFY_EMAIL_TO=humas@babel.go.id",
                    f"NOTIFY_WEBHOOK_URL={hook}")  # fmt: skip
        first, second = notify(archive, *settings), notify(archive, *settings)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    terms = labels_to_terms(archive)
    mailed = [(terms[label], url) for label, url in box.delivered()]
    assert len(mailed) == len(set(mailed)) and set(mailed) == want
    assert hooks.delivered() == want and sum(len(d["articles"]) for d in hooks.received) == len(want)
    assert sorted(m["Subject"].split(":")[0] for m in box.messages) == sorted(terms)  # one digest a term
    assert all(m["To"] == "humas@babel.go.id" for m in box.messages)
    assert "notified: 0 digests" in second.stdout


def test_a_receiver_down_for_a_run_fails_in_one_line_and_gets_everything_the_next(watched, tmp_path):
    archive = fresh_copy(watched, tmp_path)
    down = f"NOTIFY_WEBHOOK_URL=http://127.0.0.1:{free_port()}/hook"
    failed = notify(archive, down)
    assert failed.returncode == 1
    assert failed.stderr.strip().count("\n") == 0 and "webhook http://127.0.0.1" in failed.stderr
    assert "Traceback" not in failed.stderr
    hooks = Hooks()
    with hooks.serving() as hook:
        assert notify(archive, f"NOTIFY_WEBHOOK_URL={hook}").returncode == 0
    assert hooks.delivered() == mentions(archive)


def test_a_notify_killed_between_sending_and_recording_sends_again_and_loses_nothing(watched, tmp_path):
    archive = fresh_copy(watched, tmp_path)
    killed = []

    def kill_the_sender(hooks):  # on the first digest: the sender dies before it hears back or records it
        if not killed:
            process = next(p for p in running if p.poll() is None)
            os.kill(process.pid, signal.SIGKILL)
            killed.append(process.pid)
            return True
        return False

    hooks, running = Hooks(on_post=kill_the_sender), []
    with hooks.serving() as hook:
        command = [sys.executable, "-m", "scrapy.cmdline", "notify", "--db", str(archive), "-s",
                   f"NOTIFY_WEBHOOK_URL={hook}"]  # fmt: skip
        running.append(subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
        assert running[0].wait(timeout=120) == -signal.SIGKILL
        assert notify(archive, f"NOTIFY_WEBHOOK_URL={hook}").returncode == 0
    assert killed and hooks.delivered() == mentions(archive)  # the killed digest came again: none lost
    assert Database(archive).execute("SELECT COUNT(*) FROM notifications WHERE status != 'sent'").fetchone()[0] == 0


def self_signed(tmp_path) -> tuple[ssl.SSLContext, str]:
    """A certificate for 127.0.0.1 of its own making: the server's TLS context, and the file a client trusts."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )  # fmt: skip
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context, str(cert_file)


def test_mail_goes_through_starttls_and_login(watched, tmp_path):
    archive = fresh_copy(watched, tmp_path)
    context, cafile = self_signed(tmp_path)
    box = Mailbox(tls=context, login=("humas@babel.go.id", "rahasia 123"))
    with box.serving() as port:
        url = f"NOTIFY_SMTP_URL=smtp+starttls://humas%40babel.go.id:rahasia%20123@127.0.0.1:{port}"
        done = notify(archive, url, "NOTIFY_EMAIL_TO=kominfo@babel.go.id", f"NOTIFY_SMTP_CAFILE={cafile}")
        (tmp_path / "other").mkdir()
        wrong = notify(fresh_copy(watched, tmp_path / "other"), url.replace("rahasia", "salah"),
                       "NOTIFY_EMAIL_TO=b@babel.go.id", f"NOTIFY_SMTP_CAFILE={cafile}")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert box.logins[0] == "humas@babel.go.id" and len(box.messages) == len({t for t, _ in mentions(archive)})
    assert wrong.returncode == 1 and "salah" not in wrong.stderr and "***" not in wrong.stderr
    assert "e-mail to b@babel.go.id via 127.0.0.1" in wrong.stderr


def test_a_crawl_notifies_when_it_ends_if_asked(tmp_path):
    (tmp_path / "watchlist.yml").write_text(WATCHLIST, encoding="utf-8")
    hooks = Hooks()
    with hooks.serving() as hook, SampleSiteProcess(articles=60) as site:
        done = run_crawl(site.base_url, tmp_path / "a.db", "-s", f"WATCHLIST_PATH={tmp_path / 'watchlist.yml'}",
                         "-s", "NOTIFY_AFTER_CRAWL=True", "-s", f"NOTIFY_WEBHOOK_URL={hook}", log_level="INFO")  # fmt: skip
    assert done.returncode == 0 and "notified: 3 digests" in done.log
    assert hooks.delivered() == mentions(tmp_path / "a.db")
