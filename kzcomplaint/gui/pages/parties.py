"""Parties: the complainant (a remembered profile, opt-in), the representative, respondent and addressee."""

from __future__ import annotations

import copy
import dataclasses
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kzcomplaint.core.case import profile
from kzcomplaint.core.case.model import Body, Level, Person
from kzcomplaint.core.law import elections
from kzcomplaint.core.law.directory import is_numbered
from kzcomplaint.core.text.i18n import N_, Translator
from kzcomplaint.gui import labels
from kzcomplaint.gui.labels import citation_text
from kzcomplaint.gui.pages.base import BasePage
from kzcomplaint.gui.pages.where_when import fill_combo, select_data
from kzcomplaint.gui.widgets.fields import (
    CheckedLineEdit,
    DateField,
    FeedbackLabel,
    email_verdict,
    form_layout,
    iin_verdict,
    phone_verdict,
)

if TYPE_CHECKING:
    from kzcomplaint.core.law.directory import BodyEntry, Proposal

log = logging.getLogger(__name__)

PROFILE_SAVE_DELAY_MS = 1_000
MSG_TYPED = N_("— other: type the details below —")
MSG_TO_CONFIRM = N_(
    "The contact details of this body are not confirmed (to confirm): {fields}. "
    "Fill them in from an official source; a court may return a claim without them."
)
MSG_PROPOSED = N_("Proposed: {name} — {citation}")
MSG_PROPOSED_SAME = N_("Proposed: the commission itself ({level}) — {citation}")
MSG_NO_PROPOSAL = N_("No addressee can be proposed yet: choose whose decision or action it is and the region.")
MSG_PROFILE_FAILED = N_("Your details could not be remembered: {reason}")
CONTACT_NAMES = {
    "address": N_("address"),
    "phone": N_("phone"),
    "email": N_("e-mail"),
    "bin": N_("BIN"),
}

_PERSON_FIELDS = (
    ("full_name", N_("&Full name:")),
    ("iin", N_("&IIN:")),
    ("birth_date", N_("Date of &birth:")),
    ("birth_place", N_("Place of b&irth:")),
    ("address", N_("&Address (place of residence):")),
    ("phone", N_("&Phone:")),
    ("email", N_("&E-mail:")),
    ("role", N_("&Capacity:")),
    ("organization", N_("&Organisation (that sent you as observer):")),
    ("power_of_attorney", N_("&Power of attorney (number and date):")),
)
# The organisation a person names depends on their role: an observer's sending organisation,
# a candidate's nominating party, an advocate's bar association or law office.
ORGANIZATION_LABELS: dict[str, dict[str, str]] = {
    "complainant": {
        "observer": N_("&Organisation (that sent you as observer):"),
        "candidate": N_("&Nominated by (party or public association):"),
        "proxy": N_("Candidate or party whose pro&xy you are:"),
        "party_representative": N_("Political part&y:"),
        "commission_member": N_("Commission you are a &member of:"),
        "public_association": N_("P&ublic association:"),
        "lawyer": N_("Bar association or law &office:"),
    },
    "representative": {
        "observer": N_("&Organisation that sent the observer:"),
        "proxy": N_("Candidate or party &represented:"),
        "party_representative": N_("Political part&y:"),
        "public_association": N_("P&ublic association:"),
        "lawyer": N_("Bar association or law &office:"),
    },
}
MSG_ORGANIZATION_OTHER = N_("&Organisation (if any):")
REPRESENTATIVE_ROLES: tuple[str, ...] = ("lawyer", "public_association", "party_representative", "other")
"""Who acts for a complainant: an advocate, a public association's or a party's representative, another person."""

_BODY_FIELDS = (
    ("name", N_("&Name:")),
    ("number", N_("N&umber:")),
    ("address", N_("&Address:")),
    ("phone", N_("&Phone:")),
    ("email", N_("&E-mail:")),
    ("bin", N_("&BIN:")),
)


