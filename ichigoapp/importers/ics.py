"""Read an iCalendar (.ics) file into plain :class:`IcsEvent` values. No database, no Qt.

How it works, and why (DESIGN.md sections 4 and 6):

1. :mod:`ics_split` decodes and unfolds the text and cuts it into VEVENT blocks, grouped
   by UID (a series' master and its overrides are expanded together). Each group gets a
   hash over what determines its events: the kept property lines, the VTIMEZONEs they
   use, METHOD, X-WR-TIMEZONE, the machine's zone rules (floating times) and, for
   series, the expansion window.
2. Groups for which ``known_hashes(hash)`` is true are skipped without any icalendar
   work: an unchanged re-import costs little more than reading the file.
3. The other groups are parsed by :mod:`ics_parse` in chunks, in two worker processes
   when there are many, with icalendar and recurring_ical_events.
4. With ``on_events``, the events of a group no other group can override (its UID is in
   no other group, and it is not a reply) go to the caller as soon as their chunk is
   read, so the caller can save them while the rest is still being parsed.

Choices a user may notice:

* Floating times (no zone) are read in the calendar's X-WR-TIMEZONE when it has one,
  else in this machine's local zone, as the user's own calendar app would show them.
* All-day events are stored as midnight UTC of their date with ``all_day=True`` and no
  zone, so the date never shifts whatever zone the reader is in.
* Unknown TZIDs use the file's VTIMEZONE definition when there is one, else they read
  as floating. Windows zone names are mapped to IANA (:mod:`windows_zones`).
* Two VEVENTs with the same UID and RECURRENCE-ID are one event: the higher SEQUENCE
  wins, then the later one in the file.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from datetime import date

from ichigoapp import i18n
from ichigoapp.errors import ImportFailed
from ichigoapp.i18n import _
from ichigoapp.importers.ics_parse import ChunkJob, GroupOutcome, parse_chunk, warm_up
from ichigoapp.importers.ics_split import (
    Group,
    SplitFile,
    decode,
    group_blocks,
    resolve_tzid,
    split,
    split_line,
)
from ichigoapp.importers.ics_types import IcsAttendee, IcsEvent, IcsParseResult, IcsProblem

__all__ = ["IcsAttendee", "IcsEvent", "IcsParseResult", "IcsProblem", "parse_ics"]

# Below this much work (single events count 1, series _SERIES_WEIGHT), starting a worker
# process costs more than it saves.
PARALLEL_MIN_WEIGHT = 6000
_SERIES_WEIGHT = 20
DEFAULT_WORKERS = 2
_CHUNK_IN_PROCESS = 200
_CHUNK_PARALLEL = 100
_IN_FLIGHT = 6  # chunks queued for each pool process


class _CallbackError(Exception):
    """Carries an exception raised by a caller's callback, to be re-raised unchanged."""

    def __init__(self, original: BaseException) -> None:
        super().__init__(str(original))
        self.original = original


