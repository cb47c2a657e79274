"""ipdesk-cli demo, audit verify, backup, restore and case list."""

import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from core.cli.main import main
from tests.core.db.conftest import cheap_passwords  # noqa: F401 - fixture


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, cheap_passwords) -> Path:  # noqa: F811
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    return path


@pytest.fixture
def demo_copy(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "desk.sqlite3"
    with sqlite3.connect(demo_file) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_prints_the_accounts_and_refuses_to_overwrite(demo_file: Path, capsys):
    code, _out, err = run(capsys, "demo", "--db", str(demo_file))
    assert code == 2
    assert "不会覆盖" in err and "--force" in err
    assert err.count("\n") == 1


def test_demo_with_force_needs_the_administrator_and_keeps_a_copy(
    demo_copy: Path, capsys, monkeypatch
):
    # issue 14 §1: --force on a real database was a one-word wipe with no copy.
    code, _, err = run(capsys, "demo", "--db", str(demo_copy), "--force")
    assert code == 2 and "系统管理员确认" in err and "--user" in err
    monkeypatch.setenv("IPDESK_PASSWORD", "wrong")
    code, _, err = run(capsys, "demo", "--db", str(demo_copy), "--force", "--user", "admin")
    assert code == 2 and "密码" in err
    monkeypatch.setenv("IPDESK_PASSWORD", "super123")
    code, _, err = run(capsys, "demo", "--db", str(demo_copy), "--force", "--user", "supervisor")
    assert code == 2 and "不是系统管理员" in err
    # closing(): a sqlite3 connection left open blocks the rename on Windows.
    with closing(sqlite3.connect(demo_copy)) as conn:
        conn.execute("UPDATE applicants SET name = '被替换前的数据'")
        conn.commit()
    monkeypatch.setenv("IPDESK_PASSWORD", "admin123")
    code, out, _ = run(capsys, "demo", "--db", str(demo_copy), "--force", "--user", "admin")
    assert code == 0
    (safety,) = [
        p
        for p in demo_copy.parent.glob("desk.sqlite3.before-demo-*")
        if p.suffix != ".sqlite3-wal" and not p.name.endswith(("-wal", "-shm"))
    ]
    assert f"原数据库已另存为 {safety}" in out
    with sqlite3.connect(safety) as conn:
        assert conn.execute("SELECT DISTINCT name FROM applicants").fetchall() == [
            ("被替换前的数据",)
        ]
    assert (
        "clerk / clerk123" in out and "supervisor / super123" in out and "admin / admin123" in out
    )
    assert "案件 30 件" in out


def test_audit_verify_passes_on_an_untouched_database(demo_copy: Path, capsys):
    code, out, _ = run(capsys, "audit", "verify", "--db", str(demo_copy))
    assert code == 0
    assert out.startswith("审计记录完整")


def test_audit_verify_names_the_first_edited_record(demo_copy: Path, capsys):
    with sqlite3.connect(demo_copy) as conn:
        conn.execute('UPDATE audit_log SET after = \'{"status":"paid"}\' WHERE id = 57')
    code, out, err = run(capsys, "audit", "verify", "--db", str(demo_copy))
    assert code == 1
    assert "第 57 条" in err
    assert out == ""


def test_audit_verify_checks_the_tables_against_the_trail(demo_copy: Path, capsys):
    code, out, _ = run(capsys, "audit", "verify", "--db", str(demo_copy))
    assert code == 0 and "金额、收款人与兑现记录与审计记录一致" in out
    # An amount edited in the table, the chain untouched (issue 14 §1).
    with sqlite3.connect(demo_copy) as conn:
        conn.execute("UPDATE applications SET approved_amount = 99999999 WHERE id = 4")
    code, out, err = run(capsys, "audit", "verify", "--db", str(demo_copy))
    assert code == 1 and out == ""
    assert err.splitlines()[0] == "ipdesk-cli：数据表与审计记录不符，共 1 处："
    assert "第004号 的审核通过金额" in err
    # The whole log wiped: no longer 「审计记录完整：共 0 条」.
    with sqlite3.connect(demo_copy) as conn:
        conn.execute("DELETE FROM audit_log")
        conn.execute("DELETE FROM settings WHERE key = 'audit_head'")
    code, _, err = run(capsys, "audit", "verify", "--db", str(demo_copy))
    assert code == 1 and "没有登记的审计记录（审计记录被删除）" in err


def test_audit_verify_names_a_deleted_record(demo_copy: Path, capsys):
    with sqlite3.connect(demo_copy) as conn:
        conn.execute("DELETE FROM audit_log WHERE id = 12")
    code, _, err = run(capsys, "audit", "verify", "--db", str(demo_copy))
    assert code == 1
    assert "第 12 条" in err and "缺失" in err


def test_the_environment_variable_names_the_database(demo_copy: Path, capsys, monkeypatch):
    monkeypatch.setenv("IPDESK_DB", str(demo_copy))
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 0 and "审计记录完整" in out


def test_backup_then_restore(demo_copy: Path, tmp_path: Path, capsys, monkeypatch):
    backup = tmp_path / "backup.sqlite3"
    code, out, _ = run(capsys, "backup", str(backup), "--db", str(demo_copy))
    assert code == 0 and "已备份到" in out
    assert backup.exists()

    code, _, err = run(capsys, "backup", str(backup), "--db", str(demo_copy))
    assert code == 2 and "已存在" in err
    assert run(capsys, "backup", str(backup), "--db", str(demo_copy), "--overwrite")[0] == 0

    with sqlite3.connect(demo_copy) as conn:
        conn.execute("DELETE FROM notice_entries")
        conn.execute("DELETE FROM decisions")
        conn.execute("DELETE FROM claims")
        conn.execute("DELETE FROM application_materials")
        conn.execute("DELETE FROM applications")
    code, _, err = run(capsys, "restore", str(backup), "--db", str(demo_copy))
    assert code == 2 and "系统管理员确认" in err
    monkeypatch.setenv("IPDESK_PASSWORD", "admin123")
    code, out, _ = run(capsys, "restore", str(backup), "--db", str(demo_copy), "--user", "admin")
    assert code == 0
    assert "检查通过" in out and "恢复前的数据库已另存为" in out
    with sqlite3.connect(demo_copy) as conn:
        assert conn.execute("SELECT count(*) FROM applications").fetchone() == (30,)
    assert run(capsys, "audit", "verify", "--db", str(demo_copy))[0] == 0
    safety = list(tmp_path.glob("desk.sqlite3.before-restore-*"))
    assert len(safety) == 1


def test_restore_refuses_a_tampered_backup(demo_copy: Path, tmp_path: Path, capsys):
    backup = tmp_path / "tampered.sqlite3"
    shutil.copyfile(demo_copy, backup)
    with sqlite3.connect(backup) as conn:
        conn.execute("UPDATE audit_log SET actor_name = '某人' WHERE id = 3")
    code, _, err = run(capsys, "restore", str(backup), "--db", str(demo_copy))
    assert code == 2
    assert "审计记录链不完整" in err and "第 3 条" in err


def test_restore_refuses_a_file_that_is_not_a_backup(demo_copy: Path, tmp_path: Path, capsys):
    junk = tmp_path / "junk.txt"
    junk.write_text("hello", encoding="utf-8")
    code, _, err = run(capsys, "restore", str(junk), "--db", str(demo_copy))
    assert code == 2 and "不是数据库文件" in err


def test_case_list_filters_and_searches(demo_copy: Path, capsys):
    code, out, err = run(capsys, "case", "list", "--db", str(demo_copy), "--status", "paid")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 5 and all("已兑现" in line for line in lines)
    assert "共 5 件" in err
    code, out, _ = run(capsys, "case", "list", "--db", str(demo_copy), "--search", "第003号")
    assert code == 0 and out.startswith("璧市监专转〔2024〕第003号")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["case", "list", "--status", "done"], "无效的状态"),
        (["case", "list", "--limit", "0"], "--limit"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(demo_copy: Path, capsys, argv, message):
    code, _, err = run(capsys, *argv, "--db", str(demo_copy))
    assert code == 2
    assert message in err and err.count("\n") == 1


def test_missing_arguments_exit_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["backup"])
    assert caught.value.code == 2
    assert "缺少参数" in capsys.readouterr().err


