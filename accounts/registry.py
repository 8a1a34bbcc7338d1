"""Where later apps plug into a person's data: each registers how to export and how to erase
what it holds about a user, so `accounts` can answer a subject-access or erasure request
without importing them (dependencies run one way)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Exporter = Callable[[Any], dict]
Eraser = Callable[[Any], None]


@dataclass(frozen=True)
class PersonalDataSection:
    key: str
    export: Exporter
    erase: Eraser


_sections: dict[str, PersonalDataSection] = {}


def register_personal_data(key: str, *, export: Exporter, erase: Eraser) -> None:
    """Called from an app's AppConfig.ready(); registering the same key again replaces it."""
    _sections[key] = PersonalDataSection(key=key, export=export, erase=erase)


def personal_data_sections() -> list[PersonalDataSection]:
    return list(_sections.values())


@dataclass(frozen=True)
class DashboardPanel:
    """A part of the learner's `/my/` page that another app contributes: a template and a
    function of the request returning its context (None hides the panel)."""

    key: str
    template: str
    context: Callable[[Any], dict | None]
    order: int = 100


_panels: dict[str, DashboardPanel] = {}


def register_dashboard_panel(key: str, *, template: str,
                             context: Callable[[Any], dict | None], order: int = 100) -> None:
    _panels[key] = DashboardPanel(key=key, template=template, context=context, order=order)


def dashboard_panels() -> list[DashboardPanel]:
    return sorted(_panels.values(), key=lambda panel: panel.order)


# --- roles -------------------------------------------------------------------------------

RoleSetup = Callable[[dict], None]
_role_setups: dict[str, RoleSetup] = {}


def register_role_setup(key: str, setup: RoleSetup) -> None:
    """An app grants the role groups ("Managers", "Teachers", "Coordinators", given as a
    dict of name → Group) what its part needs; called after every migrate, so it must be
    idempotent. Registered from AppConfig.ready()."""
    _role_setups[key] = setup


def role_setups() -> list[RoleSetup]:
    return list(_role_setups.values())


# --- claims on an account ----------------------------------------------------------------

# (who is asking, the person, the group) → True when a later app knows a link between them,
# e.g. organisations: the person is a participant of an organisation the group is open to.
Claim = Callable[[Any, Any, Any], bool]
_claims: dict[str, Claim] = {}


def register_account_claim(key: str, claim: Claim) -> None:
    """Registered from AppConfig.ready(); lets courses ask whether a teacher may attach an
    existing account to a group without importing the apps that know the link."""
    _claims[key] = claim


def account_claims() -> list[Claim]:
    return list(_claims.values())
