"""系统管理 · 政策: the policy file, read-only; 政策管理 (the bureau's policy folder, importing
next year's file, comparing years, the programme for new cases); and the one figure an
administrator enters for the statistics (the district universities' effective patents)."""

from __future__ import annotations

from desktop.qt import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)


class AdminPolicyView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.programme = QComboBox()
        self.programme.setObjectName("policy_programme")
        self.programme_label = QLabel(self.tr("&Programme:"))
        self.programme_label.setBuddy(self.programme)
        self.source = QLabel()
        self.source.setObjectName("policy_source")
        self.source.setWordWrap(True)
        self.expand_button = QPushButton(self.tr("&Expand all"))
        self.collapse_button = QPushButton(self.tr("C&ollapse"))
        top = QHBoxLayout()
        top.addWidget(self.programme_label)
        top.addWidget(self.programme)
        top.addWidget(self.source, 1)
        top.addWidget(self.expand_button)
        top.addWidget(self.collapse_button)
        self.tree = QTreeView()
        self.tree.setObjectName("policy_tree")
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)

        self.figure_box = QGroupBox(self.tr("For the statistics"))
        self.patents = QLineEdit()
        self.patents.setObjectName("university_patents")
        self.patents.setPlaceholderText(self.tr("leave empty while not known"))
        self.patents.setMinimumWidth(180)
        self.patents_label = QLabel(
            self.tr("District universities' and institutes' effective &patents:")
        )
        self.patents_label.setBuddy(self.patents)
        self.patents_button = QPushButton(self.tr("&Save"))
        self.patents_button.setObjectName("save_patents")
        self.patents_message = QLabel()
        self.patents_message.setObjectName("patents_message")
        self.patents_message.setWordWrap(True)
        figure = QHBoxLayout(self.figure_box)
        figure.addWidget(self.patents_label)
        figure.addWidget(self.patents)
        figure.addWidget(self.patents_button)
        figure.addWidget(self.patents_message, 1)

        self.manage_box = QGroupBox(self.tr("Policy management"))
        self.folder = QLabel()
        self.folder.setObjectName("policy_folder")
        self.folder.setWordWrap(True)
        self.folder_button = QPushButton(self.tr("Set f&older..."))
        self.folder_button.setObjectName("set_policy_folder")
        self.import_button = QPushButton(self.tr("&Import a policy file..."))
        self.import_button.setObjectName("import_policy")
        self.active = QLabel()
        self.active.setObjectName("active_policy")
        self.active.setWordWrap(True)
        self.activate_button = QPushButton(self.tr("&Activate for new cases"))
        self.activate_button.setObjectName("activate_policy")
        self.compare_with = QComboBox()
        self.compare_with.setObjectName("compare_with")
        self.compare_label = QLabel(self.tr("Compare &with:"))
        self.compare_label.setBuddy(self.compare_with)
        self.compare_button = QPushButton(self.tr("Co&mpare"))
        self.compare_button.setObjectName("compare_policies")
        self.cases_button = QPushButton(self.tr("&Run the test cases"))
        self.cases_button.setObjectName("run_policy_cases")
        self.report = QPlainTextEdit()
        self.report.setObjectName("policy_report")
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(150)
        row1 = QHBoxLayout()
        row1.addWidget(self.folder, 1)
        row1.addWidget(self.folder_button)
        row1.addWidget(self.import_button)
        row1.addWidget(self.cases_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.active, 1)
        row2.addWidget(self.activate_button)
        row2.addWidget(self.compare_label)
        row2.addWidget(self.compare_with)
        row2.addWidget(self.compare_button)
        manage = QVBoxLayout(self.manage_box)
        manage.addLayout(row1)
        manage.addLayout(row2)
        manage.addWidget(self.report)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.manage_box)
        layout.addWidget(self.figure_box)
