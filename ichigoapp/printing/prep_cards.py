"""Prep cards on paper: PrepCard -> HTML (Jinja2, autoescaped) -> QTextDocument -> page.

QtGui only (no widgets), so it runs headless under ``QT_QPA_PLATFORM=offscreen`` with a
QGuiApplication. A card is always exactly one page: each card is laid out, measured
against the page, and given less detail until it fits (see :func:`_plans`).

The GUI calls :func:`render_html` / :func:`render_preview` for the live preview,
:func:`print_cards` for a printer and :func:`write_pdf` to save a PDF (off the GUI
thread is fine: nothing here touches widgets).
"""

from __future__ import annotations

import enum
import hashlib
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
    QTextTable,
)

from ichigoapp import i18n, paths
from ichigoapp.printing.pdf_unicode import fix_cjk_to_unicode
from ichigoapp.services.prep_card import Attendee, PrepCard, first_meeting_prompts

if TYPE_CHECKING:
    import jinja2

# Layout happens at this resolution whatever the output device, so that the fit check
# and the drawing agree exactly; printers with another resolution get a scaled painter.
LAYOUT_DPI = 600
NOTE_LINE_MM = 7.6  # a writing line's height: the .blank rows of prep_card.css
MIN_NOTE_LINES = 3
MAX_NOTE_LINES = 12

FONT_FAMILIES = [
    # Qt falls back along this list glyph by glyph. Latin faces come first: each
    # platform's own, then DejaVu which most Linux systems have. The CJK faces come
    # after them, for Japanese only: Noto Sans CJK's Latin digits lose their Unicode
    # mapping in Qt's PDF output (pdftotext and search would miss every number).
    "Noto Sans",
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
    "DejaVu Sans",
    "Noto Sans CJK JP",
    "Source Han Sans JP",
    "Hiragino Sans",
    "Yu Gothic UI",
    "Meiryo",
]


class CardSize(enum.StrEnum):
    A6 = "a6"
    A5 = "a5"
    A4 = "a4"
    LETTER = "letter"
    INDEX = "index"  # 4 x 6 in index card, portrait

    @property
    def label(self) -> str:
        return _GEOMETRY[self].label


@dataclass(frozen=True, slots=True)
class _Geometry:
    label: str
    margin_mm: float
    base_pt: float


_GEOMETRY = {
    CardSize.A6: _Geometry("A6", 7.0, 7.6),
    CardSize.INDEX: _Geometry("4×6 in index card", 7.0, 7.6),
    CardSize.A5: _Geometry("A5", 10.0, 9.0),
    CardSize.A4: _Geometry("A4", 16.0, 11.0),
    CardSize.LETTER: _Geometry("US Letter", 16.0, 11.0),
}


def page_size(size: CardSize) -> QPageSize:
    if size is CardSize.A6:
        return QPageSize(QPageSize.PageSizeId.A6)
    if size is CardSize.A5:
        return QPageSize(QPageSize.PageSizeId.A5)
    if size is CardSize.A4:
        return QPageSize(QPageSize.PageSizeId.A4)
    if size is CardSize.LETTER:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QSizeF(4.0, 6.0), QPageSize.Unit.Inch, "Index 4x6")


def page_layout(size: CardSize) -> QPageLayout:
    margin = _GEOMETRY[size].margin_mm
    return QPageLayout(
        page_size(size),
        QPageLayout.Orientation.Portrait,
        QMarginsF(margin, margin, margin, margin),
        QPageLayout.Unit.Millimeter,
    )


def _paint_size(size: CardSize) -> QSizeF:
    """The printable area in layout pixels."""
    rect = page_layout(size).paintRectPixels(LAYOUT_DPI)
    return QSizeF(rect.width(), rect.height())


# ---------------------------------------------------------------------------- plans


