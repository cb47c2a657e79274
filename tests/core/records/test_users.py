import datetime as dt

import pytest

from core.records import users
from core.records.errors import (
    AccountInactive,
    AccountLocked,
    InvalidInput,
    LoginFailed,
    PermissionDenied,
    RecordsError,
)
from core.records.users import Role


def test_first_run_creates_the_administrator_once(db):
    assert users.needs_setup(db)
    admin = users.create_first_admin(db, "admin", "王管理", "secret-123")
    assert admin.roles == {Role.ADMIN}
    assert not admin.must_change_password
    assert not users.needs_setup(db)
    with pytest.raises(PermissionDenied, match="已设置过管理员"):
        users.create_first_admin(db, "admin2", "李", "secret-123")


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [("", "secret-123", "用户名"), ("a b", "secret-123", "空格"), ("ok", "short", "至少 8 位")],
)
def test_setup_checks_its_input(db, username, password, message):
    with pytest.raises(InvalidInput, match=message):
        users.create_first_admin(db, username, "王管理", password)
    assert users.needs_setup(db)


def test_login_succeeds_and_user_names_ignore_case(db, people):
    user = users.login(db, "CLERK", "clerk-pass")
    assert user.id == people.clerk
    assert user.display_name == "张晓燕"


def test_a_wrong_password_says_how_many_tries_are_left(db, people):
    with pytest.raises(LoginFailed, match="再错 4 次") as caught:
        users.login(db, "clerk", "wrong")
    assert caught.value.attempts_left == 4


def test_an_unknown_user_gets_the_same_answer_as_a_wrong_password(db, people):
    with pytest.raises(LoginFailed, match="用户名或密码不正确") as caught:
        users.login(db, "nobody", "whatever")
    assert type(caught.value) is LoginFailed
    with pytest.raises(LoginFailed) as known:
        users.login(db, "clerk", "wrong")
    # Word for word the same, countdown included: nothing tells which names exist.
    assert str(caught.value) == str(known.value)
    assert caught.value.attempts_left == known.value.attempts_left == 4


def test_an_unknown_name_is_locked_like_a_known_one(db, people, clock):
    for left in (4, 3, 2, 1):
        with pytest.raises(LoginFailed, match=f"再错 {left} 次"):
            users.login(db, "Nobody", "guess")
    with pytest.raises(AccountLocked) as fifth:
        users.login(db, "nobody", "guess")
    assert fifth.value.remaining == dt.timedelta(minutes=15)
    clock.advance(dt.timedelta(minutes=15))
    with pytest.raises(LoginFailed, match="再错 4 次"):
        users.login(db, "nobody", "guess")


def test_five_failures_lock_the_account_for_fifteen_minutes(db, people, clock):
    for _ in range(4):
        with pytest.raises(LoginFailed):
            users.login(db, "clerk", "wrong")
    with pytest.raises(AccountLocked) as fifth:
        users.login(db, "clerk", "wrong")
    assert fifth.value.remaining == dt.timedelta(minutes=15)
    assert "15 分钟" in str(fifth.value)

    # Even the right password is refused while locked, with the time left.
    clock.advance(dt.timedelta(minutes=10, seconds=30))
    with pytest.raises(AccountLocked, match="5 分钟") as locked:
        users.login(db, "clerk", "clerk-pass")
    assert locked.value.remaining == dt.timedelta(minutes=4, seconds=30)

    clock.advance(dt.timedelta(minutes=4, seconds=30))
    assert users.login(db, "clerk", "clerk-pass").id == people.clerk
    # The count starts afresh after the lock.
    with pytest.raises(LoginFailed, match="再错 4 次"):
        users.login(db, "clerk", "wrong")


def test_a_success_resets_the_failure_count(db, people):
    for _ in range(4):
        with pytest.raises(LoginFailed):
            users.login(db, "clerk", "wrong")
    users.login(db, "clerk", "clerk-pass")
    with pytest.raises(LoginFailed, match="再错 4 次"):
        users.login(db, "clerk", "wrong")


def test_users_change_their_own_password(db, people):
    with pytest.raises(InvalidInput, match="原密码不正确"):
        users.change_password(db, people.clerk, "wrong", "new-secret-1")
    with pytest.raises(InvalidInput, match="不能与原密码相同"):
        users.change_password(db, people.clerk, "clerk-pass", "clerk-pass")
    users.change_password(db, people.clerk, "clerk-pass", "new-secret-1")
    with pytest.raises(LoginFailed):
        users.login(db, "clerk", "clerk-pass")
    assert users.login(db, "clerk", "new-secret-1").id == people.clerk


def test_an_admin_resets_a_password_and_lifts_a_lock(db, people):
    for _ in range(5):
        with pytest.raises(LoginFailed):
            users.login(db, "clerk", "wrong")
    with pytest.raises(PermissionDenied, match="系统管理员"):
        users.reset_password(db, people.supervisor, people.clerk, "reset-pass-1")
    users.reset_password(db, people.admin, people.clerk, "reset-pass-1")
    user = users.login(db, "clerk", "reset-pass-1")
    assert user.must_change_password


def test_new_users_must_change_their_password_by_default(db, people):
    user, changes = users.create_user(db, people.admin, "new", "新同事", "first-pass", ["clerk"])
    assert changes.users and changes.id == user.id
    assert users.login(db, "new", "first-pass").must_change_password
    with pytest.raises(InvalidInput, match="已被使用"):
        users.create_user(db, people.admin, "NEW", "重名", "first-pass", ["clerk"])
    with pytest.raises(InvalidInput, match="未知角色"):
        users.create_user(db, people.admin, "x", "x", "first-pass", ["boss"])
    with pytest.raises(PermissionDenied):
        users.create_user(db, people.clerk, "y", "y", "first-pass", ["clerk"])


def test_deactivated_users_cannot_log_in_but_keep_their_names(db, people):
    users.deactivate_user(db, people.admin, people.clerk2)
    with pytest.raises(AccountInactive, match="已停用"):
        users.login(db, "clerk2", "clerk2-pass")
    listed = {u.username: u for u in users.list_users(db)}
    assert listed["clerk2"].display_name == "陈静" and not listed["clerk2"].active
    assert "clerk2" not in {u.username for u in users.list_users(db, include_inactive=False)}
    users.reactivate_user(db, people.admin, people.clerk2)
    assert users.login(db, "clerk2", "clerk2-pass").active


def test_the_last_administrator_is_protected(db, people):
    with pytest.raises(RecordsError, match="不能停用自己"):
        users.deactivate_user(db, people.admin, people.admin)
    with pytest.raises(RecordsError, match="最后一位"):
        users.set_roles(db, people.admin, people.admin, ["clerk"])
    users.set_roles(db, people.admin, people.supervisor, ["supervisor", "admin"])
    users.deactivate_user(db, people.supervisor, people.admin)
    assert not users.get_user(db, people.admin).active


def test_roles_can_be_combined(db, people):
    user = users.get_user(db, people.both)
    assert user.roles == {Role.CLERK, Role.SUPERVISOR}
    assert users.roles_label(user.roles) == "窗口经办、审核人"
