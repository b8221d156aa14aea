"""`make bench`: DESIGN.md section 6 measured against references in the same run.

Not collected by pytest (pyproject's norecursedirs); timings are never asserted in tests.
"""