def test_a_newer_database_is_refused_with_a_chinese_line(demo_copy: Path, capsys):
    with sqlite3.connect(demo_copy) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'abcdef123456'")
    code, _, err = run(capsys, "audit", "verify", "--db", str(demo_copy))
    assert code == 2
    assert "更新版本" in err and err.count("\n") == 1


def test_calc_does_not_load_the_database_code():
    probe = (
        "import sys\n"
        "from core.cli.main import build_parser\n"
        "build_parser().parse_args(['calc', 'x.json'])\n"
        "loaded = [m for m in sys.modules if m.startswith(('sqlalchemy', 'alembic', 'argon2'))]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, cwd=Path(__file__).parents[3])


@pytest.mark.parametrize(
    "argv",
    [
        ["audit", "verify"],
        ["backup", "BACKUP"],
        ["case", "list"],
    ],
)
def test_a_missing_database_is_named_not_created(tmp_path: Path, capsys, argv):
    # A mistyped --db used to build an empty database and report it intact or back it up.
    missing = tmp_path / "typo" / "desk.sqlite3"
    argv = [str(tmp_path / "b.sqlite3") if a == "BACKUP" else a for a in argv]
    code, out, err = run(capsys, *argv, "--db", str(missing))
    assert code == 2
    assert "找不到数据库文件" in err and str(missing) in err and err.count("\n") == 1
    assert out == ""
    assert not missing.exists() and not missing.parent.exists()
    assert not (tmp_path / "b.sqlite3").exists()
