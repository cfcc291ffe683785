/*
 * Typesets every element of class "tex" with KaTeX (display mode for "tex-display"), then writes what happened
 * into #render-status: how many formulas were typeset, which failed, and any script error, console error or
 * font that failed to load. The browser test reads that element from the rendered page.
 */
(function () {
  'use strict';
  var problems = [];
  window.addEventListener('error', function (e) {
    var what = e.message || (e.target && (e.target.src || e.target.href)) || 'unknown';
    problems.push('error: ' + what);
  }, true);
  var originalError = console.error;
  console.error = function () {
    problems.push('console.error: ' + Array.prototype.join.call(arguments, ' '));
    return originalError.apply(console, arguments);
  };

  // Operators the chapters may use that KaTeX does not define.
  var macros = {
    '\\argmin': '\\operatorname*{arg\\,min}',
    '\\argmax': '\\operatorname*{arg\\,max}',
    '\\diag': '\\operatorname{diag}',
    '\\tr': '\\operatorname{tr}',
    '\\Tr': '\\operatorname{Tr}',
    '\\rank': '\\operatorname{rank}',
    '\\sign': '\\operatorname{sign}',
    '\\softmax': '\\operatorname{softmax}',
    '\\bm': '\\boldsymbol{#1}'
  };

  function owner(el) {
    var row = el.closest('[data-formula],[data-property],[data-erratum],[data-block],[data-area]');
    if (!row) { return 'page'; }
    return row.getAttribute('data-formula') || row.getAttribute('data-property') ||
      row.getAttribute('data-erratum') || row.getAttribute('data-block') || row.getAttribute('data-area');
  }

  function typeset() {
    var nodes = document.querySelectorAll('.tex');
    var ok = 0;
    var failed = [];
    var haveKatex = typeof katex !== 'undefined';
    if (!haveKatex) { problems.push('KaTeX did not load'); }
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      var source = el.textContent;
      if (!haveKatex) { failed.push(owner(el) + ': KaTeX missing'); continue; }
      try {
        katex.render(source, el, {
          displayMode: el.classList.contains('tex-display'),
          throwOnError: true,
          strict: 'ignore',
          trust: false,
          macros: Object.assign({}, macros)
        });
        el.setAttribute('data-typeset', 'ok');
        ok++;
      } catch (err) {
        el.setAttribute('data-typeset', 'failed');
        el.classList.add('tex-failed');
        el.title = 'KaTeX could not typeset this: ' + err.message;
        failed.push(owner(el) + ': ' + err.message);
      }
    }
    return { total: nodes.length, ok: ok, failed: failed };
  }

  function report(result) {
    var fontsFailed = [];
    if (document.fonts && document.fonts.forEach) {
      document.fonts.forEach(function (face) {
        if (face.status === 'error') { fontsFailed.push(face.family); }
      });
    }
    fontsFailed.forEach(function (f) { problems.push('font failed to load: ' + f); });
    var status = document.getElementById('render-status');
    status.setAttribute('data-total', String(result.total));
    status.setAttribute('data-typeset', String(result.ok));
    status.setAttribute('data-failed', String(result.failed.length));
    status.setAttribute('data-problems', String(problems.length));
    var text = 'Math typeset by KaTeX: ' + result.ok + ' of ' + result.total + ' formulas';
    if (result.failed.length) { text += '; failed: ' + result.failed.join(' | '); }
    if (problems.length) { text += '; page problems: ' + problems.join(' | '); }
    status.textContent = text + '.';
    status.className = result.failed.length || problems.length ? 'failed' : 'passed';
    status.setAttribute('data-done', 'yes');
  }

  function run() {
    var result = typeset();
    if (document.fonts && document.fonts.ready) {
      document.fonts.ready.then(function () { report(result); }, function () { report(result); });
    } else {
      report(result);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', run);
  } else {
    run();
  }
}());
