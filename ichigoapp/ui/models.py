"""Item models over the snapshot rows of ``services.lists`` (Vorta style).

Each model names its columns as constants and exposes the same custom roles, so views,
proxies and tests ask for ``IdRole`` instead of knowing a model's layout.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from ichigoapp.services.lists import ContactRow, EncounterRow, ReflectionRow
from ichigoapp.services.names import folded
from ichigoapp.services.today import PromiseItem
from ichigoapp.ui import fmt, theme
from ichigoapp.ui.translation import QT_TRANSLATE_NOOP, tr

IdRole = Qt.ItemDataRole.UserRole + 1  # the entity id of the row (int)
SortRole = Qt.ItemDataRole.UserRole + 2  # a value that sorts correctly (dates, lower-case)
SearchTextRole = Qt.ItemDataRole.UserRole + 3  # every text of the row, for the filter field
RowRole = Qt.ItemDataRole.UserRole + 4  # the snapshot row itself

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
# Rows fetched at a time by a paged model (as the view scrolls near its end).
PAGE_SIZE = 500
# Fetches ``limit`` rows from ``offset`` on, in the list's order.
Pager = Callable[[int, int], Sequence[R]]
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
translate = QCoreApplication.translate


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table of frozen rows; subclasses say how a cell reads.

    ``HEADERS`` are in English, marked for translation (context ``models``) and shown
    in the user's language."""

    HEADERS: ClassVar[tuple[str, ...]] = ()
    CONTEXT: ClassVar[str] = "models"  # the translation context of HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._now = datetime.now(UTC)
        self._pager: Pager[R] | None = None
        self._page_size = PAGE_SIZE
        self._more = False
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- filling ---------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R], now: datetime | None = None) -> None:
        """Every row at once."""
        self.beginResetModel()
        self._rows = list(rows)
        self._now = now or datetime.now(UTC)
        self._pager = None
        self._more = False
        self._sort_rows()
        self.endResetModel()

    def set_pager(
        self, pager: Pager[R], now: datetime | None = None, page_size: int = PAGE_SIZE
    ) -> None:
        """The first page now, the next ones when the view asks (``fetchMore``)."""
        rows = list(pager(0, page_size))
        self.beginResetModel()
        self._rows = rows
        self._now = now or datetime.now(UTC)
        self._pager = pager
        self._page_size = page_size
        self._more = len(rows) >= page_size
        self._sort_rows()
        self.endResetModel()

    @property
    def complete(self) -> bool:
        """Every row of the list is loaded."""
        return not self._more

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_of_id(self, ident: int) -> int | None:
        for n, item in enumerate(self._rows):
            if self.row_id(item) == ident:
                return n
        return None

    # --- what subclasses provide -------------------------------------------------------
    def row_id(self, row: R) -> int:
        raise NotImplementedError

    def display(self, row: R, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row: R, column: int) -> Any:
        return self.display(row, column).casefold()

    def search_text(self, row: R) -> str:
        return " ".join(self.display(row, c) for c in range(len(self.HEADERS)))

    def font(self, row: R, column: int) -> QFont | None:
        return None

    def foreground(self, row: R, column: int) -> Any:
        return None

    # --- Qt ----------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self._pager is None:
            return
        rows = list(self._pager(len(self._rows), self._page_size))
        self._more = len(rows) >= self._page_size
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
            if self._sort is not None:
                self._resort()

    # --- sorting (here, not in the proxy: one key per row instead of a Python call per
    # comparison, which took seconds for 10,000 contacts) ---------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order) if 0 <= column < len(self.HEADERS) else None
        self._resort()

    def _sort_rows(self) -> None:
        if self._sort is not None:
            column, order = self._sort
            self._rows.sort(
                key=lambda r: self.sort_key(r, column),
                reverse=order == Qt.SortOrder.DescendingOrder,
            )

    def _resort(self) -> None:
        if self._sort is None:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        held = [self._rows[i.row()] for i in old]
        self._sort_rows()
        where = {id(r): n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old, [self.index(where[id(r)], i.column()) for r, i in zip(held, old, strict=True)]
        )
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return translate(self.CONTEXT, self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.display(row, col) or None
        if role == IdRole:
            return self.row_id(row)
        if role == SortRole:
            return self.sort_key(row, col)
        if role == SearchTextRole:
            return folded(self.search_text(row))
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.FontRole:
            return self.font(row, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, col)
        return None


class ContactTableModel(RowTableModel[ContactRow]):
    COL_NAME, COL_COMPANY, COL_TITLE, COL_EMAIL, COL_LAST_MET, COL_TAGS = range(6)
    CONTEXT = "ContactTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ContactTableModel", "Name"),
        QT_TRANSLATE_NOOP("ContactTableModel", "Company"),
        QT_TRANSLATE_NOOP("ContactTableModel", "Title"),
        QT_TRANSLATE_NOOP("ContactTableModel", "Email"),
        QT_TRANSLATE_NOOP("ContactTableModel", "Last met"),
        QT_TRANSLATE_NOOP("ContactTableModel", "Tags"),
    )

    def row_id(self, row: ContactRow) -> int:
        return row.contact_id

    def display(self, row: ContactRow, column: int) -> str:
        if column == self.COL_NAME:
            return row.name
        if column == self.COL_COMPANY:
            return row.company
        if column == self.COL_TITLE:
            return row.title
        if column == self.COL_EMAIL:
            return row.email
        if column == self.COL_LAST_MET:
            return fmt.ago(row.last_met, self._now) if row.last_met else ""
        if column == self.COL_TAGS:
            return translate("models", ", ").join(row.tags)
        return ""

    def sort_key(self, row: ContactRow, column: int) -> Any:
        if column == self.COL_LAST_MET:
            return (row.last_met or _EPOCH).timestamp()
        if column == self.COL_NAME:
            return row.sort_name  # a Japanese name by its reading
        return super().sort_key(row, column)

    def search_text(self, row: ContactRow) -> str:
        return f"{super().search_text(row)} {row.location} {row.reading}"


