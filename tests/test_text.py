from __future__ import annotations

from pathlib import Path

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


def test_a_file_swapped_for_a_pipe_after_the_check_is_never_read(tmp_path: Path) -> None:
    """The check is made on the opened file: a pipe that only appears once the path was looked
    at can neither block the open nor be read."""
    import os
    import threading
    from unittest import mock

    from condlookup.text import UnreadableError, read_text

    fifo = tmp_path / "page.yaml"
    os.mkfifo(fifo)
    outcome: list[BaseException | str] = []

    def read() -> None:
        try:
            outcome.append(read_text(fifo, 1024))
        except BaseException as err:  # handed to the test's thread
            outcome.append(err)

    # As if the path had been a regular file when it was looked at, before it was replaced.
    with mock.patch("pathlib.Path.is_file", return_value=True):
        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(timeout=5)
    if reader.is_alive():  # blocked in open(): free it, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("read_text blocked on a pipe")
    assert len(outcome) == 1 and isinstance(outcome[0], UnreadableError)
    assert outcome[0].message == "not a regular file"
