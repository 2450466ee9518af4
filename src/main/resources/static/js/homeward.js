// Homeward's own page behaviour. It lives here, not in the pages, so that the Content-Security-Policy can refuse every
// inline script, event handler (onclick=...) and style attribute: an injected one never runs.
(function () {
  'use strict';

  // Positions computed on the server (the visit timeline's bars) arrive as data-hw-style and are applied through the
  // CSS object model, which the policy allows, instead of style="..." attributes, which it refuses.
  function applyStyles(root) {
    const elements = Array.from(root.querySelectorAll ? root.querySelectorAll('[data-hw-style]') : []);
    if (root.dataset && root.dataset.hwStyle !== undefined) {
      elements.push(root);
    }
    elements.forEach(function (element) { element.style.cssText = element.dataset.hwStyle; });
  }

  document.addEventListener('DOMContentLoaded', function () { applyStyles(document); });
  // content htmx swaps in later (sections loaded after the page)
  document.addEventListener('htmx:load', function (event) { applyStyles(event.detail.elt); });

  // <select data-submit-on-change>: choosing an option submits its form (the alert board's ward filter)
  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('select[data-submit-on-change]') && event.target.form) {
      event.target.form.submit();
    }
  });

  // <button data-print>: prints the page
  document.addEventListener('click', function (event) {
    const button = event.target.closest ? event.target.closest('[data-print]') : null;
    if (button) {
      window.print();
    }
  });
})();
