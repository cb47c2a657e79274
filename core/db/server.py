"""A PostgreSQL server address as a clerk types it, and where its password may be kept
(issue 18 §1).

The address (host, port, database, user) is remembered in the desk's settings; the password
never is. Where the OS has a credential store (Windows' 凭据管理器, a desktop keyring on
Linux) and the user ticks 「记住密码」, the password goes there, through the ``keyring``
package of the ``[postgres]`` extra; otherwise it is asked for each time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import URL, make_url

from core.db.errors import server_label

DEFAULT_PORT = 5432
DEFAULT_DATABASE = "ipdesk"
DEFAULT_USER = "ipdesk_desk"
KEYRING_SERVICE = "ipdesk-database"

# Host names and addresses: letters, digits, dots, hyphens, or an IPv6 address in brackets.
_HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])$")
# PostgreSQL identifiers as the installation guide creates them (no quoting needed).
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_$-]{0,62}$")


class AddressError(ValueError):
    """A field of the address that cannot be right; ``field`` names it for the form."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    database: str
    user: str

    def url(self, password: str | None = None) -> URL:
        return URL.create(
            "postgresql+psycopg",
            username=self.user,
            password=password or None,
            host=self.host.strip("[]"),
            port=self.port,
            database=self.database,
        )

    def text(self) -> str:
        """The address without a password, as settings keep it and ``--db`` takes it."""
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.database}"

    @property
    def label(self) -> str:
        return server_label(self.host, self.port, self.database)

    @property
    def key(self) -> str:
        """The credential store's name for this login."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def parse_address(host: str, port: str, database: str, user: str) -> ServerAddress:
    """The address typed into the desk's form, or :class:`AddressError` naming what to fix."""
    host = host.strip()
    if not host:
        raise AddressError("host", "请填写服务器地址，如 192.168.10.5 或 ipdesk-server")
    if not _HOST.match(host):
        raise AddressError("host", f"服务器地址“{host}”写法不对：只能有字母、数字、点和连字符")
    port_text = port.strip() or str(DEFAULT_PORT)
    if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise AddressError("port", f"端口“{port}”不对：应为 1–65535 之间的整数（通常是 5432）")
    database = database.strip() or DEFAULT_DATABASE
    if not _NAME.match(database):
        raise AddressError("database", f"数据库名“{database}”写法不对：只能有字母、数字和下划线")
    user = user.strip()
    if not user:
        raise AddressError("user", "请填写用户名（各窗口通常用 ipdesk_desk）")
    if not _NAME.match(user):
        raise AddressError("user", f"用户名“{user}”写法不对：只能有字母、数字和下划线")
    return ServerAddress(host, int(port_text), database, user)


def address_of(text: str) -> ServerAddress | None:
    """The server address in a ``--db`` text or a remembered setting; None for a file."""
    if "://" not in text:
        return None
    try:
        url = make_url(text)
    except Exception:  # sqlalchemy.exc.ArgumentError: not an address at all
        return None
    if url.get_backend_name() != "postgresql" or not url.host:
        return None
    return ServerAddress(
        url.host, url.port or DEFAULT_PORT, url.database or DEFAULT_DATABASE, url.username or ""
    )


def _keyring() -> Any | None:
    """The OS credential store, or None where there is none (no ``keyring`` package, or only
    its "fail" backend, as on a Linux PC without a desktop keyring)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def can_remember_passwords() -> bool:
    return _keyring() is not None


def remembered_password(address: ServerAddress) -> str | None:
    store = _keyring()
    if store is None:
        return None
    try:
        found = store.get_password(KEYRING_SERVICE, address.key)
    except Exception:  # a locked or broken store: ask, as where there is none
        return None
    return str(found) if found else None


def remember_password(address: ServerAddress, password: str) -> bool:
    """Keep the password in the OS store; False where there is none or it refused."""
    store = _keyring()
    if store is None:
        return False
    try:
        store.set_password(KEYRING_SERVICE, address.key, password)
    except Exception:
        return False
    return True


def forget_password(address: ServerAddress) -> None:
    store = _keyring()
    if store is None:
        return
    try:
        store.delete_password(KEYRING_SERVICE, address.key)
    except Exception:  # keyring.errors.PasswordDeleteError: nothing was kept
        return
