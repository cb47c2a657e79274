"""The audit chain anchored outside the file (issue 14 §1): backups, the anchor log, 核验码.

Each tampering the issue lists as missed is done here the way an insider with the file would
do it — rows cut with ``audit_head`` moved, history rewritten and every later hash
recomputed, a middle row deleted and the rest renumbered and rechained, the log wiped — and
must be caught: by ``audit verify --against`` an earlier backup, by the anchors this PC
recorded at each backup, by a 核验码 printed on paper, or (the wiped log) by the tables.
"""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import delete, select

from core.cli.main import main
from core.db.anchors import (
    chain_head,
    known_anchors,
    parse_anchor,
    read_manifest,
)
from core.db.audit import HEAD_KEY, entry_hash, record
from core.db.backup import (
    RestoreRefused,
    backup_database,
    check_restore,
    restore_database,
)
from core.db.clock import SystemClock
from core.db.database import open_database
from core.db.models import AuditEntry, Setting
from core.demo import create_demo_database
from core.documents.notice_list import render_notice_list
from core.documents.workbooks import notice_list_workbook
from core.records.documents import (
    FormKind,
    latest_notice_batch,
    notice_list,
    payout_workbook_for_batch,
    render_case_form,
)
from tests.core.db.conftest import cheap_passwords  # noqa: F401 - fixture
from tests.pdf_helpers import pdf_text


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, cheap_passwords) -> Path:  # noqa: F811
    path = tmp_path_factory.mktemp("anchors") / "demo.sqlite3"
    create_demo_database(path).close()
    return path


