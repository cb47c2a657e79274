"""A server address as typed at the desk, and where its password may (not) go (issue 18 §1)."""

from __future__ import annotations

import pytest

from core.db import server
from core.db.server import AddressError, ServerAddress, address_of, parse_address


@pytest.mark.parametrize("port", ["1", "5432", "65535", "", " 6543 "])
def test_ports_in_range_are_taken(port: str) -> None:
    address = parse_address("db.bishan.local", port, "ipdesk", "ipdesk_desk")
    assert address.port == (int(port) if port.strip() else 5432)


@pytest.mark.parametrize("port", ["0", "65536", "54 32", "-1", "5432a"])
def test_ports_out_of_range_name_the_port(port: str) -> None:
    with pytest.raises(AddressError) as refused:
        parse_address("db.bishan.local", port, "ipdesk", "ipdesk_desk")
    assert refused.value.field == "port" and "1–65535" in str(refused.value)


@pytest.mark.parametrize(
    ("host", "ok"),
    [
        ("192.168.10.5", True),
        ("ipdesk-server", True),
        ("[::1]", True),
        ("-bad", False),
        ("a b", False),
        ("host/db", False),
        ("", False),
    ],
)
def test_hosts(host: str, ok: bool) -> None:
    if ok:
        assert parse_address(host, "", "", "ipdesk_desk").host == host
    else:
        with pytest.raises(AddressError) as refused:
            parse_address(host, "", "", "ipdesk_desk")
        assert refused.value.field == "host"


def test_the_address_round_trips_through_its_text_without_a_password() -> None:
    address = ServerAddress("192.168.10.5", 5433, "ipdesk", "clerk_a")
    assert address_of(address.text()) == address
    assert address_of(address.url("secret").render_as_string(hide_password=False)) == address
    assert "secret" not in address.text()
    assert address_of("C:/data/ipdesk.sqlite3") is None
    assert address_of("sqlite:///C:/data/ipdesk.sqlite3") is None


def test_without_a_credential_store_nothing_is_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server, "_keyring", lambda: None)
    address = ServerAddress("h", 5432, "ipdesk", "u")
    assert not server.can_remember_passwords()
    assert server.remember_password(address, "pw") is False
    assert server.remembered_password(address) is None


def test_a_broken_store_means_asking_again(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def get_password(self, *_: object) -> str:
            raise RuntimeError("locked")

        def set_password(self, *_: object) -> None:
            raise RuntimeError("locked")

    monkeypatch.setattr(server, "_keyring", lambda: Broken())
    address = ServerAddress("h", 5432, "ipdesk", "u")
    assert server.remembered_password(address) is None
    assert server.remember_password(address, "pw") is False
