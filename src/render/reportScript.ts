/**
 * The report's own script, inlined in the page: the pathway search and list, and pan and zoom on
 * the system map. Plain DOM code, no library and no network.
 */
export const reportScript = String.raw`
(function () {
  var search = document.getElementById('pathway-search');
  var items = Array.prototype.slice.call(document.querySelectorAll('#pathway-list li'));
  var count = document.getElementById('pathway-count');
  function show(rank) {
    document.querySelectorAll('.swimlane').forEach(function (f) { f.hidden = f.getAttribute('data-rank') !== String(rank); });
    items.forEach(function (li) {
      var b = li.querySelector('button');
      if (b) b.setAttribute('aria-pressed', li.getAttribute('data-rank') === String(rank) ? 'true' : 'false');
    });
  }
  items.forEach(function (li) {
    var b = li.querySelector('button');
    if (b) b.addEventListener('click', function () { show(li.getAttribute('data-rank')); });
  });
  if (search) {
    // Each search word must start a word of the pathway (so "ed" finds the emergency department's
    // id, not "needs"); further pathways without a swimlane show only while searching.
    var total = search.getAttribute('data-total');
    search.addEventListener('input', function () {
      var words = search.value.toLowerCase().split(/[^\p{L}\p{N}&]+/u).filter(Boolean);
      var shown = 0;
      items.forEach(function (li) {
        var text = li.getAttribute('data-text');
        var match = words.length ? words.every(function (w) { return text.indexOf(' ' + w) >= 0; }) : !li.hasAttribute('data-extra');
        li.hidden = !match;
        if (match) shown++;
      });
      count.textContent = !words.length
        ? ''
        : shown
          ? shown + ' of the ' + total + ' most likely pathways match'
          : 'No pathway among the ' + total + ' most likely matches \u201c' + search.value.trim() + '\u201d. Try fewer words, the name of an agency or an outcome.';
    });
  }
  if (items.length) show(items[0].getAttribute('data-rank'));

  // On paper every table alternative is printed: open the closed ones, and close them again after.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    opened = Array.prototype.slice.call(document.querySelectorAll('details:not([open])'));
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () { opened.forEach(function (d) { d.open = false; }); opened = []; });

  var frame = document.getElementById('map-frame');
  var svg = frame && frame.querySelector('svg');
  if (svg) {
    var base = svg.viewBox.baseVal;
    var full = { x: base.x, y: base.y, w: base.width, h: base.height };
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    // Open at the width of the frame, showing the top of the map, so that its text can be read.
    function fitWidth() {
      var r = frame.getBoundingClientRect();
      var h = r.width > 0 ? Math.min(full.h, full.w * r.height / r.width) : full.h;
      return { x: full.x, y: full.y, w: full.w, h: h };
    }
    var view = fitWidth();
    function apply() { svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h); }
    apply();
    function zoom(factor, cx, cy) {
      var nw = Math.min(full.w * 1.5, Math.max(full.w / 40, view.w * factor));
      var k = nw / view.w;
      view.x = cx - (cx - view.x) * k; view.y = cy - (cy - view.y) * k;
      view.w = nw; view.h = view.h * k; apply();
    }
    function toSvgPoint(e) {
      var r = svg.getBoundingClientRect();
      return { x: view.x + (e.clientX - r.left) / r.width * view.w, y: view.y + (e.clientY - r.top) / r.height * view.h };
    }
    // The wheel scrolls the page; with Ctrl (or a trackpad's pinch, which sends Ctrl) or Cmd held it zooms the map.
    frame.addEventListener('wheel', function (e) {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault(); var p = toSvgPoint(e); zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
    }, { passive: false });
    // On paper the whole map is printed, not the part on screen.
    var beforePrint = null;
    window.addEventListener('beforeprint', function () { beforePrint = view; view = { x: full.x, y: full.y, w: full.w, h: full.h }; apply(); });
    window.addEventListener('afterprint', function () { if (beforePrint) { view = beforePrint; beforePrint = null; apply(); } });
    var drag = null;
    frame.addEventListener('pointerdown', function (e) { drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y }; frame.setPointerCapture(e.pointerId); });
    frame.addEventListener('pointermove', function (e) {
      if (!drag) return;
      var r = svg.getBoundingClientRect();
      view.x = drag.vx - (e.clientX - drag.x) / r.width * view.w;
      view.y = drag.vy - (e.clientY - drag.y) / r.height * view.h; apply();
    });
    frame.addEventListener('pointerup', function () { drag = null; });
    document.querySelectorAll('[data-zoom]').forEach(function (b) {
      b.addEventListener('click', function () {
        var what = b.getAttribute('data-zoom');
        if (what === 'reset') { view = { x: full.x, y: full.y, w: full.w, h: full.h }; apply(); return; }
        if (what === 'fit') { view = fitWidth(); apply(); return; }
        zoom(what === 'in' ? 1 / 1.4 : 1.4, view.x + view.w / 2, view.y + view.h / 2);
      });
    });
    frame.addEventListener('keydown', function (e) {
      var step = view.w / 10;
      if (e.key === '+' || e.key === '=') zoom(1 / 1.2, view.x + view.w / 2, view.y + view.h / 2);
      else if (e.key === '-') zoom(1.2, view.x + view.w / 2, view.y + view.h / 2);
      else if (e.key === 'ArrowLeft') { view.x -= step; apply(); }
      else if (e.key === 'ArrowRight') { view.x += step; apply(); }
      else if (e.key === 'ArrowUp') { view.y -= step; apply(); }
      else if (e.key === 'ArrowDown') { view.y += step; apply(); }
      else return;
      e.preventDefault();
    });
  }
})();
`;