@dataclass(frozen=True, slots=True)
class Plan:
    """How much of a card to print. Plans go from everything to the bare minimum."""

    past: int = 3  # past encounters per person
    questions: int = 3
    promises: int = 4  # per direction
    interests: int = 8
    details: int = 6
    notes: bool = True  # contact notes and "learned"
    clip: int = 260  # characters of free text before an ellipsis
    title_clip: int = 200
    full: int | None = None  # people shown in full (None: everyone)
    inline: bool = False  # the name-only list as one flowing paragraph
    titles: bool = True  # job titles in the name-only list
    scale: float = 1.0  # font scale, the last resort before "and N more"
    brief_limit: int | None = None  # name-only entries shown before "and N more"
    prompts: int = 3
    agenda: int = 420  # characters of the invitation's agenda (0: left out)
    # Known people not shown in full get one line each (Attendee.essential) rather than
    # joining the list of names: nobody the user has met is reduced to a name.
    compact: bool = False
    pages: int = 1  # pages the card may run over, each marked "1/2", "2/2"
    note_lines: int = 0  # lines to write on under "Notes" (CardLayout fills free room)


_DETAIL_LADDER = (
    Plan(),
    Plan(past=2, questions=2, promises=3, interests=6, details=4, clip=180, agenda=260),
    Plan(
        past=1,
        questions=2,
        promises=2,
        interests=4,
        details=3,
        notes=False,
        clip=130,
        prompts=2,
        agenda=180,
    ),
    Plan(
        past=1,
        questions=1,
        promises=1,
        interests=3,
        details=2,
        notes=False,
        clip=90,
        title_clip=120,
        prompts=1,
        agenda=120,
    ),
)


def _stages(card: PrepCard) -> list[list[Plan]]:
    """Every plan for ``card`` in stages, from most to least content.

    On one page: detail shrinks first (fewer past encounters, fewer questions, shorter
    notes); then the least-known people move, one by one, to a line each (the note for
    next time, an open promise, or when we last met), people new to the user to the list
    of names; then everyone known is on one line, in smaller type if need be. Only when
    even that does not fit does the card run over two pages, then more (marked "2/2"),
    the same stages again; names alone, ending in "and N more", are the last resort for
    absurd cases. Within a stage content only shrinks, so the first plan that fits can
    be found by bisection.
    """
    people = len(card.attendees)
    least = replace(_DETAIL_LADDER[-1], prompts=0)
    fewer = range(people - 1, -1, -1)
    lines = replace(least, full=0, compact=True)
    one_page = [
        list(_DETAIL_LADDER),
        [replace(least, full=n, compact=True) for n in fewer],
        [replace(lines, titles=False, agenda=0, scale=scale) for scale in (1.0, 0.9, 0.8)],
    ]
    more_pages = [
        [replace(plan, pages=pages) for plan in stage] for pages in (2, 3, 4) for stage in one_page
    ]
    bare = replace(least, full=0, inline=True, title_clip=90, clip=70, agenda=0)
    return [
        *one_page,
        *more_pages,
        [
            bare,
            replace(bare, titles=False),
            replace(bare, titles=False, scale=0.9),
            replace(bare, titles=False, scale=0.8),
            *(replace(bare, titles=False, scale=0.8, brief_limit=n) for n in fewer if n),
            replace(bare, titles=False, scale=0.8, brief_limit=0),
        ],
    ]


# ---------------------------------------------------------------------------- avatars

AVATAR_SIZE = 1.9  # a monogram's or photo's diameter, in the card's base font sizes
AVATAR_PX_PER_PT = 6  # the images are drawn this many pixels per point: sharp in print
_ACCENT = "#a33a48"
_AVATAR_TINT = "#f3e4e7"


def initials(name: str) -> str:
    """A monogram's letters: "HS" for Hanako Sato, "佐" for 佐藤花子 (a name written
    without spaces is one word: its first character)."""
    words = name.split()
    if not words:
        return "?"
    first = words[0][0]
    if len(words) == 1 or not first.isascii():
        return first.upper()
    return (first + words[-1][0]).upper()


