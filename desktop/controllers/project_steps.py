"""The dialog of each step of a project's life, and of the two recordings (spending, actual
values of the targets).

Which steps a user may take is core's answer (``core.projects.checks.step_states``); whether
one succeeds is core's too: the operation raises a Chinese refusal (status, role, four eyes,
a field), shown in the dialog, which stays open with everything typed. While the clerk types,
the fields are checked with core's own validators (``core.projects.checks``). This module only
knows which fields each step asks for and which core operation takes them.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.projects.model import RECORD_ACTUALS, RECORD_SPENDING
from desktop import messages
from desktop.keyboard import EnterMovesOn
from desktop.qt import (
    QT_TRANSLATE_NOOP,
    QApplication,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    from_qdate,
    qconnect,
    to_qdate,
    translate,
)
from desktop.views.project_step_view import ProjectStepView

if TYPE_CHECKING:
    from core.projects.changes import ProjectChanges
    from core.projects.model import ActualForm, ProjectDetail
    from core.projects.policy import ProjectPolicy
    from desktop.context import DeskContext

CONTEXT = "ProjectSteps"
# A use outside 第十一条, typed as text (core records and flags it).
OTHER_USE = "__other__"

# Mnemonics of the step buttons (core's labels are Chinese: "立项(&P)", as Windows does).
MNEMONICS = {
    "check_eligibility": "Q",
    "evaluate": "V",
    "approve": "P",
    "reject": "J",
    "start": "T",
    "report_progress": "G",
    "midterm": "M",
    "request_extension": "X",
    "decide_extension": "D",
    "request_termination": "Z",
    "decide_termination": "K",
    "accept": "A",
    "pay_closure": "B",
}

RECORD_TITLES = {
    RECORD_SPENDING: QT_TRANSLATE_NOOP("ProjectSteps", "Record spendin&g…"),
    RECORD_ACTUALS: QT_TRANSLATE_NOOP("ProjectSteps", "Record actual &values…"),
}


def step_button_text(action: str) -> str:
    from core.projects.rules import ProjectAction

    if action in RECORD_TITLES:
        return translate("ProjectSteps", RECORD_TITLES[action])
    return f"{ProjectAction(action).label}(&{MNEMONICS[action]})"


def refusal_text(exc: Exception) -> str:
    """Core's sentence for a refusal; a field's refusal without its technical path
    (``InvalidInput`` prefixes ``budget：`` and the like to its message)."""
    from core.records.errors import InvalidInput

    return exc.problem if isinstance(exc, InvalidInput) else str(exc)


def _plain(label: str) -> str:
    """A label without its mnemonic and colon, for core's "请填写…" sentences."""
    import re

    return re.sub(r"\(&\w\)|&", "", label).rstrip(":：").strip()


@dataclass
class StepField:
    key: str
    label: str
    kind: str  # date, line, text, choice, yesno, money, metric, condition
    widget: QWidget
    required: bool = False
    extra: Any = None  # metric code; (finding box, note) of a condition; radio group