class PersonForm(QWidget):
    """The details of a complainant or representative."""

    edited = Signal()

    def __init__(self, page: BasePage, prefix: str, fields: tuple[str, ...], parent: QWidget | None = None) -> None:
        """Build the inputs named in ``fields`` and register them under ``prefix``."""
        super().__init__(parent)
        self.page = page
        self.prefix = prefix
        self.widgets: dict[str, QWidget] = {}
        self._language = ""
        self._election_kind = ""
        self.form = form_layout(self)
        for name, msgid in _PERSON_FIELDS:
            if name not in fields:
                continue
            widget: QWidget
            if name == "iin":
                widget = CheckedLineEdit(iin_verdict)
                widget.textChanged.connect(self.edited)
                widget.edit.setMaxLength(20)
            elif name == "phone":
                widget = CheckedLineEdit(phone_verdict)
                widget.textChanged.connect(self.edited)
            elif name == "email":
                widget = CheckedLineEdit(email_verdict)
                widget.textChanged.connect(self.edited)
            elif name == "birth_date":
                widget = DateField()
                widget.dateChanged.connect(self.edited)
            elif name == "role":
                widget = QComboBox()
                widget.currentIndexChanged.connect(self.edited)
            else:
                widget = QLineEdit()
                widget.textEdited.connect(self.edited)
            label = QLabel()
            self.form.addRow(label, widget)
            self.widgets[name] = widget
            page.register(f"{prefix}.{name}", widget, msgid, label)
        role = self.widgets.get("role")
        if isinstance(role, QComboBox):
            role.currentIndexChanged.connect(self._label_organization)

    def retranslate(self, language: str) -> None:
        """Re-word the role list and the organisation's label."""
        self._language = language
        self._fill_roles()
        self._label_organization()

    def set_election_kind(self, kind: str) -> None:
        """Offer only the roles that exist for this kind of vote (no chamber chairs for the Kurultai)."""
        self._election_kind = kind
        self._fill_roles()

    def offered_roles(self) -> tuple[str, ...]:
        """The roles this form offers: a representative's (an advocate…) or a complainant's for this vote."""
        for_vote = elections.roles_for(self._election_kind)
        if self.prefix == "representative":
            return tuple(role for role in REPRESENTATIVE_ROLES if role in for_vote)
        return for_vote

    def _fill_roles(self) -> None:
        role = self.widgets.get("role")
        language = self._language
        if not isinstance(role, QComboBox) or not language:
            return
        offered = list(self.offered_roles())
        current = role.currentData()
        if current and current not in offered:
            offered.append(current)  # an answer already given is kept (the check warns), never changed silently
        fill_combo(role, [(value, labels.role_label(value, language)) for value in offered])

    def organization_label(self, role: str) -> str:
        """The msgid of the organisation's label for a person of ``role``."""
        return ORGANIZATION_LABELS.get(self.prefix, {}).get(role, MSG_ORGANIZATION_OTHER)

    def _label_organization(self, *_args: object) -> None:
        entry = self.page.fields.get(f"{self.prefix}.organization")
        role = self.widgets.get("role")
        if entry is None or not isinstance(role, QComboBox):
            return
        entry.msgid = self.organization_label(str(role.currentData() or ""))
        text = entry.text(self.page.translator)
        if entry.label is not None:
            entry.label.setText(self.page.translator.gettext(entry.msgid))
        entry.widget.setAccessibleName(text)

    def load(self, person: Person) -> None:
        """Show ``person``."""
        for name, widget in self.widgets.items():
            value = getattr(person, name)
            if isinstance(widget, CheckedLineEdit):
                widget.set_text(value)
            elif isinstance(widget, DateField):
                widget.set_date(value)
            elif isinstance(widget, QComboBox):
                select_data(widget, value)
            elif isinstance(widget, QLineEdit) and widget.text().strip() != value:
                widget.setText(value)

    def store(self, person: Person) -> None:
        """Write the inputs into ``person``."""
        for name, widget in self.widgets.items():
            if isinstance(widget, CheckedLineEdit):
                setattr(person, name, widget.text())
            elif isinstance(widget, DateField):
                person.birth_date = widget.date()
            elif isinstance(widget, QComboBox):
                setattr(person, name, widget.currentData() or getattr(person, name))
            elif isinstance(widget, QLineEdit):
                setattr(person, name, widget.text().strip())


