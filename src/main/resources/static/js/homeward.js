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

// A region that scrolls sideways (a wide table or timeline on a phone) can be reached and scrolled with the keyboard
// (WCAG 2.1.1; axe's scrollable-region-focusable): it takes focus, and a screen reader names it by its table's caption.
(function () {
  'use strict';
  function focusableScrollers(root) {
    if (!root.querySelectorAll) {
      return;
    }
    root.querySelectorAll('.hw-table-wrap, .hw-scroll').forEach(function (region) {
      if (!region.hasAttribute('tabindex')) {
        region.setAttribute('tabindex', '0');
        region.setAttribute('role', 'region');
        const caption = region.querySelector('caption, h2, h3');
        region.setAttribute('aria-label', caption ? caption.textContent.trim() : 'Scrollable table');
      }
    });
  }
  document.addEventListener('DOMContentLoaded', function () { focusableScrollers(document); });
  document.addEventListener('htmx:load', function (event) { focusableScrollers(event.detail.elt); });
})();