def _avatar(name: str, photo: bytes | None, points: float) -> QImage:
    """A round picture ``points`` across: the contact's photo, or their initials."""
    side = max(8, round(points * AVATAR_PX_PER_PT))
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    circle = QPainterPath()
    circle.addEllipse(QRectF(0, 0, side, side))
    picture = QImage.fromData(photo) if photo else QImage()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    if not picture.isNull():
        square = min(picture.width(), picture.height())
        crop = picture.copy(
            (picture.width() - square) // 2, (picture.height() - square) // 2, square, square
        )
        painter.setClipPath(circle)
        painter.drawImage(QRectF(0, 0, side, side), crop)
    else:
        painter.fillPath(circle, QColor(_AVATAR_TINT))
        font = QFont(_default_font())
        font.setPixelSize(max(4, round(side * 0.4)))
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        painter.setPen(QColor(_ACCENT))
        painter.drawText(
            QRectF(0, 0, side, side), int(Qt.AlignmentFlag.AlignCenter), initials(name)
        )
    painter.end()
    return image


def _avatar_url(attendee: Attendee) -> str:
    """A name for the picture that changes when the name or the photo does."""
    digest = hashlib.blake2s(attendee.name.encode(), digest_size=8)
    digest.update(attendee.photo or b"")
    return f"ichigo-avatar:{digest.hexdigest()}"


# ---------------------------------------------------------------------------- HTML


def _clip(value: object, limit: int) -> str:
    """Shorten free text at a word boundary; the layout itself never cuts a line."""
    text = " ".join(str(value).split())
    if len(text) <= limit:
        return text
    cut = text[: max(1, limit - 1)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


def _nbsp(value: object) -> str:
    """Keep a name on one line in a flowing list ("Hanako Sato", not "Hanako / Sato")."""
    return str(value).replace(" ", "\u00a0")


def _one_line(value: object) -> str:
    """Lines of text run together as one paragraph, " · " between them."""
    return " · ".join(line.strip() for line in str(value).splitlines() if line.strip())


def _day(value: date) -> str:
    """ "5 Dec 2026", "Dec 5, 2026", "2026年12月5日": the active locale's medium date."""
    return i18n.format_date(value)


def _long_day(value: date) -> str:
    return i18n.format_long_day(value)


def _clock(value: datetime) -> str:
    return i18n.format_time(value)


@cache
def _environment() -> jinja2.Environment:
    # Imported here: Jinja2 costs the app's start-up ~60 ms and is only needed to print.
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths.resources_dir()),
        autoescape=True,  # every calendar or contact string is text, never markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    # The card's words from the gettext catalogue, looked up at each render (so a
    # language activated after the first card still applies). Newstyle: values are
    # passed as %(name)s and escaped; the translation itself is trusted text.
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda message: i18n._(message),
        ngettext=lambda singular, plural, n: i18n.ngettext(singular, plural, n),
        pgettext=lambda context, message: i18n.pgettext(context, message),
        newstyle=True,
    )
    env.filters["clip"] = _clip
    env.filters["day"] = _day
    env.filters["long_day"] = _long_day
    env.filters["clock"] = _clock
    env.filters["nbsp"] = _nbsp
    env.filters["lines"] = _one_line
    return env


@cache
def _stylesheet(base_pt: float) -> str:
    def pt(factor: float) -> str:
        return f"{base_pt * factor:.2f}pt"

    return _environment().get_template("prep_card.css").render(pt=pt)


def _full(card: PrepCard, plan: Plan) -> list[Attendee]:
    """The people shown in full under ``plan``: the best known first."""
    return card.attendees if plan.full is None else card.attendees[: plan.full]


def _avatar_points(size: CardSize, plan: Plan) -> float:
    return _GEOMETRY[size].base_pt * plan.scale * AVATAR_SIZE


