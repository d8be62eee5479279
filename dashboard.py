"""geomap dashboard: the map and the events table side by side, with filters.

Run with ``make serve``, ``geomap serve`` or ``panel serve dashboard.py``. This
file only wires Panel widgets to geomap's library functions: the data live in
:class:`geomap.store.EventStore`, filtering is :func:`geomap.filters.filter_mask`,
the map is :func:`geomap.mapping.map_from_events` rendered once per data change
by :func:`geomap.export.render_html` and shown by :class:`geomap.mapview.MapView`,
which applies filters in the browser without re-sending the map.
"""

from __future__ import annotations

import asyncio
import io
import os

import numpy as np
import panel as pn

from geomap import settings
from geomap.articles import article_from_text, decode_bytes, require_published
from geomap.exceptions import GeomapError, InputError
from geomap.export import render_html
from geomap.extract import events_from_article
from geomap.filters import event_intervals, filter_mask, filter_options
from geomap.formats import counts_message, load_events
from geomap.mapping import map_from_events
from geomap.mapview import MapView
from geomap.review import candidate_label, candidates, place_table
from geomap.store import EventStore, events_download, load_upload

pn.extension("tabulator", notifications=False)

TABLE_COLUMNS = [
    "event_date", "category", "location", "quote", "actors", "time_precision",
    "geo_precision", "source_name", "flags", "event_id",
]
TABLE_WIDTHS = {"event_date": 92, "category": 110, "location": 110, "quote": 250, "actors": 150}
SEED_SOURCE = "Seed article (2021-08-25)"


def initial_sources(event_files: list[str] | None = None) -> dict:
    """Return the sources the dashboard opens with: given files, else the seed table.

    Parameters
    ----------
    event_files : list of str, optional
        Event tables to open (``GEOMAP_EVENTS`` may list them, ``os.pathsep``-separated).

    Returns
    -------
    dict
        Source name to events table.
    """
    paths = event_files or [p for p in os.environ.get("GEOMAP_EVENTS", "").split(os.pathsep) if p]
    if not paths:
        paths = [str(settings.seed_events)]
        names = [SEED_SOURCE]
    else:
        names = [os.path.basename(p) for p in paths]
    return {name: _opening_table(path, os.path.getmtime(path))
            for name, path in zip(names, paths)}


@pn.cache(max_items=8)
def _opening_table(path: str, _mtime: float):
    # Every browser session opens on the same tables: read each once per change of the file.
    return load_events(path).events


def _multi(name: str) -> pn.widgets.MultiChoice:
    return pn.widgets.MultiChoice(label=name, options=[], placeholder="all", solid=False)


