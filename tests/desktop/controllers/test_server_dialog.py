"""The desk on the bureau's database server (issue 18 §1): the address typed and checked, the
password asked and kept only in the OS credential store, and a server that says no."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from core.db import server as server_module
from core.db.clock import FixedClock
from core.db.server import ServerAddress
from desktop import settings
from desktop.controllers.server_dialog import ServerDialog, ServerLogin
from desktop.controllers.startup import StartupController, _with_remembered_password
from desktop.qt import Qt
from tests.desktop.db_fixtures import TODAY
from tests.pg_server import TestServer, create_database, drop_database, free_port, fresh_name


class FakeStore:
    """An OS credential store, as ``keyring`` would reach Windows' 凭据管理器."""

    def __init__(self) -> None:
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, key: str) -> str | None:
        return self.kept.get((service, key))

    def set_password(self, service: str, key: str, password: str) -> None:
        self.kept[(service, key)] = password

    def delete_password(self, service: str, key: str) -> None:
        self.kept.pop((service, key), None)


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> FakeStore:
    fake = FakeStore()
    monkeypatch.setattr(server_module, "_keyring", lambda: fake)
    return fake


@pytest.fixture
def no_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_module, "_keyring", lambda: None)


@pytest.fixture
def demo_on_server(pg_server: TestServer) -> Iterator[tuple[TestServer, str]]:
    from core.demo import create_demo_database

    name = fresh_name("desk")
    create_database(pg_server, name)
    create_demo_database(pg_server.url(name)).close()
    yield pg_server, name
    drop_database(pg_server, name)


def fill(dialog: ServerDialog, host: str, port: str, database: str, user: str, pw: str) -> None:
    for edit, value in (
        (dialog.host, host),
        (dialog.port, port),
        (dialog.database, database),
        (dialog.user, user),
        (dialog.password, pw),
    ):
        edit.setText(value)


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("host", "", "请填写服务器地址"),
        ("host", "192.168.10.5/ipdesk", "服务器地址“192.168.10.5/ipdesk”写法不对"),
        ("port", "543x", "端口“543x”不对"),
        ("port", "70000", "1–65535"),
        ("database", "ip desk", "数据库名“ip desk”写法不对"),
        ("user", "", "请填写用户名"),
    ],
)
def test_each_wrong_field_is_named_and_focused(
    qtbot: QtBot, no_store: None, field: str, value: str, words: str
) -> None:
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, "192.168.10.5", "5432", "ipdesk", "ipdesk_desk", "secret")
    getattr(dialog, field).setText(value)
    with qtbot.assertNotEmitted(dialog.chosen):
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert words in dialog.message.text()
    assert dialog.focusWidget() is getattr(dialog, field)


def test_a_right_address_is_handed_over_with_the_password(qtbot: QtBot, no_store: None) -> None:
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    # Defaults a counter usually keeps: port 5432, database ipdesk, user ipdesk_desk.
    assert (dialog.port.text(), dialog.database.text(), dialog.user.text()) == (
        "5432",
        "ipdesk",
        "ipdesk_desk",
    )
    assert dialog.focusWidget() is dialog.host
    # No credential store on this PC: no box promising to remember.
    assert not dialog.remember.isVisibleTo(dialog)
    fill(dialog, " ipdesk-server ", "", "", "ipdesk_desk", "s3cret")
    with qtbot.waitSignal(dialog.chosen) as chosen:
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    login: ServerLogin = chosen.args[0]
    assert login.address == ServerAddress("ipdesk-server", 5432, "ipdesk", "ipdesk_desk")
    assert login.password == "s3cret" and not login.remember
    assert not dialog.connect_button.isEnabled()


def _startup(qtbot: QtBot) -> StartupController:
    startup = StartupController(clock=FixedClock(TODAY))
    qtbot.addWidget(startup.login)
    startup.login.show()
    return startup


def test_the_desk_connects_and_remembers_the_address_never_the_password(
    qtbot: QtBot, demo_on_server: tuple[TestServer, str], store: FakeStore
) -> None:
    server, name = demo_on_server
    startup = _startup(qtbot)
    startup.connect_server()
    dialog = startup.server
    assert dialog is not None and dialog.remember.isVisibleTo(dialog)
    qtbot.addWidget(dialog)
    fill(dialog, "127.0.0.1", str(server.port), name, "postgres", "pw-of-the-day")
    dialog.remember.setChecked(True)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: startup.login.login_button.isEnabled(), timeout=20000)
    assert startup.server is None
    assert (
        f"数据库服务器 127.0.0.1:{server.port} 上的数据库 {name}" in startup.login.database.text()
    )
    last = settings.get_str(settings.LAST_DATABASE)
    assert last == f"postgresql+psycopg://postgres@127.0.0.1:{server.port}/{name}"
    assert "pw-of-the-day" not in last
    key = f"postgres@127.0.0.1:{server.port}/{name}"
    assert store.kept == {("ipdesk-database", key): "pw-of-the-day"}
    # The next start finds the password in the store, not in the settings.
    assert _with_remembered_password(last).endswith(
        f"postgres:pw-of-the-day@127.0.0.1:{server.port}/{name}"
    )
    startup.login.username.setText("clerk")
    startup.login.password.setText("clerk123")
    with qtbot.waitSignal(startup.main_window_opened, timeout=20000) as opened:
        qtbot.mouseClick(startup.login.login_button, Qt.MouseButton.LeftButton)
    window: Any = opened.args[0]
    qtbot.addWidget(window)
    assert name in window.windowTitle()
    startup.quit()


def test_a_server_that_does_not_answer_is_said_in_the_dialog(
    qtbot: QtBot, pg_server: TestServer, no_store: None
) -> None:
    startup = _startup(qtbot)
    startup.connect_server()
    dialog = startup.server
    assert dialog is not None
    qtbot.addWidget(dialog)
    fill(dialog, "127.0.0.1", str(free_port()), "ipdesk", "ipdesk_desk", "x")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.connect_button.isEnabled(), timeout=20000)
    assert dialog.isVisible() and "无法连接数据库服务器" in dialog.message.text()
    assert dialog.focusWidget() is dialog.password
    assert startup.db is None
    # Typed fields are kept for the next try.
    assert dialog.host.text() == "127.0.0.1" and dialog.password.text() == "x"
    startup.quit()


def test_a_remembered_server_that_is_down_opens_the_dialog_filled(
    qtbot: QtBot, no_store: None, pg_server: TestServer
) -> None:
    port = free_port()
    settings.put(settings.LAST_DATABASE, f"postgresql+psycopg://clerk1@127.0.0.1:{port}/ipdesk")
    startup = StartupController(clock=FixedClock(TODAY))
    qtbot.addWidget(startup.login)
    startup.start()
    qtbot.waitUntil(lambda: startup.server is not None, timeout=20000)
    dialog = startup.server
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert (dialog.host.text(), dialog.port.text(), dialog.user.text()) == (
        "127.0.0.1",
        str(port),
        "clerk1",
    )
    assert "无法连接数据库服务器" in dialog.message.text()
    startup.quit()


def test_no_mnemonic_is_shared_in_the_dialog_or_the_login_window(
    qtbot: QtBot, store: FakeStore
) -> None:
    from desktop.controllers.login import LoginWindow
    from tests.desktop.test_layout import clashes_of

    dialog = ServerDialog()
    login = LoginWindow()
    for window in (dialog, login):
        qtbot.addWidget(window)
        window.show()
    assert dialog.remember.isVisibleTo(dialog)
    assert "连接" in dialog.connect_button.text()
    assert clashes_of("server", dialog) == {} and clashes_of("login", login) == {}
