/*
 * geomap runtime: draws geomap's layers in Leaflet from compact column data.
 *
 * The exported map and the dashboard share this file. Events arrive once as
 * columns (coordinates as numbers, text fields dictionary-encoded), are drawn
 * on one canvas, and popups are built from the data on click. Every piece of
 * text from an input is set with textContent, never innerHTML, so article text
 * can never become markup.
 */
(function (root) {
  "use strict";

  var geomap = (root.geomap = root.geomap || {});
  geomap.instances = geomap.instances || {};
  var DAY_MS = 86400000;

  // ---- small DOM helpers (textContent only) --------------------------------
  function el(tag, className, text, parent) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null && text !== "") node.textContent = String(text);
    if (parent) parent.appendChild(node);
    return node;
  }

  function escapeHtml(text) {
    // Only for Leaflet APIs that take HTML strings (attribution); data never
    // reaches innerHTML elsewhere.
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // ---- event columns ---------------------------------------------------------
  function EventTable(data) {
    this.n = data.n;
    this.lat = data.lat;
    this.lon = data.lon;
    this.cat = data.cat;
    this.cats = data.cats;
    this.text = data.text;
    this._intervals();
  }

  EventTable.prototype.get = function (field, i) {
    var col = this.text[field];
    if (!col) return "";
    var v = col.v[col.i[i]];
    return v === undefined || v === null ? "" : v;
  };

  // Interval [start, end) in days since 1970 that an event may cover, from its
  // date and time precision: an event known only to its month spans the month.
  function interval(date, precision) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || "");
    if (!m) return null;
    var y = +m[1], mo = +m[2] - 1, d = +m[3];
    var start = Date.UTC(y, mo, d) / DAY_MS;
    var end;
    if (precision === "year") end = Date.UTC(y + 1, 0, 1) / DAY_MS;
    else if (precision === "month") end = Date.UTC(y, mo + 1, 1) / DAY_MS;
    else if (precision === "week") end = start + 7;
    else end = start + 1;
    return [start, end];
  }

  EventTable.prototype._intervals = function () {
    var n = this.n, dates = this.text.event_date, precs = this.text.time_precision;
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
    var cache = {};
    for (var i = 0; i < n; i++) {
      var dc = dates ? dates.i[i] : -1, pc = precs ? precs.i[i] : -1;
      var key = dc + "|" + pc;
      var iv = cache[key];
      if (iv === undefined) {
        iv = cache[key] = interval(dates ? dates.v[dc] : "", precs ? precs.v[pc] : "day");
      }
      this.start[i] = iv ? iv[0] : NaN;
      this.end[i] = iv ? iv[1] : NaN;
    }
  };

  EventTable.prototype.placed = function (i) {
    return this.lat[i] !== null && this.lon[i] !== null;
  };

  function formatDay(days) {
    return new Date(days * DAY_MS).toISOString().slice(0, 10);
  }

  function dateLabel(t, i) {
    var date = t.get("event_date", i);
    if (!date) return "date unknown";
    var p = t.get("time_precision", i) || "day";
    var label = date;
    if (p === "month") label = date.slice(0, 7);
    else if (p === "year") label = date.slice(0, 4);
    else if (p === "week") label = "week of " + date;
    if (t.get("planned", i) === "true") label += " (planned)";
    return label;
  }

  // ---- popups ------------------------------------------------------------------
  function eventCard(t, i, parent) {
    var card = el("div", "geomap-card", null, parent);
    var head = el("div", "geomap-card-head", null, card);
    var sw = el("span", "geomap-swatch", null, head);
    var cat = t.cats[t.cat[i]] || { label: "?", color: "#333" };
    sw.style.background = cat.color;
    el("strong", null, cat.label, head);
    el("span", "geomap-muted", " \u00b7 " + dateLabel(t, i), head);
    var rows = [
      ["Place", placeLabel(t, i)],
      ["Actors", t.get("actors", i)],
      ["Movement", movementLabel(t, i)],
      ["Size", t.get("magnitude", i)],
      ["Source", t.get("source", i)],
      ["Flags", t.get("flags", i)],
      ["Event", t.get("event_id", i)]
    ];
    var dl = el("dl", "geomap-fields", null, card);
    rows.forEach(function (r) {
      if (!r[1]) return;
      el("dt", null, r[0], dl);
      el("dd", null, r[1], dl);
    });
    var quote = t.get("quote", i);
    if (quote) el("blockquote", "geomap-quote", quote, card);
    return card;
  }

  function placeLabel(t, i) {
    var loc = t.get("location", i);
    var prec = t.get("geo_precision", i);
    if (!loc) return prec && prec !== "unknown" ? "(" + prec + ")" : "";
    return prec ? loc + " (" + prec + ")" : loc;
  }

  function movementLabel(t, i) {
    var o = t.get("origin_name", i), d = t.get("destination_name", i);
    if (!o && !d) return "";
    return (o || "?") + " \u2192 " + (d || "?");
  }

  function popupContent(t, indices) {
    var box = el("div", "geomap-popup");
    var limit = 20;
    if (indices.length > 1) el("div", "geomap-muted", indices.length + " events here", box);
    indices.slice(0, limit).forEach(function (i) { eventCard(t, i, box); });
    if (indices.length > limit) el("div", "geomap-muted", "\u2026 and " + (indices.length - limit) + " more", box);
    return box;
  }

  // ---- the canvas points layer --------------------------------------------------
  var PointsLayer = L.Layer.extend({
    options: { radius: 5, hitTolerance: 3 },

    initialize: function (table, options) {
      L.setOptions(this, options);
      this.table = table;
      this.visible = new Uint8Array(table.n);
      this._masks = {};
      this._refresh();
    },

    // Named masks (category legend, time slider, dashboard filter) combine by AND.
    setMask: function (name, mask) {
      if (mask) this._masks[name] = mask;
      else delete this._masks[name];
      this._refresh();
      if (this._map) this._draw();
      this.fire("filter");
    },

    _refresh: function () {
      var n = this.table.n, vis = this.visible, names = Object.keys(this._masks);
      for (var i = 0; i < n; i++) {
        var ok = 1;
        for (var k = 0; k < names.length && ok; k++) ok = this._masks[names[k]][i];
        vis[i] = ok ? 1 : 0;
      }
      this.visibleCount = 0;
      for (var j = 0; j < n; j++) this.visibleCount += vis[j];
    },

    onAdd: function (map) {
      var t = this.table, n = t.n, crs = map.options.crs;
      // Project once to zoom-0 pixels; each redraw only scales and shifts.
      this._x0 = new Float64Array(n);
      this._y0 = new Float64Array(n);
      for (var i = 0; i < n; i++) {
        if (!t.placed(i)) { this._x0[i] = NaN; continue; }
        var p = crs.latLngToPoint(L.latLng(t.lat[i], t.lon[i]), 0);
        this._x0[i] = p.x;
        this._y0[i] = p.y;
      }
      this._px = new Float32Array(n);
      this._py = new Float32Array(n);
      // Draw order by category, so each colour is one canvas path.
      this._order = Array.prototype.slice.call(new Uint32Array(n).map(function (_, k) { return k; }));
      this._order.sort(function (a, b) { return t.cat[a] - t.cat[b] || a - b; });
      this._canvas = L.DomUtil.create("canvas", "geomap-points leaflet-zoom-hide");
      this.getPane().appendChild(this._canvas);
      map.on("moveend zoomend resize viewreset", this._reset, this);
      map.on("click", this._onClick, this);
      map.on("mousemove", this._onMove, this);
      this._reset();
    },

    onRemove: function (map) {
      map.off("moveend zoomend resize viewreset", this._reset, this);
      map.off("click", this._onClick, this);
      map.off("mousemove", this._onMove, this);
      L.DomUtil.remove(this._canvas);
      map.getContainer().style.cursor = "";
    },

    _reset: function () {
      var map = this._map, size = map.getSize(), ratio = root.devicePixelRatio || 1;
      L.DomUtil.setPosition(this._canvas, map.containerPointToLayerPoint([0, 0]));
      this._canvas.width = size.x * ratio;
      this._canvas.height = size.y * ratio;
      this._canvas.style.width = size.x + "px";
      this._canvas.style.height = size.y + "px";
      this._ratio = ratio;
      this._draw();
    },

    _draw: function () {
      var map = this._map;
      if (!map) return;
      var t = this.table, ctx = this._canvas.getContext("2d"), r = this.options.radius;
      var size = map.getSize(), zoom = map.getZoom(), scale = Math.pow(2, zoom);
      var origin = map.options.crs.latLngToPoint(L.latLng(0, 0), zoom);
      var corigin = map.latLngToContainerPoint(L.latLng(0, 0));
      var dx = corigin.x - origin.x, dy = corigin.y - origin.y;
      ctx.setTransform(this._ratio, 0, 0, this._ratio, 0, 0);
      ctx.clearRect(0, 0, size.x, size.y);
      ctx.lineWidth = 1;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      var order = this._order, current = -1, open = false, drawn = 0;
      for (var k = 0; k < order.length; k++) {
        var i = order[k];
        this._px[i] = NaN;
        if (!this.visible[i] || this._x0[i] !== this._x0[i]) continue;
        var x = this._x0[i] * scale + dx, y = this._y0[i] * scale + dy;
        if (x < -r || y < -r || x > size.x + r || y > size.y + r) continue;
        if (t.cat[i] !== current) {
          if (open) { ctx.fill(); ctx.stroke(); }
          current = t.cat[i];
          ctx.fillStyle = (t.cats[current] || { color: "#333" }).color;
          ctx.beginPath();
          open = true;
        }
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
        this._px[i] = x;
        this._py[i] = y;
        drawn++;
      }
      if (open) { ctx.fill(); ctx.stroke(); }
      this.drawnCount = drawn;
      this._canvas.setAttribute("data-drawn", String(drawn));
    },

    _hits: function (point) {
      var tol = this.options.radius + this.options.hitTolerance, best = [], bestD = Infinity;
      var n = this.table.n, nearest = -1;
      for (var i = 0; i < n; i++) {
        var x = this._px[i];
        if (x !== x) continue;
        var ddx = x - point.x, ddy = this._py[i] - point.y, d = ddx * ddx + ddy * ddy;
        if (d <= tol * tol) {
          best.push(i);
          if (d < bestD) { bestD = d; nearest = i; }
        }
      }
      return { indices: best, nearest: nearest };
    },

    _onClick: function (e) {
      var hit = this._hits(e.containerPoint);
      if (!hit.indices.length) return;
      var t = this.table, i = hit.nearest;
      L.popup({ maxWidth: 360, maxHeight: 320 })
        .setLatLng([t.lat[i], t.lon[i]])
        .setContent(popupContent(t, hit.indices))
        .openOn(this._map);
    },

    _onMove: function (e) {
      var hit = this._hits(e.containerPoint);
      this._map.getContainer().style.cursor = hit.indices.length ? "pointer" : "";
    },

    // Fit the view to the given event indices (dashboard row selection).
    zoomTo: function (indices) {
      var t = this.table, pts = [];
      indices.forEach(function (i) { if (t.placed(i)) pts.push([t.lat[i], t.lon[i]]); });
      if (pts.length) this._map.fitBounds(L.latLngBounds(pts), { maxZoom: 9, padding: [40, 40] });
    }
  });

  geomap.pointsLayer = function (data, options) {
    return new PointsLayer(new EventTable(data), options);
  };

  // ---- movements: arrows from origin to destination -----------------------------
  // An arrowhead of constant pixel size at `to`, turned along the line as drawn
  // in Web Mercator (a straight line there, so one angle fits every zoom).
  function arrowHead(from, to, color) {
    var a = L.CRS.EPSG3857.latLngToPoint(L.latLng(from), 0);
    var b = L.CRS.EPSG3857.latLngToPoint(L.latLng(to), 0);
    var angle = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
    var icon = L.divIcon({
      className: "geomap-arrow",
      iconSize: [18, 18],
      iconAnchor: [9, 9],
      html: '<span class="geomap-arrow-shape"></span>'
    });
    var marker = L.marker(to, { icon: icon, keyboard: false });
    marker.on("add", function () {
      var shape = marker.getElement().firstChild;
      shape.style.transform = "rotate(" + angle + "deg)";
      shape.style.borderLeftColor = color;
    });
    return marker;
  }

  geomap.movementsLayer = function (data) {
    var t = new EventTable(data), group = L.featureGroup();
    for (var i = 0; i < t.n; i++) {
      var o = [+t.get("origin_latitude", i), +t.get("origin_longitude", i)];
      var d = [+t.get("destination_latitude", i), +t.get("destination_longitude", i)];
      if (isNaN(o[0]) || isNaN(d[0])) continue;
      var color = (t.cats[t.cat[i]] || { color: "#333" }).color;
      var planned = t.get("planned", i) === "true";
      var style = { color: color, weight: 3, opacity: 0.9, dashArray: planned ? "6 6" : null };
      var line = L.polyline([o, d], style);
      var head = arrowHead(o, d, color);
      var start = L.circleMarker(o, { radius: 3, color: color, weight: 2, fillOpacity: 1 });
      var label = el("span", null, [t.get("magnitude", i), movementLabel(t, i)].filter(Boolean).join(": "));
      [line, head, start].forEach(function (layer) {
        layer.bindPopup(popupContent(t, [i]), { maxWidth: 360 });
        layer.bindTooltip(label.cloneNode(true), { sticky: true });
        group.addLayer(layer);
      });
    }
    return group;
  };

  // ---- border crossings -----------------------------------------------------------
  geomap.crossingsLayer = function (rows) {
    var group = L.featureGroup();
    rows.forEach(function (row) {
      var marker = L.marker([row.lat, row.lon], {
        icon: L.divIcon({
          className: "geomap-crossing-icon",
          iconSize: [12, 12],
          html: '<span class="geomap-crossing"></span>'
        }),
        keyboard: false
      });
      var box = el("div", "geomap-popup");
      el("strong", null, row.name, box);
      var dl = el("dl", "geomap-fields", null, box);
      [["Between", row.between], ["Type", row.type], ["Status Aug 2021", row.status],
       ["Coordinates", row.coord_source]].forEach(function (r) {
        if (!r[1]) return;
        el("dt", null, r[0], dl);
        el("dd", null, r[1], dl);
      });
      marker.bindPopup(box, { maxWidth: 360 });
      marker.bindTooltip(el("span", null, row.name));
      group.addLayer(marker);
    });
    return group;
  };

  // ---- controls: legend with category filter, time window, unplaced events ------
  function legendControl(points, table) {
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = el("div", "geomap-control geomap-legend");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      el("div", "geomap-control-title", "Event types", box);
      var counts = table.cats.map(function () { return 0; });
      for (var i = 0; i < table.n; i++) counts[table.cat[i]]++;
      var on = table.cats.map(function () { return true; });
      table.cats.forEach(function (cat, c) {
        if (!counts[c]) return;
        var row = el("label", "geomap-legend-row", null, box);
        var cb = el("input", null, null, row);
        cb.type = "checkbox";
        cb.checked = true;
        cb.setAttribute("data-category", cat.name);
        var sw = el("span", "geomap-swatch", null, row);
        sw.style.background = cat.color;
        el("span", null, cat.label + " (" + counts[c] + ")", row);
        cb.addEventListener("change", function () {
          on[c] = cb.checked;
          var mask = new Uint8Array(table.n);
          for (var j = 0; j < table.n; j++) mask[j] = on[table.cat[j]] ? 1 : 0;
          points.setMask("legend", on.every(Boolean) ? null : mask);
        });
      });
      var extra = el("div", "geomap-legend-extra", null, box);
      el("span", "geomap-legend-arrow", "\u2192", extra);
      el("span", null, " movement", extra);
      el("br", null, null, extra);
      el("span", "geomap-crossing geomap-crossing-inline", null, extra);
      el("span", null, " border crossing", extra);
      return box;
    };
    return control;
  }

  function timeControl(points, table) {
    var lo = Infinity, hi = -Infinity;
    for (var i = 0; i < table.n; i++) {
      if (table.start[i] === table.start[i]) {
        lo = Math.min(lo, table.start[i]);
        hi = Math.max(hi, table.end[i] - 1);
      }
    }
    if (!(lo <= hi)) return null;
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var box = el("div", "geomap-control geomap-time");
      L.DomEvent.disableClickPropagation(box);
      el("div", "geomap-control-title", "Time window", box);
      var label = el("div", "geomap-time-label", null, box);
      var from = el("input", null, null, box), to = el("input", null, null, box);
      [from, to].forEach(function (input, k) {
        input.type = "range";
        input.min = lo;
        input.max = hi;
        input.step = 1;
        input.value = k ? hi : lo;
        input.setAttribute("aria-label", k ? "to date" : "from date");
        input.addEventListener("input", update);
      });
      function update() {
        var a = Math.min(+from.value, +to.value), b = Math.max(+from.value, +to.value);
        label.textContent = formatDay(a) + " \u2013 " + formatDay(b);
        if (a === lo && b === hi) return points.setMask("time", null);
        // An event is shown when the span its precision allows overlaps the window;
        // undated events stay visible (they are flagged, not hidden).
        var mask = new Uint8Array(table.n);
        for (var j = 0; j < table.n; j++) {
          var s = table.start[j];
          mask[j] = s !== s || (s <= b && table.end[j] > a) ? 1 : 0;
        }
        points.setMask("time", mask);
      }
      label.textContent = formatDay(lo) + " \u2013 " + formatDay(hi);
      return box;
    };
    return control;
  }

  function unplacedControl(table) {
    var missing = [];
    for (var i = 0; i < table.n; i++) if (!table.placed(i)) missing.push(i);
    if (!missing.length) return null;
    var control = L.control({ position: "topright" });
    control.onAdd = function () {
      var box = el("div", "geomap-control geomap-unplaced");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var button = el("button", "geomap-unplaced-toggle", missing.length + " events without a place", box);
      button.type = "button";
      var list = el("div", "geomap-unplaced-list", null, box);
      list.style.display = "none";
      missing.slice(0, 500).forEach(function (i) { eventCard(table, i, list); });
      if (missing.length > 500) el("div", "geomap-muted", "\u2026 and " + (missing.length - 500) + " more", list);
      button.addEventListener("click", function () {
        list.style.display = list.style.display === "none" ? "block" : "none";
      });
      return box;
    };
    return control;
  }

  function tileNotice(map) {
    var shown = false;
    map.eachLayer(function (layer) {
      if (!(layer instanceof L.TileLayer)) return;
      layer.on("tileerror", function () {
        if (shown) return;
        shown = true;
        var notice = L.control({ position: "topleft" });
        notice.onAdd = function () {
          return el("div", "geomap-control geomap-tile-notice",
            "Map tiles could not load (offline?). Borders and rivers are drawn from Natural Earth.");
        };
        notice.addTo(map);
      });
    });
  }

  // Wire the events layer to its map: controls, attribution, registry.
  geomap.setup = function (map, points, options) {
    options = options || {};
    var table = points.table;
    legendControl(points, table).addTo(map);
    var time = timeControl(points, table);
    if (time) time.addTo(map);
    var unplaced = unplacedControl(table);
    if (unplaced) unplaced.addTo(map);
    (options.attribution || []).forEach(function (text) {
      map.attributionControl.addAttribution(escapeHtml(text));
    });
    tileNotice(map);
    var docEl = root.document.documentElement;
    points.on("filter", function () {
      docEl.setAttribute("data-geomap-visible", String(points.visibleCount));
      docEl.setAttribute("data-geomap-drawn", String(points.drawnCount));
    });
    var instance = {
      map: map,
      points: points,
      // Show only the events at these row positions; null shows all. The
      // dashboard sends positions rather than ids to keep each update small.
      setVisible: function (indices) {
        if (indices === null || indices === undefined) return points.setMask("external", null);
        var mask = new Uint8Array(table.n);
        for (var k = 0; k < indices.length; k++) mask[indices[k]] = 1;
        points.setMask("external", mask);
      },
      zoomTo: function (indices) { points.zoomTo(indices); }
    };
    geomap.instances[options.name || "map"] = instance;
    root.document.documentElement.setAttribute("data-geomap-ready", "1");
    return instance;
  };
})(window);
