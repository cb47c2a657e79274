"""The audit log in words (core.audit_text): what a supervisor reads in 审计日志."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from core.audit_text import FIELD_LABELS, change_lines, field_label
from core.db.database import Database
from core.demo import create_demo_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = create_demo_database(tmp_path_factory.mktemp("audit-text") / "demo.sqlite3")
    yield db
    db.close()


def records(db: Database) -> list[tuple[str, str, Any, Any]]:
    assert db.path is not None
    with sqlite3.connect(Path(db.path)) as conn:
        rows = conn.execute("SELECT entity, action, before, after FROM audit_log ORDER BY id")
        return [
            (e, a, None if b is None else json.loads(b), None if x is None else json.loads(x))
            for e, a, b, x in rows
        ]


def test_a_step_reads_as_its_status_change() -> None:
    lines = change_lines(
        "application", {"status": "registered"}, {"reason": "", "status": "accepted"}
    )
    assert lines == ["状态：已登记 → 已受理", "意见或理由：（空）"]


def test_a_project_status_is_a_project_status() -> None:
    lines = change_lines("project", {"status": "in_progress"}, {"status": "terminated"})
    assert lines == ["状态：实施中 → 已终止"]
    assert change_lines("notice_batch", {"status": "open"}, {"status": "closed"}) == [
        "状态：公示中 → 已结束"
    ]


def test_a_checklist_line_shows_before_and_after() -> None:
    change = {
        "business_licence": {
            "before": {"received": False, "copies": 0, "originals_verified": False},
            "after": {"received": True, "copies": 2, "originals_verified": True},
        }
    }
    (line,) = change_lines("application", None, change)
    assert line == (
        "申请人所在单位营业执照：已收到 否，份数 0，原件已核验 否 → 已收到 是，份数 2，原件已核验 是"
    )


def test_a_user_record_hides_the_password_and_names_the_roles() -> None:
    lines = change_lines(
        "user", None, {"username": "clerk", "password_hash": "***", "roles": "clerk,supervisor"}
    )
    assert lines == ["用户名：clerk", "密码：（不显示）", "角色：窗口经办、审核人"]


def test_a_registered_claim_is_named_as_the_policy_names_it() -> None:
    claim = {"item": "transfer_in", "date": "2024-03-23", "counterparty_kind": "institute"}
    (line,) = change_lines("application", None, {"claims": [claim]})
    assert line.startswith("资助事项：接受高校院所发明专利转让（")
    assert "科研院所" in line and "2024-03-23" in line and "institute" not in line


def test_what_is_not_known_is_shown_as_stored() -> None:
    assert change_lines("application", None, {"zzz_new_field": 7}) == ["zzz_new_field：7"]
    assert change_lines("application", {"status": "no_such"}, {"status": "accepted"}) == [
        "状态：no_such → 已受理"
    ]
    assert change_lines("application", {}, {}) == ["（无字段变化）"]
    assert change_lines("application", {"note": "x"}, {}) == ["说明：x → （删除）"]


def _keys(value: Any) -> Iterator[str]:
    if isinstance(value, Mapping):
        for key, inner in value.items():
            if key not in ("before", "after") or not isinstance(inner, Mapping):
                yield key
            yield from _keys(inner)
    elif isinstance(value, list):
        for inner in value:
            if not (isinstance(inner, Mapping) and "item" in inner):  # claims: the policy's names
                yield from _keys(inner)


def test_every_field_the_demo_writes_has_a_chinese_name(demo: Database) -> None:
    # A field added to a record without a name here would show its English name to the reader.
    unnamed = {
        key
        for _, _, before, after in records(demo)
        for key in (*_keys(before), *_keys(after))
        if field_label(key) == key
    }
    assert unnamed == set()


def test_no_english_code_is_left_in_the_demo_log(demo: Database) -> None:
    # Values too: statuses, kinds, sizes, results and categories come out in Chinese. What may
    # stay in Latin letters is data: user names, policy ids in brackets, hashes, case numbers.
    allowed = re.compile(r"^[a-z0-9_]+$")
    for entity, action, before, after in records(demo):
        for line in change_lines(entity, before, after):
            label, _, shown = line.partition("：")
            if label in ("用户名", "政策文件校验值", "审核时数据快照校验值", "政策版本"):
                continue
            for word in re.findall(r"[A-Za-z_]{4,}", re.sub(r"（[^）]*）", "", shown)):
                assert not allowed.match(word), (entity, action, line)


def test_the_table_has_no_english_left() -> None:
    assert all(re.search(r"[\u4e00-\u9fff]", label) for label in FIELD_LABELS.values())


def test_a_save_that_changes_nothing_leaves_no_record(demo: Database) -> None:
    # An empty 「修改」 record says nothing and buries the ones that do in the log.
    assert all(before or after for _, action, before, after in records(demo) if action == "update")


def test_a_restore_record_reads_in_chinese_and_local_time() -> None:
    """Issue 20 §13: 「at: / file: / safety_copy:」 and UTC times in the restore record."""
    after = {
        "at": "2026-12-05T02:30:00+00:00",
        "file": "D:/备份/ipdesk-20261205.sqlite3",
        "safety_copy": "D:/数据/ipdesk.before-restore.sqlite3",
        "lost": 3,
    }
    lines = change_lines("database", None, after)
    assert "时间：2026-12-05 10:30:00" in lines
    assert "文件：D:/备份/ipdesk-20261205.sqlite3" in lines
    assert any(line.startswith("恢复前的安全副本：") for line in lines)
    assert any(line.startswith("恢复后不再包含：3") for line in lines)
    assert not any(":" in line.split("：")[0] for line in lines)
