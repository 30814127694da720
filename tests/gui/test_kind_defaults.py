"""The kind decides the defaults: its own levels and the law's first route; labels follow the person's role."""

from __future__ import annotations

from gui_cases import complete_case

from kzcomplaint.core.law import catalog
from kzcomplaint.gui.labels import without_mnemonic

SITUATION_PAGE, WHERE_WHEN_PAGE, PARTIES_PAGE = 1, 2, 4


def _choose(window, kind: str) -> None:
    window.new_case(ask=False, go_on=True)
    page = window.wizard.currentPage()
    page.tree.setCurrentIndex(page.proxy.mapFromSource(page.model.index_of(kind)))
    assert window.draft.case.template == kind


def test_a_claim_against_the_cec_starts_with_the_cec_and_the_supreme_court(make_window) -> None:
    window = make_window("ru", role="lawyer")
    _choose(window, "administrative_claim_cec")
    case = window.draft.case
    assert (case.respondent.level, case.addressee.level) == ("cec", "supreme_court")
    assert window.wizard.go_to_page(WHERE_WHEN_PAGE)
    where = window.wizard.currentPage()
    assert where.level.currentData() == "cec"
    assert not where.number.isVisibleTo(where), "the CEC is known by its name, not a number"
    assert not where.number_label.isVisibleTo(where)
    assert where.type.isVisible()
    # The CEC sits for the whole country and its decision has no hour or polling station:
    # none of those rows is asked, and a problem about them leads to what decides them.
    where.type.setCurrentIndex(where.type.findData("decision"))
    for widget in (where.region, where.region_label, where.time, where.time_label, where.place, where.place_label):
        assert not widget.isVisibleTo(where), widget
    for widget in (where.decision_number, where.published_in, where.published_on, where.date):
        assert widget.isVisibleTo(where), widget
    assert where.reveal_field("region") is where.level
    assert where.reveal_field("contested.place") is where.type
    assert window.wizard.go_to_page(PARTIES_PAGE)
    parties = window.wizard.currentPage()
    assert parties.addressee_level.currentData() == "supreme_court"
    assert "Верховный Суд" in case.addressee.name
    assert "Центральная избирательная комиссия" in case.respondent.name
    assert not parties.addressee.widgets["number"].isVisibleTo(parties)
    # The proposal is applied, not only suggested.
    assert "Верховный Суд" in parties.addressee.widgets["name"].text()


def test_a_number_typed_for_a_precinct_is_not_kept_for_the_cec(make_window) -> None:
    window = make_window("en")
    window.draft.replace_case(complete_case())
    assert window.wizard.go_to_page(WHERE_WHEN_PAGE)
    where = window.wizard.currentPage()
    assert where.number.isVisibleTo(where) and where.number.text() == "123"
    where.level.setCurrentIndex(where.level.findData("territorial"))
    assert not where.number.isVisibleTo(where)
    assert window.draft.case.respondent.number == ""


def test_an_observer_complaint_starts_at_a_precinct_and_the_first_route(make_window) -> None:
    window = make_window("kk")
    _choose(window, "observer_removed")
    case = window.draft.case
    assert case.respondent.level == catalog.get("observer_removed").respondent_levels[0] == "precinct"
    assert case.addressee.level == "territorial"
    assert window.wizard.go_to_page(WHERE_WHEN_PAGE)
    where = window.wizard.currentPage()
    assert where.number.isVisibleTo(where)


def test_the_user_can_still_change_the_levels(make_window) -> None:
    window = make_window("en")
    _choose(window, "observer_removed")
    assert window.wizard.go_to_page(WHERE_WHEN_PAGE)
    where = window.wizard.currentPage()
    where.level.setCurrentIndex(where.level.findData("district"))
    assert window.draft.case.respondent.level == "district"
    assert window.wizard.go_to_page(PARTIES_PAGE)
    parties = window.wizard.currentPage()
    parties.addressee_level.setCurrentIndex(parties.addressee_level.findData("court"))
    assert window.draft.case.addressee.level == "court"
    # Going back and forth keeps the user's choice.
    assert window.wizard.go_to_page(WHERE_WHEN_PAGE)
    assert window.wizard.go_to_page(PARTIES_PAGE)
    assert window.draft.case.respondent.level == "district"
    assert window.draft.case.addressee.level == "court"


