"""The data model: SQLAlchemy mapped classes, no I/O and no Qt."""

from ichigoapp.model.base import Base
from ichigoapp.model.calendar import EmptyCalendarGroup, FtsDeferred
from ichigoapp.model.contact import (
    PRIVATE_CAPABLE_FIELDS,
    Contact,
    ContactChange,
    ContactEmail,
    ContactLink,
    ContactPhone,
    NotDuplicate,
    PersonalDetail,
    Tag,
    contact_tag,
)
from ichigoapp.model.encounter import (
    REMOVED_FROM_CALENDAR,
    Encounter,
    EncounterKind,
    EncounterStatus,
    Participation,
    Reschedule,
)
from ichigoapp.model.me import MeIdentity, Setting
from ichigoapp.model.reflection import Promise, PromiseDirection, Reflection
from ichigoapp.model.reminder import ShownReminder
from ichigoapp.model.source import Source, SourceItem, SourceKind
from ichigoapp.model.types import UTCDateTime, utcnow

__all__ = [
    "PRIVATE_CAPABLE_FIELDS",
    "REMOVED_FROM_CALENDAR",
    "Base",
    "Contact",
    "ContactChange",
    "ContactEmail",
    "ContactLink",
    "ContactPhone",
    "EmptyCalendarGroup",
    "Encounter",
    "EncounterKind",
    "EncounterStatus",
    "FtsDeferred",
    "MeIdentity",
    "NotDuplicate",
    "Participation",
    "PersonalDetail",
    "Promise",
    "PromiseDirection",
    "Reflection",
    "Reschedule",
    "Setting",
    "ShownReminder",
    "Source",
    "SourceItem",
    "SourceKind",
    "Tag",
    "UTCDateTime",
    "contact_tag",
    "utcnow",
]