class EncounterTableModel(RowTableModel[EncounterRow]):
    COL_WHEN, COL_TITLE, COL_PEOPLE, COL_STATUS = range(4)
    CONTEXT = "EncounterTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("EncounterTableModel", "When"),
        QT_TRANSLATE_NOOP("EncounterTableModel", "Title"),
        QT_TRANSLATE_NOOP("EncounterTableModel", "People"),
        QT_TRANSLATE_NOOP("EncounterTableModel", "Status"),
    )

    def row_id(self, row: EncounterRow) -> int:
        return row.encounter_id

    def display(self, row: EncounterRow, column: int) -> str:
        if column == self.COL_WHEN:
            return fmt.when(row.start, self._now)
        if column == self.COL_TITLE:
            return row.title
        if column == self.COL_PEOPLE:
            people = translate("models", ", ").join(row.people)
            if not row.new_people:
                return people
            return f"{people}  · " + tr("%n new", "", row.new_people)
        if column == self.COL_STATUS:
            status = fmt.status_name(row.status)
            if row.status == "held" and not row.has_reflection:
                return f"{status} · " + translate("models", "no reflection")
            return status
        return ""

    def sort_key(self, row: EncounterRow, column: int) -> Any:
        if column == self.COL_WHEN:
            return row.start.timestamp()
        return super().sort_key(row, column)

    def search_text(self, row: EncounterRow) -> str:
        return f"{super().search_text(row)} {row.location}"

    def font(self, row: EncounterRow, column: int) -> QFont | None:
        if column == self.COL_PEOPLE and row.new_people:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class ReflectionTableModel(RowTableModel[ReflectionRow]):
    COL_DATE, COL_ENCOUNTER, COL_PEOPLE, COL_LEARNED, COL_GRATITUDE = range(5)
    CONTEXT = "ReflectionTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("ReflectionTableModel", "Date"),
        QT_TRANSLATE_NOOP("ReflectionTableModel", "Encounter"),
        QT_TRANSLATE_NOOP("ReflectionTableModel", "People"),
        QT_TRANSLATE_NOOP("ReflectionTableModel", "What I learned"),
        QT_TRANSLATE_NOOP("ReflectionTableModel", "Gratitude"),
    )

    def row_id(self, row: ReflectionRow) -> int:
        return row.reflection_id

    def display(self, row: ReflectionRow, column: int) -> str:
        if column == self.COL_DATE:
            return fmt.day(fmt.local(row.start).date())
        if column == self.COL_ENCOUNTER:
            return row.encounter_title
        if column == self.COL_PEOPLE:
            return translate("models", ", ").join(row.people)
        if column == self.COL_LEARNED:
            return row.learned.replace("\n", " ")
        if column == self.COL_GRATITUDE:
            if not row.gratitude:
                return ""
            sent = (
                translate("models", "✓ thanked")
                if row.thanks_sent
                else translate("models", "thanks not sent")
            )
            return translate("models", "{gratitude} ({sent})").format(
                gratitude=row.gratitude.replace(chr(10), " "), sent=sent
            )
        return ""

    def sort_key(self, row: ReflectionRow, column: int) -> Any:
        if column == self.COL_DATE:
            return row.start.timestamp()
        return super().sort_key(row, column)

    def search_text(self, row: ReflectionRow) -> str:
        return " ".join((super().search_text(row), row.went_well, row.improve, row.next_time))