def _html(card: PrepCard, size: CardSize, plan: Plan) -> str:
    full = _full(card, plan)
    rest = card.attendees[len(full) :]
    compact = [a for a in rest if a.known] if plan.compact else []
    brief = [a for a in rest if not (plan.compact and a.known)]
    hidden = 0
    if plan.brief_limit is not None and len(brief) > plan.brief_limit:
        hidden = len(brief) - plan.brief_limit
        brief = brief[: plan.brief_limit]
    firsts = any(a.first_meeting for a in full)
    prompts = first_meeting_prompts()[: plan.prompts] if firsts else []
    base = _GEOMETRY[size].base_pt * plan.scale
    return (
        _environment()
        .get_template("prep_card.html.j2")
        .render(
            card=card,
            plan=plan,
            full=full,
            avatars=[_avatar_url(a) for a in full],
            # QTextDocument sizes images in 1/96 in, scaled to the device.
            avatar_px=round(_avatar_points(size, plan) * 96 / 72, 1),
            compact=compact,
            brief=brief,
            hidden=hidden,
            prompts=prompts,
            # The stylesheet is our own file with only numbers substituted: trusted markup.
            css=Markup(_stylesheet(round(base, 2))),  # noqa: S704
        )
    )


# ---------------------------------------------------------------------------- layout


class SafeTextDocument(QTextDocument):
    """A QTextDocument that never loads anything: no files, no network, no images.

    Card HTML is escaped already, so no tag from an invite reaches Qt; this is the
    second wall, in case markup ever slips through. Requests are recorded for tests.
    """

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[str] = []

    def loadResource(self, type: int, name: QUrl | str) -> Any:  # Qt's parameter names
        self.refused.append(name.toString() if isinstance(name, QUrl) else str(name))
        return None


@cache
def _measuring_device() -> tuple[QPdfWriter, QBuffer]:
    """A never-painted PDF writer at LAYOUT_DPI: font metrics exactly as in the PDF."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LAYOUT_DPI)
    return writer, buffer


@cache
def _default_font() -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    # Ligatures become single "ﬁ" characters in the PDF text, so "office" could not be
    # found by search or copied cleanly.
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def _require_app() -> None:
    if QGuiApplication.instance() is None:
        raise RuntimeError("prep cards need a QGuiApplication (QTextDocument lays out text)")


def ensure_app() -> QGuiApplication:
    """The QGuiApplication that laying out cards needs, made for a command-line run if
    there is none yet; without a display it draws offscreen."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["ichigo"])


def _keep_paragraphs_whole(doc: QTextDocument) -> None:
    """A paragraph moves to the next page whole rather than being cut: a person's line
    is read in one place, and each page holds only its own text.

    Paragraphs in table cells are left alone (Qt would stop wrapping them and widen
    their column); a table that would be cut moves whole instead (:func:`_keep_tables_whole`).
    """
    keep = QTextBlockFormat()
    keep.setNonBreakableLines(True)
    cursor = QTextCursor(doc)
    block = doc.begin()
    while block.isValid():
        cursor.setPosition(block.position())
        if cursor.currentTable() is None:
            cursor.mergeBlockFormat(keep)
        block = block.next()
    _keep_tables_whole(doc)


