"""公示与兑现: the budget, the notice batches, and the chosen batch's cases with what can be
done to them (export the 公示名单, objections, closing, the 拨付清单, payouts)."""

from __future__ import annotations

from desktop.qt import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
)
from desktop.views.common import queue_table


class NoticeView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.budget = QLabel()
        self.budget.setObjectName("budget")
        self.budget.setWordWrap(True)
        self.new_button = QPushButton(self.tr("&New notice batch…"))
        self.new_button.setObjectName("new_batch")
        self.waiting = QLabel()
        self.waiting.setObjectName("waiting")
        self.ruling_button = QPushButton(self.tr("Year &ruling…"))
        self.ruling_button.setObjectName("year_ruling")
        top = QHBoxLayout()
        top.addWidget(self.budget, 1)
        top.addWidget(self.waiting)
        top.addWidget(self.ruling_button)
        top.addWidget(self.new_button)

        self.batches_box = QGroupBox(self.tr("Notice batches"))
        self.batches_table = queue_table("batches")
        batches_layout = QVBoxLayout(self.batches_box)
        batches_layout.addWidget(self.batches_table)

        self.batch_box = QGroupBox()
        self.batch_box.setObjectName("batch_box")
        self.batch_header = QLabel()
        self.batch_header.setObjectName("batch_header")
        self.batch_header.setWordWrap(True)
        self.batch_header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.entries_table = queue_table("entries")
        self.entries_table.setWordWrap(False)

        self.contact_label = QLabel(self.tr("Objections to:"))
        self.contact = QLineEdit()
        self.contact.setObjectName("objection_contact")
        self.contact.setPlaceholderText(self.tr("department and telephone, printed on the notice"))
        self.contact_label.setBuddy(self.contact)
        self.contact_button = QPushButton(self.tr("Sa&ve"))
        self.contact_button.setObjectName("save_contact")
        self.notice_pdf_button = QPushButton(self.tr("Notice list (&PDF)…"))
        self.notice_pdf_button.setObjectName("export_notice_pdf")
        self.notice_xlsx_button = QPushButton(self.tr("Notice list (&Excel)…"))
        self.notice_xlsx_button.setObjectName("export_notice_xlsx")
        self.objection_button = QPushButton(self.tr("Record an &objection…"))
        self.objection_button.setObjectName("raise_objection")
        self.resolve_button = QPushButton(self.tr("&Handle the objection…"))
        self.resolve_button.setObjectName("resolve_objection")
        self.close_button = QPushButton(self.tr("&Close the notice"))
        self.close_button.setObjectName("close_batch")
        self.payout_button = QPushButton(self.tr("Payout &list (Excel)…"))
        self.payout_button.setObjectName("export_payout")
        self.include_paid = QCheckBox(self.tr("with cases already p&aid"))
        self.include_paid.setObjectName("include_paid")
        self.pay_button = QPushButton(self.tr("&Mark paid…"))
        self.pay_button.setObjectName("mark_paid")
        # 五(三)2: transfers from the 区财政局, and what is left of them to pay out.
        self.fund_button = QPushButton(self.tr("Funds received (&Z)…"))
        self.fund_button.setObjectName("funds_received")
        self.funds = QLabel()
        self.funds.setObjectName("funds")
        self.funds.setWordWrap(True)
        self.payee_button = QPushButton(self.tr("Pa&yee changes…"))
        self.payee_button.setObjectName("payee_changes")
        self.open_button = QPushButton(self.tr("Open ca&se"))
        self.open_button.setObjectName("open_case")
        # Named on every 不予受理通知书 (issue 20 §15).
        self.review_body = QLineEdit()
        self.review_body.setObjectName("review_body")
        self.court = QLineEdit()
        self.court.setObjectName("court")
        self.remedy_button = QPushButton(self.tr("&Keep these"))
        self.remedy_button.setObjectName("save_remedy")
        self.message = QLabel()
        self.message.setObjectName("notice_message")
        self.message.setWordWrap(True)

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Notice:")), 0, 0)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice_pdf_button)
        notice_row.addWidget(self.notice_xlsx_button)
        notice_row.addSpacing(12)
        notice_row.addWidget(self.contact_label)
        notice_row.addWidget(self.contact, 1)
        notice_row.addWidget(self.contact_button)
        grid.addLayout(notice_row, 0, 1)
        grid.addWidget(QLabel(self.tr("Objections:")), 1, 0)
        objection_row = QHBoxLayout()
        objection_row.addWidget(self.objection_button)
        objection_row.addWidget(self.resolve_button)
        objection_row.addWidget(self.close_button)
        objection_row.addStretch(1)
        objection_row.addWidget(self.open_button)
        grid.addLayout(objection_row, 1, 1)
        grid.addWidget(QLabel(self.tr("Payout:")), 2, 0)
        payout_row = QHBoxLayout()
        payout_row.addWidget(self.payout_button)
        payout_row.addWidget(self.include_paid)
        payout_row.addWidget(self.pay_button)
        payout_row.addWidget(self.fund_button)
        payout_row.addWidget(self.funds, 1)
        payout_row.addWidget(self.payee_button)
        grid.addLayout(payout_row, 2, 1)
        grid.addWidget(QLabel(self.tr("Rejections:")), 3, 0)
        remedy_row = QHBoxLayout()
        review_label = QLabel(self.tr("Administrative review &by:"))
        review_label.setBuddy(self.review_body)
        court_label = QLabel(self.tr("Lawsuit at co&urt:"))
        court_label.setBuddy(self.court)
        remedy_row.addWidget(review_label)
        remedy_row.addWidget(self.review_body, 1)
        remedy_row.addWidget(court_label)
        remedy_row.addWidget(self.court, 1)
        remedy_row.addWidget(self.remedy_button)
        grid.addLayout(remedy_row, 3, 1)
        grid.setColumnStretch(1, 1)

        batch_layout = QVBoxLayout(self.batch_box)
        batch_layout.addWidget(self.batch_header)
        batch_layout.addWidget(self.entries_table, 1)
        batch_layout.addLayout(grid)
        batch_layout.addWidget(self.message)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.batches_box)
        self.splitter.addWidget(self.batch_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
