"""Where and when: the vote, the commission, and the decision or action contested."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.case.model import ContestedType, ElectionKind, Level
from kzcomplaint.core.text.i18n import N_
from kzcomplaint.gui import labels
from kzcomplaint.gui.pages.base import BasePage
from kzcomplaint.gui.widgets.fields import DateField, TimeField, form_layout

MSG_NO_REGION = N_("— not chosen —")
MSG_DECISION_DATE = N_("&Date the decision was taken:")
MSG_ACTION_DATE = N_("&Date of the action or inaction:")
MSG_PLACE_STATION = N_("&Place (address of the polling station):")
MSG_PLACE = N_("&Place (address):")


def fill_combo(combo: QComboBox, items: Sequence[tuple[str, str]]) -> None:
    """Replace the items of ``combo`` by (value, text) pairs, keeping the chosen value."""
    current = combo.currentData()
    combo.blockSignals(True)
    try:
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(index if index >= 0 else 0)
    finally:
        combo.blockSignals(False)


def select_data(combo: QComboBox, value: str) -> None:
    """Choose the item whose value is ``value`` (adding it when unknown, so nothing is lost)."""
    index = combo.findData(value)
    if index < 0 and value:
        combo.addItem(value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


class WhereWhenPage(BasePage):
    """Election kind and voting day, the commission, the date and details of what is contested."""

    STEP = "where_when"

    def retranslate_titles(self) -> None:
        """Title and subtitle."""
        self.setTitle(self.step_title())
        self.setSubTitle(
            self.translator.gettext(
                N_(
                    "Dates can be typed as you write them (10.01.2021, 10 января 2021, 2021 жылғы 10 қаңтар) "
                    "or as “yesterday” and “today”."
                )
            )
        )

    def _build(self) -> None:
        content = QWidget()
        self.vote_box = QGroupBox(content)
        vote = form_layout(self.vote_box)
        self.kind_label, self.kind = QLabel(), QComboBox()
        self.voting_day_label, self.voting_day = QLabel(), DateField()
        vote.addRow(self.kind_label, self.kind)
        vote.addRow(self.voting_day_label, self.voting_day)

        self.body_box = QGroupBox(content)
        body = form_layout(self.body_box)
        self._body_form = body
        self.level_label, self.level = QLabel(), QComboBox()
        self.region_label, self.region = QLabel(), QComboBox()
        self.number_label, self.number = QLabel(), QLineEdit()
        self.number.setMaxLength(40)
        body.addRow(self.level_label, self.level)
        body.addRow(self.region_label, self.region)
        body.addRow(self.number_label, self.number)

        self.contested_box = QGroupBox(content)
        contested = form_layout(self.contested_box)
        self._contested_form = contested
        self.type_label, self.type = QLabel(), QComboBox()
        self.date_label, self.date = QLabel(), DateField()
        self.time_label, self.time = QLabel(), TimeField()
        self.place_label, self.place = QLabel(), QLineEdit()
        self.decision_number_label, self.decision_number = QLabel(), QLineEdit()
        self.published_in_label, self.published_in = QLabel(), QLineEdit()
        self.published_on_label, self.published_on = QLabel(), DateField()
        self.received_on_label, self.received_on = QLabel(), DateField()
        for label, widget in (
            (self.type_label, self.type),
            (self.date_label, self.date),
            (self.time_label, self.time),
            (self.place_label, self.place),
            (self.decision_number_label, self.decision_number),
            (self.published_in_label, self.published_in),
            (self.published_on_label, self.published_on),
            (self.received_on_label, self.received_on),
        ):
            contested.addRow(label, widget)
        self.late_publication = QLabel(content)
        self.late_publication.setWordWrap(True)
        contested.addRow(self.late_publication)

        self.filing_box = QGroupBox(content)
        filing = form_layout(self.filing_box)
        self.filing_label, self.filing_date = QLabel(), DateField()
        filing.addRow(self.filing_label, self.filing_date)

        column = QVBoxLayout(content)
        for box in (self.vote_box, self.body_box, self.contested_box, self.filing_box):
            column.addWidget(box)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self.register("election.kind", self.kind, N_("&Kind of vote:"), self.kind_label)
        self.register("election.voting_day", self.voting_day, N_("&Voting day:"), self.voting_day_label)
        self.register("respondent.level", self.level, N_("&Whose decision or action:"), self.level_label)
        self.register("region", self.region, N_("Re&gion or city:"), self.region_label)
        self.register("respondent.number", self.number, N_("Precinct or commission &number:"), self.number_label)
        self.register("contested.type", self.type, N_("What is con&tested:"), self.type_label)
        self.register("contested.date", self.date, MSG_ACTION_DATE, self.date_label)
        self.register("contested.time", self.time, N_("T&ime:"), self.time_label)
        self.register("contested.place", self.place, MSG_PLACE_STATION, self.place_label)
        self.register(
            "contested.decision_number", self.decision_number, N_("Decision n&umber:"), self.decision_number_label
        )
        self.register(
            "contested.published_in", self.published_in, N_("Where it was pu&blished:"), self.published_in_label
        )
        self.register("contested.published_on", self.published_on, N_("Date p&ublished:"), self.published_on_label)
        self.register("contested.received_on", self.received_on, N_("Date you r&eceived it:"), self.received_on_label)
        self.register(
            "filing_date", self.filing_date, N_("Date of &filing (empty: write it by hand):"), self.filing_label
        )

    def _connect(self) -> None:
        for combo in (self.kind, self.level, self.region, self.type):
            combo.currentIndexChanged.connect(self.changed)
        for edit in (self.number, self.place, self.decision_number, self.published_in):
            edit.textEdited.connect(self.changed)
        for field in (self.voting_day, self.date, self.published_on, self.received_on, self.filing_date):
            field.dateChanged.connect(self.changed)
        self.time.timeChanged.connect(self.changed)
        self.type.currentIndexChanged.connect(self._show_decision_fields)
        self.draft.caseChanged.connect(self._show_decision_fields)
        self.level.currentIndexChanged.connect(self._show_number)

    def retranslate(self) -> None:
        """All texts of the page."""
        super().retranslate()
        tr = self.translator
        language = tr.language
        self.vote_box.setTitle(tr.gettext(N_("The vote")))
        self.body_box.setTitle(tr.gettext(N_("The commission or body")))
        self.contested_box.setTitle(tr.gettext(N_("What is contested")))
        self.filing_box.setTitle(tr.gettext(N_("Filing")))
        fill_combo(self.kind, [(kind.value, labels.election_kind_label(kind.value, language)) for kind in ElectionKind])
        directory = self.draft.directory
        regions = [("", tr.gettext(MSG_NO_REGION))]
        regions += [(region_id, region.name[language]) for region_id, region in directory.regions.items()]
        fill_combo(self.region, regions)
        self._fill_levels()
        self._fill_types()
        self.late_publication.setText(
            tr.gettext(
                N_(
                    "The term runs from the day the decision was taken, not from the day it was published "
                    "or received: a late publication does not give you more days."
                )
            )
        )
        self._show_decision_fields()
        self._show_number()

    def _fill_levels(self) -> None:
        info = self.draft.template_info()
        levels = list(info.respondent_levels) if info else [level.value for level in Level]
        current = self.draft.case.respondent.level
        if current and current not in levels:
            levels.append(current)
        directory = self.draft.directory
        fill_combo(
            self.level,
            [(level, labels.capitalized(directory.level_name(level, self.translator.language))) for level in levels],
        )

    def _fill_types(self) -> None:
        info = self.draft.template_info()
        kinds = list(info.contests) if info else [kind.value for kind in ContestedType]
        current = self.draft.case.contested.type
        if current and current not in kinds:
            kinds.append(current)
        fill_combo(self.type, [(kind, labels.contested_type_label(kind, self.translator.language)) for kind in kinds])

    def _load(self) -> None:
        case = self.draft.case
        self._fill_levels()
        self._fill_types()
        select_data(self.kind, case.election.kind)
        self.voting_day.set_date(case.election.voting_day)
        select_data(self.level, case.respondent.level)
        select_data(self.region, self.draft.region)
        self.number.setText(case.respondent.number)
        select_data(self.type, case.contested.type)
        self.date.set_date(case.contested.date)
        self.time.set_value(case.contested.time)
        self.place.setText(case.contested.place)
        self.decision_number.setText(case.contested.decision_number)
        self.published_in.setText(case.contested.published_in)
        self.published_on.set_date(case.contested.published_on)
        self.received_on.set_date(case.contested.received_on)
        self.filing_date.set_date(case.filing_date)
        self._show_decision_fields()
        self._show_number()

    def _numbered(self) -> bool:
        from kzcomplaint.core.law import directory

        return directory.is_numbered(self.level.currentData() or self.draft.case.respondent.level)

    def _national(self) -> bool:
        """Whether the respondent's level is one body for the whole country (the CEC): no region to choose."""
        bodies = self.draft.directory.bodies(self.level.currentData() or self.draft.case.respondent.level)
        return bool(bodies) and not any(entry.region for entry in bodies)

    def _show_number(self, *_args: object) -> None:
        """The rows the respondent's level asks for.

        The number only for bodies known by a number (a precinct commission),
        not for the CEC or a court; the region only for bodies that sit in one
        (not the CEC); the polling station's address only for a precinct.
        """
        self._body_form.setRowVisible(self.number, self._numbered())
        self._body_form.setRowVisible(self.region, not self._national())
        level = self.level.currentData() or self.draft.case.respondent.level
        place = MSG_PLACE_STATION if level == Level.PRECINCT.value else MSG_PLACE
        self.fields["contested.place"].msgid = place
        self.place_label.setText(self.translator.gettext(place))

    def store(self) -> None:
        """Write every field into the case."""
        case = self.draft.case
        case.election.kind = self.kind.currentData() or case.election.kind
        case.election.voting_day = self.voting_day.date()
        self.draft.set_respondent_level(self.level.currentData() or case.respondent.level)
        self.draft.region = self.region.currentData() or ""
        # A body known by its name (the CEC) has no number: none typed for another level is kept.
        case.respondent.number = self.number.text().strip() if self._numbered() else ""
        case.contested.type = self.type.currentData() or case.contested.type
        case.contested.date = self.date.date()
        case.contested.time = self.time.value()
        case.contested.place = self.place.text().strip()
        case.contested.decision_number = self.decision_number.text().strip()
        case.contested.published_in = self.published_in.text().strip()
        case.contested.published_on = self.published_on.date()
        case.contested.received_on = self.received_on.date()
        case.filing_date = self.filing_date.date()

    def reveal_field(self, path: str) -> QWidget | None:
        """A decision's details are shown only for a decision: otherwise point at what is contested.

        Likewise a body known by its name has no number, and the CEC no region: its level is shown
        instead; a decision has no hour or place: what is contested is shown.
        """
        widget = self.widget_for(path)
        if (widget is self.number and not self._numbered()) or (widget is self.region and self._national()):
            return self.level
        decision = (self.type.currentData() or self.draft.case.contested.type) == ContestedType.DECISION.value
        if widget in (self.decision_number, self.published_in, self.published_on, self.received_on) and not decision:
            return self.type
        if widget in (self.time, self.place) and decision:
            return self.type
        return widget

    def _show_decision_fields(self, *_args: object) -> None:
        if not hasattr(self, "type"):
            return
        decision = (self.type.currentData() or self.draft.case.contested.type) == ContestedType.DECISION.value
        for widget in (self.decision_number, self.published_in, self.published_on, self.received_on):
            self._contested_form.setRowVisible(widget, decision)
        # A decision has a date, a number and a publication; the hour and the place are an action's
        # (the paper prints them only for one).
        self._contested_form.setRowVisible(self.time, not decision)
        self._contested_form.setRowVisible(self.place, not decision)
        self.late_publication.setVisible(decision)
        msgid = MSG_DECISION_DATE if decision else MSG_ACTION_DATE
        self.fields["contested.date"].msgid = msgid
        self.date_label.setText(self.translator.gettext(msgid))
        self.date.set_accessible_name(self.fields["contested.date"].text(self.translator))
