"""Meta-tests: the README documents every command, and every exception can be raised."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from geomap import exceptions
from geomap.cli import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sub.choices


@pytest.mark.parametrize("command", sorted(_commands()))
def test_readme_shows_every_command(command):
    assert f"geomap {command}" in README


def test_readme_has_the_two_commands():
    assert "make serve" in README and "make test" in README
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.strip().splitlines()[-1] == "make test"


ERRORS = [obj for _, obj in inspect.getmembers(exceptions, inspect.isclass)
          if issubclass(obj, exceptions.GeomapError)]


@pytest.mark.parametrize("cls", ERRORS, ids=lambda c: c.__name__)
def test_every_exception_can_be_raised_and_caught_as_a_builtin(cls):
    with pytest.raises(exceptions.GeomapError, match="bad input"):
        raise cls("bad input")
    if cls is not exceptions.GeomapError:
        builtin = [b for b in cls.__mro__ if b.__module__ == "builtins" and b is not object]
        assert builtin[0] is not Exception, f"{cls.__name__} should also inherit a specific builtin"


def test_ambiguous_place_keeps_candidates():
    err = exceptions.AmbiguousPlaceError("Panj?", candidates=["Panj TJ", "Panj AF"])
    assert err.candidates == ["Panj TJ", "Panj AF"]


def test_public_api_names_resolve():
    import geomap

    for name in geomap.__all__:
        assert getattr(geomap, name) is not None, name
    with pytest.raises(AttributeError, match="nope"):
        geomap.nope  # noqa: B018
