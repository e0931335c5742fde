"""Where digests go: an SMTP server (``NOTIFY_SMTP_URL``: ``smtp://``, ``smtp+starttls://``, ``smtps://``, with
``user:password@`` to log in) to each of ``NOTIFY_EMAIL_TO``, and a webhook (``NOTIFY_WEBHOOK_URL``: a JSON POST,
which chat bots and ntfy take). A channel that fails says so in one line (no password in it)."""

from __future__ import annotations

import json
import smtplib
import ssl
import urllib.error
import urllib.request
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import unquote, urlsplit

from .digests import Digest

SCHEMES = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}
TIMEOUT = 30


class ChannelError(Exception):
    """A channel that cannot be set up or cannot deliver: one line, safe to print."""


class EmailChannel:
    kind = "email"

    def __init__(self, url: str, sender: str, recipient: str, cafile: str | None = None):
        parts = urlsplit(url)
        if parts.scheme not in SCHEMES or not parts.hostname:
            raise ChannelError(
                f"NOTIFY_SMTP_URL must be smtp://, smtp+starttls:// or smtps://host[:port], not {redact(url)}"
            )
        self.scheme, self.host, self.port = parts.scheme, parts.hostname, parts.port or SCHEMES[parts.scheme]
        self.user, self.password = unquote(parts.username or ""), unquote(parts.password or "")
        self.sender, self.recipient, self.cafile = sender, recipient, cafile

    def send(self, digest: Digest) -> None:
        message = EmailMessage()
        message["Subject"], message["From"], message["To"] = digest.title, self.sender, self.recipient
        message["Date"], message["Message-ID"] = formatdate(localtime=True), make_msgid("suarapos")
        message.set_content(digest.text())
        context = ssl.create_default_context(cafile=self.cafile)
        try:
            if self.scheme == "smtps":
                server = smtplib.SMTP_SSL(self.host, self.port, timeout=TIMEOUT, context=context)
            else:
                server = smtplib.SMTP(self.host, self.port, timeout=TIMEOUT)
            with server:
                if self.scheme == "smtp+starttls":
                    server.starttls(context=context)
                if self.user:
                    server.login(self.user, self.password)
                server.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            raise ChannelError(
                f"e-mail to {self.recipient} via {self.host}:{self.port} failed: {one_line(exc)}"
            ) from exc

    @property
    def name(self) -> str:
        return self.recipient


class WebhookChannel:
    kind = "webhook"

    def __init__(self, url: str):
        if urlsplit(url).scheme not in ("http", "https"):
            raise ChannelError(f"NOTIFY_WEBHOOK_URL must be an http:// or https:// address, not {redact(url)}")
        self.url = url

    def send(self, digest: Digest) -> None:
        body = json.dumps(digest.payload(), ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(
            self.url, data=body, method="POST", headers={"Content-Type": "application/json; charset=utf-8"}
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                response.read()
        except (TimeoutError, OSError, urllib.error.URLError) as exc:
            reason = getattr(exc, "reason", None) if not isinstance(exc, urllib.error.HTTPError) else None
            raise ChannelError(f"webhook {redact(self.url)} failed: {one_line(reason or exc)}") from exc

    @property
    def name(self) -> str:
        return self.url


def channels_of(settings) -> list:
    """The channels the settings name (none: nothing to send); ``ChannelError`` for a setting that cannot be used."""
    channels: list = []
    smtp, recipients = settings.get("NOTIFY_SMTP_URL"), settings.getlist("NOTIFY_EMAIL_TO")
    if smtp and not recipients:
        raise ChannelError("NOTIFY_SMTP_URL is set but NOTIFY_EMAIL_TO names no one")
    if recipients and not smtp:
        raise ChannelError("NOTIFY_EMAIL_TO is set but NOTIFY_SMTP_URL says no server to send through")
    cafile = settings.get("NOTIFY_SMTP_CAFILE") or None
    for recipient in recipients:
        channels.append(EmailChannel(smtp, settings.get("NOTIFY_EMAIL_FROM"), recipient.strip(), cafile))
    if settings.get("NOTIFY_WEBHOOK_URL"):
        channels.append(WebhookChannel(settings.get("NOTIFY_WEBHOOK_URL")))
    return channels


def redact(url: str) -> str:
    """A URL without its password, for a line that may be mailed or logged."""
    parts = urlsplit(url)
    if parts.password:
        url = url.replace(f":{parts.password}@", ":***@", 1)
    return url


def one_line(exc) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):  # the server's own words, not a tuple of bytes
        error = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else exc.smtp_error
        return f"{exc.smtp_code} {' '.join(str(error).split())}"
    return " ".join(str(exc).split()) or type(exc).__name__