def test_choosing_another_kind_moves_only_what_it_does_not_allow(make_window) -> None:
    window = make_window("en")
    _choose(window, "observer_removed")
    page = window.wizard.currentPage()
    page.tree.setCurrentIndex(page.proxy.mapFromSource(page.model.index_of("administrative_claim")))
    case = window.draft.case
    assert case.respondent.level == "precinct"
    assert case.addressee.level == "court"


def _organization_label(parties, prefix: str) -> str:
    return without_mnemonic(parties.fields[f"{prefix}.organization"].label.text())


def test_labels_follow_the_persons_role(make_window) -> None:
    window = make_window("en", role="lawyer")
    _choose(window, "administrative_claim_cec")
    assert window.wizard.go_to_page(PARTIES_PAGE)
    parties = window.wizard.currentPage()
    assert window.draft.case.representative is not None
    representative = _organization_label(parties, "representative")
    assert "observer" not in representative.lower()
    assert "bar association" in representative.lower()
    assert parties.fields["representative.organization"].widget.accessibleName() == representative
    complainant = parties.complainant.widgets["role"]
    complainant.setCurrentIndex(complainant.findData("observer"))
    assert "observer" in _organization_label(parties, "complainant")
    complainant.setCurrentIndex(complainant.findData("candidate"))
    assert "observer" not in _organization_label(parties, "complainant")
    assert "Nominated" in _organization_label(parties, "complainant")
    # The representative's capacities are those of a representative.
    roles = parties.representative.widgets["role"]
    shown = {roles.itemData(index) for index in range(roles.count())}
    assert "lawyer" in shown and "president" not in shown and "observer" not in shown
    window.set_language("ru")
    assert "наблюдател" not in _organization_label(parties, "representative")


def test_the_paper_asks_no_number_of_the_cec(make_window) -> None:
    import dataclasses

    from kzcomplaint.core.documents.render import render_docx
    from kzcomplaint.gui.workers.export import docx_paragraphs

    case = complete_case()
    precinct = docx_paragraphs(render_docx(case, "ru"))
    assert "Участковая избирательная комиссия № 123" in precinct  # the number within the body's name
    case.template = "administrative_claim_cec"
    case.respondent = dataclasses.replace(case.respondent, level="cec", number="", name="ЦИК")
    case.addressee = dataclasses.replace(case.addressee, level="supreme_court", name="Верховный Суд")
    cec = docx_paragraphs(render_docx(case, "ru"))
    respondent = cec[cec.index("Ответчик:") + 1]
    assert respondent == "ЦИК"
    assert not [line for line in cec if line.startswith("Номер")]


def test_the_place_asked_is_the_polling_stations_only_at_a_precinct(make_window) -> None:
    window = make_window("ru")
    window.draft.replace_case(complete_case())  # a precinct commission's action
    assert window.wizard.go_to_page(WHERE_WHEN_PAGE)
    where = window.wizard.currentPage()
    assert where.region.isVisibleTo(where) and where.place.isVisibleTo(where) and where.time.isVisibleTo(where)
    assert "избирательного участка" in where.place_label.text()
    where.level.setCurrentIndex(where.level.findData("territorial"))
    assert where.region.isVisibleTo(where) and where.place.isVisibleTo(where)
    assert without_mnemonic(where.place_label.text()) == "Место (адрес):"
    # The user chooses a decision: the hour and the place go, the decision's number and publication come.
    where.type.setCurrentIndex(where.type.findData("decision"))
    assert not where.place.isVisibleTo(where) and not where.time.isVisibleTo(where)
    assert where.decision_number.isVisibleTo(where)
    where.type.setCurrentIndex(where.type.findData("action"))
    assert where.place.isVisibleTo(where) and where.time.isVisibleTo(where)


def test_a_kind_that_contests_only_decisions_starts_with_one(make_window) -> None:
    window = make_window("kk")
    _choose(window, "candidate_registration_appeal")
    assert window.draft.case.contested.type == "decision"
    assert window.wizard.go_to_page(WHERE_WHEN_PAGE)
    where = window.wizard.currentPage()
    assert where.type.currentData() == "decision"
    assert where.decision_number.isVisibleTo(where) and not where.place.isVisibleTo(where)
