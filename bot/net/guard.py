"""Which addresses the bot may connect to: public ones, plus what NEWSBOT_FETCH_ALLOW permits.

Names are resolved here and the caller connects to the very address that was checked,
so a DNS answer that changes between check and connect (rebinding) cannot slip through.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.net.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]

# Cloud metadata endpoints, refused even if a broad CIDR in the allow-list covers them.
_METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (A and AAAA), in the resolver's order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError("dns", f"cannot resolve {host} ({error})") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def embedded_v4(ip: IPAddress) -> IPAddress:
    """The IPv4 address hidden in an IPv4-mapped, 6to4 or NAT64 IPv6 address, else `ip`."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip.sixtofour is not None:
            return ip.sixtofour
        if ip in _NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def is_public(ip: IPAddress) -> bool:
    """Globally routable unicast, and not a metadata endpoint."""
    inner = embedded_v4(ip)
    if ip in _METADATA or inner in _METADATA:
        return False
    return all(a.is_global and not a.is_multicast for a in {ip, inner})


@dataclass(frozen=True)
class Target:
    """A checked destination: connect to `address`, speak to `host`."""

    scheme: str
    host: str
    port: int
    address: str


@dataclass(frozen=True)
class Guard:
    """The allow-list: host names (optionally `host:port`) and CIDRs exempt from the guard."""

    hosts: frozenset[str] = frozenset()
    networks: tuple[Network, ...] = ()
    resolver: Resolver = resolve

    @classmethod
    def from_entries(cls, entries: Sequence[str], resolver: Resolver = resolve) -> Guard:
        hosts: set[str] = set()
        networks: list[Network] = []
        for entry in entries:
            text = entry.strip().lower()
            if not text:
                continue
            try:
                networks.append(ipaddress.ip_network(text, strict=False))
            except ValueError:
                hosts.add(text.strip("[]"))
        return cls(frozenset(hosts), tuple(networks), resolver)

    def check(self, url: str) -> Target:
        """Refuse a URL the bot must not fetch; else say which address to connect to."""
        try:
            parts = urlsplit(url.strip())
            port = parts.port
        except ValueError:
            raise FetchError("url", f"{url!r} is not a valid URL") from None
        scheme = parts.scheme.lower()
        if scheme not in {"http", "https"}:
            raise FetchError("scheme", f"only http and https URLs can be fetched, not {url!r}")
        host = (parts.hostname or "").lower()
        if not host:
            raise FetchError("url", f"{url!r} has no host name")
        if parts.username or parts.password:
            raise FetchError("url", "URLs with a user name or password are not fetched")
        port = port or (443 if scheme == "https" else 80)
        named = self._host_allowed(host, port)
        addresses = [host] if _literal(host) else self.resolver(host, port)
        refused: list[str] = []
        for text in addresses:
            ip = ipaddress.ip_address(text.split("%", 1)[0])
            if ip in _METADATA or embedded_v4(ip) in _METADATA:
                refused.append(text)  # never, whatever the allow-list says
            elif named or is_public(ip) or self._ip_allowed(ip, port):
                return Target(scheme, host, port, text)
            else:
                refused.append(text)
        where = ", ".join(refused) or "nothing"
        what = f"{host} is" if _literal(host) else f"{host} resolves to"
        raise FetchError(
            "refused",
            f"{what} a private or reserved address ({where}); add it to"
            " NEWSBOT_FETCH_ALLOW if this is intended",
        )

    def _host_allowed(self, host: str, port: int) -> bool:
        return host in self.hosts or f"{host}:{port}" in self.hosts

    def _ip_allowed(self, ip: IPAddress, port: int) -> bool:
        inner = embedded_v4(ip)
        text = str(inner)
        if text in self.hosts or f"{text}:{port}" in self.hosts or f"[{ip}]:{port}" in self.hosts:
            return True
        candidates = {ip, inner}
        return any(a in n for n in self.networks for a in candidates if a.version == n.version)


def _literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
