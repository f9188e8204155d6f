"""Fetch a web page or feed safely: no private addresses, bounded size and time, text only.

No Django here, so the guard can be tested on its own. Every hop of a request is checked twice:
before the request, the host's DNS answers must all be public addresses; at connection time the
socket is opened to one of those vetted addresses (never to a second, possibly different DNS
answer), which closes the DNS-rebinding gap. Redirects are followed by hand, one hop at a time,
through the same checks.

Tests replace DNS with ``resolver=`` and may allow 127.0.0.1 with ``allowed_addresses=`` (or
:func:`allow_loopback_for_tests` in a test worker process); nothing else can open the guard.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

logger = logging.getLogger(__name__)

USER_AGENT = "StancebookBot/1.0 (+https://stancebook.example/bot; diplomatic-statement research)"
MAX_BYTES = 5 * 1024 * 1024  # decoded body; news pages and feeds are far smaller
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 15.0
TOTAL_TIMEOUT = 30.0  # a server dripping one byte at a time never trips the read timeout
TEXT_TYPES = frozenset(
    {
        "text/html",
        "text/plain",
        "text/xml",
        "application/xhtml+xml",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/json",
    }
)

Resolver = Callable[[str, int], list[str]]


class FetchError(Exception):
    """A fetch failed; ``transient`` says whether trying again later may succeed."""

    transient = False

    def __init__(self, message: str, *, url: str = "") -> None:
        super().__init__(message)
        self.url = url


class RefusedURL(FetchError):
    """The address or the answer is one we will not fetch or keep (SSRF guard, size, type)."""


class TransientFetchError(FetchError):
    """Timeouts, refused connections, 5xx and 429: worth retrying with backoff."""

    transient = True


@dataclass(frozen=True)
class FetchResult:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content: bytes
    content_type: str = ""
    charset: str = ""
    etag: str = ""
    last_modified: str = ""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def is_not_modified(self) -> bool:
        return self.status == 304


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host``."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise TransientFetchError(f"The name {host!r} could not be resolved ({exc}).") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_problem(address: str) -> str:
    """Why ``address`` may not be fetched ('' when it is a public unicast address)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv4 hidden in IPv6 (::ffff:10.0.0.1, 64:ff9b::a00:1, 2002:a00:1::) is judged as IPv4.
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in ipaddress.ip_network("64:ff9b::/96"):
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return address_problem(str(embedded))
    if str(ip) in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200"):
        return "a cloud metadata address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_unspecified or ip.is_reserved:
        return "a reserved address"
    if ip.is_private:
        return "a private address"
    if not ip.is_global:
        return "a reserved address"
    return ""


# Filled only by allow_loopback_for_tests(); empty in every real process.
_TEST_ALLOWED_ADDRESSES: set[str] = set()


def allow_loopback_for_tests() -> None:
    """Let this process fetch from 127.0.0.1: for test workers talking to a local test server."""
    logger.warning("The fetch guard allows 127.0.0.1 in this process: tests only.")
    _TEST_ALLOWED_ADDRESSES.add("127.0.0.1")


class _GuardedBackend(httpcore.NetworkBackend):
    """Opens TCP connections only to vetted addresses (the hostname's own DNS answers)."""

    def __init__(self, check: Callable[[str, int], list[str]]) -> None:
        self._check = check
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[tuple[int, int, int | bytes]] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self._check(host, port)
        for address in addresses[:-1]:
            try:
                return self._inner.connect_tcp(
                    address,
                    port,
                    timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout):
                continue  # the next vetted address (e.g. IPv4 after an unreachable IPv6)
        return self._inner.connect_tcp(
            addresses[-1], port, timeout, local_address=local_address, socket_options=socket_options
        )

    def connect_unix_socket(self, *args: object, **kwargs: object) -> httpcore.NetworkStream:
        raise RefusedURL("Unix sockets are never fetched.")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _GuardedTransport(httpx.HTTPTransport):
    def __init__(self, check: Callable[[str, int], list[str]]) -> None:
        super().__init__(trust_env=False, retries=0)
        # httpx has no public hook for the network backend; its pool is the documented httpcore
        # ConnectionPool, rebuilt here with the guarded backend (no proxy, env ignored).
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=4,
            max_keepalive_connections=0,
            network_backend=_GuardedBackend(check),
        )


