"""One dialog per module. ``ask`` (message boxes, the contact picker) and ``native``
(file and print dialogs) are the only places that open a modal question: tests
replace their functions, so no test waits on a dialog."""
