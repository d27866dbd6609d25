from __future__ import annotations

import pytest

from condlookup.text import find_words, fold, name_keys, normalize_name, safe, words


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Sjögren's syndrome", "sjogren syndrome"),
        ("SJOGREN’S  Syndrome", "sjogren syndrome"),
        ("ORPHA:1183", "orpha 1183"),
        ("Opsoclonus-myoclonus syndrome", "opsoclonus myoclonus syndrome"),
        ("../../etc/passwd", "etc passwd"),
        ("  ", ""),
    ],
)
def test_normalize_name(given: str, expected: str) -> None:
    assert normalize_name(given) == expected


def test_name_keys_drop_generic_endings() -> None:
    assert name_keys("Sjögren's syndrome") == ("sjogren syndrome", "sjogren")
    assert name_keys("CHARGE syndrome", derived=False) == ("charge syndrome",)
    assert name_keys("Syndrome") == ("syndrome",)


def test_fold_and_words() -> None:
    assert fold("Fièvre ÉTÉ") == "fievre ete"
    assert words('"dry  mouth" (NEAR*) -x') == ["dry", "mouth", "near", "x"]


def test_find_words_maps_spans_back_to_accented_text() -> None:
    line = "Sjögren's syndrome: dry eyes"
    spans = find_words(line, ["sjogren", "dry"])
    assert [line[start:end] for start, end in spans] == ["Sjögren", "dry"]


def test_safe_shows_control_characters() -> None:
    assert safe("a\x1b[31mb\x07\u202ec") == "a\\x1b[31mb\\x07\\u202ec"
    assert safe("tab\tand\nnewline") == "tab\tand\nnewline"
