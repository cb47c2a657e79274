import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.db.audit import verify_chain
from core.db.database import Database
from core.demo import DemoRefused, create_demo_database, demo_summary, demo_users
from core.identifiers import is_valid_credit_code, is_valid_patent_number
from core.policy.loader import load_policy
from core.records import users
from core.records.queries import CaseFilters, list_cases
from core.records.states import Status


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = create_demo_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    yield db
    db.close()


def rows(db: Database, query: str) -> list[tuple]:
    with sqlite3.connect(db.path) as conn:
        return conn.execute(query).fetchall()


def test_about_thirty_cases_in_every_status(demo):
    summary = demo_summary(demo)
    assert 25 <= summary.cases <= 35
    assert set(summary.statuses) == {s.value for s in Status}
    assert summary.batches == 2


def test_every_item_of_the_policy_is_claimed(demo):
    items = {r[0] for r in rows(demo, "SELECT DISTINCT item FROM claims")}
    assert items == set(load_policy("bishan-2024").items)


def test_identifiers_are_valid(demo):
    assert all(is_valid_credit_code(r[0]) for r in rows(demo, "SELECT credit_code FROM applicants"))
    patents = [r[0] for r in rows(demo, "SELECT patent FROM claims WHERE patent IS NOT NULL")]
    assert patents and all(is_valid_patent_number(p) for p in patents)


def test_payouts_and_the_audit_chain(demo):
    paid = rows(
        demo,
        "SELECT e.voucher_no, e.amount FROM notice_entries e JOIN applications a"
        " ON a.id = e.application_id WHERE a.status = 'paid'",
    )
    assert paid and all(voucher and amount > 0 for voucher, amount in paid)
    with demo.read() as session:
        report = verify_chain(session)
    assert report.ok and report.count > 100


def test_the_demo_shows_a_duplicate_patent(demo):
    assert any(r.has_duplicate for r in list_cases(demo, CaseFilters()).rows)


def test_the_demo_accounts_log_in(demo):
    for account in demo_users():
        user = users.login(demo, account.username, account.password)
        assert set(user.roles) == set(account.roles)
        assert account.roles_label


def test_the_demo_is_deterministic(demo, tmp_path: Path):
    again = create_demo_database(tmp_path / "again.sqlite3")
    try:
        query = (
            "SELECT a.case_number, a.status, a.applicant_name, p.credit_code, a.computed_total"
            " FROM applications a JOIN applicants p ON p.id = a.applicant_id ORDER BY a.id"
        )
        assert rows(again, query) == rows(demo, query)
    finally:
        again.close()


def test_an_existing_database_is_not_overwritten_without_force(demo, tmp_path: Path):
    with pytest.raises(DemoRefused, match="--force"):
        create_demo_database(demo.path)
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("not a database", encoding="utf-8")
    with pytest.raises(DemoRefused, match="--force"):
        create_demo_database(junk)
    assert junk.read_text(encoding="utf-8") == "not a database"
    db = create_demo_database(junk, force=True)
    try:
        assert demo_summary(db).cases >= 25
    finally:
        db.close()