def _keep_tables_whole(doc: QTextDocument) -> None:
    """A table (a meeting on the day sheet) that a page break would cut starts on the
    next page instead, unless it is taller than a page anyway."""
    page = doc.pageSize().height()
    layout = doc.documentLayout()
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        box = layout.frameBoundingRect(frame)
        if box.height() >= page or int(box.top() // page) == int((box.bottom() - 1) // page):
            continue
        fmt = frame.format()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        frame.setFormat(fmt)  # the layout after it moves down; later tables see that


class PagedDocument:
    """One reusable document, laid out exactly as on paper and drawn page by page.

    Something that does not fit one page may run over several when its plan allows:
    Qt paginates, paragraphs move to the next page whole, and each page gets "1/2" at
    its foot. :class:`CardLayout` (a meeting's card) and :class:`SheetLayout` (a day on
    one sheet) decide what goes in.
    """

    def __init__(self, size: CardSize) -> None:
        _require_app()
        self.size = size
        self.page = _paint_size(size)
        self.doc = SafeTextDocument()
        self.doc.documentLayout().setPaintDevice(_measuring_device()[0])
        self.doc.setDefaultFont(_default_font())
        self.doc.setDocumentMargin(0)
        option = QTextOption()
        # A long join link has no spaces: let it wrap anywhere rather than overflow.
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.doc.setDefaultTextOption(option)
        self.doc.setTextWidth(self.page.width())
        self.html = ""
        self.pages = 1  # pages the laid-out content runs over
        self._paged = False  # the document has a page size (content over several pages)

    @property
    def footer(self) -> float:
        """Height kept free at the foot of each page of content that runs over pages."""
        return _GEOMETRY[self.size].base_pt * 2.2 * LAYOUT_DPI / 72

    def fit_page(self, width: float, height: float) -> None:
        """Lay out for a device whose paintable area is smaller than the paper's."""
        self.page = QSizeF(min(width, self.page.width()), min(height, self.page.height()))
        self.doc.setTextWidth(self.page.width())

    def _set(self, html: str, pages: int) -> bool:
        """Lay ``html`` out; True when it fits on ``pages`` pages."""
        self.html = html
        if pages > 1:
            # Qt paginates the document itself, moving a paragraph that would be cut to
            # the next page.
            self.doc.setPageSize(QSizeF(self.page.width(), self.page.height() - self.footer))
            self._paged = True
            self.doc.setHtml(html)
            _keep_paragraphs_whole(self.doc)
            self.pages = self.doc.pageCount()
            return self.pages <= pages
        if self._paged:
            self.doc.setPageSize(QSizeF(-1, -1))
            self.doc.setTextWidth(self.page.width())
            self._paged = False
        self.doc.setHtml(html)
        self.pages = 1
        return self.doc.size().height() <= self.page.height()

    def add_note_lines(self, fits: Callable[[int], bool]) -> None:
        """Fill the room a one-page layout leaves with lines to write on: ``fits(n)``
        lays the same content out again with ``n`` lines (0: none) and says whether it
        still fits the page. Three at least, else none; a dozen at most."""
        if self.pages > 1:
            return
        free = self.page.height() - self.doc.size().height()
        line = NOTE_LINE_MM * LAYOUT_DPI / 25.4
        lines = min(MAX_NOTE_LINES, int(free / line) - 1)  # one for the heading
        while lines >= MIN_NOTE_LINES:
            if fits(lines):
                return
            lines -= 1
        fits(0)

    def draw(self, painter: QPainter, page: int = 0) -> None:
        """Paint page ``page`` of the laid-out content (with "2/3" at its foot when the
        content runs over pages)."""
        width = self.page.width()
        if self.pages == 1:
            # Clip to the page: only reachable for absurd input that fits no plan at all.
            self.doc.drawContents(painter, QRectF(0, 0, width, self.page.height()))
            return
        height = self.page.height() - self.footer
        painter.save()
        painter.translate(0, -page * height)
        area = QRectF(0, page * height, width, height)
        painter.setClipRect(area)
        # The next page's first line starts right at the edge: a rectangle that does not
        # touch it keeps it out of this page altogether (its text, too).
        self.doc.drawContents(painter, area.adjusted(0, 0, 0, -0.5))
        painter.restore()
        font = QFont(_default_font())
        font.setPointSizeF(_GEOMETRY[self.size].base_pt * 0.83)
        painter.save()
        painter.setFont(font)
        painter.setPen(QColor("#666666"))
        foot = QRectF(0, self.page.height() - self.footer, width, self.footer)
        painter.drawText(
            foot,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
            f"{page + 1}/{self.pages}",
        )
        painter.restore()


class CardLayout(PagedDocument):
    """Lays cards out on one reusable document and finds the richest plan that fits."""

    def __init__(self, size: CardSize) -> None:
        super().__init__(size)
        self.plan = Plan()
        self._avatars: dict[tuple[str, float], QImage] = {}

    def _fits(self, card: PrepCard, plan: Plan) -> bool:
        self.plan = plan
        html = _html(card, self.size, plan)
        self._add_avatars(_full(card, plan), _avatar_points(self.size, plan))
        return self._set(html, plan.pages)

    def _add_avatars(self, people: list[Attendee], points: float) -> None:
        """Hand the document the pictures its HTML names (it loads nothing itself)."""
        for person in people:
            url = QUrl(_avatar_url(person))
            key = (url.toString(), points)
            if key not in self._avatars:
                self._avatars[key] = _avatar(person.name, person.photo, points)
            self.doc.addResource(QTextDocument.ResourceType.ImageResource, url, self._avatars[key])

    def lay_out(self, card: PrepCard) -> SafeTextDocument:
        """Set the document to ``card`` at the richest plan that fits one page."""
        stages = _stages(card)
        if self._fits(card, stages[0][0]):
            self._add_note_lines(card)
            return self.doc
        for stage in stages:
            plan = self._first_fit(card, stage)
            if plan is not None:
                if plan != self.plan:
                    self._fits(card, plan)
                self._add_note_lines(card)
                return self.doc
        # Nothing fits (a title of thousands of characters...): shorten the header too.
        short = replace(
            card,
            title=_clip(card.title, 60),
            intention=_clip(card.intention, 60),
            location=_clip(card.location, 60),
            join_url="",
        )
        self._fits(short, stages[-1][-1])
        return self.doc

    def _add_note_lines(self, card: PrepCard) -> None:
        """Lines to write on under "Notes" where a one-page card leaves room for three or
        more (as many as fit, at most a dozen): a card is also taken into the meeting."""
        fitted = self.plan
        self.add_note_lines(lambda lines: self._fits(card, replace(fitted, note_lines=lines)))

    def _first_fit(self, card: PrepCard, plans: list[Plan]) -> Plan | None:
        """The first plan of ``plans`` (content only shrinking) that fits, by bisection."""
        lo, hi = 0, len(plans) - 1
        best: Plan | None = None
        while lo <= hi:
            mid = (lo + hi) // 2
            if self._fits(card, plans[mid]):
                best, hi = plans[mid], mid - 1
            else:
                lo = mid + 1
        return best


# ---------------------------------------------------------------------------- day sheet

SHEET_SIZES = (CardSize.A4, CardSize.LETTER)
SHEET_BASE_PT = 9.5  # smaller than an A4 card's: a whole day goes on the page
MAX_SHEET_PAGES = 50  # where the fit check stops; a longer "day" still prints whole


@dataclass(frozen=True, slots=True)
class SheetPlan:
    """How much of a day sheet to print; plans go from everything to the least."""

    clip: int = 95  # characters of each person's line
    intention: bool = True
    people: int | None = None  # known people with a line, per meeting (None: all)
    scale: float = 1.0
    pages: int = 1
    note_lines: int = 0  # lines to write on under "Notes", in the room left


def _sheet_plans() -> list[SheetPlan]:
    """Shorter lines first, then no intentions, smaller type, fewer lines per meeting
    (the others by name); a day that fits none of that on one page runs over as many
    pages as it needs, everyone with a line again, each meeting whole on one page."""
    return [
        SheetPlan(),
        SheetPlan(clip=80),
        SheetPlan(clip=80, intention=False),
        SheetPlan(clip=60, intention=False),
        SheetPlan(clip=60, intention=False, scale=0.9),
        SheetPlan(clip=60, intention=False, scale=0.8),
        *(SheetPlan(clip=60, intention=False, scale=0.8, people=n) for n in (8, 5, 3)),
        SheetPlan(clip=80, pages=MAX_SHEET_PAGES),
    ]


_SHEET_PLANS = _sheet_plans()


def _sheet_html(day: date, cards: Sequence[PrepCard], plan: SheetPlan) -> str:
    known_ids = {a.contact_id for c in cards for a in c.attendees if a.known}
    new_names = {a.name for c in cards for a in c.attendees if not a.known}
    meetings = []
    for card in cards:
        known = card.known_attendees
        shown = known if plan.people is None else known[: plan.people]
        meetings.append((card, shown, known[len(shown) :], card.new_attendees))
    return (
        _environment()
        .get_template("day_sheet.html.j2")
        .render(
            day=day,
            meetings=meetings,
            known=len(known_ids),
            new=len(new_names),
            plan=plan,
            css=Markup(_stylesheet(round(SHEET_BASE_PT * plan.scale, 2))),  # noqa: S704
        )
    )


class SheetLayout(PagedDocument):
    """A whole day on one A4 or Letter page: each meeting in order, with its people
    and one line each (the note for next time, an open promise, when you last met)."""

    def __init__(self, size: CardSize) -> None:
        if size not in SHEET_SIZES:
            raise ValueError("a day sheet is printed on A4 or US Letter")
        super().__init__(size)
        self.plan = _SHEET_PLANS[0]

    def lay_out(self, day: date, cards: Sequence[PrepCard]) -> SafeTextDocument:
        for plan in _SHEET_PLANS:
            self.plan = plan
            if self._set(_sheet_html(day, cards, plan), plan.pages):
                self.add_note_lines(partial(self._with_lines, day, cards, plan))
                return self.doc
        return self.doc  # absurd days: the last plan, every page it takes

    def _with_lines(self, day: date, cards: Sequence[PrepCard], plan: SheetPlan, n: int) -> bool:
        return self._set(_sheet_html(day, cards, replace(plan, note_lines=n)), 1)


# ---------------------------------------------------------------------------- API


def render_html(card: PrepCard, size: CardSize) -> str:
    """The HTML (with its stylesheet inline) that prints for ``card`` at ``size``."""
    layout = CardLayout(size)
    layout.lay_out(card)
    return layout.html


def render_preview(card: PrepCard, size: CardSize, dpi: float = 96.0) -> QImage:
    """The printed page as an image: exactly what paper or PDF will show."""
    return render_pages(card, size, dpi)[0]


def render_pages(card: PrepCard, size: CardSize, dpi: float = 96.0) -> list[QImage]:
    """Every printed page of ``card`` as an image (more than one only for a meeting
    whose known people do not fit one page)."""
    _require_app()
    layout = CardLayout(size)
    layout.lay_out(card)
    return [_page_image(layout, dpi, page) for page in range(layout.pages)]


def render_day_sheet(
    day: date, cards: Sequence[PrepCard], size: CardSize = CardSize.A4, dpi: float = 96.0
) -> list[QImage]:
    """The day sheet's pages as images."""
    _require_app()
    layout = SheetLayout(size)
    layout.lay_out(day, cards)
    return [_page_image(layout, dpi, page) for page in range(layout.pages)]


def _page_image(layout: PagedDocument, dpi: float, page: int) -> QImage:
    full = page_layout(layout.size).fullRectPixels(LAYOUT_DPI)
    paint = page_layout(layout.size).paintRectPixels(LAYOUT_DPI)
    scale = dpi / LAYOUT_DPI
    image = QImage(
        max(1, round(full.width() * scale)),
        max(1, round(full.height() * scale)),
        QImage.Format.Format_RGB32,
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(scale, scale)
    painter.translate(paint.x(), paint.y())
    layout.draw(painter, page)
    painter.end()
    return image


Progress = Callable[[int, int], None]


def write_pdf(
    cards: Sequence[PrepCard],
    path: Path,
    size: CardSize,
    progress: Progress | None = None,
) -> int:
    """Write ``cards`` to ``path``, one page each (more for a meeting whose known
    people do not fit one), in the given order; returns the pages written.

    The file appears whole or not at all: it is written beside ``path`` and renamed.
    """
    _require_app()
    if not cards:
        raise ValueError("no cards to write")
    return _write_file(path, size, i18n._("Ichigo prep cards"), _card_jobs(cards, size), progress)


def write_day_sheet(
    day: date,
    cards: Sequence[PrepCard],
    path: Path,
    size: CardSize = CardSize.A4,
    progress: Progress | None = None,
) -> int:
    """Write the day sheet of ``day`` (its meetings ``cards``, in order) to ``path``
    on A4 or US Letter; returns the pages written (one, unless the day is very full)."""
    _require_app()
    if not cards:
        raise ValueError("no meetings to put on the sheet")
    return _write_file(
        path, size, i18n._("Ichigo day sheet"), _sheet_jobs(day, cards, size), progress
    )


def print_cards(
    cards: Sequence[PrepCard],
    printer: QPagedPaintDevice,
    size: CardSize | None = None,
    progress: Progress | None = None,
) -> int:
    """Print ``cards`` one per page on ``printer`` (a QPrinter: ui/ makes it, as printing
    stays clear of widget code). ``size`` sets the paper; without it the paper chosen in
    the print dialog is used, with the typography of the nearest size."""
    _require_app()
    if size is not None:
        printer.setPageLayout(page_layout(size))
    else:
        size = nearest_size(printer.pageLayout())
    return _paint(printer, _card_jobs(cards, size), _printer_scale(printer), progress)


def print_day_sheet(
    day: date,
    cards: Sequence[PrepCard],
    printer: QPagedPaintDevice,
    progress: Progress | None = None,
) -> int:
    """Print the day sheet on the paper chosen in the print dialog (laid out as A4 or
    US Letter, whichever is nearer)."""
    _require_app()
    size = nearest_size(printer.pageLayout())
    sheet_size = size if size in SHEET_SIZES else CardSize.A4
    return _paint(printer, _sheet_jobs(day, cards, sheet_size), _printer_scale(printer), progress)


def _printer_scale(printer: QPagedPaintDevice) -> float:
    # A printer's logical resolution is the one it prints at (QPrinter.resolution()).
    return printer.logicalDpiX() / LAYOUT_DPI


def nearest_size(layout: QPageLayout) -> CardSize:
    width = layout.fullRect(QPageLayout.Unit.Millimeter).width()
    return min(
        CardSize,
        key=lambda s: abs(page_layout(s).fullRect(QPageLayout.Unit.Millimeter).width() - width),
    )


@dataclass(frozen=True, slots=True)
class _Jobs:
    """What to paint: a layout, and one step per document that lays it out there."""

    layout: PagedDocument
    steps: list[Callable[[], object]]


def _card_jobs(cards: Sequence[PrepCard], size: CardSize) -> _Jobs:
    layout = CardLayout(size)
    return _Jobs(layout, [partial(layout.lay_out, card) for card in cards])


def _sheet_jobs(day: date, cards: Sequence[PrepCard], size: CardSize) -> _Jobs:
    layout = SheetLayout(size)
    return _Jobs(layout, [partial(layout.lay_out, day, cards)])


def _write_file(
    path: Path, size: CardSize, title: str, jobs: _Jobs, progress: Progress | None
) -> int:
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=".prep-", suffix=".pdf", dir=path.parent or ".")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(LAYOUT_DPI)
        writer.setPageLayout(page_layout(size))
        writer.setTitle(title)
        writer.setCreator("Ichigo")
        pages = _paint(writer, jobs, 1.0, progress)
        del writer  # flushes and closes the file
        data = tmp.read_bytes()
        tmp.write_bytes(fix_cjk_to_unicode(data))
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return pages


def _paint(device: QPagedPaintDevice, jobs: _Jobs, scale: float, progress: Progress | None) -> int:
    layout = jobs.layout
    # The device's own paintable area may differ slightly (printer margins); lay out
    # for whichever is smaller so the fit check stays honest.
    width, height = device.width() / scale, device.height() / scale
    if width < layout.page.width() or height < layout.page.height():
        layout.fit_page(width, height)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("could not start writing the prep cards (is the file writable?)")
    try:
        painter.scale(scale, scale)
        pages = 0
        for number, lay_out in enumerate(jobs.steps, start=1):
            lay_out()
            for page in range(layout.pages):
                if pages:
                    device.newPage()
                layout.draw(painter, page)
                pages += 1
            if progress is not None:
                progress(number, len(jobs.steps))
    finally:
        painter.end()
    return pages


def card_size(text: str) -> CardSize:
    """Parse a size name (``a6``, ``letter``...) as given on the command line."""
    try:
        return CardSize(text.strip().lower())
    except ValueError:
        names = ", ".join(s.value for s in CardSize)
        raise ValueError(f"unknown card size '{text}' (choose {names})") from None


__all__ = [
    "Attendee",
    "CardLayout",
    "CardSize",
    "PrepCard",
    "SafeTextDocument",
    "SheetLayout",
    "card_size",
    "ensure_app",
    "initials",
    "page_layout",
    "print_cards",
    "print_day_sheet",
    "render_day_sheet",
    "render_html",
    "render_pages",
    "render_preview",
    "write_day_sheet",
    "write_pdf",
]