class ProjectStepDialog(ProjectStepView):
    """``step_done(ProjectChanges)`` after core accepted the step."""

    step_done = Signal(object)

    def __init__(
        self,
        context: DeskContext,
        detail: ProjectDetail,
        step: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from core.db.clock import local_today
        from core.projects.policy import load_project_policy

        self.context = context
        self.detail = detail
        self.step = step
        self.policy: ProjectPolicy = load_project_policy(detail.policy_id)
        self.today = local_today(context.db.clock)
        self.fields: dict[str, StepField] = {}
        self.touched = False
        self.refusal = ""
        self.warnings: list[str] = []
        self._order: list[QWidget] = []
        title = _plain(step_button_text(step)).rstrip("…")
        self.setWindowTitle(f"{title} — {detail.number}")
        self.heading.setText(f"{detail.number}　{detail.title}")
        builder = getattr(self, f"_build_{step}")
        builder()
        for first, second in itertools.pairwise(self._order):
            QWidget.setTabOrder(first, second)
        if self._order:
            QWidget.setTabOrder(self._order[-1], self.ok_button)
            QWidget.setTabOrder(self.ok_button, self.cancel_button)
        self.enter = EnterMovesOn(self)
        self.enter.install(self)
        qconnect(self.ok_button.clicked, self.submit)
        qconnect(self.cancel_button.clicked, self.reject)
        self.resize(640, 520)
        self.check()

    # -- building fields -----------------------------------------------------------------------

    def _add(self, field: StepField, row_widget: QWidget | None = None) -> StepField:
        label = QLabel(field.label)
        label.setWordWrap(True)
        label.setBuddy(field.widget)
        self.form.addRow(label, row_widget or field.widget)
        self.fields[field.key] = field
        return field

    def _changed(self) -> None:
        self.touched = True
        self.check()

    def date(self, key: str, label: str, default: dt.date | None = None) -> StepField:
        edit = QDateEdit()
        edit.setObjectName(key)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(to_qdate(default or self.today))
        qconnect(edit.dateChanged, lambda _: self._changed())
        self._order.append(edit)
        return self._add(StepField(key, label, "date", edit, True))

    def line(self, key: str, label: str, *, required: bool = True, text: str = "") -> StepField:
        edit = QLineEdit(text)
        edit.setObjectName(key)
        qconnect(edit.textChanged, lambda _: self._changed())
        self._order.append(edit)
        return self._add(StepField(key, label, "line", edit, required))

    def money(self, key: str, label: str, text: str = "") -> StepField:
        field = self.line(key, label, text=text)
        field.kind = "money"
        field.widget.setProperty("money", True)
        assert isinstance(field.widget, QLineEdit)
        field.widget.setAlignment(Qt.AlignmentFlag.AlignRight)
        return field

    def text(self, key: str, label: str, *, required: bool = True) -> StepField:
        edit = QPlainTextEdit()
        edit.setObjectName(key)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(60)
        edit.setMaximumHeight(110)
        qconnect(edit.textChanged, self._changed)
        self._order.append(edit)
        return self._add(StepField(key, label, "text", edit, required))

    def choice(self, key: str, label: str, options: list[tuple[str, str]]) -> StepField:
        combo = QComboBox()
        combo.setObjectName(key)
        for code, text in options:
            combo.addItem(text, code)
        qconnect(combo.currentIndexChanged, lambda _: self._changed())
        self._order.append(combo)
        return self._add(StepField(key, label, "choice", combo, True))

    def yesno(self, key: str, label: str, yes: str, no: str) -> StepField:
        box = QWidget()
        box.setObjectName(key)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        group = QButtonGroup(box)
        yes_button = QRadioButton(yes)
        yes_button.setObjectName(f"{key}_yes")
        no_button = QRadioButton(no)
        no_button.setObjectName(f"{key}_no")
        for button in (yes_button, no_button):
            group.addButton(button)
            layout.addWidget(button)
            qconnect(button.toggled, lambda _: self._changed())
        layout.addStretch(1)
        self._order += [yes_button, no_button]
        field = StepField(key, label, "yesno", box, True, (yes_button, no_button))
        return self._add(field)

    def metrics(self, prefix: str) -> None:
        """One line per target of the task book: its actual value so far (optional)."""
        for target in self.detail.targets:
            unit = f"（{target.unit}）" if target.unit else ""
            edit = QLineEdit()
            edit.setObjectName(f"{prefix}.{target.metric}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            if target.actual is not None:
                edit.setPlaceholderText(
                    translate("ProjectSteps", "last: %1").replace("%1", f"{target.actual:f}")
                )
            qconnect(edit.textChanged, lambda _: self._changed())
            self._order.append(edit)
            label = (
                translate("ProjectSteps", "%1 (target %2)")
                .replace("%1", f"{target.label}{unit}")
                .replace("%2", f"{target.target:f}")
            )
            self._add(
                StepField(f"{prefix}.{target.metric}", label, "metric", edit, False, target.metric)
            )

    def conditions(self) -> None:
        for condition in self.detail.conditions:
            row = QWidget()
            row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            # Starts unset (issue 16 §6): each condition needs the officer's own finding;
            # a pre-ticked 符合 could be passed over unread.
            met = QComboBox()
            met.setObjectName(f"met_{condition.code}")
            met.addItem(translate("ProjectSteps", "— choose —"), "")
            met.addItem(translate("ProjectSteps", "Met"), "met")
            met.addItem(translate("ProjectSteps", "Not met"), "not_met")
            if condition.met is not None:
                met.setCurrentIndex(met.findData("met" if condition.met else "not_met"))
            note = QLineEdit(condition.note)
            note.setObjectName(f"note_{condition.code}")
            note.setPlaceholderText(
                translate("ProjectSteps", "Source and what it showed (required): %1").replace(
                    "%1", condition.source
                )
                if condition.source
                else translate("ProjectSteps", "What was found (required if not met)")
            )
            layout.addWidget(met)
            layout.addWidget(note, 1)
            qconnect(met.currentIndexChanged, lambda _: self._changed())
            qconnect(note.textChanged, lambda _: self._changed())
            self._order += [met, note]
            key = f"conditions.{condition.code}"
            field = StepField(
                key, f"{condition.clause} {condition.text}", "condition", row, True, (met, note)
            )
            # The condition's text is long: it takes the whole width, wrapped, above its
            # check box and note (in the label column it squeezed both out of sight).
            box = QWidget()
            box.setObjectName(f"condition_{condition.code}")
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 4, 0, 4)
            column.setSpacing(2)
            text = QLabel(field.label)
            text.setWordWrap(True)
            text.setBuddy(met)
            column.addWidget(text)
            column.addWidget(row)
            self.form.addRow(box)
            self.fields[key] = field

    # -- the steps ---------------------------------------------------------------------------------

    def _build_check_eligibility(self) -> None:
        self.intro.setText(
            translate(
                "ProjectSteps",
                "Record each condition of 第五条 as found in the materials. Any condition not "
                "met ends the application (未立项); say why in its note.",
            )
        )
        self.date("checked_on", translate("ProjectSteps", "&Checked on:"))
        self.conditions()

    def _build_evaluate(self) -> None:
        self.intro.setText(
            translate("ProjectSteps", "The application goes to the municipal bureau's evaluation.")
        )
        self.date("submitted_on", translate("ProjectSteps", "&Submitted on:"))
        self.text("note", translate("ProjectSteps", "&Note (optional):"), required=False)

    def _evaluation_fields(self) -> None:
        self.date("held_on", translate("ProjectSteps", "&Evaluated on:"))
        self.line("experts", translate("ProjectSteps", "E&xperts:"))
        self.line("score", translate("ProjectSteps", "Sco&re (optional):"), required=False)
        self.text("opinion", translate("ProjectSteps", "&Opinion:"))

    def _build_approve(self) -> None:
        split = self.detail.instalments
        from core.money import format_yuan

        self.intro.setText(
            translate(
                "ProjectSteps",
                "立项: the evaluation, the task book and the approval instalment of %1 yuan "
                "(第十条). The period, budget and targets are those of the application; correct "
                "them there first if the task book changed them.",
            ).replace("%1", format_yuan(split.approval))
        )
        self._evaluation_fields()
        self.line("task_book_number", translate("ProjectSteps", "&Task book number:"))
        self.date("task_book_date", translate("ProjectSteps", "Task book &signed on:"))
        self.date("paid_on", translate("ProjectSteps", "Approval instalment &paid on:"))
        # 第十条 leaves the share to each year's budget (issue 16 §3): the policy's is the
        # default; another amount needs its basis, which core asks for.
        self.money(
            "approval_amount",
            translate("ProjectSteps", "Approval instalment (&yuan):"),
            text=f"{split.approval:f}",
        )
        self.line(
            "approval_basis",
            translate("ProjectSteps", "&Basis of the amount (if not the default share):"),
            required=False,
        )
        self.line(
            "voucher", translate("ProjectSteps", "Payment &voucher (optional):"), required=False
        )

    def _build_reject(self) -> None:
        self.intro.setText(translate("ProjectSteps", "不予立项 after the evaluation: say why."))
        self._evaluation_fields()

    def _build_start(self) -> None:
        self.intro.setText(
            translate("ProjectSteps", "The project starts; the period runs from %1 to %2.")
            .replace("%1", self.detail.start.isoformat())
            .replace("%2", self.detail.end.isoformat())
        )
        self.date(
            "started_on",
            translate("ProjectSteps", "&Started on:"),
            min(self.detail.start, self.today),
        )

    def _build_report_progress(self) -> None:
        self.intro.setText(
            translate(
                "ProjectSteps",
                "第八条: the unit's progress, interim results and work plan; the targets' actual "
                "values so far (cumulative) if the report gives them.",
            )
        )
        self.date("reported_on", translate("ProjectSteps", "&Reported on:"))
        self.text("progress", translate("ProjectSteps", "&Progress:"))
        self.text("results", translate("ProjectSteps", "&Interim results:"))
        self.text("plan", translate("ProjectSteps", "&Work plan:"))
        self.metrics("actuals")

    def _build_midterm(self) -> None:
        from core.projects.model import MidtermResult

        self.intro.setText(translate("ProjectSteps", "第九条: the mid-term evaluation."))
        self.date("held_on", translate("ProjectSteps", "&Evaluated on:"))
        self.line("experts", translate("ProjectSteps", "E&xperts:"))
        self.choice(
            "result",
            translate("ProjectSteps", "&Grade:"),
            [(r.value, r.label) for r in MidtermResult],
        )
        self.text("opinion", translate("ProjectSteps", "&Opinion:"))

    def _build_request_extension(self) -> None:
        self.intro.setText(
            translate(
                "ProjectSteps",
                "第八条: the unit's written request to extend, with its reasons, the progress so "
                "far and the new end date. The period now ends on %1.",
            ).replace("%1", self.detail.end.isoformat())
        )
        self.date("submitted_on", translate("ProjectSteps", "&Submitted on:"))
        self.text("reason", translate("ProjectSteps", "&Reason:"))
        self.text("progress", translate("ProjectSteps", "&Progress so far:"))
        from core.projects.rules import add_months

        self.date(
            "new_end", translate("ProjectSteps", "&New end date:"), add_months(self.detail.end, 6)
        )

    def _build_request_termination(self) -> None:
        self.intro.setText(
            translate(
                "ProjectSteps",
                "第八条: the unit's written request to terminate, with its reasons, the progress "
                "so far and the follow-up arrangements.",
            )
        )
        self.date("submitted_on", translate("ProjectSteps", "&Submitted on:"))
        self.text("reason", translate("ProjectSteps", "&Reason:"))
        self.text("progress", translate("ProjectSteps", "&Progress so far:"))
        self.text("follow_up", translate("ProjectSteps", "&Follow-up arrangements:"))

    def _decision_fields(self) -> None:
        request = self.detail.pending_request
        if request is not None:
            lines = [
                translate("ProjectSteps", "Request of %1: %2")
                .replace("%1", request.submitted_on.isoformat())
                .replace("%2", request.reason)
            ]
            if request.new_end is not None and request.old_end is not None:
                lines.append(
                    translate("ProjectSteps", "New end date asked: %1 (now %2).")
                    .replace("%1", request.new_end.isoformat())
                    .replace("%2", request.old_end.isoformat())
                )
            if request.follow_up:
                lines.append(
                    translate("ProjectSteps", "Follow-up: %1").replace("%1", request.follow_up)
                )
            lines += [f"⚠ {w}" for w in request.warnings]
            self.intro.setText("\n".join(lines))
        self.date("decided_on", translate("ProjectSteps", "&Decided on:"))
        self.yesno(
            "approved",
            translate("ProjectSteps", "Decision:"),
            translate("ProjectSteps", "&Agree"),
            translate("ProjectSteps", "&Disagree"),
        )
        self.text("opinion", translate("ProjectSteps", "&Opinion:"))

    def _build_decide_extension(self) -> None:
        self._decision_fields()

    def _build_decide_termination(self) -> None:
        from core.money import format_yuan

        self._decision_fields()
        paid = self.detail.paid()
        lines = [self.intro.text()] if self.intro.text() else []
        lines.append(
            translate(
                "ProjectSteps",
                "Paid so far: %1 yuan. When agreeing, record what is recovered and what the unit "
                "keeps; together they must equal it.",
            ).replace("%1", format_yuan(paid))
        )
        self.intro.setText("\n".join(lines))
        recovered = self.money("recovered", translate("ProjectSteps", "&Recovered (yuan):"))
        kept = self.money("kept", translate("ProjectSteps", "&Kept (yuan):"), format_yuan(paid))
        for field in (recovered, kept):
            field.widget.setToolTip(
                translate("ProjectSteps", "Recovered + kept = paid so far (%1 yuan)").replace(
                    "%1", format_yuan(paid)
                )
            )

    def _build_accept(self) -> None:
        self.intro.setText(
            translate(
                "ProjectSteps",
                "第八条: the closure acceptance against the task book's targets. A passed "
                "acceptance opens the closure instalment (第十条).",
            )
        )
        self.date("held_on", translate("ProjectSteps", "&Accepted on:"))
        self.choice(
            "method",
            translate("ProjectSteps", "&Method:"),
            [(m.code, m.text) for m in self.policy.acceptance_methods.values()],
        )
        self.line("experts", translate("ProjectSteps", "E&xperts or panel:"))
        self.yesno(
            "passed",
            translate("ProjectSteps", "Result:"),
            translate("ProjectSteps", "&Passed"),
            translate("ProjectSteps", "&Not passed"),
        )
        self.text("opinion", translate("ProjectSteps", "&Opinion:"))
        self.metrics("actuals")
        # 第十条–第十二条: a passed acceptance decides the closure instalment; it starts unset
        # so that it is a decision, with core's summary of the money beside it.
        from core.projects.checks import closure_summary
        from core.projects.rules import ClosureDecision

        money = closure_summary(self.context.db, self.detail.id)
        self.closure_note = QLabel("\n".join(money.lines()))
        self.closure_note.setObjectName("closure_money")
        self.closure_note.setWordWrap(True)
        self.form.addRow(translate("ProjectSteps", "Funds:"), self.closure_note)
        self.choice(
            "closure",
            translate("ProjectSteps", "C&losure instalment:"),
            [("", translate("ProjectSteps", "(choose)"))]
            + [(d.value, d.label) for d in ClosureDecision],
        )
        self.money(
            "closure_amount", translate("ProjectSteps", "Reduced or recovered amount (&yuan):")
        ).required = False
        self.text(
            "closure_reason", translate("ProjectSteps", "Reason for the &decision:"), required=False
        )

    def _build_pay_closure(self) -> None:
        from core.money import format_yuan

        self.intro.setText(
            translate(
                "ProjectSteps",
                "The closure instalment of %1 yuan (第十条), after the passed acceptance.",
            ).replace("%1", format_yuan(self.detail.instalments.closure))
        )
        self.date("paid_on", translate("ProjectSteps", "&Paid on:"))
        self.line(
            "voucher", translate("ProjectSteps", "Payment &voucher (optional):"), required=False
        )

    def _build_record_spending(self) -> None:
        self.intro.setText(
            translate(
                "ProjectSteps",
                "Fiscal funds spent (第十一条). A use outside the listed ones, or more than a "
                "use's budget, is recorded and flagged.",
            )
        )
        self.date("spent_on", translate("ProjectSteps", "&Spent on:"))
        options = [(c.code, c.text) for c in self.policy.fund_categories.values()]
        options.append((OTHER_USE, translate("ProjectSteps", "Other use (outside 第十一条)")))
        self.choice("category", translate("ProjectSteps", "&Use:"), options)
        self.line(
            "other_use", translate("ProjectSteps", "&Describe the other use:"), required=False
        )
        self.money("amount", translate("ProjectSteps", "&Amount (yuan):"))
        self.line("note", translate("ProjectSteps", "&Note (optional):"), required=False)

    def _build_record_actuals(self) -> None:
        self.intro.setText(
            translate(
                "ProjectSteps",
                "The targets' actual values so far (cumulative), as the unit reported.",
            )
        )
        self.date("reported_on", translate("ProjectSteps", "&Reported on:"))
        self.metrics("actuals")

    # -- values and checks -------------------------------------------------------------------------

    def value(self, key: str) -> Any:
        field = self.fields[key]
        widget = field.widget
        if field.kind == "date":
            assert isinstance(widget, QDateEdit)
            qdate = widget.date()
            return from_qdate(qdate)
        if field.kind == "text":
            assert isinstance(widget, QPlainTextEdit)
            return widget.toPlainText()
        if field.kind == "choice":
            assert isinstance(widget, QComboBox)
            return widget.currentData()
        if field.kind == "yesno":
            yes, no = field.extra
            return True if yes.isChecked() else False if no.isChecked() else None
        if field.kind == "condition":
            from core.projects.model import ConditionFinding

            met, note = field.extra
            found = met.currentData()
            return ConditionFinding(found == "met", note.text()) if found else None
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def set_value(self, key: str, value: Any) -> None:
        """For tests and drafts: put a value into a field as if typed."""
        field = self.fields[key]
        widget = field.widget
        if field.kind == "date":
            assert isinstance(widget, QDateEdit)
            widget.setDate(to_qdate(value))
        elif field.kind == "text":
            assert isinstance(widget, QPlainTextEdit)
            widget.setPlainText(value)
        elif field.kind == "choice":
            assert isinstance(widget, QComboBox)
            widget.setCurrentIndex(widget.findData(value))
        elif field.kind == "yesno":
            yes, no = field.extra
            (yes if value else no).setChecked(True)
        elif field.kind == "condition":
            met, note = field.extra
            met.setCurrentIndex(met.findData({True: "met", False: "not_met"}.get(value[0], "")))
            note.setText(value[1])
        else:
            assert isinstance(widget, QLineEdit)
            widget.setText(value)

    def actuals(self) -> list[ActualForm]:
        from core.projects.model import ActualForm

        return [
            ActualForm(f.extra, self.value(f.key).strip())
            for f in self.fields.values()
            if f.kind == "metric" and self.value(f.key).strip()
        ]

    def problems_found(self) -> dict[str, str]:
        """What core's validators refuse in the fields as typed (nothing written)."""
        from core.projects import checks

        problems: dict[str, str] = {}
        self.warnings = []
        for key, field in self.fields.items():
            value = self.value(key)
            name = _plain(field.label)
            if field.kind == "date":
                problem = checks.date_problem(
                    self.step,
                    key,
                    value,
                    today=self.today,
                    planned_start=self.detail.start,
                    name=name,
                )
                if problem:
                    problems[key] = problem
            elif field.kind in ("line", "text") and field.required and not value.strip():
                problems[key] = translate("ProjectSteps", "Please fill in %1").replace("%1", name)
            elif field.kind == "yesno" and value is None:
                problems[key] = translate("ProjectSteps", "Please choose: %1").replace("%1", name)
            elif field.kind == "money":
                problem = checks.amount_problem(value, name)
                if problem and (field.required or value.strip()):
                    problems[key] = problem
            elif field.kind == "metric" and value.strip():
                target = next(t for t in self.detail.targets if t.metric == field.extra)
                problem = checks.metric_problem(
                    self.policy, field.extra, value, label=target.label, unit=target.unit
                )
                if problem:
                    problems[key] = problem
        if self.step == "check_eligibility":
            findings = {
                f.key.split(".", 1)[1]: self.value(f.key)
                for f in self.fields.values()
                if f.kind == "condition" and self.value(f.key) is not None
            }
            problems.update(checks.condition_problems(self.policy, findings))
        if self.step == "request_extension":
            refusal, warnings = checks.extension_problems(
                self.policy, self.detail.start, self.detail.end, self.value("new_end")
            )
            if refusal:
                problems["new_end"] = refusal
            self.warnings = warnings
        if self.step == "decide_termination":
            if self.value("approved") is True and not problems.keys() & {"recovered", "kept"}:
                problem = checks.settlement_problem(
                    self.detail.paid(), self.value("recovered"), self.value("kept")
                )
                if problem:
                    problems["settlement"] = problem
            elif self.value("approved") is not True:
                problems.pop("recovered", None)
                problems.pop("kept", None)
        if (
            self.step == "record_spending"
            and self.value("category") == OTHER_USE
            and not self.value("other_use").strip()
        ):
            problems["other_use"] = translate(
                "ProjectSteps", "Describe the use outside 第十一条 (it is recorded and flagged)"
            )
        if self.step == "accept" and self.value("passed") is True:
            from core.projects.checks import closure_problem

            problem = closure_problem(
                self.context.db,
                self.detail.id,
                self.value("closure") or None,
                self.value("closure_amount"),
                self.value("closure_reason"),
            )
            if problem and "closure_amount" not in problems:
                problems["closure"] = problem
        elif self.step == "accept":
            problems.pop("closure_amount", None)
        if self.step == "record_actuals" and not self.actuals():
            problems["actuals"] = translate("ProjectSteps", "Fill in at least one actual value")
        return problems

    def check(self) -> dict[str, str]:
        problems = self.problems_found()
        if self.step == "decide_termination":
            approved = self.value("approved") is True
            for key in ("recovered", "kept"):
                self.fields[key].widget.setEnabled(approved)
        if self.step == "record_spending":
            self.fields["other_use"].widget.setEnabled(self.value("category") == OTHER_USE)
        if self.step == "accept":
            passed = self.value("passed") is True
            for key in ("closure", "closure_amount", "closure_reason"):
                self.fields[key].widget.setEnabled(passed)
            self.fields["closure_amount"].widget.setEnabled(
                passed and self.value("closure") in ("reduce", "recover")
            )
        lines = list(dict.fromkeys(problems.values()))
        if self.refusal:
            lines.insert(0, self.refusal)
        lines += [f"⚠ {w}" for w in self.warnings]
        self.problems.setText("\n".join(lines))
        return problems

    # -- submitting ----------------------------------------------------------------------------------

    def step_values(self) -> dict[str, Any]:
        """The fields as typed, in the shape ``core.projects.steps`` takes."""
        values: dict[str, Any] = {
            key: self.value(key) for key, f in self.fields.items() if f.kind != "condition"
        }
        values["findings"] = {
            f.key.split(".", 1)[1]: self.value(f.key)
            for f in self.fields.values()
            if f.kind == "condition" and self.value(f.key) is not None
        }
        values["actuals"] = self.actuals()
        if values.get("category") == OTHER_USE:
            values["category"] = values.get("other_use")
        return values

    def call(self) -> Callable[[], ProjectChanges]:
        """The core operation this step runs, with the fields as typed."""
        from core.projects.steps import run_step

        db, user, pid = self.context.db, self.context.user.id, self.detail.id
        step, values, version = self.step, self.step_values(), self.detail.version
        return lambda: run_step(db, user, pid, step, values, expected_version=version)

    def submit(self) -> bool:
        """Check, then hand the step to core. A refusal is shown here and nothing typed is lost."""
        from core.records.errors import RecordsError

        self.refusal = ""
        problems = self.check()
        if problems:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            changes = self.call()()
        except RecordsError as exc:
            from core.records.errors import StaleEdit

            if isinstance(exc, StaleEdit):
                # Someone else recorded a step meanwhile: core said who; a second OK is
                # checked against the project as it is now (status, four eyes … again).
                from core.projects.queries import get_project

                self.detail = get_project(self.context.db, self.detail.id)
            self.refusal = refusal_text(exc)
            self.check()
            QApplication.restoreOverrideCursor()
            messages.warn(self, self.windowTitle(), self.refusal)
            return False
        QApplication.restoreOverrideCursor()
        self.touched = False
        self.step_done.emit(changes)
        self.accept()
        return True

    def reject(self) -> None:
        if self.touched and not messages.confirm(
            self,
            self.windowTitle(),
            translate("ProjectSteps", "Discard what you typed in this step?"),
        ):
            return
        self.touched = False
        super().reject()