class Fetcher:
    """Fetches one URL at a time under the guard; see the module docstring."""

    def __init__(
        self,
        *,
        resolver: Resolver = system_resolver,
        allowed_addresses: Iterable[str] = (),
        max_bytes: int = MAX_BYTES,
        max_redirects: int = MAX_REDIRECTS,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        total_timeout: float = TOTAL_TIMEOUT,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.resolver = resolver
        self.allowed_addresses = frozenset(allowed_addresses) | _TEST_ALLOWED_ADDRESSES
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
        self.total_timeout = total_timeout
        self.user_agent = user_agent

    def vetted_addresses(self, host: str, port: int) -> list[str]:
        """The host's addresses, after checking every one is public; raises RefusedURL if not."""
        host = host.strip("[]")
        addresses = self.resolver(host, port)
        if not addresses:
            raise TransientFetchError(f"The name {host!r} has no addresses.")
        for address in addresses:
            if address in self.allowed_addresses:
                continue
            problem = address_problem(address)
            if problem:
                shown = host if host == address else f"{host} ({address})"
                raise RefusedURL(
                    f"Refused to fetch from {shown}: it is {problem}, and only public internet "
                    "addresses are fetched."
                )
        return addresses

    def check_url(self, url: str) -> None:
        """Raise RefusedURL unless ``url`` is http(s) and its host resolves to public addresses."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https"):
            raise RefusedURL(
                f"Refused {url[:200]!r}: only http and https addresses are fetched.", url=url
            )
        if not parts.hostname:
            raise RefusedURL(f"Refused {url[:200]!r}: the address has no host.", url=url)
        if parts.username or parts.password:
            raise RefusedURL(f"Refused {url[:200]!r}: addresses with credentials are not fetched.")
        try:
            port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        except ValueError as exc:
            raise RefusedURL(f"Refused {url[:200]!r}: the port is not valid.", url=url) from exc
        self.vetted_addresses(parts.hostname, port)

    def get(self, url: str, *, etag: str = "", last_modified: str = "") -> FetchResult:
        """GET ``url`` following redirects by hand; raises FetchError (or a subclass) on failure."""
        headers = {
            "User-Agent": self.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
            "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
            # Only encodings we decode ourselves, chunk by chunk, with a cap (gzip bombs).
            "Accept-Encoding": "gzip, deflate",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        deadline = time.monotonic() + self.total_timeout
        current = url
        with httpx.Client(
            transport=_GuardedTransport(self.vetted_addresses),
            timeout=self.timeout,
            follow_redirects=False,
            trust_env=False,
        ) as client:
            for _hop in range(self.max_redirects + 1):
                self.check_url(current)
                try:
                    with client.stream("GET", current, headers=headers) as response:
                        if response.status_code in (301, 302, 303, 307, 308):
                            location = response.headers.get("location", "")
                            if not location:
                                raise FetchError(
                                    f"{current} answered {response.status_code} with no Location.",
                                    url=url,
                                )
                            current = urljoin(current, location)
                            continue
                        return self._read(url, current, response, deadline)
                except FetchError as exc:
                    exc.url = exc.url or url
                    raise
                except httpx.TimeoutException as exc:
                    raise TransientFetchError(
                        f"{current} did not answer in time ({type(exc).__name__}).", url=url
                    ) from exc
                except (httpx.TransportError, httpcore.NetworkError) as exc:
                    raise TransientFetchError(
                        f"Could not connect to {current}: {exc or type(exc).__name__}.", url=url
                    ) from exc
            raise RefusedURL(
                f"{url} redirected more than {self.max_redirects} times; stopped at {current}.",
                url=url,
            )

    def _read(
        self, url: str, final_url: str, response: httpx.Response, deadline: float
    ) -> FetchResult:
        status = response.status_code
        if status == 304:
            return FetchResult(url=url, final_url=final_url, status=304, content=b"")
        if status == 429 or status >= 500:
            raise TransientFetchError(f"{final_url} answered {status}; will try again later.")
        if status >= 400:
            raise FetchError(f"{final_url} answered {status}; check the address.")
        content_type, charset = _content_type(response.headers.get("content-type", ""))
        if content_type and content_type not in TEXT_TYPES and not content_type.startswith("text/"):
            raise RefusedURL(
                f"{final_url} is {content_type!r}, not a web page or feed; only text is fetched."
            )
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise RefusedURL(
                f"{final_url} is {int(declared):,} bytes, over the {self.max_bytes:,}-byte cap."
            )
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        body = bytearray()
        for chunk in _decoded(response.iter_raw(), encoding, final_url, self.max_bytes):
            body += chunk
            if len(body) > self.max_bytes:
                raise RefusedURL(
                    f"{final_url} sent more than the {self.max_bytes:,}-byte cap"
                    + (" once decompressed" if encoding != "identity" else "")
                    + "; not kept."
                )
            if time.monotonic() > deadline:
                raise TransientFetchError(
                    f"{final_url} took longer than {self.total_timeout:g}s to send its page."
                )
        if not content_type and b"\x00" in body[:2048]:
            raise RefusedURL(f"{final_url} sent binary data with no content type; not kept.")
        return FetchResult(
            url=url,
            final_url=final_url,
            status=status,
            content=bytes(body),
            content_type=content_type,
            charset=charset,
            etag=response.headers.get("etag", ""),
            last_modified=response.headers.get("last-modified", ""),
            headers=dict(response.headers),
        )


def _content_type(header: str) -> tuple[str, str]:
    if not header:
        return "", ""
    message = Message()
    message["content-type"] = header
    return message.get_content_type().lower(), str(message.get_param("charset") or "")


def _decoded(raw: Iterator[bytes], encoding: str, url: str, cap: int) -> Iterator[bytes]:
    """Decompress chunk by chunk, never more than ``cap + 1`` bytes at once (gzip bombs)."""
    if encoding in ("identity", ""):
        yield from raw
        return
    if encoding in ("gzip", "x-gzip"):
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decompressor = zlib.decompressobj()
    else:
        raise RefusedURL(f"{url} used the content encoding {encoding!r}, which is not accepted.")
    try:
        for chunk in raw:
            data = chunk
            while data:
                out = decompressor.decompress(data, cap + 1)
                yield out
                data = decompressor.unconsumed_tail
        yield decompressor.flush()
    except zlib.error as exc:
        raise FetchError(f"{url} sent a broken {encoding} body ({exc}).") from exc
