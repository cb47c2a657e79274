"""系统管理 · 政策: the policy file, read-only, and the one figure an administrator enters for
the statistics (the district universities' effective patents)."""

from __future__ import annotations

from desktop.qt import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.figure_box)
