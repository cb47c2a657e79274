import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select, text

from core.db.types import JsonText, Money, UtcDateTime, dumps, loads


@pytest.fixture
def table():
    engine = create_engine("sqlite://")
    meta = MetaData()
    t = Table(
        "t",
        meta,
        Column("id", Integer, primary_key=True),
        Column("money", Money),
        Column("at", UtcDateTime),
        Column("doc", JsonText),
    )
    meta.create_all(engine)
    return engine, t


def test_money_is_stored_as_whole_fen_and_read_back_as_yuan(table):
    engine, t = table
    with engine.begin() as conn:
        conn.execute(insert(t).values(id=1, money=Decimal("12345.67")))
        raw = conn.execute(text("SELECT money, typeof(money) FROM t")).one()
        back = conn.execute(select(t.c.money)).scalar_one()
    assert raw == (1234567, "integer")
    assert back == Decimal("12345.67")
    assert str(back) == "12345.67"


@pytest.mark.parametrize("amount", [Decimal("0.001"), Decimal("1.005")])
def test_money_refuses_fractions_of_a_fen(table, amount):
    engine, t = table
    with pytest.raises(Exception, match="不足一分"), engine.begin() as conn:
        conn.execute(insert(t).values(id=1, money=amount))


def test_money_refuses_floats(table):
    engine, t = table
    with pytest.raises(Exception, match="Decimal"), engine.begin() as conn:
        conn.execute(insert(t).values(id=1, money=0.1))


def test_money_keeps_none_and_zero(table):
    engine, t = table
    with engine.begin() as conn:
        conn.execute(insert(t), [{"id": 1, "money": None}, {"id": 2, "money": Decimal("0")}])
        values = conn.execute(select(t.c.money).order_by(t.c.id)).scalars().all()
    assert values == [None, Decimal("0.00")]


def test_instants_are_utc_in_the_database_and_aware_in_python(table):
    engine, t = table
    beijing = dt.timezone(dt.timedelta(hours=8))
    with engine.begin() as conn:
        conn.execute(insert(t).values(id=1, at=dt.datetime(2024, 5, 6, 9, 0, tzinfo=beijing)))
        raw = conn.execute(text("SELECT at FROM t")).scalar_one()
        back = conn.execute(select(t.c.at)).scalar_one()
    assert raw.startswith("2024-05-06 01:00:00")
    assert back == dt.datetime(2024, 5, 6, 1, 0, tzinfo=dt.UTC)


def test_naive_instants_are_refused(table):
    engine, t = table
    with pytest.raises(Exception, match="时区"), engine.begin() as conn:
        conn.execute(insert(t).values(id=1, at=dt.datetime(2024, 5, 6, 9, 0)))


def test_json_keeps_decimals_exact(table):
    engine, t = table
    doc = {"amount": Decimal("0.10"), "when": dt.date(2024, 1, 2), "名称": "专利"}
    with engine.begin() as conn:
        conn.execute(insert(t).values(id=1, doc=doc))
        raw = conn.execute(text("SELECT doc FROM t")).scalar_one()
        back = conn.execute(select(t.c.doc)).scalar_one()
    assert raw == '{"amount":"0.10","when":"2024-01-02","名称":"专利"}'
    assert back == {"amount": "0.10", "when": "2024-01-02", "名称": "专利"}
    assert loads("[0.1]") == [Decimal("0.1")]
    assert dumps({"b": 1, "a": 2}) == '{"a":2,"b":1}'


@pytest.mark.parametrize("amount", ["21474836.47", "21474836.48", "99999999999.99"])
def test_amounts_past_32_bits_of_fen_are_kept_on_every_backend(db, people, amount):
    # PostgreSQL's INTEGER stops at 2,147,483,647 fen (21,474,836.47 元); a 2,500万 budget
    # would have been refused on a server and taken on SQLite (migration 0014).
    from core.db.models import FundReceipt

    with db.write() as session:
        session.add(
            FundReceipt(
                policy_id="bishan-2024",
                received_on=dt.date(2024, 12, 1),
                amount=Decimal(amount),
                reference="璧财〔2024〕1号",
                recorded_by_id=people.admin,
                recorded_at=db.clock.now(),
            )
        )
    with db.read() as session:
        assert session.scalars(select(FundReceipt.amount)).all() == [Decimal(amount)]
