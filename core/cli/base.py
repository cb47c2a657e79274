"""What every ``ipdesk-cli`` command shares: exit codes, the one-line usage error and the parser
that speaks Chinese. Kept apart from main.py so that command modules never import main (which
imports them): no import cycle."""

from __future__ import annotations

import argparse
import re
from typing import NoReturn

EXIT_OK = 0
EXIT_FAULT = 1
EXIT_BAD_INPUT = 2
PASSWORD_ENV = "IPDESK_PASSWORD"


class UsageError(Exception):
    """Bad input found by a command; the message is the one line shown to the user."""


_ARGPARSE_MESSAGES = (
    (
        re.compile(r"argument (.+?): invalid choice: '(.*?)' \(choose from (.*)\)"),
        "无效的{0}“{1}”，可用：{2}",
    ),
    (re.compile(r"the following arguments are required: (.*)"), "缺少参数：{0}"),
    (re.compile(r"unrecognized arguments: (.*)"), "不认识的参数：{0}"),
    (re.compile(r"argument (.+?): expected one argument"), "参数 {0} 后面缺少值"),
)


def _chinese(message: str) -> str:
    for pattern, template in _ARGPARSE_MESSAGES:
        match = pattern.fullmatch(message)
        if match:
            return template.format(*match.groups())
    return message


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One clear line instead of argparse's usage block.
        self.exit(
            EXIT_BAD_INPUT,
            f"{self.prog}：参数错误：{_chinese(message)}（用 {self.prog} --help 查看用法）\n",
        )


def password_for(username: str) -> str:
    """The password of ``username``: from ``IPDESK_PASSWORD``, else asked without echo."""
    import os
    import sys

    password = os.environ.get(PASSWORD_ENV)
    if password:
        return password
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"用户 {username} 的密码：")
    raise UsageError(f"请在终端中运行以输入用户 {username} 的密码，或设置环境变量 {PASSWORD_ENV}")