class BodyForm(QWidget):
    """A respondent or addressee: a directory pick, then its name and contacts."""

    edited = Signal()
    picked = Signal()

    def __init__(self, page: BasePage, prefix: str, fields: tuple[str, ...], parent: QWidget | None = None) -> None:
        """Build the directory list and the inputs named in ``fields``."""
        super().__init__(parent)
        self.page = page
        self.prefix = prefix
        self.directory_label = QLabel()
        self.directory_combo = QComboBox()
        self.directory_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.directory_combo.setMinimumContentsLength(20)
        self.form = form_layout(self)
        self.form.addRow(self.directory_label, self.directory_combo)
        self.directory_label.setBuddy(self.directory_combo)
        self.to_confirm = FeedbackLabel()
        self.form.addRow(self.to_confirm)
        self.to_confirm.hide()
        self.widgets: dict[str, QLineEdit] = {}
        for name, msgid in _BODY_FIELDS:
            if name not in fields:
                continue
            label = QLabel()
            edit = QLineEdit()
            edit.textEdited.connect(self.edited)
            self.form.addRow(label, edit)
            self.widgets[name] = edit
            page.register(f"{prefix}.{name}", edit, msgid, label)
        self.directory_combo.activated.connect(self._picked)
        self._entries: list[BodyEntry] = []
        self._numbered = True

    def set_entries(self, entries: list[BodyEntry], language: str, typed_text: str, current: BodyEntry | None) -> None:
        """List ``entries`` to choose from, and "other" for details typed by hand."""
        self._entries = list(entries)
        items = [("", typed_text)] + [(entry.id, entry.name[language]) for entry in entries]
        self.directory_combo.blockSignals(True)
        self.directory_combo.clear()
        for value, text in items:
            self.directory_combo.addItem(text, value)
        index = self.directory_combo.findData(current.id) if current is not None else 0
        self.directory_combo.setCurrentIndex(max(index, 0))
        self.directory_combo.blockSignals(False)

    def chosen_entry(self) -> BodyEntry | None:
        """The directory entry picked, if any."""
        entry_id = self.directory_combo.currentData()
        return next((entry for entry in self._entries if entry.id == entry_id), None)

    def fill(self, body: Body) -> None:
        """Show ``body``'s details."""
        for name, edit in self.widgets.items():
            value = getattr(body, name)
            if edit.text().strip() != value:
                edit.setText(value)

    def store(self, body: Body) -> None:
        """Write the inputs into ``body`` (no number for a body known by its name)."""
        for name, edit in self.widgets.items():
            setattr(body, name, edit.text().strip())
        if "number" in self.widgets and not self._numbered:
            body.number = ""

    def set_numbered(self, numbered: bool) -> None:
        """Show the number row only for a body known by a number (a precinct commission), not for the CEC."""
        self._numbered = numbered
        if "number" in self.widgets:
            self.form.setRowVisible(self.widgets["number"], numbered)

    def show_to_confirm(self, entry: BodyEntry | None, body: Body, tr: Translator) -> None:
        """Say which contacts of an unconfirmed directory entry are still empty."""
        if entry is None or entry.verified:
            self.to_confirm.hide()
            return
        missing = [
            tr.gettext(CONTACT_NAMES[name]) for name in ("address", "phone", "email", "bin") if not getattr(body, name)
        ]
        if not missing:
            self.to_confirm.hide()
            return
        self.to_confirm.show_error(tr.format(MSG_TO_CONFIRM, fields=", ".join(missing)))
        self.to_confirm.show()

    def _picked(self, _index: int) -> None:
        self.picked.emit()


