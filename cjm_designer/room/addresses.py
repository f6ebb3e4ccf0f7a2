"""Which of the laptop's addresses the room listens on. A facilitator's laptop is often on several
networks at once — Wi-Fi, Ethernet, a VPN, Docker's bridges — and only one of them is the room's:
the participants' phones reach the laptop on the Wi-Fi or the office network, never on a VPN's or a
container's. So the addresses are offered in that order, the private ranges of a local network first
and tunnels and bridges last, and the facilitator picks; "this laptop only" (loopback) is for a
rehearsal. Qt-free: ui/workshop.py lists the interfaces (QNetworkInterface) and shows the choice;
`cjm-designer workshop` lists them with `system_addresses`."""

from __future__ import annotations

import ipaddress
import socket
import struct
import sys
from dataclasses import dataclass

LOOPBACK = "127.0.0.1"
LOCAL_NETWORKS = tuple(ipaddress.ip_network(n) for n in ("192.168.0.0/16", "10.0.0.0/8", "172.16.0.0/12"))
LINK_LOCAL = ipaddress.ip_network("169.254.0.0/16")  # no router gave an address: rarely reachable
SIOCGIFFLAGS, SIOCGIFADDR = 0x8913, 0x8915  # Linux: an interface's flags, its IPv4 address
IFF_UP, IFF_POINTOPOINT, IFF_RUNNING = 0x1, 0x10, 0x40
# Interfaces a phone in the room never reaches the laptop through, by the start of their names.
TUNNEL_NAMES = ("docker", "br-", "veth", "virbr", "vboxnet", "vmnet", "vethernet", "lxc", "lxd", "podman", "cni",
                "flannel", "tun", "tap", "wg", "tailscale", "zt", "utun", "ppp", "ipsec", "vpn", "nordlynx", "proton")


@dataclass(frozen=True)
class Address:
    """An IPv4 address of one of the laptop's interfaces, as the system reports it."""

    ip: str
    interface: str = ""  # the name the system shows: "wlp2s0", "Wi-Fi", "Ethernet 2"
    running: bool = True  # the interface is up and has a link
    virtual: bool = False  # the system calls it virtual or point-to-point (a VPN, a bridge)
    kind: str = ""  # what the interface is, when the system says: "wifi", "ethernet"

    @property
    def tunnel(self) -> bool:
        """A VPN, a container bridge or a virtual machine's network: not where the room is."""
        name = self.interface.lower()
        return self.virtual or name.startswith(TUNNEL_NAMES) or "vpn" in name or "virtual" in name


def offered(addresses: list[Address]) -> list[Address]:
    """The addresses to offer, best first: IPv4, not loopback, each once (the first seen), running
    before not running, local network ranges before others, tunnels and bridges last."""
    seen: dict[str, Address] = {}
    for address in addresses:
        try:
            ip = ipaddress.ip_address(address.ip)
        except ValueError:
            continue
        if ip.version == 4 and not ip.is_loopback and not ip.is_unspecified and address.ip not in seen:
            seen[address.ip] = address
    return sorted(seen.values(), key=_rank)


def _rank(address: Address) -> tuple:
    """192.168/16 (home and office Wi-Fi), 10/8, 172.16/12, then other addresses, then link-local."""
    ip = ipaddress.ip_address(address.ip)
    group = next((i for i, network in enumerate(LOCAL_NETWORKS) if ip in network),
                 len(LOCAL_NETWORKS) + (ip in LINK_LOCAL))
    return not address.running, address.tunnel, group, ip.packed


def chosen(offers: list[Address], stored: str) -> str:
    """The address the room listens on, of those `offered`: the stored choice (the setting
    `workshop/host`) while the laptop still has it, or loopback when that was chosen; else the best
    offered; loopback when the laptop is on no network at all."""
    ips = [address.ip for address in offers]
    if stored == LOOPBACK or stored in ips:
        return stored
    return ips[0] if ips else LOOPBACK


def system_addresses(route: str = "") -> list[Address]:
    """The laptop's addresses `offered`, without Qt (for the command line): on Linux each interface's,
    with its name and flags; elsewhere those of the computer's name, with no interface to tell a tunnel
    by. `route`: the address the system's route sends from, added when no interface showed it."""
    found = _linux_interfaces() if sys.platform.startswith("linux") else []
    try:
        named = [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
    except OSError:
        named = []
    return offered([*found, *(Address(ip) for ip in [*named, route] if ip)])


def _linux_interfaces() -> list[Address]:
    """Each interface's IPv4 address, read with the ioctls `ip addr` uses (those with none are left out)."""
    import fcntl  # here: POSIX only

    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _, name in socket.if_nameindex():
            request = struct.pack("256s", name.encode()[:15])
            try:
                address = fcntl.ioctl(probe.fileno(), SIOCGIFADDR, request)
                flags = struct.unpack("H", fcntl.ioctl(probe.fileno(), SIOCGIFFLAGS, request)[16:18])[0]
            except OSError:
                continue
            running = bool(flags & IFF_UP) and bool(flags & IFF_RUNNING)
            found.append(Address(socket.inet_ntoa(address[20:24]), name, running, bool(flags & IFF_POINTOPOINT)))
    return found
