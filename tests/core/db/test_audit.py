import itertools

from core.db.audit import GENESIS_HASH, entry_hash, history, verify_chain
from core.db.models import AuditEntry
from core.records import workflow
from tests.core.db.conftest import raw_sql, register


def verify(db):
    with db.read() as session:
        return verify_chain(session)


def rows(db):
    return raw_sql(db, "SELECT id, entity, action, before, after FROM audit_log ORDER BY id")


def test_every_change_is_chained(db, people):
    case_id = register(db, people)
    workflow.request_correction(db, people.clerk, case_id, ["营业执照"], db.clock.now().date())
    report = verify(db)
    assert report.ok, report.message
    assert report.count == len(rows(db)) >= 8
    with db.read() as session:
        entries = session.query(AuditEntry).order_by(AuditEntry.id).all()
    assert entries[0].prev_hash == GENESIS_HASH
    for before, after in itertools.pairwise(entries):
        assert after.prev_hash == before.hash
        assert after.hash == entry_hash(after, before.hash)


def test_a_transition_records_who_what_and_before_after(db, people):
    case_id = register(db, people)
    workflow.reject_at_intake(db, people.clerk, case_id, "out_of_scope", reason="不属于资助范围")
    with db.read() as session:
        records = history(session, "application", case_id)
    assert [r.action for r in records] == ["register", "reject_at_intake"]
    last = records[-1]
    assert last.actor_name == "张晓燕"
    assert last.before == {"status": "registered"}
    assert last.after["status"] == "rejected_at_intake"
    assert last.after["ground"] == "out_of_scope"


def test_password_hashes_never_reach_the_log(db, people):
    for _, _, _, before, after in rows(db):
        for text in (before, after):
            assert text is None or "argon2" not in text


def test_an_edited_row_is_named(db, people):
    register(db, people)
    total = len(rows(db))
    changed = raw_sql(
        db, "UPDATE audit_log SET after = replace(after, 'clerk2', 'clerk9') WHERE id = 3"
    )
    assert changed == 1
    assert "clerk9" in raw_sql(db, "SELECT after FROM audit_log WHERE id = 3")[0][0]
    report = verify(db)
    assert not report.ok
    assert report.first_broken_id == 3
    assert "第 3 条" in report.message and "改动" in report.message
    assert total > 3


def test_an_edited_row_with_a_recomputed_hash_breaks_the_next_link(db, people):
    register(db, people)
    with db.write() as session:
        entry = session.get(AuditEntry, 2)
        entry.actor_name = "冒名者"
        entry.hash = entry_hash(entry, entry.prev_hash)
    report = verify(db)
    assert not report.ok
    assert report.first_broken_id == 3
    assert "衔接" in report.message


def test_a_deleted_row_is_named(db, people):
    register(db, people)
    raw_sql(db, "DELETE FROM audit_log WHERE id = 4")
    report = verify(db)
    assert not report.ok
    assert report.first_broken_id == 4
    assert "缺失" in report.message


def test_deleting_the_last_rows_is_caught_by_the_chain_head(db, people):
    register(db, people)
    last = rows(db)[-1][0]
    raw_sql(db, "DELETE FROM audit_log WHERE id = :id", id=last)
    report = verify(db)
    assert not report.ok
    assert report.first_broken_id == last
    assert "链尾" in report.message


def test_an_empty_log_is_intact(db):
    report = verify(db)
    assert report.ok
    assert report.count == 0
