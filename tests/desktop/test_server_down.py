"""A counter whose database server goes away while a clerk types (issue 18 §5): the desk says
「无法连接数据库服务器…」, and nothing typed is lost: it stays in the window and in the
recovery draft, which is kept for a server database as for a file."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop import recovery
from tests.desktop.typing import type_text
from tests.pg_server import TestServer, create_database, start_server, wait_until_ready


@pytest.fixture
def own_server() -> Iterator[TestServer]:
    """A server of this test's own, since the test stops it."""
    server = start_server()
    wait_until_ready(server)
    yield server
    server.stop()


@pytest.fixture
def server_desk(own_server: TestServer) -> Iterator[Any]:
    from tests.desktop.db_fixtures import make_desk_db

    url = create_database(own_server, "counter")
    data = make_desk_db(url, cases=2)  # type: ignore[arg-type]  # a server address, not a Path
    yield data
    data.db.close()


def test_a_save_while_the_server_is_down_keeps_what_was_typed(
    qtbot: QtBot, own_server: TestServer, server_desk: Any, messages: Any
) -> None:
    from core.policy.loader import load_policy
    from core.records.users import get_user
    from desktop.context import DeskContext
    from desktop.controllers.case_editor import CaseEditor

    db = server_desk.db
    context = DeskContext(db, get_user(db, server_desk.clerk_id), load_policy("bishan-2024"))
    case_id = server_desk.case_ids[0]
    editor = CaseEditor(context, case_id)
    qtbot.addWidget(editor)
    editor.show()
    type_text(qtbot, editor.applicant_panel.handler_phone, "-8888")
    assert editor.dirty
    draft = recovery.load(db.identity, editor.draft_key)
    assert draft is not None and draft.state["applicant"]["handler_phone"].endswith("-8888")
    assert "://" in db.identity and "counter" in db.identity

    own_server.stop_server()
    messages.clear()
    assert not editor.save()
    said = editor.message.text()
    assert "无法连接数据库服务器" in said and "不会丢失" in said
    assert any("无法连接数据库服务器" in m.text for m in messages.shown)
    assert editor.applicant_panel.handler_phone.text().endswith("-8888")
    assert editor.dirty
    assert recovery.load(db.identity, editor.draft_key) is not None
    editor.dirty = False  # no "discard changes?" question at teardown
