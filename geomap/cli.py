"""Command line: ``geomap map``, ``geomap events``, ``geomap places``, ``geomap serve``.

A thin layer over the library. Every :class:`~geomap.exceptions.GeomapError`
becomes one line on stderr naming the input, and a non-zero exit code; counts
of what was read, accepted and rejected also go to stderr, so stdout stays
clean for data. Outputs are written atomically: a failed command leaves no
partial file.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from geomap import __version__
from geomap.exceptions import GeomapError, InputError

log = logging.getLogger("geomap")

ARTICLE_SUFFIXES = (".txt", ".text", ".md")
MAP_SUFFIXES = (".html", ".htm", ".png")
TABLE_SUFFIXES = (".csv", ".geojson", ".json", ".parquet")

EPILOG = """examples:
  geomap map geodata/articles/article-2021-08-25-putin-xi-afghanistan.events.csv -o report.html
  geomap map article.txt --published 2021-08-25 -o report.html
  geomap map acled.csv ucdp.csv article.txt -o combined.html
  geomap events article.txt --published 2021-08-25 -o events.csv
  geomap places article.txt --json
  geomap serve --port 5006
"""


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``geomap`` command.

    Returns
    -------
    argparse.ArgumentParser
    """
    parser = argparse.ArgumentParser(
        prog="geomap",
        description="Turn news articles and event tables about a regional situation into "
        "an interactive map whose every event traces to its sentence.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"geomap {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and warnings")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_map(sub)
    _add_events(sub)
    _add_places(sub)
    _add_serve(sub)
    return parser


def _article_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--published", metavar="YYYY-MM-DD",
                        help="publication date of article inputs (else the article's date "
                        "line or its .meta.json sidecar)")
    parser.add_argument("--source", metavar="NAME_OR_URL", help="outlet or URL of article inputs")


def _add_map(sub) -> None:
    p = sub.add_parser(
        "map", help="draw events (tables or articles) as one HTML file or PNG image",
        description="Draw the events of event tables (geomap CSV/GeoJSON/JSON/Parquet, ACLED, "
        "UCDP GED, GDELT) and articles (.txt) as one map. The output type follows the "
        "extension of -o: .html (self-contained unless --cdn), .png (needs Chromium), or "
        ".csv/.geojson/.json/.parquet for the combined events table itself.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="event tables, articles or folders")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="map.html, map.png, or a table (.csv, .geojson, .json, .parquet)")
    p.add_argument("--format", metavar="NAME",
                   help="format of the table inputs (geomap, geojson, json, acled, ucdp, gdelt); "
                   "detected when omitted")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--cdn", action="store_true",
                      help="load Leaflet from its CDN (smaller file, needs the network)")
    mode.add_argument("--offline", action="store_true",
                      help="inline every script and stylesheet (the default)")
    p.add_argument("--title", help="page title")
    p.add_argument("--no-tiles", action="store_true", help="draw no tile layer")
    _article_options(p)
    p.set_defaults(func=cmd_map)


def _add_events(sub) -> None:
    p = sub.add_parser(
        "events", help="extract the events of articles into a table",
        description="Extract typed, dated, located events from articles, each with its verbatim "
        "sentence and character offsets. Output type follows -o: .csv, .geojson, .json, .parquet.",
    )
    p.add_argument("articles", nargs="+", metavar="ARTICLE", help="article .txt files or folders")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="events.csv|.geojson|.json")
    _article_options(p)
    p.set_defaults(func=cmd_events)


def _add_places(sub) -> None:
    p = sub.add_parser(
        "places", help="list the place names of an article and where they resolve",
        description="Find the place names in a text file and resolve them offline; unresolved "
        "names are listed too.",
    )
    p.add_argument("file", metavar="FILE", help="article text file")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_places)


def _add_serve(sub) -> None:
    p = sub.add_parser(
        "serve", help="start the dashboard (the seed article by default)",
        description="Serve the Panel dashboard in the browser. Without --events it opens on the "
        "seed article's hand-checked events table.",
    )
    p.add_argument("--port", type=int, default=5006, help="port (default 5006)")
    p.add_argument("--address", default="localhost", help="address to bind (default localhost)")
    p.add_argument("--show", action="store_true", help="open a browser tab")
    p.add_argument("--events", nargs="*", metavar="FILE", default=None,
                   help="event tables to open instead of the seed article's")
    p.set_defaults(func=cmd_serve)


# ---------------------------------------------------------------------------- commands


def _is_article(path: Path) -> bool:
    return path.is_dir() or path.suffix.lower() in ARTICLE_SUFFIXES