class PromiseTableModel(RowTableModel[PromiseItem]):
    COL_DUE, COL_WHO, COL_TEXT, COL_CONTACT, COL_STATE = range(5)
    CONTEXT = "PromiseTableModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("PromiseTableModel", "Due"),
        QT_TRANSLATE_NOOP("PromiseTableModel", "Who"),
        QT_TRANSLATE_NOOP("PromiseTableModel", "Promise"),
        QT_TRANSLATE_NOOP("PromiseTableModel", "With"),
        QT_TRANSLATE_NOOP("PromiseTableModel", "State"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = date.today()

    def set_rows(self, rows: Sequence[PromiseItem], now: datetime | None = None) -> None:
        from ichigoapp.services.today import local_today

        self._today = local_today(now or datetime.now(UTC))
        super().set_rows(rows, now)

    def row_id(self, row: PromiseItem) -> int:
        return row.promise_id

    def display(self, row: PromiseItem, column: int) -> str:
        if column == self.COL_DUE:
            return fmt.day(row.due)
        if column == self.COL_WHO:
            return (
                translate("models", "I promised")
                if row.mine
                else translate("models", "They promised")
            )
        if column == self.COL_TEXT:
            return row.text
        if column == self.COL_CONTACT:
            return row.contact_name
        if column == self.COL_STATE:
            if row.done_on is not None:
                return translate("models", "Done {date}").format(date=fmt.day(row.done_on))
            return (
                fmt.due(row.due, self._today, start=True)
                if row.due
                else translate("models", "Open")
            )
        return ""

    def sort_key(self, row: PromiseItem, column: int) -> Any:
        if column == self.COL_DUE:
            return (row.due or date.max).toordinal()
        return super().sort_key(row, column)

    def foreground(self, row: PromiseItem, column: int) -> Any:
        if column in (self.COL_DUE, self.COL_STATE) and row.overdue(self._today):
            return theme.accent()
        return None


class RowFilterProxy(QSortFilterProxyModel):
    """Sorts by ``SortRole``; keeps rows whose text holds every typed word.

    An extra predicate on the row (open/done, mine/theirs) narrows further.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._words: list[str] = []
        self._predicate: Callable[[Any], bool] | None = None

    @classmethod
    def over(cls, model: RowTableModel[Any]) -> RowFilterProxy:
        """A proxy filtering ``model`` (and owned by it)."""
        proxy = cls(model)
        proxy.setSourceModel(model)
        return proxy

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, RowTableModel):
            super().sort(-1)  # keep the source's order, which the source sorts itself
            source.sort(column, order)
        else:
            super().sort(column, order)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = folded(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self._predicate = predicate
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._predicate is not None and not self._predicate(model.data(index, RowRole)):
            return False
        if not self._words:
            return True
        haystack = str(model.data(index, SearchTextRole) or "")
        return all(word in haystack for word in self._words)
