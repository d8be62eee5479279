// Panel component: the exported map in an iframe, filtered in place.
//
// The page (`html`) is sent once per data change; filter changes only send the
// row positions to show (`shown`), applied through the page's geomap
// registry, so the map keeps its view and nothing is re-sent.
export function render({ model, el }) {
  const frame = document.createElement("iframe");
  frame.className = "geomap-frame";
  frame.title = "geomap map";
  frame.style.cssText = "width:100%;height:100%;min-height:480px;border:0;display:block";
  const instance = () => {
    const win = frame.contentWindow;
    return win && win.geomap && win.geomap.instances ? win.geomap.instances.map : null;
  };
  const applyShown = () => {
    const map = instance();
    if (!map) return;
    map.setVisible(model.shown);
    el.setAttribute("data-shown", String(model.shown === null ? -1 : model.shown.length));
  };
  const applyZoom = () => {
    const map = instance();
    if (map && model.zoom && model.zoom.length) map.zoomTo(model.zoom);
  };
  frame.addEventListener("load", () => { applyShown(); applyZoom(); });
  frame.srcdoc = model.html;
  model.on("html", () => { frame.srcdoc = model.html; });
  model.on("shown", applyShown);
  model.on("zoom", applyZoom);
  el.appendChild(frame);
}
