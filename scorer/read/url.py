"""Fetch an article from a URL: with a timeout, a size limit, redirects followed, and a user agent
that says who is asking. Standard library only; every failure is one :class:`InputError` line."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

from .. import __version__
from ..errors import InputError
from .decode import MAX_DOCUMENT_BYTES

# Seconds to wait for the server to answer, and between chunks of the answer.
TIMEOUT_SECONDS = 20
USER_AGENT = f"scorer/{__version__} (source-reliability scorer; reads one page per request)"
SCHEMES = ("http://", "https://")


@dataclass(frozen=True)
class Fetched:
    data: bytes
    url: str  # where the page was in the end, after redirects
    content_type: str | None


def is_url(name: str) -> bool:
    return name.startswith(SCHEMES)


def fetch(url: str, timeout: float = TIMEOUT_SECONDS, limit: int | None = None) -> Fetched:
    """The page at ``url`` (redirects followed, at most ``limit`` bytes, default the article limit)."""
    limit = MAX_DOCUMENT_BYTES if limit is None else limit
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9, */*;q=0.1"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise InputError(f"{url}: the page is {int(declared) / 1e6:.0f} MB, larger than the {limit // 2**20} MiB an article may be")
            data = response.read(limit + 1)
            if len(data) > limit:
                raise InputError(f"{url}: the page is larger than the {limit // 2**20} MiB an article may be")
            return Fetched(data, response.geturl(), response.headers.get("Content-Type"))
    except urllib.error.HTTPError as error:
        raise InputError(f"{url}: the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, socket.timeout) or "timed out" in str(reason):
            raise InputError(f"{url}: no answer within {timeout:g} seconds") from None
        raise InputError(f"{url}: cannot fetch ({reason})") from None
    except (socket.timeout, TimeoutError):
        raise InputError(f"{url}: no answer within {timeout:g} seconds") from None
    except (OSError, ValueError) as error:
        raise InputError(f"{url}: cannot fetch ({error})") from None
