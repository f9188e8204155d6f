"""One spelling per article address, so the same article is stored once whatever link led to it.

Pure functions, no Django: ``canonical_url`` folds together the variants analysts meet in feeds and
shared links (tracking parameters, fragments, AMP pages, http/https, ``www.``, default ports).
"""

from __future__ import annotations

import contextlib
import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

# Query parameters that only say how a reader arrived (campaigns, click ids, share buttons).
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "ref",
        "ref_src",
        "ref_url",
        "referrer",
        "src",
        "cmpid",
        "ocid",
        "smid",
        "smtyp",
        "sr_share",
        "share",
        "feature",
        "rss",
        "partner",
        "amp",
        "outputtype",
        "output",
        "spm",
        "via",
    }
)
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_", "itm_", "hsa_", "__twitter", "oly_")
# Some parameters carry a value that selects the AMP version; the rest of the time they matter.
AMP_PARAM_VALUES = {"amp": {"", "1", "true"}, "outputtype": {"amp"}, "output": {"amp"}}

_AMP_CACHE_HOST = re.compile(r"(^|\.)cdn\.ampproject\.org$")
_AMP_SUFFIX = re.compile(r"\.amp(?=\.html?$)|(?<=[\w-])\.amp$", re.IGNORECASE)


class InvalidURL(ValueError):
    """The text is not an http(s) address with a host."""


def canonical_url(url: str) -> str:
    """The one spelling of ``url`` this project stores; raises InvalidURL for non-http(s) text."""
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InvalidURL(
            f"{url[:200]!r} is not a web address: only http and https URLs can be ingested."
        )
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise InvalidURL(f"{url[:200]!r} has no host name.")
    if _AMP_CACHE_HOST.search(host):
        unwrapped = _unwrap_amp_cache(parts.path, parts.query)
        if unwrapped:
            return canonical_url(unwrapped)
    host = _normal_host(host)
    try:
        port = parts.port
    except ValueError as exc:
        raise InvalidURL(f"{url[:200]!r} has an invalid port.") from exc
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = _normal_path(parts.path)
    query = _normal_query(parts.query)
    # http and https name the same article; https is what sites serve today.
    return urlunsplit(("https", netloc, path, query, ""))


def domain_of(url: str) -> str:
    """The host of ``url`` without ``www.``, as Outlet.domain stores it ('' when there is none)."""
    host = (urlsplit(url.strip()).hostname or "").rstrip(".")
    return _normal_host(host) if host else ""


def _normal_host(host: str) -> str:
    host = host.lower()
    # An undecodable name is left as typed; the fetch then fails with its own message.
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii")
    if host.startswith("www.") and host.count(".") >= 2:
        host = host[4:]
    if host.startswith("amp.") and host.count(".") >= 2:
        host = host[4:]
    return host


def _normal_path(path: str) -> str:
    # Decode then re-encode, so %7E and ~ (or %2f and %2F) are one spelling.
    segments = [quote(unquote(s), safe="!$&'()*+,;=:@~-._") for s in path.split("/")]
    # AMP versions: /amp/story, /story/amp, /story.amp.html.
    segments = [s for s in segments if s.lower() != "amp"]
    path = "/".join(segments)
    path = _AMP_SUFFIX.sub("", path)
    path = re.sub(r"/{2,}", "/", path)
    if not path.startswith("/"):
        path = "/" + path
    if len(path) > 1:
        path = path.rstrip("/")
    return path


def _normal_query(query: str) -> str:
    kept = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        name = key.lower()
        if name in AMP_PARAM_VALUES and value.lower() in AMP_PARAM_VALUES[name]:
            continue
        if name in AMP_PARAM_VALUES:
            kept.append((key, value))
            continue
        if name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES):
            continue
        kept.append((key, value))
    return urlencode(sorted(kept))


def _unwrap_amp_cache(path: str, query: str) -> str:
    """Google's AMP cache: /c/s/example.com/story (https) or /c/example.com/story (http)."""
    for prefix, scheme in (
        ("/c/s/", "https"),
        ("/v/s/", "https"),
        ("/c/", "http"),
        ("/v/", "http"),
    ):
        if path.startswith(prefix):
            rest = path[len(prefix) :]
            return f"{scheme}://{rest}" + (f"?{query}" if query else "")
    return ""
