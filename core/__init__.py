"""IP Subsidy Desk core: rules, policy, persistence, workflow, documents and CLI.

Nothing in this package may import Qt or ``desktop``: the GUI, the CLI and the
tests all stand on this one core (see tests/test_architecture.py).
"""

__version__ = "0.1.0"
APP_NAME = "ipdesk"
APP_TITLE = "专利转化运用资助受理审核系统"
