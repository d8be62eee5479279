"""The dashboard's data store: the event sources a user has loaded, kept apart from the views.

An :class:`EventStore` holds one events table per source (the seed article,
uploaded tables, pasted articles). ``events`` is their concatenation in a
stable order; the map is built from it once per change of the data, and
filters (including switching a source off) only select rows of it.
"""

from __future__ import annotations

import pandas as pd
import param

from geomap.schema import conform_events, dedupe_event_ids, empty_events


class EventStore(param.Parameterized):
    """Event tables by source, and their combination.

    Parameters
    ----------
    sources : dict
        Source name to events table.
    """

    sources = param.Dict(default={}, doc="Source name -> events table.")
    events = param.DataFrame(default=None, doc="All sources' events, in a stable order.")

    def __init__(self, **params) -> None:
        super().__init__(**params)
        self._combine()

    @param.depends("sources", watch=True)
    def _combine(self) -> None:
        frames = []
        for name, frame in self.sources.items():
            frame = conform_events(frame).assign(source_name=name)
            frames.append(frame)
        combined = pd.concat(frames, ignore_index=True) if frames else empty_events()
        if "source_name" not in combined:
            combined["source_name"] = ""
        self.events = dedupe_event_ids(combined, by="source_name")

    def add_source(self, name: str, events: pd.DataFrame) -> str:
        """Add (or replace) a source; return the name used.

        Parameters
        ----------
        name : str
            Wanted name; a suffix is added when another source has it.
        events : pandas.DataFrame

        Returns
        -------
        str
        """
        unique, n = name, 2
        while unique in self.sources:
            unique, n = f"{name} ({n})", n + 1
        self.sources = {**self.sources, unique: conform_events(events)}
        return unique

    def remove_source(self, name: str) -> None:
        """Remove a source by name (no error when absent).

        Parameters
        ----------
        name : str
        """
        self.sources = {k: v for k, v in self.sources.items() if k != name}
