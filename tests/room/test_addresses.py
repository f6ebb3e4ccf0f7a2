"""Which of the laptop's addresses the room offers first, and which it listens on (room/addresses.py)."""

from cjm_designer.room.addresses import LOOPBACK, Address, chosen, offered, system_addresses

WIFI = Address("192.168.1.23", "wlp2s0", kind="wifi")
ETHERNET = Address("10.0.5.17", "enp0s31f6", kind="ethernet")
OFFICE = Address("172.20.3.4", "eth1")
DOCKER = Address("172.17.0.1", "docker0")
BRIDGE = Address("172.18.0.1", "br-5f0c2a9e41d7")
VPN = Address("10.8.0.6", "tun0")
WIREGUARD = Address("10.66.0.2", "wg0")
TAILSCALE = Address("100.101.102.103", "tailscale0")
WINDOWS_VPN = Address("10.212.134.200", "Corporate VPN", virtual=True)
HYPER_V = Address("172.29.96.1", "vEthernet (WSL)")
PUBLIC = Address("203.0.113.9", "eth2")
LINK_LOCAL = Address("169.254.10.20", "eth3")
UNPLUGGED = Address("192.168.0.5", "enp3s0", running=False)


def test_a_laptop_with_wifi_ethernet_a_vpn_and_docker_offers_the_local_networks_first_and_tunnels_last():
    laptop = [DOCKER, VPN, BRIDGE, WIFI, WIREGUARD, ETHERNET, TAILSCALE, HYPER_V, WINDOWS_VPN, OFFICE]
    assert [a.interface for a in offered(laptop)] == [
        "wlp2s0", "enp0s31f6", "eth1",  # 192.168/16, 10/8, 172.16/12
        "tun0", "wg0", "Corporate VPN", "docker0", "br-5f0c2a9e41d7", "vEthernet (WSL)", "tailscale0"]


def test_other_addresses_after_the_local_ranges_then_link_local_then_interfaces_not_connected():
    assert offered([UNPLUGGED, LINK_LOCAL, PUBLIC, ETHERNET]) == [ETHERNET, PUBLIC, LINK_LOCAL, UNPLUGGED]
    assert offered([UNPLUGGED, DOCKER]) == [DOCKER, UNPLUGGED]  # a bridge is up; a cable not plugged in is not


def test_only_ipv4_addresses_other_than_loopback_each_once():
    seen = [Address("127.0.0.1", "lo"), Address("::1", "lo"), Address("fe80::1", "wlp2s0"), Address("0.0.0.0"),
            Address("not an address"), WIFI, Address("192.168.1.23", "wlp2s0:1")]
    assert offered(seen) == [WIFI]


def test_the_stored_choice_while_the_laptop_has_it_loopback_when_chosen_else_the_best():
    laptop = offered([DOCKER, WIFI, VPN])
    assert chosen(laptop, "") == WIFI.ip
    assert chosen(laptop, VPN.ip) == VPN.ip  # the facilitator's choice, though a tunnel
    assert chosen(laptop, LOOPBACK) == LOOPBACK  # a rehearsal
    assert chosen(laptop, "192.168.44.2") == WIFI.ip  # yesterday's network: gone
    assert chosen([], "") == LOOPBACK and chosen([], "10.0.0.2") == LOOPBACK  # on no network at all


def test_a_tunnel_is_told_by_the_system_or_by_its_name():
    assert VPN.tunnel and DOCKER.tunnel and WINDOWS_VPN.tunnel and HYPER_V.tunnel and TAILSCALE.tunnel
    assert not (WIFI.tunnel or ETHERNET.tunnel or OFFICE.tunnel or Address("10.1.1.1", "Wi-Fi 2").tunnel)


def test_the_command_line_lists_the_interfaces_without_qt_and_the_routes_address_too():
    found = system_addresses("203.0.113.9")
    assert "203.0.113.9" in [a.ip for a in found] and all(not a.ip.startswith("127.") for a in found)
    assert all(a.interface for a in found if a.ip != "203.0.113.9")  # Linux: with the name of its interface