class Dashboard:
    """The dashboard's widgets and their wiring to one :class:`EventStore`."""

    def __init__(self, store: EventStore) -> None:
        self.store = store
        self.alert = pn.pane.Alert("", alert_type="danger", visible=False)
        self.notice = pn.pane.Alert("", alert_type="success", visible=False)
        self.category = _multi("Event type")
        self.actor = _multi("Actor")
        self.country = _multi("Country")
        self.precision = _multi("Place precision")
        self.sources = pn.widgets.CheckBoxGroup(label="Sources", options=[], value=[])
        self.dates = pn.widgets.DateRangePicker(label="Date range")
        self.text = pn.widgets.TextInput(label="Search quotes", placeholder="words in the sentence")
        self.mapview = MapView(sizing_mode="stretch_both", min_height=560)
        self.table = pn.widgets.Tabulator(
            pagination="remote", page_size=15, show_index=False, disabled=True,
            selectable="checkbox", sizing_mode="stretch_height", width=580, min_height=560,
            layout="fit_data_fill", widths=TABLE_WIDTHS, formatters={"quote": {"type": "textarea"}},
        )
        self.count = pn.pane.Markdown("", css_classes=["geomap-count"])
        self._build_article_input()
        self._build_table_input()
        self._build_downloads()
        self._build_places()
        self.store.param.watch(self._on_data, "events")
        for widget in (self.category, self.actor, self.country, self.precision, self.sources,
                       self.dates):
            widget.param.watch(self._on_filter, "value")
        self.text.param.watch(self._on_filter, "value_input")
        self.table.param.watch(self._on_select, "selection")
        self._on_data()

    # ---- data and filters -------------------------------------------------------------
    def _on_data(self, *_events) -> None:
        events = self.store.events
        # Set first: updating the widgets' options below already runs the filters.
        self._intervals = event_intervals(events)
        options = filter_options(events)
        self.category.options = options["categories"]
        self.actor.options = options["actors"]
        self.country.options = options["countries"]
        self.precision.options = options["geo_precisions"]
        names, known = list(self.store.sources), set(self.sources.options)
        # New sources start switched on; known ones keep the user's choice.
        self.sources.options = names
        self.sources.value = [n for n in names if n in self.sources.value or n not in known]
        bounds = options["date_bounds"]
        if bounds:
            # Bounds first, then the value: a value outside the old bounds is refused.
            self.dates.param.update(start=bounds[0], end=bounds[1])
            self.dates.value = bounds
        self.mapview.html = render_html(map_from_events(events))
        self.places.value = place_table(events, with_candidates=False)
        self._on_filter()

    def mask(self) -> np.ndarray:
        """Return which events of the store pass the current filters."""
        events = self.store.events
        sources = set(self.sources.value)
        keep = events["source_name"].isin(sources).to_numpy()
        return keep & filter_mask(
            events,
            categories=self.category.value or None,
            actors=self.actor.value or None,
            countries=self.country.value or None,
            geo_precisions=self.precision.value or None,
            date_range=tuple(self.dates.value) if self.dates.value else None,
            text=self.text.value_input or "",
            intervals=self._intervals,
        )

    def filtered(self):
        """Return the events that pass the current filters."""
        return self.store.events[self.mask()]

    def _on_filter(self, *_events) -> None:
        mask = self.mask()
        positions = np.flatnonzero(mask)
        self.mapview.shown = None if mask.all() else positions.tolist()
        self.table.value = self.store.events.loc[mask, TABLE_COLUMNS]
        self.count.object = f"**{len(positions)}** of {len(mask)} events"

    def _on_select(self, event) -> None:
        rows = self.table.value.index[event.new].tolist() if event.new else []
        self.mapview.zoom = rows

    # ---- adding articles and tables --------------------------------------------------------
    def _build_article_input(self) -> None:
        self.article_text = pn.widgets.TextAreaInput(
            label="Article text", placeholder="Paste an article here", height=160)
        self.article_file = pn.widgets.FileInput(accept=".txt", label="or upload a .txt file")
        self.article_date = pn.widgets.DatePicker(label="Published")
        self.article_source = pn.widgets.TextInput(label="Source (outlet or URL)")
        self.extract_button = pn.widgets.Button(label="Extract events", color="primary")
        self.progress = pn.indicators.Progress(active=False, visible=False, width=200, height=16)
        self.pending = pn.widgets.Tabulator(show_index=False, disabled=True, visible=False,
                                            height=200, layout="fit_data_table")
        self.keep_button = pn.widgets.Button(label="Keep", color="success", visible=False)
        self.discard_button = pn.widgets.Button(label="Discard", visible=False)
        self.article_file.param.watch(self._on_article_file, "value")
        self.extract_button.on_click(self._on_extract)
        self.keep_button.on_click(self._on_keep)
        self.discard_button.on_click(self._on_discard)
        self._pending_events = None

    def _on_article_file(self, event) -> None:
        if event.new is None:
            return
        try:
            self.article_text.value = decode_bytes(event.new, name=self.article_file.filename)
        except GeomapError as err:
            self.show_error(err)

    async def _on_extract(self, _event) -> None:
        # Async, so the progress bar reaches the browser while extraction runs in a thread.
        self.progress.param.update(visible=True, active=True)
        self.extract_button.disabled = True
        try:
            published = self.article_date.value.isoformat() if self.article_date.value else None
            article = require_published(article_from_text(
                self.article_text.value, published=published,
                source=self.article_source.value or None))
            events = await asyncio.to_thread(events_from_article, article)
        except GeomapError as err:
            self.show_error(err)
            return
        finally:
            self.progress.param.update(visible=False, active=False)
            self.extract_button.disabled = False
        self._pending_events = events
        self.pending.value = events[["event_date", "category", "location", "quote"]]
        for widget in (self.pending, self.keep_button, self.discard_button):
            widget.visible = True
        self.show_notice(f"{len(events)} events found; keep or discard them.")

    def _on_keep(self, _event) -> None:
        if self._pending_events is not None:
            name = self.article_source.value or "Pasted article"
            self.store.add_source(name, self._pending_events)
        self._on_discard(None)

    def _on_discard(self, _event) -> None:
        self._pending_events = None
        for widget in (self.pending, self.keep_button, self.discard_button):
            widget.visible = False

    def _build_table_input(self) -> None:
        self.table_file = pn.widgets.FileInput(
            accept=".csv,.geojson,.json,.parquet,.tsv", label="Load an event table")
        self.table_format = pn.widgets.Select(
            label="Format", options=["detect", "geomap", "geojson", "json", "acled", "ucdp", "gdelt"])
        self.table_file.param.watch(self._on_table_file, "value")

    def _on_table_file(self, event) -> None:
        if event.new is None:
            return
        fmt = None if self.table_format.value == "detect" else self.table_format.value
        try:
            result = load_upload(event.new, filename=self.table_file.filename or "upload",
                                 format=fmt)
        except GeomapError as err:
            self.show_error(err)
            return
        self.store.add_source(result.path.name, result.events)
        self.show_notice(counts_message(result))

    # ---- downloads -------------------------------------------------------------------------
    def _build_downloads(self) -> None:
        self.download_map = pn.widgets.FileDownload(
            callback=lambda: io.StringIO(render_html(map_from_events(self.filtered()))),
            filename="geomap-map.html", label="Map (HTML)", color="default")
        self.download_csv = pn.widgets.FileDownload(
            callback=lambda: io.BytesIO(events_download(self.filtered(), suffix=".csv")),
            filename="geomap-events.csv", label="Events (CSV)", color="default")
        self.download_geojson = pn.widgets.FileDownload(
            callback=lambda: io.BytesIO(events_download(self.filtered(), suffix=".geojson")),
            filename="geomap-events.geojson", label="Events (GeoJSON)", color="default")

    # ---- reviewing places ----------------------------------------------------------------
    def _build_places(self) -> None:
        self.places = pn.widgets.Tabulator(
            show_index=False, disabled=True, selectable=1, pagination="remote", page_size=20,
            sizing_mode="stretch_width", layout="fit_data_fill")
        self.place_name = pn.widgets.TextInput(label="Place name", disabled=True)
        self.place_candidate = pn.widgets.Select(label="Gazetteer candidates", options={})
        self.place_lat = pn.widgets.FloatInput(label="Latitude", value=None, start=-90, end=90)
        self.place_lon = pn.widgets.FloatInput(label="Longitude", value=None, start=-180, end=180)
        self.place_country = pn.widgets.TextInput(label="Country (ISO2)")
        self.correct_button = pn.widgets.Button(
            label="Correct every event using this name", color="primary")
        self.places.param.watch(self._on_place_select, "selection")
        self.place_candidate.param.watch(self._on_candidate, "value")
        self.correct_button.on_click(self._on_correct)

    def _on_place_select(self, event) -> None:
        if not event.new:
            return
        row = self.places.value.iloc[event.new[0]]
        self.place_name.value = row["name"]
        found = candidates(row["name"])
        self.place_candidate.options = {candidate_label(p): p for p in found}
        self.place_lat.value = None if row["latitude"] != row["latitude"] else row["latitude"]
        self.place_lon.value = None if row["longitude"] != row["longitude"] else row["longitude"]

    def _on_candidate(self, event) -> None:
        if event.new is not None:
            place = event.new
            self.place_lat.value, self.place_lon.value = place.lat, place.lon
            self.place_country.value = place.country_code.split("/")[0]

    def _on_correct(self, _event) -> None:
        try:
            if self.place_lat.value is None or self.place_lon.value is None:
                msg = f"Choose a candidate or type coordinates for {self.place_name.value!r}"
                raise InputError(msg)
            self.store.correct_place(self.place_name.value, lat=self.place_lat.value,
                                     lon=self.place_lon.value, country=self.place_country.value)
        except GeomapError as err:
            self.show_error(err)
            return
        self.show_notice(f"Corrected {self.place_name.value!r}; saved for next time.")

    def places_panel(self) -> pn.Column:
        """Return the place review tab."""
        return pn.Column(
            pn.pane.Markdown("Every place name the events use, unresolved first. Select one "
                             "to see the gazetteer's candidates; a correction moves every "
                             "event that uses the name and is saved in your data folder."),
            pn.Row(self.places, pn.Column(self.place_name, self.place_candidate, self.place_lat,
                                          self.place_lon, self.place_country,
                                          self.correct_button, width=340)),
            sizing_mode="stretch_both")

    # ---- messages ----------------------------------------------------------------------------
    def show_error(self, err: Exception) -> None:
        """Show a geomap error in the alert pane."""
        self.notice.visible = False
        self.alert.param.update(object=str(err), visible=True)

    def show_notice(self, text: str) -> None:
        """Show a success message."""
        self.alert.visible = False
        self.notice.param.update(object=text, visible=True)

    # ---- layout ------------------------------------------------------------------------------
    def sidebar(self) -> list:
        """Return the sidebar's contents."""
        return [
            self.alert, self.notice,
            pn.pane.Markdown("### Filters"), self.count,
            self.category, self.actor, self.country, self.dates, self.text, self.precision,
            pn.pane.Markdown("**Sources**"), self.sources,
            pn.pane.Markdown("### Download"),
            self.download_map, self.download_csv, self.download_geojson,
            pn.pane.Markdown("### Add an article"),
            self.article_text, self.article_file, self.article_date, self.article_source,
            self.extract_button, self.progress, self.pending,
            pn.Row(self.keep_button, self.discard_button),
            pn.pane.Markdown("### Add an event table"), self.table_format, self.table_file,
        ]

    def main(self) -> pn.Tabs:
        """Return the main area: the map and the table side by side, and the place review."""
        return pn.Tabs(
            ("Map and events", pn.Row(self.mapview, self.table, sizing_mode="stretch_both")),
            ("Places", self.places_panel()),
            sizing_mode="stretch_both", dynamic=False)


def create_app(event_files: list[str] | None = None) -> pn.template.FastListTemplate:
    """Return the dashboard page.

    Parameters
    ----------
    event_files : list of str, optional
        Event tables to open instead of the seed article's.

    Returns
    -------
    panel.template.FastListTemplate
    """
    dashboard = Dashboard(EventStore(sources=initial_sources(event_files)))
    template = pn.template.FastListTemplate(
        title="geomap", sidebar=dashboard.sidebar(), main=[dashboard.main()],
        sidebar_width=360, accent="#1f4e79",
    )
    template.dashboard = dashboard
    return template


if __name__.startswith("bokeh"):
    create_app().servable()
