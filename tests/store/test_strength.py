"""The strength estimate behind `init`, `passwd` and the app's new-passphrase dialog."""

from __future__ import annotations

import pytest

from ichigoapp.errors import WeakPassphrase
from ichigoapp.store.strength import check_new_passphrase, rate_passphrase


@pytest.mark.parametrize(
    "weak", ["pw", "password1", "hunter2", "qwertyuiop", "ichigo2024", "11111111", "Ichigo!"]
)
def test_common_and_guessable_passphrases_are_weak(weak: str) -> None:
    rating = rate_passphrase(weak)
    assert rating.weak and rating.score < 2
    with pytest.raises(WeakPassphrase) as refused:
        check_new_passphrase(weak, allow_weak=False, how_to_confirm="say so")
    assert "say so" in refused.value.message and weak not in refused.value.message
    assert check_new_passphrase(weak, allow_weak=True, how_to_confirm="say so").weak


@pytest.mark.parametrize(
    "strong",
    [
        "correct horse battery staple",
        "quiet harbour lantern 47",
        "Tr0ub4dor&3-Kyoto-lantern",
        "a sentence only I would write about tea in 1998, and then some more words" * 2,
    ],
)
def test_long_uncommon_passphrases_pass(strong: str) -> None:
    rating = rate_passphrase(strong)
    assert not rating.weak and rating.score >= 3
    check_new_passphrase(strong, allow_weak=False, how_to_confirm="say so")


def test_the_vault_s_own_name_makes_a_passphrase_weaker() -> None:
    assert rate_passphrase("tanakafamily", context=["tanakafamily"]).weak
