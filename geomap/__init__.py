"""geomap: news reporting about a regional situation, as a map an analyst can trust.

The public API is re-exported here; see the README for a tour.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("geomap")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"
