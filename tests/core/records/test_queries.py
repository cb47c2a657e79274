import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.gen_data import generate
from core.db.database import Database, open_database
from core.identifiers import is_valid_credit_code, is_valid_patent_number
from core.records.queries import MAX_PAGE, CaseFilters, CaseSort, list_cases, search_condition
from core.records.states import Status
from tests.core.db.conftest import (
    advance,
    applicant_form,
    case_form,
    credit_code,
    license_claim,
    patent,
    register,
    transfer,
)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Path]]:
    path = tmp_path_factory.mktemp("synthetic") / "cases.sqlite3"
    generate(path, cases=600, applicants=80, seed=3)
    db = open_database(path)
    yield db, path
    db.close()


def sql(path: Path, query: str, *params: object) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(query, params).fetchall()


def test_the_generator_writes_valid_identifiers(synthetic):
    _, path = synthetic
    codes = [r[0] for r in sql(path, "SELECT credit_code FROM applicants")]
    patents = [r[0] for r in sql(path, "SELECT patent FROM claims WHERE patent IS NOT NULL")]
    assert len(codes) == 80 and all(is_valid_credit_code(c) for c in codes)
    assert patents and all(is_valid_patent_number(p) for p in patents)
    assert sql(path, "SELECT count(*) FROM applications") == [(600,)]
    assert {r[0] for r in sql(path, "SELECT DISTINCT year FROM applications")} == {
        2020,
        2021,
        2022,
        2023,
        2024,
    }


def test_totals_and_counts_per_status_match_the_table(synthetic):
    db, path = synthetic
    page = list_cases(db)
    expected = Counter(dict(sql(path, "SELECT status, count(*) FROM applications GROUP BY status")))
    assert page.total == 600
    assert {s.value: n for s, n in page.counts_by_status.items()} == dict(expected)
    assert len(page.rows) == 200
    # Newest first by default.
    keys = [(r.year, r.seq) for r in page.rows]
    assert keys == sorted(keys, reverse=True)


def test_filters_happen_in_the_database(synthetic):
    db, path = synthetic
    filters = CaseFilters(
        statuses=(Status.PAID, Status.REFUSED),
        item="license_in",
        year=2022,
        received_from=dt.date(2022, 4, 1),
        received_to=dt.date(2022, 8, 31),
    )
    page = list_cases(db, filters, limit=MAX_PAGE)
    expected = {
        r[0]
        for r in sql(
            path,
            "SELECT DISTINCT a.id FROM applications a JOIN claims c ON c.application_id = a.id"
            " WHERE a.status IN ('paid', 'refused') AND c.item = 'license_in' AND a.year = 2022"
            " AND a.received_on BETWEEN '2022-04-01' AND '2022-08-31'",
        )
    }
    assert expected and {r.id for r in page.rows} == expected
    assert page.total == len(expected)
    for row in page.rows:
        assert row.status in (Status.PAID, Status.REFUSED)
        assert "license_in" in row.items
    # The counts ignore the status filter but keep the others.
    without_status = list_cases(
        db,
        CaseFilters(
            item="license_in",
            year=2022,
            received_from=dt.date(2022, 4, 1),
            received_to=dt.date(2022, 8, 31),
        ),
    )
    assert page.counts_by_status == without_status.counts_by_status
    assert without_status.total >= page.total


def test_an_item_nobody_claimed_finds_nothing(synthetic):
    db, _ = synthetic
    assert list_cases(db, CaseFilters(item="no_such_item")).total == 0


def test_pages_cover_everything_once(synthetic):
    db, _ = synthetic
    filters = CaseFilters(year=2023)
    seen: list[int] = []
    offset = 0
    while True:
        page = list_cases(db, filters, CaseSort.RECEIVED_ON, offset, 50, descending=False)
        if not page.rows:
            break
        seen.extend(r.id for r in page.rows)
        offset += 50
    assert len(seen) == len(set(seen)) == list_cases(db, filters).total == 120
    assert list_cases(db, limit=10**6).limit == MAX_PAGE


@pytest.mark.parametrize("sort", list(CaseSort))
def test_every_sort_orders_the_page(synthetic, sort):
    db, _ = synthetic
    rows = list_cases(db, CaseFilters(year=2024), sort, limit=100, descending=False).rows
    key = {
        CaseSort.CASE_NUMBER: lambda r: (r.year, r.seq),
        CaseSort.RECEIVED_ON: lambda r: r.received_on,
        CaseSort.APPLICANT: lambda r: r.applicant_name,
        CaseSort.STATUS: lambda r: r.status.value,
        CaseSort.AMOUNT: lambda r: r.amount,
    }[sort]
    assert [key(r) for r in rows] == sorted(key(r) for r in rows)


# ---------------------------------------------------------------------------
# Search, on a database of registered cases
# ---------------------------------------------------------------------------


