"""Text as the full-text index sees it: see :mod:`ichigoapp.textfold`.

The functions live outside the model package so that code without SQLAlchemy (the
names of the Today overview read before the model is imported) can use them; the
model's triggers and the store import them from here as before.
"""

from __future__ import annotations

from ichigoapp.textfold import SQL_FUNCTION as SQL_FUNCTION
from ichigoapp.textfold import fold as fold
from ichigoapp.textfold import index_text as index_text
from ichigoapp.textfold import is_unspaced as is_unspaced
from ichigoapp.textfold import query_terms as query_terms
