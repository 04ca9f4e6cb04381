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
    var printing = false;
    // Zoomed out so far that the map's 11-unit text would be under 7 px, the overview is shown
    // instead: each agency a solid box with its name and the requests coming in, at 13 px. Each
    // agency's box (in the coordinates of the group the map is drawn in, which is moved by shift),
    // its words' widths at a font size of 1, and its words are read once, here.
    var overview = svg.querySelector('.overview');
    var moved = overview && overview.parentNode.transform.baseVal.consolidate();
    var shift = moved ? { x: moved.matrix.e, y: moved.matrix.f } : { x: 0, y: 0 };
    var overviewAgencies = Array.prototype.slice.call(svg.querySelectorAll('.ov-agency')).map(function (g) {
      var texts = {};
      ['name', 'first', 'second', 'badge', 'count'].forEach(function (n) { texts[n] = g.querySelector('.ov-' + n); });
      return { g: g, box: g.getAttribute('data-box').split(' ').map(Number), widths: g.getAttribute('data-widths').split(' ').map(Number), texts: texts };
    });
    var overviewBands = Array.prototype.slice.call(svg.querySelectorAll('.ov-band'));
    function scale() {
      var r = svg.getBoundingClientRect();
      return r.width > 0 ? Math.min(r.width / view.w, r.height / view.h) : 1;
    }
    function place(t, x, y, size) {
      t.setAttribute('x', x); t.setAttribute('y', y); t.setAttribute('font-size', size); t.style.display = '';
    }
    function layOutOverview(k) {
      var fs = 13 / k;
      overviewAgencies.forEach(function (a) {
        var b = a.box, w = a.widths, texts = a.texts;
        for (var n in texts) texts[n].style.display = 'none';
        var room = b[2] - fs, lh = fs * 1.25, tall = b[3] - fs * 0.5;
        var lines = w[0] * fs <= room ? ['name'] : Math.max(w[1], w[2]) * fs <= room && w[2] > 0 ? ['first', 'second'] : [];
        if (lines.length && w[4] * fs <= room && (lines.length + 1) * lh <= tall) lines.push('count');
        if (lines.length * lh > tall) lines = [];
        if (!lines.length && w[3] * fs <= b[2] - 4 / k && fs <= b[3] - 2 / k) lines = ['badge'];
        var y = b[1] + b[3] / 2 - lines.length * lh / 2 + fs * 0.95;
        lines.forEach(function (n, i) { place(texts[n], b[0] + b[2] / 2, y + i * lh, n === 'count' ? fs * 0.9 : fs); });
      });
      // A band's heading where it fits above the band's first row (not on a phone's whole view).
      overviewBands.forEach(function (t) {
        var room = Number(t.getAttribute('data-room'));
        if (fs * 1.1 > room) return;
        place(t, 4, Number(t.getAttribute('data-at')) + room / 2 + fs * 0.35, fs);
      });
    }
    // On a narrow screen the frame is no taller than the whole map needs (but at least 40% of the screen).
    function fitFrame() {
      frame.style.height = '';
      var r = frame.getBoundingClientRect();
      if (r.width > 0 && r.width < 700) frame.style.height = Math.round(Math.max(0.4 * innerHeight, Math.min(0.55 * innerHeight, r.width * full.h / full.w + 2))) + 'px';
    }
    fitFrame();
    // The whole system, centred in the frame.
    function whole() {
      var r = svg.getBoundingClientRect();
      var aspect = r.width > 0 && r.height > 0 ? r.width / r.height : full.w / full.h;
      var w = Math.max(full.w, full.h * aspect), h = w / aspect;
      return { x: full.x - (w - full.w) / 2, y: full.y - (h - full.h) / 2, w: w, h: h };
    }
    var view = whole();
    function apply() {
      svg.setAttribute('viewBox', view.x + ' ' + view.y + ' ' + view.w + ' ' + view.h);
      var k = scale();
      var out = !printing && overviewAgencies.length > 0 && k * 11 < 7;
      svg.classList.toggle('zoomed-out', out);
      overviewBands.forEach(function (t) { t.style.display = 'none'; });
      if (out) layOutOverview(k);
    }
    apply();
    function zoom(factor, cx, cy) {
      var nw = Math.min(full.w * 1.5, Math.max(full.w / 40, view.w * factor));
      var k = nw / view.w;
      view.x = cx - (cx - view.x) * k; view.y = cy - (cy - view.y) * k;
      view.w = nw; view.h = view.h * k; apply();
    }
    // Into one agency: all of it if its text can then be read (its 11-unit labels at 11 px), else its start (the left) at that size.
    function zoomTo(b) {
      var r = svg.getBoundingClientRect();
      var k = Math.max(Math.min(r.width / (b[2] + 40), r.height / (b[3] + 40)), 1);
      var w = r.width / k, h = r.height / k;
      view = { x: w >= b[2] + 40 ? b[0] + b[2] / 2 - w / 2 : b[0] - 20, y: h >= b[3] + 40 ? b[1] + b[3] / 2 - h / 2 : b[1] - 20, w: w, h: h };
      view.x += shift.x; view.y += shift.y;
      apply();
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
    // On paper the whole map is printed in full detail, not the part on screen, and then each
    // agency on a page of its own, large enough to read: copies of the map, each showing one
    // agency's box, with their own ids (the style is the map's, without its fonts, which the page
    // has already loaded), turned a quarter to lie along the page where the agency is wider than
    // tall, as landscape figures are in a portrait report. They are removed after printing.
    var beforePrint = null;
    var printed = document.getElementById('map-print');
    function addAgencyPages() {
      if (!printed || printed.firstChild) return;
      overviewAgencies.forEach(function (a, i) {
        var b = a.box;
        var id = svg.id + '-print-' + (i + 1);
        var copy = svg.cloneNode(true);
        copy.querySelectorAll('[id]').forEach(function (e) { e.id = id + '-' + e.id; });
        copy.id = id;
        copy.classList.remove('zoomed-out');
        copy.removeAttribute('aria-labelledby');
        copy.removeAttribute('aria-describedby');
        var name = a.texts.name.textContent;
        copy.setAttribute('aria-hidden', 'true');
        var w = b[2] + 24, h = b[3] + 24;
        copy.setAttribute('viewBox', (b[0] + shift.x - 12) + ' ' + (b[1] + shift.y - 12) + ' ' + w + ' ' + h);
        copy.setAttribute('width', w);
        copy.setAttribute('height', h);
        var style = copy.querySelector('style');
        if (style) style.textContent = style.textContent.replace(/@font-face\{[^}]*\}/g, '').split('#' + svg.id).join('#' + id);
        var page = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        var turn = w > h;
        page.setAttribute('viewBox', '0 0 ' + (turn ? h + ' ' + w : w + ' ' + h));
        page.setAttribute('role', 'img');
        page.setAttribute('aria-label', 'System map: ' + name);
        var holder = document.createElementNS('http://www.w3.org/2000/svg', 'g');
        if (turn) holder.setAttribute('transform', 'translate(0 ' + w + ') rotate(-90)');
        holder.appendChild(copy);
        page.appendChild(holder);
        var figure = document.createElement('figure');
        var caption = document.createElement('figcaption');
        caption.textContent = 'System map: ' + name + (turn ? ' (turned to lie along the page)' : '');
        figure.appendChild(caption);
        figure.appendChild(page);
        printed.appendChild(figure);
      });
    }
    window.addEventListener('beforeprint', function () { beforePrint = view; printing = true; view = { x: full.x, y: full.y, w: full.w, h: full.h }; apply(); addAgencyPages(); });
    window.addEventListener('afterprint', function () {
      printing = false; if (beforePrint) { view = beforePrint; beforePrint = null; } apply();
      if (printed) while (printed.firstChild) printed.removeChild(printed.firstChild);
    });
    // On a touch screen a finger over the map scrolls the page, until a tap on the map: then the
    // finger moves the map, until a tap outside it. A mouse or pen moves the map at once.
    var drag = null;
    function activate(on) { frame.classList.toggle('active', on); }
    document.addEventListener('pointerdown', function (e) { if (e.pointerType === 'touch' && !frame.contains(e.target)) activate(false); });
    frame.addEventListener('pointerdown', function (e) {
      var still = e.pointerType === 'touch' && !frame.classList.contains('active');
      drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false, still: still };
      if (!still) try { frame.setPointerCapture(e.pointerId); } catch (error) { /* a pointer that has already gone */ }
    });
    frame.addEventListener('pointercancel', function () { drag = null; });
    frame.addEventListener('pointermove', function (e) {
      if (!drag) return;
      if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 4) drag.moved = true;
      if (drag.still) return;
      var r = svg.getBoundingClientRect();
      view.x = drag.vx - (e.clientX - drag.x) / r.width * view.w;
      view.y = drag.vy - (e.clientY - drag.y) / r.height * view.h; apply();
    });
    frame.addEventListener('pointerup', function (e) {
      var clicked = drag && !drag.moved;
      drag = null;
      if (clicked && e.pointerType === 'touch') activate(true);
      if (!clicked || !svg.classList.contains('zoomed-out')) return;
      // The pointer was captured by the frame, so find the agency under it.
      var hit = document.elementFromPoint(e.clientX, e.clientY);
      var g = hit && hit.closest && hit.closest('.ov-agency');
      var found = overviewAgencies.filter(function (a) { return a.g === g; })[0];
      if (found) zoomTo(found.box);
    });
    document.querySelectorAll('[data-zoom]').forEach(function (b) {
      b.addEventListener('click', function () {
        var what = b.getAttribute('data-zoom');
        if (what === 'reset') { view = whole(); apply(); return; }
        zoom(what === 'in' ? 1 / 1.4 : 1.4, view.x + view.w / 2, view.y + view.h / 2);
      });
    });
    window.addEventListener('resize', function () { fitFrame(); apply(); });
    // Enter, zoomed out: into the agency nearest the middle of the view (the arrow keys move the view).
    function nearestAgency() {
      var cx = view.x + view.w / 2 - shift.x, cy = view.y + view.h / 2 - shift.y;
      var best = null, bestDistance = Infinity;
      overviewAgencies.forEach(function (a) {
        var b = a.box;
        var dx = Math.max(b[0] - cx, 0, cx - b[0] - b[2]), dy = Math.max(b[1] - cy, 0, cy - b[1] - b[3]);
        var d = Math.hypot(dx, dy);
        if (d < bestDistance) { best = b; bestDistance = d; }
      });
      return best;
    }
    frame.addEventListener('keydown', function (e) {
      var step = view.w / 10;
      if (e.key === 'Enter' && svg.classList.contains('zoomed-out') && overviewAgencies.length) zoomTo(nearestAgency());
      else if (e.key === '+' || e.key === '=') zoom(1 / 1.2, view.x + view.w / 2, view.y + view.h / 2);
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