def _read_articles(paths: Sequence[Path], args: argparse.Namespace) -> pd.DataFrame:
    from geomap.articles import iter_article_paths, load_article, require_published
    from geomap.extract import events_from_articles

    articles = [
        require_published(load_article(p, published=args.published, source=args.source))
        for p in iter_article_paths(paths)
    ]
    events = events_from_articles(articles, progress=sys.stderr.isatty())
    print(f"{len(articles)} article(s): {len(events)} events", file=sys.stderr)
    return events


def _read_tables(paths: Sequence[Path], fmt: str | None) -> list[pd.DataFrame]:
    from geomap.formats import counts_message, load_events, rejected_messages

    frames = []
    for path in paths:
        result = load_events(path, format=fmt)
        print(counts_message(result), file=sys.stderr)
        for line in rejected_messages(result):
            print(line, file=sys.stderr)
        frames.append(result.events)
    return frames


def read_inputs(inputs: Sequence[str], args: argparse.Namespace) -> pd.DataFrame:
    """Return one events table from every table and article among ``inputs``.

    Parameters
    ----------
    inputs : sequence of str
        Paths of event tables, articles or folders of articles.
    args : argparse.Namespace
        Parsed options (``format``, ``published``, ``source``).

    Returns
    -------
    pandas.DataFrame
    """
    from geomap.schema import conform_events, dedupe_event_ids, empty_events

    paths = [Path(p) for p in inputs]
    for path in paths:
        if not path.exists():
            msg = f"Input {str(path)!r} does not exist"
            raise InputError(msg)
    articles = [p for p in paths if _is_article(p)]
    tables = [p for p in paths if not _is_article(p)]
    frames = _read_tables(tables, getattr(args, "format", None))
    if articles:
        frames.append(_read_articles(articles, args))
    frames = [f for f in frames if len(f)]
    if not frames:
        return empty_events()
    combined = pd.concat([conform_events(f) for f in frames], ignore_index=True)
    return dedupe_event_ids(combined)


def _check_output(path: Path, allowed: Sequence[str]) -> None:
    if path.suffix.lower() not in allowed:
        msg = f"Output {str(path)!r} has an unknown extension; expected one of {list(allowed)}"
        raise InputError(msg)
    if not path.parent.is_dir():
        msg = f"Output folder {str(path.parent)!r} does not exist"
        raise InputError(msg)


def cmd_map(args: argparse.Namespace) -> int:
    """Run ``geomap map``."""
    from geomap.export import save_html, save_png
    from geomap.mapping import map_from_events

    from geomap.formats import save_events

    out = Path(args.output)
    _check_output(out, MAP_SUFFIXES + TABLE_SUFFIXES)
    events = read_inputs(args.inputs, args)
    suffix = out.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        # The combined table itself, e.g. ACLED and UCDP files converted to geomap's columns.
        save_events(events, out)
    else:
        m = map_from_events(events, title=args.title,
                            tiles=None if args.no_tiles else "OpenStreetMap")
        if suffix == ".png":
            save_png(m, out)
        else:
            save_html(m, out, cdn=args.cdn)
    print(f"wrote {out} ({len(events)} events)", file=sys.stderr)
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    """Run ``geomap events``."""
    from geomap.formats import save_events

    out = Path(args.output)
    _check_output(out, TABLE_SUFFIXES)
    paths = [Path(p) for p in args.articles]
    for path in paths:
        if not path.exists():
            msg = f"Article {str(path)!r} does not exist"
            raise InputError(msg)
    events = _read_articles(paths, args)
    save_events(events, out)
    print(f"wrote {out} ({len(events)} events)", file=sys.stderr)
    return 0


def cmd_places(args: argparse.Namespace) -> int:
    """Run ``geomap places``."""
    from geomap.articles import load_article
    from geomap.geoparse import format_mentions, geoparse

    article = load_article(args.file)
    mentions = geoparse(article.text)
    print(format_mentions(mentions, as_json=args.json))
    unresolved = sum(1 for m in mentions if not m.resolved)
    print(f"{len(mentions)} place mentions, {unresolved} unresolved", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Run ``geomap serve``."""
    from geomap.serve import serve_dashboard

    serve_dashboard(port=args.port, address=args.address, show=args.show, events=args.events)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``geomap`` command; return its exit code.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments (default ``sys.argv[1:]``).

    Returns
    -------
    int
        0 on success, 1 on a geomap error, 2 on a usage error.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="geomap: %(levelname)s: %(message)s")
    try:
        return args.func(args)
    except GeomapError as err:
        print(f"geomap {args.command}: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("geomap: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
