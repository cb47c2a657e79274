"""core.db.clock: instants as the bureau reads them, in text and in file names."""

from __future__ import annotations

import datetime as dt

from core.db.clock import backup_file_name, file_stamp, local_text


def test_file_names_carry_the_time_the_screens_show() -> None:
    """Issue 20 §14: a backup made at 14:30 Beijing time was named …-063000 (UTC)."""
    instant = dt.datetime(2024, 12, 5, 6, 30, tzinfo=dt.UTC)
    assert local_text(instant) == "2024年12月5日 14:30"
    assert file_stamp(instant) == "20241205-143000"
    assert backup_file_name(instant) == "ipdesk-backup-20241205-143000.sqlite3"
    # Across midnight the date is Beijing's too.
    late = dt.datetime(2024, 12, 5, 17, 0, tzinfo=dt.UTC)
    assert file_stamp(late) == "20241206-010000"
