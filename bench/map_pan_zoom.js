// Pan and zoom of a geoplan map page, measured in the page (bench/map.sh adds this script to a copy of the page and
// opens it in headless Chromium). After the page's own script has run, one user action per frame through the
// page's own handlers: 12 wheel steps in at the frame's centre, 40 drag moves of 12 px, 12 wheel steps out. The
// time between animation frames is the frame time a user would see; it is printed on the console as one line,
// GEOPLAN-PAN-ZOOM {json}, which bench/map.sh reads from Chromium's log.
(function () {
  'use strict';
  function run() {
    var svg = document.querySelector('svg.geoplan-map');
    var frame = document.getElementById('map-frame-rect').getBoundingClientRect();
    var x = frame.left + frame.width / 2, y = frame.top + frame.height / 2;
    // Synthetic pointers are not active pointers: capturing them would throw, and is not what is measured.
    svg.setPointerCapture = function () {};
    function wheel(deltaY) {
      return function () {
        svg.dispatchEvent(new WheelEvent('wheel', {clientX: x, clientY: y, deltaY: deltaY, bubbles: true,
                                                   cancelable: true}));
      };
    }
    function pointer(type) {
      return function () {
        svg.dispatchEvent(new PointerEvent(type, {pointerId: 7, pointerType: 'mouse', clientX: x, clientY: y,
                                                  bubbles: true, cancelable: true}));
      };
    }
    var steps = [];
    var i;
    for (i = 0; i < 12; i++) steps.push({kind: 'zoom', act: wheel(-120)});
    steps.push({kind: 'drag', act: pointer('pointerdown')});
    for (i = 0; i < 40; i++) {
      steps.push({kind: 'drag', act: (function (k) {
        return function () { x += k % 20 < 10 ? 12 : -12; y += k % 10 < 5 ? 6 : -6; pointer('pointermove')(); };
      })(i)});
    }
    steps.push({kind: 'drag', act: pointer('pointerup')});
    for (i = 0; i < 12; i++) steps.push({kind: 'zoom', act: wheel(120)});

    var times = {zoom: [], drag: []};
    var index = 0, last = null, lastKind = null;
    function tick(now) {
      if (last !== null && lastKind) times[lastKind].push(now - last);
      last = now;
      if (index < steps.length) {
        lastKind = steps[index].kind;
        steps[index++].act();
        requestAnimationFrame(tick);
      } else {
        report();
      }
    }
    function summary(list) {
      var sorted = list.slice().sort(function (a, b) { return a - b; });
      var pick = function (q) { return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]; };
      var mean = sorted.reduce(function (a, b) { return a + b; }, 0) / sorted.length;
      return {frames: sorted.length, median_ms: +pick(0.5).toFixed(1), p95_ms: +pick(0.95).toFixed(1),
              max_ms: +sorted[sorted.length - 1].toFixed(1), fps: +(1000 / mean).toFixed(1)};
    }
    function report() {
      var nav = performance.getEntriesByType('navigation')[0];
      var result = {zoom: summary(times.zoom), drag: summary(times.drag),
                    load_ms: nav ? +nav.loadEventEnd.toFixed(0) : null,
                    paths: document.querySelectorAll('path.area').length};
      console.log('GEOPLAN-PAN-ZOOM ' + JSON.stringify(result));
    }
    // Two frames first, so the page's first paint is not counted as a pan or zoom.
    requestAnimationFrame(function () { requestAnimationFrame(tick); });
  }
  if (document.readyState === 'complete') run(); else window.addEventListener('load', function () { setTimeout(run, 0); });
})();
