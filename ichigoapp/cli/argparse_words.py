"""argparse's own words, for the catalogue.

argparse looks its messages up through ``gettext`` (``i18n.activate`` points it at our
catalogue), but they live in the standard library where extraction cannot see them.
Listing them here puts them in ``ichigo.pot`` so translators see them beside ours.
Only those a user of ``ichigo`` can meet; the msgids must match the running Python's
argparse exactly (a test checks them against its source).
"""

from __future__ import annotations

from ichigoapp.i18n import N_, ngettext

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _plural_forms_for_the_catalogue(n: int) -> str:
    # Never called: marks argparse's one plural message for extraction.
    return ngettext("expected %s argument", "expected %s arguments", n)
