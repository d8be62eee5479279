// Panel component: the exported map in an iframe, filtered in place.
//
// The page (`html`) is sent once per data change; filter changes only send the
// row positions to show (`visible`), applied through the page's geomap
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
  const applyVisible = () => {
    const map = instance();
    if (!map) return;
    map.setVisible(model.visible);
    el.setAttribute("data-visible", String(model.visible === null ? -1 : model.visible.length));
  };
  const applyZoom = () => {
    const map = instance();
    if (map && model.zoom && model.zoom.length) map.zoomTo(model.zoom);
  };
  frame.addEventListener("load", () => { applyVisible(); applyZoom(); });
  frame.srcdoc = model.html;
  model.on("html", () => { frame.srcdoc = model.html; });
  model.on("visible", applyVisible);
  model.on("zoom", applyZoom);
  el.appendChild(frame);
}