def parse_ics(
    data: bytes,
    *,
    window_start: date,
    window_end: date,
    known_hashes: Callable[[str], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    workers: int | None = None,
    on_events: Callable[[list[IcsEvent]], None] | None = None,
    early_workers: bool = False,
) -> IcsParseResult:
    """Read ``data`` as iCalendar. See the module docstring for the rules.

    Raises :class:`ImportFailed` if the file cannot be read at all; any other trouble
    becomes an :class:`IcsProblem` in the result. Exceptions raised by ``known_hashes``,
    ``progress`` or ``on_events`` themselves are passed through unchanged (they are the
    caller's).

    ``on_events``, when given, receives the events of the groups that are final as soon
    as they are read (step 4 of the module docstring), already deduplicated; those
    events are then not in the result's ``events``, which holds the rest. Together they
    are exactly the events returned without ``on_events``.

    ``early_workers``: for a file the caller has not read before, start the worker
    process while the file is split, when it looks big enough to need one. Not for a
    file read again: most of its groups are then skipped, and the process would start
    for nothing.
    """
    pool: ProcessPoolExecutor | None = None
    try:
        if not data or not data.strip():
            raise ImportFailed(_("The calendar file is empty."))
        pool = _early_pool(data, workers) if early_workers else None
        return _parse(
            data, window_start, window_end, known_hashes, progress, workers, on_events, pool
        )
    except ImportFailed:
        raise
    except _CallbackError as exc:
        raise exc.original from None
    except Exception as exc:  # a bug or a pathological file: still a user-facing message
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise ImportFailed(
            _("This calendar file could not be read ({detail}).").format(detail=detail)
        ) from exc
    finally:
        if pool is not None:  # shut down already if it was used; else not waited for
            pool.shutdown(wait=False, cancel_futures=True)


def _parse(
    data: bytes,
    window_start: date,
    window_end: date,
    known_hashes: Callable[[str], bool] | None,
    progress: Callable[[int, int], None] | None,
    workers: int | None,
    on_events: Callable[[list[IcsEvent]], None] | None,
    pool: ProcessPoolExecutor | None,
) -> IcsParseResult:
    split_file = split(decode(data))
    if not split_file.blocks and not split_file.incomplete:
        split_file = _fallback_split(data, split_file)
    if not split_file.recognisable:
        raise ImportFailed(
            _("This is not an iCalendar (.ics) file: no BEGIN:VCALENDAR or BEGIN:VEVENT found.")
        )
    problems: list[IcsProblem] = []
    for block in split_file.incomplete:
        title = next((split_line(x)[2] for x in block.lines if x.upper().startswith("SUMMARY")), "")
        problems.append(
            IcsProblem(
                block.uid or None,
                _(
                    "event '{title}' (UID {uid}, line {line}): the file ends or the next "
                    "event starts before END:VEVENT; skipped"
                ).format(
                    title=title or _("(no title)"), uid=block.uid or _("none"), line=block.line_no
                ),
            )
        )
    groups = group_blocks(split_file, window_start, window_end)
    method = split_file.calendars[0].method if split_file.calendars else ""
    total = len(split_file.blocks)
    done = 0

    def report(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            try:
                progress(done, total)
            except Exception as exc:
                raise _CallbackError(exc) from exc

    todo: list[Group] = []
    skipped = 0
    skipped_blocks = 0
    for group in groups:
        try:
            known = known_hashes is not None and known_hashes(group.hash)
        except Exception as exc:
            raise _CallbackError(exc) from exc
        if known:
            skipped += 1
            skipped_blocks += len(group.blocks)
        else:
            todo.append(group)
    if skipped_blocks or (progress is not None and not todo):
        report(skipped_blocks)

    final = _final_groups(groups) if on_events is not None else set()
    outcomes: list[GroupOutcome] = []
    jobs = _jobs(todo, split_file, window_start, window_end, workers)
    for outcome_list in _run(jobs, _worker_count(todo, workers), pool):
        outcomes.extend(outcome_list)
        if on_events is not None:
            ready: list[IcsEvent] = []
            for outcome in outcome_list:
                if outcome.index in final and outcome.events:
                    ready += _winners(outcome.events).values()
                    outcome.events = []
            if ready:
                try:
                    on_events(ready)
                except Exception as exc:
                    raise _CallbackError(exc) from exc
        report(sum(o.blocks for o in outcome_list))
    outcomes.sort(key=lambda o: o.index)

    events: dict[tuple[str, str], IcsEvent] = {}
    for outcome in outcomes:
        problems.extend(outcome.problems)
        _winners(outcome.events, events)
    return IcsParseResult(
        method=method,
        events=list(events.values()),
        problems=problems,
        components_seen=total + len(split_file.incomplete),
        skipped_unchanged=skipped,
        group_hashes=[g.hash for g in groups],
        uids=[g.uid for g in groups],
    )


def _winners(
    found: list[IcsEvent], into: dict[tuple[str, str], IcsEvent] | None = None
) -> dict[tuple[str, str], IcsEvent]:
    """One event per (UID, RECURRENCE-ID), in ``into``: the higher SEQUENCE wins, then
    the later one; the order follows the winning events."""
    events = {} if into is None else into
    for event in found:
        key = (event.uid, event.recurrence_id)
        prev = events.get(key)
        if prev is None or event.sequence >= prev.sequence:
            events.pop(key, None)  # re-insert so order follows the winning event
            events[key] = event
    return events


def _final_groups(groups: list[Group]) -> set[int]:
    """The groups whose events no other group of the file can override or answer: their
    UID is in no other group (another METHOD or X-WR-TIMEZONE makes another group), and
    they are not replies (a reply changes a meeting that may be in the same file)."""
    count: dict[str, int] = {}
    for group in groups:
        count[group.uid] = count.get(group.uid, 0) + 1
    return {g.index for g in groups if count[g.uid] == 1 and g.method != "REPLY"}


def _fallback_split(data: bytes, split_file: SplitFile) -> SplitFile:
    """When the text split finds no VEVENT, let icalendar try the whole file.

    This catches layouts our line scanner does not know; VEVENTs icalendar finds are
    written out again and split normally, so the rest of the pipeline is the same.
    """
    if b"VEVENT" not in data.upper():
        return split_file
    try:
        import icalendar

        # Our decoding, not icalendar's: it would turn a Latin-1 "ü" into U+FFFD.
        comps = icalendar.Component.from_ical(decode(data), multiple=True)
        texts = [
            ev.to_ical().decode("utf-8", "replace") for comp in comps for ev in comp.walk("VEVENT")
        ]
    except Exception:
        return split_file
    if not texts:
        return split_file
    again = split("\n".join(["BEGIN:VCALENDAR", *texts, "END:VCALENDAR"]))
    again.calendars = split_file.calendars[:1] or again.calendars
    return again


def _jobs(
    groups: list[Group],
    split_file: SplitFile,
    window_start: date,
    window_end: date,
    workers: int | None,
) -> list[ChunkJob]:
    by_context: dict[tuple[str, str], list[Group]] = {}
    for group in groups:
        by_context.setdefault((group.method, group.x_wr_timezone), []).append(group)
    size = _CHUNK_PARALLEL if _worker_count(groups, workers) > 1 else _CHUNK_IN_PROCESS
    jobs: list[ChunkJob] = []
    for (method, x_wr), members in by_context.items():
        zone = resolve_tzid(x_wr) if x_wr else None
        for start in range(0, len(members), size):
            chunk = members[start : start + size]
            tzids = {t for g in chunk for t in g.tzids if resolve_tzid(t) is None}
            jobs.append(
                ChunkJob(
                    method=method,
                    x_wr_timezone=zone or "",
                    groups=chunk,
                    timezones={
                        t: split_file.timezones[t] for t in tzids if t in split_file.timezones
                    },
                    window_start=window_start,
                    window_end=window_end,
                )
            )
    return jobs


def _worker_count(groups: list[Group], workers: int | None) -> int:
    """How many processes (this one included) should parse.

    Automatic choice: plain single events are read without icalendar and cost about
    0.1 ms each, so only series (icalendar plus recurrence expansion, ~100x dearer)
    count towards the threshold; starting a worker costs about half a second.
    """
    if workers is not None:
        return max(1, workers)
    return _automatic_workers(sum(1 + _SERIES_WEIGHT * g.recurring for g in groups))


def _automatic_workers(weight: int) -> int:
    if getattr(sys, "frozen", False):
        # A frozen (PyInstaller) app re-runs its entry point in a spawned child unless
        # it calls multiprocessing.freeze_support(); do not risk a second window.
        return 1
    if weight <= PARALLEL_MIN_WEIGHT:
        return 1
    return max(1, min(DEFAULT_WORKERS, os.cpu_count() or 1))


def _new_pool(n_workers: int) -> ProcessPoolExecutor | None:
    """A pool of ``n_workers - 1`` processes (this one is the other), or None if this
    platform cannot start one."""
    # "spawn", not "fork": the GUI has Qt threads, and forking a threaded process can
    # deadlock. Workers import only this package, icalendar and recurring_ical_events.
    try:
        return ProcessPoolExecutor(
            max_workers=n_workers - 1,
            mp_context=multiprocessing.get_context("spawn"),
            # A spawned process starts in English: it speaks this process's language,
            # so the notes it writes about broken events read like the rest.
            initializer=i18n.activate,
            initargs=(i18n.active(),),
        )
    except (OSError, ValueError, NotImplementedError):
        return None


def _early_pool(data: bytes, workers: int | None) -> ProcessPoolExecutor | None:
    """For a file that looks big enough to be parsed in parallel, a pool whose process
    starts now (about half a second: Python, icalendar), while this process splits the
    file, instead of after. The count of VEVENT and RRULE bytes only guesses the work
    (groups already imported are skipped later); a pool not needed in the end is shut
    down without waiting for it."""
    if workers is not None:
        return None
    guess = data.count(b"BEGIN:VEVENT") + _SERIES_WEIGHT * data.count(b"RRULE")
    n_workers = _automatic_workers(guess)
    if n_workers <= 1:
        return None
    pool = _new_pool(n_workers)
    if pool is not None:
        try:
            pool.submit(warm_up)
        except Exception:  # it will simply start later, or not be used
            pool.shutdown(wait=False, cancel_futures=True)
            return None
    return pool


def _run(
    jobs: list[ChunkJob], n_workers: int, started: ProcessPoolExecutor | None = None
) -> Iterator[list[GroupOutcome]]:
    """Parse the chunks, in ``n_workers`` processes counting this one.

    This process takes chunks from the front of the queue while the pool's processes
    start up (spawning costs ~0.5 s) and then take chunks too, so a pool never makes
    an import slower than doing it here alone, even on a busy machine. ``started``: a
    pool already starting (see _early_pool), used instead of a new one.
    """
    if n_workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield parse_chunk(job)
        return
    pool = started or _new_pool(n_workers)
    if pool is None:
        for job in jobs:
            yield parse_chunk(job)
        return
    queue = deque(jobs)
    in_flight: dict[Future[list[GroupOutcome]], ChunkJob] = {}
    with pool:
        try:
            while queue or in_flight:
                # Keep each pool process fed with a few chunks in reserve: while this
                # process is busy (the caller saves events between chunks), the pool
                # must not run dry.
                while queue and len(in_flight) < _IN_FLIGHT * (n_workers - 1):
                    job = queue.pop()  # the pool works from the back
                    in_flight[pool.submit(parse_chunk, job)] = job
                done = [f for f in in_flight if f.done()]
                if not done and queue:
                    yield parse_chunk(queue.popleft())
                    continue
                if not done:
                    # Nothing left to take from the queue: take back a chunk the pool
                    # has not started rather than wait for it.
                    waiting = next((f for f in reversed(in_flight) if f.cancel()), None)
                    if waiting is not None:
                        yield parse_chunk(in_flight.pop(waiting))
                        continue
                    done = list(wait(in_flight, return_when=FIRST_COMPLETED).done)
                for future in done:
                    job = in_flight.pop(future)
                    try:
                        result = future.result()
                    except Exception:
                        # A worker died (out of memory, killed): do that chunk here.
                        result = parse_chunk(job)
                    yield result
        finally:
            for future in in_flight:
                future.cancel()
