"""The contacts page with Japanese names: sorted by reading, found by kana, in order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ichigoapp.model import Contact
from ichigoapp.services.contacts import ContactInput, add_contact
from ichigoapp.ui.models import ContactTableModel


def _names(view: Any) -> list[str]:
    return [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]


def test_japanese_names_sort_by_reading_and_keep_their_order(window: Any, qtbot: Any) -> None:
    with window.vault.transaction() as s:
        # By code point 渡 comes before 田; by reading た (tanaka) before わ (watanabe).
        add_contact(s, ContactInput(name="渡辺健", pronunciation="ワタナベ ケン"))
        add_contact(s, ContactInput(name="田中一郎", pronunciation="たなか いちろう"))
        hanako = add_contact(
            s,
            ContactInput(
                name="花子 佐藤", given_name="花子", family_name="佐藤", pronunciation="サトウ"
            ),
        ).id
        add_contact(s, ContactInput(name="Ingrid Solberg"))
    window.bus.data_changed.emit()
    window.show_page(window.contacts)
    view = window.contacts
    expected = ["Ingrid Solberg", "佐藤花子", "田中一郎", "渡辺健"]
    assert _names(view) == expected
    view.table.sortByColumn(ContactTableModel.COL_NAME, Qt.SortOrder.AscendingOrder)
    assert _names(view) == expected

    # The list's filter folds kana and width as the search does.
    view.filter.setText("ﾀﾅｶ")  # as an input method gives it
    assert _names(view) == ["田中一郎"]
    view.filter.clear()

    # The form sets the order; the list shows the name in it.
    row = expected.index("佐藤花子")
    view.table.setCurrentIndex(view.proxy.index(row, ContactTableModel.COL_NAME))
    assert view.form.name_order.currentData() == "auto"
    view.form.name_order.setCurrentIndex(view.form.name_order.findData("given-first"))
    assert view.dirty
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    with window.vault.session() as s:
        contact = s.get(Contact, hanako)
        assert contact is not None and contact.name_order == "given-first"
    assert "花子 佐藤" in _names(view)


def test_the_search_field_finds_a_name_by_its_reading(window: Any) -> None:
    with window.vault.transaction() as s:
        add_contact(s, ContactInput(name="佐藤花子", pronunciation="サトウ ハナコ"))
    window.search.setText("はなこ")
    texts = [window.search.model.item(r).text() for r in range(window.search.model.rowCount())]
    assert [t.strip() for t in texts] == ["Contacts", "佐藤花子"]
