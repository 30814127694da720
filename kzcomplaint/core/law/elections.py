"""What the kind of vote changes in the rules (``rules/elections.toml``).

A referendum applies the Election Law's complaint rules through the
referendum law's own door (art. 31-1), which the app cites beside them. The
Kurultai is elected under a text the app has not read: its rules, routes and
bodies are shown unconfirmed, and roles that only existed in the old
Parliament are not offered for it.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from typing import Any

from kzcomplaint.core.case.model import ElectionKind, Role
from kzcomplaint.core.law import ruledata
from kzcomplaint.core.law.citations import Citation, parse_citation

ELECTIONS_FILE = "elections.toml"

_KEYS = frozenset({"id", "via", "rules_confirmed", "roles_not_offered", "note"})
_OPTIONAL = frozenset({"via", "note"})


@dataclasses.dataclass(frozen=True)
class ElectionRules:
    """How one kind of vote changes the rules.

    Attributes:
        kind: the model.ElectionKind value.
        via: the provision through which the Election Law applies (or None).
        rules_confirmed: False when every rule applied must be shown unconfirmed.
        roles_not_offered: roles that do not exist for this vote.
        note: why the rules are unconfirmed, in kk, ru and en (or None).
    """

    kind: str
    via: Citation | None = None
    rules_confirmed: bool = True
    roles_not_offered: tuple[str, ...] = ()
    note: Mapping[str, str] | None = None

    def citation(self, citation: Citation) -> Citation:
        """``citation`` as it applies to this vote: unconfirmed when the vote's law was not read."""
        if self.rules_confirmed or not citation.confirmed:
            return citation
        return dataclasses.replace(citation, confirmed=False)


def _parse(data: Mapping[str, Any]) -> dict[str, ElectionRules]:
    unknown = sorted(set(data) - {"kind"})
    if unknown:
        raise ruledata.fail(ELECTIONS_FILE, f"unknown top-level keys {unknown}")
    kinds = {kind.value for kind in ElectionKind}
    roles = {role.value for role in Role}
    result: dict[str, ElectionRules] = {}
    for index, entry in enumerate(data.get("kind") or []):
        where = f"{ELECTIONS_FILE} [[kind]] #{index + 1}"
        if not isinstance(entry, Mapping):
            raise ruledata.fail(where, "expected a table")
        ruledata.check_keys(entry, _KEYS, _OPTIONAL, where)
        kind = entry["id"]
        if kind not in kinds:
            raise ruledata.fail(f"{where} id", f"{kind!r} is not an election kind of the model")
        if kind in result:
            raise ruledata.fail(f"{where} id", f"{kind!r} appears twice")
        not_offered = ruledata.string_list(entry["roles_not_offered"], f"{where} roles_not_offered")
        bad = [role for role in not_offered if role not in roles]
        if bad:
            raise ruledata.fail(f"{where} roles_not_offered", f"unknown roles {bad}")
        confirmed = ruledata.boolean(entry["rules_confirmed"], f"{where} rules_confirmed")
        if not confirmed and "note" not in entry:
            raise ruledata.fail(where, "unconfirmed rules need a note saying why")
        result[str(kind)] = ElectionRules(
            kind=str(kind),
            via=parse_citation(entry["via"], f"{where} via") if "via" in entry else None,
            rules_confirmed=confirmed,
            roles_not_offered=not_offered,
            note=ruledata.localized(entry["note"], f"{where} note") if "note" in entry else None,
        )
    return result


@functools.cache
def _loaded() -> dict[str, ElectionRules]:
    return _parse(ruledata.load(ELECTIONS_FILE))


def rules_for(kind: str) -> ElectionRules:
    """How the vote of ``kind`` changes the rules (no change for a kind the file does not list)."""
    return _loaded().get(kind, ElectionRules(kind=kind))


def roles_for(kind: str) -> tuple[str, ...]:
    """The complainant roles that exist for a vote of ``kind``, in the model's order."""
    hidden = set(rules_for(kind).roles_not_offered)
    return tuple(role.value for role in Role if role.value not in hidden)


__all__ = ["ELECTIONS_FILE", "ElectionRules", "roles_for", "rules_for"]
