"""待我审核: the cases awaiting the supervisor, and the approved ones awaiting the bureau
meeting (办公会审定), each a table with its buttons."""

from __future__ import annotations

from desktop.qt import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.views.common import queue_table


class ReviewView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("review_tabs")

        queue_page = QWidget()
        self.queue_intro = QLabel(
            self.tr(
                "Cases the clerks have submitted for review, the longest waiting first. Open a "
                "case to read the whole file and approve, return or refuse it."
            )
        )
        self.queue_intro.setWordWrap(True)
        self.queue_table = queue_table("review_queue")
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("open_review")
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.queue_summary = QLabel()
        self.queue_summary.setObjectName("queue_summary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.queue_summary, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(queue_page)
        layout.addWidget(self.queue_intro)
        layout.addWidget(self.queue_table, 1)
        layout.addLayout(buttons)

        meeting_page = QWidget()
        self.meeting_intro = QLabel(
            self.tr(
                "Approved cases go to the bureau meeting (办公会) before the public notice. Tick "
                "the cases the meeting decided and record its date and minute number once for "
                "all of them."
            )
        )
        self.meeting_intro.setWordWrap(True)
        self.approved_table = queue_table("approved_queue", multi=True)
        self.open_approved_button = QPushButton(self.tr("O&pen"))
        self.select_all_button = QPushButton(self.tr("Tick &all"))
        self.select_all_button.setObjectName("tick_all")
        self.meeting_button = QPushButton(self.tr("Record the &meeting decision…"))
        self.meeting_button.setObjectName("record_meeting")
        self.meeting_summary = QLabel()
        self.meeting_summary.setObjectName("meeting_summary")
        meeting_buttons = QHBoxLayout()
        meeting_buttons.addWidget(self.meeting_summary, 1)
        meeting_buttons.addWidget(self.select_all_button)
        meeting_buttons.addWidget(self.open_approved_button)
        meeting_buttons.addWidget(self.meeting_button)
        meeting_layout = QVBoxLayout(meeting_page)
        meeting_layout.addWidget(self.meeting_intro)
        meeting_layout.addWidget(self.approved_table, 1)
        meeting_layout.addLayout(meeting_buttons)

        self.tabs.addTab(queue_page, "")
        self.tabs.addTab(meeting_page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