class PartiesPage(BasePage):
    """Who complains, who represents them, against whom, and to whom."""

    STEP = "parties"

    directoryRequested = Signal()

    def retranslate_titles(self) -> None:
        """Title and subtitle."""
        self.setTitle(self.step_title())
        self.setSubTitle(
            self.translator.gettext(
                N_("Who complains, against which body, and to whom. Courts return claims without these.")
            )
        )

    def _build(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)

        complainant_page = QWidget()
        self.complainant = PersonForm(
            self,
            "complainant",
            ("full_name", "iin", "birth_date", "birth_place", "address", "phone", "email", "role", "organization"),
        )
        self.remember = QCheckBox()
        self.profile_note = FeedbackLabel()
        self.profile_note.hide()
        column = QVBoxLayout(complainant_page)
        column.addWidget(self.complainant)
        column.addWidget(self.remember)
        column.addWidget(self.profile_note)
        column.addStretch(1)

        representative_page = QWidget()
        self.has_representative = QCheckBox()
        self.representative = PersonForm(
            self,
            "representative",
            ("full_name", "iin", "address", "phone", "email", "role", "organization", "power_of_attorney"),
        )
        column = QVBoxLayout(representative_page)
        column.addWidget(self.has_representative)
        column.addWidget(self.representative)
        column.addStretch(1)

        respondent_page = QWidget()
        self.respondent_note = QLabel()
        self.respondent_note.setWordWrap(True)
        self.respondent = BodyForm(self, "respondent", ("name", "address", "phone", "email", "bin"))
        column = QVBoxLayout(respondent_page)
        column.addWidget(self.respondent_note)
        column.addWidget(self.respondent)
        column.addStretch(1)

        addressee_page = QWidget()
        self.addressee_level_label = QLabel()
        self.addressee_level = QComboBox()
        self.addressee_level_label.setBuddy(self.addressee_level)
        level_row = form_layout()
        level_row.addRow(self.addressee_level_label, self.addressee_level)
        self.proposal = QLabel()
        self.proposal.setWordWrap(True)
        self.propose_button = QPushButton()
        self.addressee = BodyForm(self, "addressee", ("name", "number", "address", "phone", "email", "bin"))
        column = QVBoxLayout(addressee_page)
        column.addLayout(level_row)
        column.addWidget(self.proposal)
        row = QHBoxLayout()
        row.addWidget(self.propose_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.addressee)
        column.addStretch(1)
        self.register(
            "addressee.level", self.addressee_level, N_("&Level of the addressee:"), self.addressee_level_label
        )

        for page in (complainant_page, representative_page, respondent_page, addressee_page):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, "")
        self.directory_button = QPushButton(self)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.directory_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addLayout(bottom)
        self.register("representative", self.has_representative, N_("A &representative acts for the complainant"))
        self._proposals: list[Proposal] = []
        self._profile_timer = QTimer(self)
        self._profile_timer.setSingleShot(True)
        self._profile_timer.setInterval(PROFILE_SAVE_DELAY_MS)

    def _connect(self) -> None:
        self.complainant.edited.connect(self.changed)
        self.complainant.edited.connect(self._complainant_edited)
        self.representative.edited.connect(self.changed)
        self.has_representative.toggled.connect(self._representative_toggled)
        self.respondent.edited.connect(self.changed)
        self.respondent.picked.connect(self._respondent_picked)
        self.addressee.edited.connect(self.changed)
        self.addressee.picked.connect(self._addressee_picked)
        self.addressee_level.currentIndexChanged.connect(self._addressee_level_changed)
        self.propose_button.clicked.connect(self.propose_addressee)
        self.remember.toggled.connect(self._remember_toggled)
        self._profile_timer.timeout.connect(self.save_profile)
        self.directory_button.clicked.connect(self.directoryRequested)
        self.draft.directoryChanged.connect(self.load)

    def retranslate(self) -> None:
        """All texts of the page."""
        super().retranslate()
        tr = self.translator
        language = tr.language
        for index, msgid in enumerate((N_("Complainant"), N_("Representative"), N_("Respondent"), N_("Addressee"))):
            self.tabs.setTabText(index, tr.gettext(msgid))
        self.complainant.retranslate(language)
        self.representative.retranslate(language)
        self.remember.setText(tr.gettext(N_("Re&member me on this computer (your details fill in every new case)")))
        self.has_representative.setText(tr.gettext(N_("A &representative acts for the complainant")))
        self.respondent_note.setText(
            tr.gettext(
                N_(
                    "The body whose decision, action or inaction you contest "
                    "(its level and number are on “Where and when”)."
                )
            )
        )
        for form in (self.respondent, self.addressee):
            form.directory_label.setText(tr.gettext(N_("From the &directory:")))
            form.directory_combo.setAccessibleName(tr.gettext(N_("From the directory")))
        self.propose_button.setText(tr.gettext(N_("&Propose from the respondent")))
        self.directory_button.setText(tr.gettext(N_("Directory of &bodies…")))
        self._fill_addressee_levels()
        self._refresh_directory_lists()
        self._show_proposal()

    # --- load / store ------------------------------------------------------------------

    def _load(self) -> None:
        case = self.draft.case
        for form in (self.complainant, self.representative):
            form.set_election_kind(case.election.kind)
        self.complainant.load(case.complainant)
        self.has_representative.setChecked(case.representative is not None)
        self.representative.setEnabled(case.representative is not None)
        self.representative.load(case.representative or Person(role="lawyer"))
        self.remember.setChecked(profile.has_profile())
        self.remember.setEnabled(case.exercise is None)
        self._auto_respondent()
        self._fill_addressee_levels()
        self._proposals = self._compute_proposals()
        if not case.addressee.name.strip():
            # The addressee's level is the kind's and the law's (DraftController); the directory
            # names the body of that level, when it knows one for the respondent's region.
            fitting = [proposal for proposal in self._proposals if proposal.level == case.addressee.level]
            if fitting:
                self._apply_proposal(fitting[0])
        self._refresh_directory_lists()
        self.respondent.fill(case.respondent)
        self.addressee.fill(case.addressee)
        self._show_proposal()

    def store(self) -> None:
        """Write every input into the case."""
        case = self.draft.case
        self.complainant.store(case.complainant)
        if self.has_representative.isChecked():
            if case.representative is None:
                case.representative = Person(role="lawyer")
            self.representative.store(case.representative)
        else:
            case.representative = None
        self.respondent.store(case.respondent)
        level = self.addressee_level.currentData()
        if level:
            case.addressee.level = level
        self.addressee.set_numbered(is_numbered(case.addressee.level))
        self.addressee.store(case.addressee)
        self._show_to_confirm()

    # --- respondent and addressee --------------------------------------------------------

    def _auto_respondent(self) -> None:
        """Name the respondent from its level, unless the user typed a name of their own."""
        case = self.draft.case
        body = case.respondent
        directory = self.draft.directory
        if body.name.strip() and not directory.is_known_name(body.name):
            return
        candidates = self._entries_for(body.level)
        entry = directory.find(body)
        if entry is not None and entry in candidates:
            return
        if len(candidates) == 1:
            replacement = directory.to_body(candidates[0], case.language, body.number)
        else:
            replacement = directory.generic_body(body.level, case.language, body.number)
        if replacement.name != body.name:
            case.respondent = replacement
            self.draft.touch(by_user=False)  # derived when the page is built, not an answer

    def _entries_for(self, level: str) -> list[BodyEntry]:
        region = self.draft.region
        return [
            entry
            for entry in self.draft.directory.bodies(level)
            if not entry.region or not region or entry.region == region
        ]

    def _refresh_directory_lists(self) -> None:
        case = self.draft.case
        language = self.translator.language
        typed = self.translator.gettext(MSG_TYPED)
        directory = self.draft.directory
        self.respondent.set_entries(
            self._entries_for(case.respondent.level), language, typed, directory.find(case.respondent)
        )
        self.addressee.set_entries(
            self._entries_for(case.addressee.level), language, typed, directory.find(case.addressee)
        )
        self.addressee.set_numbered(is_numbered(case.addressee.level))
        self._show_to_confirm()

    def _show_to_confirm(self) -> None:
        case = self.draft.case
        self.respondent.show_to_confirm(self.respondent.chosen_entry(), case.respondent, self.translator)
        self.addressee.show_to_confirm(self.addressee.chosen_entry(), case.addressee, self.translator)

    def _respondent_picked(self) -> None:
        entry = self.respondent.chosen_entry()
        case = self.draft.case
        if entry is not None:
            case.respondent = self.draft.directory.to_body(entry, case.language, case.respondent.number)
            if entry.region:
                self.draft.region = entry.region
        with self.loading():
            self.respondent.fill(case.respondent)
        self._show_to_confirm()
        self.draft.touch()

    def _addressee_picked(self) -> None:
        entry = self.addressee.chosen_entry()
        case = self.draft.case
        if entry is not None:
            case.addressee = self.draft.directory.to_body(entry, case.language)
        with self.loading():
            self.addressee.fill(case.addressee)
            select_data(self.addressee_level, case.addressee.level)
        self._show_to_confirm()
        self.draft.touch()

    def _fill_addressee_levels(self) -> None:
        info = self.draft.template_info()
        levels = list(info.addressee_levels) if info else [level.value for level in Level]
        current = self.draft.case.addressee.level
        if current and current not in levels:
            levels.append(current)
        directory = self.draft.directory
        with self.loading():
            fill_combo(
                self.addressee_level,
                [
                    (level, labels.capitalized(directory.level_name(level, self.translator.language)))
                    for level in levels
                ],
            )
            select_data(self.addressee_level, current)

    def _addressee_level_changed(self, _index: int) -> None:
        if self._loading:
            return
        self.store()
        with self.loading():
            self._refresh_directory_lists()
        self.draft.touch()

    def _compute_proposals(self) -> list[Proposal]:
        case = self.draft.case
        info = self.draft.template_info()
        allowed = info.addressee_levels if info else None
        return self.draft.directory.propose_addressees(
            case.respondent.level,
            self.draft.region,
            allowed,
            on=self.draft.effective_today,
            election_kind=case.election.kind,
        )

    def _apply_proposal(self, proposal: Proposal) -> None:
        case = self.draft.case
        if proposal.entry is not None:
            case.addressee = self.draft.directory.to_body(proposal.entry, case.language)
        else:
            case.addressee = dataclasses.replace(copy.deepcopy(case.respondent), level=proposal.level)
        self.draft.touch()

    def propose_addressee(self) -> None:
        """Replace the addressee by the first body proposed for the respondent."""
        self._proposals = self._compute_proposals()
        if self._proposals:
            self._apply_proposal(self._proposals[0])
        self.load()

    def _show_proposal(self) -> None:
        tr = self.translator
        if not self._proposals:
            self.proposal.setText(tr.gettext(MSG_NO_PROPOSAL))
            return
        first = self._proposals[0]
        citation = citation_text(first.citation, tr) if first.citation is not None else ""
        if first.entry is not None:
            self.proposal.setText(tr.format(MSG_PROPOSED, name=first.entry.name[tr.language], citation=citation))
        else:
            level = self.draft.directory.level_name(first.level, tr.language)
            self.proposal.setText(tr.format(MSG_PROPOSED_SAME, level=level, citation=citation))

    # --- representative and profile ----------------------------------------------------------

    def _representative_toggled(self, checked: bool) -> None:
        self.representative.setEnabled(checked)
        self.changed()

    def _complainant_edited(self) -> None:
        if not self._loading and self.remember.isChecked() and self.draft.case.exercise is None:
            self._profile_timer.start()

    def _remember_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        if checked:
            self.save_profile()
        else:
            self._profile_timer.stop()
            profile.forget_profile()
            self.profile_note.hide()

    def flush_profile(self) -> None:
        """Write the profile now if an edit of the complainant is waiting to be remembered (closing).

        Only a pending edit: a case opened for someone else must not replace the
        remembered details just because the window closes while it is shown.
        """
        if self.is_built and self._profile_timer.isActive():
            self.save_profile()

    def save_profile(self) -> None:
        """Remember the complainant's details (the user ticked "remember me")."""
        self._profile_timer.stop()
        if not self.remember.isChecked() or self.draft.case.exercise is not None:
            return  # a workshop's fictitious complainant never replaces the user's own details
        try:
            profile.save_profile(self.draft.case.complainant)
            self.profile_note.hide()
        except OSError as error:
            self.profile_note.show_error(
                self.translator.format(MSG_PROFILE_FAILED, reason=error.strerror or str(error))
            )
            self.profile_note.show()

    def reveal_field(self, path: str) -> QWidget | None:
        """Tick the representative box when a representative's field is asked for; a name for a number not asked."""
        widget = self.widget_for(path)
        if path.startswith("representative.") and not self.has_representative.isChecked():
            self.has_representative.setChecked(True)
        if path == "addressee.number" and not is_numbered(self.draft.case.addressee.level):
            return self.addressee.widgets["name"]  # a body known by its name has no number
        return widget