@pytest.fixture
def live(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "live.sqlite3"
    with sqlite3.connect(demo_file) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


def verify(capsys: pytest.CaptureFixture[str], db: Path, *options: str) -> tuple[int, str]:
    code = main(["audit", "verify", "--db", str(db), *options])
    out, err = capsys.readouterr()
    return code, out + err


def backup(db_path: Path, dest: Path) -> Path:
    db = open_database(db_path)
    try:
        backup_database(db, dest)
    finally:
        db.close()
    return dest


def write_more(db_path: Path, n: int) -> None:
    """``n`` ordinary audited changes after the backup (the desk at work)."""
    db = open_database(db_path)
    try:
        with db.write() as session:
            for i in range(n):
                record(
                    session,
                    at=SystemClock().now(),
                    actor_id=None,
                    actor_name="测试",
                    entity="database",
                    entity_id="main",
                    action="backup",
                    after={"n": i},
                )
    finally:
        db.close()


def rechain(
    db_path: Path, *, cut_from: int | None = None, edit: int | None = None, drop: int | None = None
) -> None:
    """Tamper as an insider who knows the scheme: every hash after the change recomputed and
    ``audit_head`` moved, so the chain on its own checks out."""
    db = open_database(db_path)
    try:
        with db.write() as session:
            if cut_from is not None:
                session.execute(delete(AuditEntry).where(AuditEntry.id >= cut_from))
            if drop is not None:
                session.execute(delete(AuditEntry).where(AuditEntry.id == drop))
            session.flush()
            entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
            # Renumbering in place would collide on the key: take them out, put them back.
            session.execute(delete(AuditEntry))
            session.flush()
            prev = "0" * 64
            for number, old in enumerate(entries, start=1):
                entry = AuditEntry(
                    id=number,
                    at=old.at,
                    actor_id=old.actor_id,
                    actor_name="某人" if number == edit else old.actor_name,
                    entity=old.entity,
                    entity_id=old.entity_id,
                    action=old.action,
                    before=old.before,
                    after=old.after,
                    prev_hash=prev,
                )
                entry.hash = entry_hash(entry, prev)
                session.add(entry)
                prev = entry.hash
            head = session.get(Setting, HEAD_KEY)
            assert head is not None
            head.value = {"id": len(entries), "hash": prev}
    finally:
        db.close()


def head_of(db_path: Path) -> int:
    with sqlite3.connect(db_path) as conn:
        return int(conn.execute("SELECT max(id) FROM audit_log").fetchone()[0])


# ---------------------------------------------------------------------------
# Backups carry their head; the anchor log keeps it
# ---------------------------------------------------------------------------


def test_a_backup_carries_its_head_and_leaves_it_in_the_anchor_log(live: Path, tmp_path: Path):
    head = head_of(live)
    copy = backup(live, tmp_path / "b.sqlite3")
    manifest = read_manifest(copy)
    assert manifest is not None
    assert manifest["head_id"] == manifest["count"] == head
    with sqlite3.connect(copy) as conn:
        stored = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (head,)).fetchone()[0]
    assert manifest["head_hash"] == stored
    (anchor,) = known_anchors(live)
    assert (anchor.id, anchor.hash) == (head, stored)
    assert str(copy) in anchor.source
    # Another spelling of the same file finds the same anchors.
    assert known_anchors(live.parent / "sub" / ".." / live.name) == [anchor]
    # The live trail names the head the backup holds.
    with sqlite3.connect(live) as conn:
        after = conn.execute("SELECT after FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert f'"head_id":{head}' in after.replace(" ", "")


def test_an_untouched_database_verifies_against_its_own_backup(live, tmp_path, capsys):
    copy = backup(live, tmp_path / "b.sqlite3")
    write_more(live, 3)
    code, text = verify(capsys, live, "--against", str(copy))
    assert code == 0, text
    assert "是所给 1 个备份的延续" in text
    code, text = verify(capsys, live)
    assert code == 0 and "与本机记下的 1 个备份链头相符" in text


def test_an_unwritable_anchor_log_does_not_fail_the_backup(live, tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("IPDESK_DATA_DIR", str(blocked / "data"))
    db = open_database(live)
    try:
        result = backup_database(db, tmp_path / "b.sqlite3")
    finally:
        db.close()
    # The backup itself carries the head; only the extra copy of it is missing.
    assert result.path.exists() and result.anchor is not None and not result.anchored
    assert read_manifest(result.path) is not None


# ---------------------------------------------------------------------------
# The tamperings the chain alone missed
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("cut", [5, 20])
def test_a_cut_tail_with_the_head_moved_is_caught(live, tmp_path, capsys, cut):
    copy = backup(live, tmp_path / "b.sqlite3")
    head = head_of(live)
    rechain(live, cut_from=head - cut + 1)
    code, text = verify(capsys, live, "--against", str(copy))
    assert code == 1
    assert f"第 {head - cut + 1} 条起的记录被删除" in text
    code, text = verify(capsys, live)  # the anchor this PC recorded at the backup
    assert code == 1 and f"现只有 {head - cut} 条" in text


def test_rewritten_history_with_every_hash_recomputed_is_caught(live, tmp_path, capsys):
    copy = backup(live, tmp_path / "b.sqlite3")
    write_more(live, 2)
    rechain(live, edit=40)
    code, text = verify(capsys, live, "--against", str(copy))
    assert code == 1 and "第 40 条审计记录与备份" in text
    code, text = verify(capsys, live)
    assert code == 1 and "被改写或重新串链" in text


def test_a_middle_row_deleted_and_the_rest_renumbered_is_caught(live, tmp_path, capsys):
    copy = backup(live, tmp_path / "b.sqlite3")
    rechain(live, drop=100)
    code, text = verify(capsys, live, "--against", str(copy))
    assert code == 1 and "第 100 条审计记录与备份" in text


def test_a_wiped_log_is_caught_by_the_tables(live, capsys):
    with sqlite3.connect(live) as conn:
        conn.execute("DELETE FROM audit_log")
        conn.execute("DELETE FROM settings WHERE key = 'audit_head'")
    code, text = verify(capsys, live)
    assert code == 1
    assert "没有登记的审计记录" in text


def test_what_happens_after_the_last_anchor_is_not_pinned(live, tmp_path, capsys):
    # The honest limit (docs/records.md): rows written after the last backup or print can be
    # cut by someone holding the file, and nothing outside it knows they existed.
    copy = backup(live, tmp_path / "b.sqlite3")
    head = head_of(live)
    write_more(live, 5)
    rechain(live, cut_from=head + 2)
    assert verify(capsys, live, "--against", str(copy))[0] == 0


# ---------------------------------------------------------------------------
# Paper: the 核验码
# ---------------------------------------------------------------------------


def test_printed_forms_carry_the_code_and_the_code_pins_the_trail(live, capsys):
    db = open_database(live)
    try:
        with db.read() as session:
            head = chain_head(session)
        assert head is not None
        opinion = pdf_text(render_case_form(db, 1, FormKind.REVIEW_OPINION))
        batch = latest_notice_batch(db, closed_only=True)
        notice = notice_list(db, batch.id)
        payout = load_workbook(
            io.BytesIO(payout_workbook_for_batch(db, batch.id, include_paid=True))
        )
    finally:
        db.close()
    assert f"核验码 {head.code}" in opinion
    assert notice.verification == head.code
    assert f"核验码 {head.code}" in pdf_text(render_notice_list(notice))
    posted = load_workbook(io.BytesIO(notice_list_workbook(notice))).active
    assert posted.oddFooter.left.text == f"核验码 {head.code}"
    sheet = payout.active
    assert sheet.oddFooter.left.text == f"核验码 {head.code}"
    assert any(c.value == f"核验码 {head.code}" for row in sheet.iter_rows() for c in row)

    assert verify(capsys, live, "--anchor", head.code)[0] == 0
    rechain(live, edit=head.id - 1)
    code, text = verify(capsys, live, "--anchor", head.code)
    assert code == 1 and f"第 {head.id} 条审计记录与核验码 {head.code}" in text


@pytest.mark.parametrize("text", ["", "12", "abc:0123456789ab", "0:0123456789ab", "5:0123"])
def test_a_malformed_code_is_refused_with_the_expected_shape(live, capsys, text):
    with pytest.raises(ValueError):
        parse_anchor(text)
    code, out = verify(capsys, live, "--anchor", text)
    assert code == 2 and "128:3f9a0c51d2e7" in out and "Traceback" not in out


def test_a_code_is_read_as_printed_with_a_full_width_colon():
    anchor = parse_anchor(" 128：3F9A0C51D2E7 ")
    assert (anchor.id, anchor.hash) == (128, "3f9a0c51d2e7")


# ---------------------------------------------------------------------------
# Restore
# ---------------------------------------------------------------------------


def test_restore_refuses_a_backup_that_contradicts_the_anchors(live, tmp_path):
    good = backup(live, tmp_path / "good.sqlite3")
    head = head_of(good)
    forged = tmp_path / "forged.sqlite3"
    with sqlite3.connect(good) as source, sqlite3.connect(forged) as copy:
        source.backup(copy)
    rechain(forged, edit=10)
    assert check_restore(None, forged).ok  # on its own, the forged chain checks out
    report = check_restore(live, forged)
    assert report.usable and not report.ok
    assert f"第 {head} 条审计记录与核验码" in report.trust_problems[0]
    with pytest.raises(RestoreRefused) as refused:
        restore_database(live, forged)
    assert refused.value.overridable and "--override" in str(refused.value)

    result = restore_database(live, forged, override=True, actor_name="管理员")
    assert result.overridden
    db = open_database(live)
    try:
        with db.read() as session:
            last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    finally:
        db.close()
    assert last is not None and last.action == "restore" and last.actor_name == "管理员"
    assert '"override":true' in (last.after or "").replace(" ", "")
    assert f"第 {head} 条审计记录与核验码" in (last.after or "")
    # The override gave up the old anchors: the restored trail is not forever "tampered".
    assert known_anchors(live) == []


@pytest.mark.parametrize("damage", ["wiped log", "cases deleted"])
def test_restore_refuses_a_backup_whose_tables_contradict_its_trail(live, tmp_path, damage):
    bad = backup(live, tmp_path / "bad.sqlite3")
    with sqlite3.connect(bad) as conn:
        if damage == "wiped log":
            conn.execute("DELETE FROM audit_log")
            conn.execute("DELETE FROM settings WHERE key = 'audit_head'")
        else:
            for table in (
                "notice_entries",
                "decisions",
                "claims",
                "application_materials",
                "payee_changes",
                "year_ruling_shares",
                "applications",
            ):
                conn.execute(f"DELETE FROM {table}")
    with pytest.raises(RestoreRefused):
        restore_database(live, bad)
    with sqlite3.connect(live) as conn:
        assert conn.execute("SELECT count(*) FROM applications").fetchone() == (30,)


def test_restoring_an_older_backup_then_working_on_verifies(live, tmp_path, capsys):
    older = backup(live, tmp_path / "older.sqlite3")
    write_more(live, 4)
    backup(live, tmp_path / "newer.sqlite3")
    report = check_restore(live, older)
    given_up = head_of(live) - head_of(older)
    assert report.ok and f"备份之后的 {given_up} 条审计记录" in report.lost
    result = restore_database(live, older)
    assert not result.overridden and result.lost
    write_more(live, 2)  # new history where the newer backup's head used to be
    code, text = verify(capsys, live)
    assert code == 0, text


def test_the_desks_data_check_uses_the_anchors(live, tmp_path):
    from core.records.supervisor_queries import check_integrity

    backup(live, tmp_path / "b.sqlite3")
    db = open_database(live)
    try:
        assert "与本机记下的 1 个备份链头相符" in check_integrity(db).audit.message
    finally:
        db.close()
    rechain(live, edit=40)
    db = open_database(live)
    try:
        report = check_integrity(db).audit
    finally:
        db.close()
    assert not report.ok and "被改写或重新串链" in report.message


def test_a_demo_forced_over_a_database_is_not_bound_by_its_anchors(live, tmp_path, capsys):
    # demo --force sets the old file aside and builds a new one at the same path: the old
    # file's backup heads say nothing of the new one (no false 「被删除」 alarm).
    backup(live, tmp_path / "b.sqlite3")
    assert known_anchors(live)
    create_demo_database(live, force=True).close()
    assert known_anchors(live) == []
    code, text = verify(capsys, live)
    assert code == 0, text
