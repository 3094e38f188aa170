/// The HTML page's script: small vanilla JavaScript, no library, nothing fetched. It pans (drag, arrow keys) and
/// zooms (wheel, pinch, double-click, +/− buttons and keys, 0 to reset) the `#map-viewport` group only, so title,
/// legend and north arrow stay put; redraws the scale bar for the zoom; keeps labels at their size; and shows a
/// tooltip with the area's names and values on hover or tap, built with `textContent` (data never becomes markup).
enum HTMLMapScript {
    static let source = #"""
        (function () {
          'use strict';
          var svg = document.querySelector('svg.geoplan-map');
          var viewport = document.getElementById('map-viewport');
          // Only the labels read the zoom (to keep their size): set on the whole SVG it restyled every area on
          // each wheel step (measured on 7,497 areas in headless Chromium: about half the frame time).
          var labels = document.getElementById('labels') || svg;
          var frameRect = document.getElementById('map-frame-rect');
          var tooltip = document.getElementById('tooltip');
          var controls = document.getElementById('zoom');
          var data = JSON.parse(document.getElementById('map-data').textContent);
          var frame = {x: +frameRect.getAttribute('x'), y: +frameRect.getAttribute('y'),
                       w: +frameRect.getAttribute('width'), h: +frameRect.getAttribute('height')};
          var view = {s: 1, x: 0, y: 0};
          var MAX_ZOOM = 40;
          // The SVG's own <title> hover text would pop up beside the tooltip: the page shows the tooltip alone.
          Array.prototype.forEach.call(svg.querySelectorAll('path.area > title'), function (t) { t.remove(); });

          function apply() {
            viewport.setAttribute('transform', 'translate(' + view.x + ' ' + view.y + ') scale(' + view.s + ')');
            labels.style.setProperty('--z', view.s);
            updateScaleBar();
          }
          // Keep the middle of the frame over the map, so it cannot be dragged out of sight.
          function clamp() {
            view.x = Math.min(frame.x + frame.w / 2 - view.s * frame.x,
                              Math.max(frame.x + frame.w / 2 - view.s * (frame.x + frame.w), view.x));
            view.y = Math.min(frame.y + frame.h / 2 - view.s * frame.y,
                              Math.max(frame.y + frame.h / 2 - view.s * (frame.y + frame.h), view.y));
          }
          function svgPoint(clientX, clientY) {
            return new DOMPoint(clientX, clientY).matrixTransform(svg.getScreenCTM().inverse());
          }
          function inFrame(p) {
            return p.x >= frame.x && p.x <= frame.x + frame.w && p.y >= frame.y && p.y <= frame.y + frame.h;
          }
          function centre() { return {x: frame.x + frame.w / 2, y: frame.y + frame.h / 2}; }
          function zoomAt(p, factor) {
            var s = Math.min(MAX_ZOOM, Math.max(1, view.s * factor));
            var k = s / view.s;
            view.x = p.x - (p.x - view.x) * k;
            view.y = p.y - (p.y - view.y) * k;
            view.s = s;
            clamp();
            apply();
          }
          function reset() { view = {s: 1, x: 0, y: 0}; apply(); }

          // Scale bar: the same round lengths as the SVG (1, 2, 5 x 10^n m), for the current zoom.
          var bar = document.getElementById('scale-bar');
          var metresPerUnit = +bar.getAttribute('data-metres-per-unit');
          var maxWidth = +bar.getAttribute('data-max-width');
          var barX = +bar.getAttribute('data-x');
          function roundLength(limit) {
            var metres = 1, candidate = 1;
            while (candidate <= limit) {
              metres = candidate;
              var lead = Math.round(candidate / Math.pow(10, Math.floor(Math.log10(candidate) + 1e-9)));
              candidate = lead === 2 ? candidate * 2.5 : candidate * 2;
            }
            return metres;
          }
          function updateScaleBar() {
            var unitsPerMetre = view.s / metresPerUnit;
            var metres = roundLength(maxWidth / unitsPerMetre);
            var width = metres * unitsPerMetre;
            document.getElementById('scale-bar-left').setAttribute('width', width / 2);
            var right = document.getElementById('scale-bar-right');
            right.setAttribute('x', barX + width / 2);
            right.setAttribute('width', width / 2);
            var label = document.getElementById('scale-bar-label');
            label.setAttribute('x', barX + width);
            label.textContent = metres >= 1000 ? (metres / 1000) + ' km' : metres + ' m';
            document.getElementById('scale-bar-bg').setAttribute('width', width + 40);
          }

          // Tooltip.
          var hovered = null;
          function line(tag, text, className) {
            var element = document.createElement(tag);
            element.textContent = text;
            if (className) element.className = className;
            tooltip.appendChild(element);
          }
          function showTooltip(path, clientX, clientY) {
            var d = data.features[+path.getAttribute('data-i')];
            if (!d) return hideTooltip();
            if (hovered !== path) {
              if (hovered) hovered.classList.remove('hover');
              hovered = path;
              path.classList.add('hover');
              tooltip.textContent = '';
              line('div', d.th || d.en || d.id, 'name');
              if (d.th && d.en) line('div', d.en, 'name-en');
              line('div', data.indicator + ': ' + d.v, 'value');
              if (d.c) line('div', d.c, 'class');
              for (var i = 0; i < d.p.length; i++) line('div', d.p[i][0] + ': ' + d.p[i][1], 'property');
              line('div', d.id, 'code');
            }
            tooltip.style.display = 'block';
            var box = tooltip.getBoundingClientRect();
            var left = clientX + 14, top = clientY + 14;
            if (left + box.width > window.innerWidth - 4) left = Math.max(4, clientX - 14 - box.width);
            if (top + box.height > window.innerHeight - 4) top = Math.max(4, clientY - 14 - box.height);
            tooltip.style.left = left + 'px';
            tooltip.style.top = top + 'px';
          }
          function hideTooltip() {
            tooltip.style.display = 'none';
            if (hovered) hovered.classList.remove('hover');
            hovered = null;
          }
          function areaAt(clientX, clientY) {
            var element = document.elementFromPoint(clientX, clientY);
            return element && element.closest ? element.closest('path.area') : null;
          }

          // Pointers: one drags, two pinch; a press that does not move is a tap (shows the tooltip on touch).
          var pointers = new Map();
          var moved = false, pinch = null;
          function pinchState() {
            var p = Array.from(pointers.values());
            return {d: Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y) || 1,
                    mid: {x: (p[0].x + p[1].x) / 2, y: (p[0].y + p[1].y) / 2}};
          }
          svg.addEventListener('pointerdown', function (e) {
            var p = svgPoint(e.clientX, e.clientY);
            if (!inFrame(p)) return;
            svg.setPointerCapture(e.pointerId);
            pointers.set(e.pointerId, p);
            moved = false;
            if (pointers.size === 2) pinch = pinchState();
          });
          svg.addEventListener('pointermove', function (e) {
            var p = svgPoint(e.clientX, e.clientY);
            if (!pointers.has(e.pointerId)) {
              var path = areaAt(e.clientX, e.clientY);
              if (path) showTooltip(path, e.clientX, e.clientY); else hideTooltip();
              return;
            }
            var last = pointers.get(e.pointerId);
            pointers.set(e.pointerId, p);
            if (pointers.size === 1) {
              if (!moved && Math.hypot(p.x - last.x, p.y - last.y) < 2) { pointers.set(e.pointerId, last); return; }
              moved = true;
              hideTooltip();
              view.x += p.x - last.x;
              view.y += p.y - last.y;
              clamp();
              apply();
            } else if (pointers.size === 2 && pinch) {
              var now = pinchState();
              moved = true;
              hideTooltip();
              zoomAt(now.mid, now.d / pinch.d);
              pinch = now;
            }
          });
          function release(e) {
            if (!pointers.has(e.pointerId)) return;
            pointers.delete(e.pointerId);
            if (pointers.size < 2) pinch = null;
            if (!moved && e.type === 'pointerup') {
              var path = areaAt(e.clientX, e.clientY);
              if (path) showTooltip(path, e.clientX, e.clientY); else hideTooltip();
            }
          }
          svg.addEventListener('pointerup', release);
          svg.addEventListener('pointercancel', release);
          svg.addEventListener('pointerleave', function (e) { if (e.pointerType === 'mouse') hideTooltip(); });
          svg.addEventListener('wheel', function (e) {
            var p = svgPoint(e.clientX, e.clientY);
            if (!inFrame(p)) return;
            e.preventDefault();
            var delta = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaY;
            zoomAt(p, Math.exp(-delta * 0.0015));
          }, {passive: false});
          svg.addEventListener('dblclick', function (e) {
            var p = svgPoint(e.clientX, e.clientY);
            if (inFrame(p)) zoomAt(p, e.shiftKey ? 0.5 : 2);
          });
          document.getElementById('zoom-in').addEventListener('click', function () { zoomAt(centre(), 1.5); });
          document.getElementById('zoom-out').addEventListener('click', function () { zoomAt(centre(), 1 / 1.5); });
          document.getElementById('zoom-reset').addEventListener('click', reset);
          document.addEventListener('keydown', function (e) {
            var step = {ArrowLeft: [1, 0], ArrowRight: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1]}[e.key];
            if (e.key === '+' || e.key === '=') zoomAt(centre(), 1.5);
            else if (e.key === '-' || e.key === '_') zoomAt(centre(), 1 / 1.5);
            else if (e.key === '0') reset();
            else if (e.key === 'Escape') hideTooltip();
            else if (step) { view.x += step[0] * frame.w * 0.1; view.y += step[1] * frame.h * 0.1; clamp(); apply(); }
            else return;
            e.preventDefault();
          });

          // The zoom buttons sit in the frame's top-left corner, wherever the page's size puts it.
          function placeControls() {
            var box = frameRect.getBoundingClientRect();
            controls.style.left = (box.left + 10) + 'px';
            controls.style.top = (box.top + 10) + 'px';
          }
          window.addEventListener('resize', placeControls);
          placeControls();
          apply();
          document.documentElement.setAttribute('data-map-ready', 'true');
        })();
        """#
}