@pytest.fixture
def searchable(db, people):
    ids = {
        "alpha": register(
            db, people, case_form(applicant_form(1, name="重庆青杠智能装备有限公司"))
        ),
        "beta": register(
            db, people, case_form(applicant_form(2, name="重庆来凤精密模具有限公司"), [transfer(2)])
        ),
        "gamma": register(
            db,
            people,
            case_form(applicant_form(3, name="重庆青杠新材料科技有限公司"), [license_claim(1)]),
        ),
    }
    return ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("青杠", {"alpha", "gamma"}),
        ("精密模具", {"beta"}),
        ("〔2024〕第002号", {"beta"}),
        ("璧市监专转〔2024〕第003号", {"gamma"}),
        ("第1号", {"alpha"}),
        ("2024-3", {"gamma"}),
        ("3", {"gamma"}),
        ("无此企业", set()),
    ],
)
def test_search_by_name_and_case_number(db, searchable, text, expected):
    found = {r.id for r in list_cases(db, CaseFilters(search=text)).rows}
    assert found == {searchable[k] for k in expected}


def test_a_name_is_found_whatever_the_case_of_its_latin_letters(db, people):
    # SQLite's LIKE ignores the case of ASCII letters and PostgreSQL's does not: a clerk who
    # types 「iot」 finds 「IoT」 on both (issue 18 §2).
    case_id = register(db, people, case_form(applicant_form(7, name="重庆璧山IoT传感有限公司")))
    for text in ("iot传感", "IOT", "IoT"):
        assert [r.id for r in list_cases(db, CaseFilters(search=text)).rows] == [case_id], text


def test_search_by_credit_code_prefix(db, searchable):
    code = credit_code(2)
    for text in (code, code[:17], code.lower(), f" {code[:6]} {code[6:17]} "):
        assert {r.id for r in list_cases(db, CaseFilters(search=text)).rows} == {searchable["beta"]}
    # A shorter prefix shared by all three test codes finds all three.
    assert list_cases(db, CaseFilters(search=code[:12])).total == 3


def test_search_by_patent_number_in_any_written_form(db, searchable):
    number = patent(1)  # alpha's transfer and gamma's licence
    body, check = number.split(".")
    for text in (
        number,
        f"ZL{number}",
        f"ZL{body}{check}",
        body,
        f"ZL {body[:4]} {body[4:]}.{check}",
    ):
        found = {r.id for r in list_cases(db, CaseFilters(search=text)).rows}
        assert found == {searchable["alpha"], searchable["gamma"]}, text
    # A shorter prefix (the test numbers differ only at the end) finds all three.
    assert list_cases(db, CaseFilters(search=body[:9])).total == 3


def test_rows_carry_the_duplicate_flag(db, people, searchable):
    rows = {r.id: r for r in list_cases(db).rows}
    assert rows[searchable["alpha"]].has_duplicate
    assert rows[searchable["gamma"]].has_duplicate
    assert not rows[searchable["beta"]].has_duplicate
    assert rows[searchable["alpha"]].clerk_name == "张晓燕"


def test_the_amount_shown_is_the_frozen_one_once_approved(db, people, searchable):
    advance(db, people, searchable["beta"], Status.APPROVED)
    row = next(r for r in list_cases(db).rows if r.id == searchable["beta"])
    assert row.amount == 10000
    assert row.status_label == "审核通过"


def test_empty_search_is_no_filter():
    assert search_condition("   ") is None


def test_search_by_any_part_of_a_code_or_number(db, searchable):
    """Issue 20 §6: 「MA60K7B3」, 「B30Q」 and 「0601862」 found nothing; clerks look things up by
    the middle or the tail of what is on the paper."""
    code = credit_code(2)
    for text in (code[8:16], code[-4:], code[-5:].lower()):
        found = {r.id for r in list_cases(db, CaseFilters(search=text)).rows}
        assert searchable["beta"] in found, text
    number = patent(1)  # alpha's transfer and gamma's licence
    body = number.split(".")[0]
    for text in (body[-7:], body[3:10]):
        found = {r.id for r in list_cases(db, CaseFilters(search=text)).rows}
        assert {searchable["alpha"], searchable["gamma"]} <= found, text
    # Four plain digits stay a case's sequence number, not a code fragment.
    assert {r.id for r in list_cases(db, CaseFilters(search="0002")).rows} == {searchable["beta"]}


def test_a_broad_search_filling_a_page_is_not_counted_per_status(synthetic, monkeypatch):
    from core.records import queries

    db, path = synthetic
    every = sql(
        path,
        "SELECT count(*) FROM applications a JOIN applicants p"
        " ON p.id = a.applicant_id WHERE p.name LIKE '%重%'",
    )[0][0]
    assert every > 50
    page = list_cases(db, CaseFilters(search="重"), limit=50)
    assert not page.counted and page.counts_by_status == {}
    assert page.total == min(every, queries.BROAD_CAP) and len(page.rows) == 50
    monkeypatch.setattr(queries, "BROAD_CAP", 60)
    capped = list_cases(db, CaseFilters(search="重"), limit=50)
    assert capped.total == 60 and capped.more
    # A later page of it is read as usual; a narrower term is counted again.
    later = list_cases(db, CaseFilters(search="重"), offset=50, limit=50, with_counts=False)
    assert len(later.rows) == 50 and not {r.id for r in later.rows} & {r.id for r in page.rows}
    name = sql(path, "SELECT name FROM applicants ORDER BY id LIMIT 1")[0][0]
    narrow = list_cases(db, CaseFilters(search=name[:4]), limit=50)
    assert narrow.counted and narrow.total > 0
    assert sum(narrow.counts_by_status.values()) == narrow.total
    # Two characters matching less than a page are counted as always.
    few = list_cases(db, CaseFilters(search="重"), limit=every + 1)
    assert few.counted and few.total == every
