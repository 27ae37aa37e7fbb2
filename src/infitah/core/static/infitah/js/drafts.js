// Keeps what a person typed when the server could not take a form (too much text at once, page 413):
// the fields are saved in this tab's sessionStorage when a form is posted, and put back when the person
// returns to the form from the explanation page. Any other page clears them. No inline script (CSP).
(function () {
  "use strict";
  var PREFIX = "infitah:draft:";
  var RESTORE = "infitah:draft-restore";
  var TYPES = ["text", "search", "email", "url", "tel", "number"];
  var store;
  try {
    store = window.sessionStorage;
    store.getItem(RESTORE);
  } catch (error) {
    return;
  }

  function keep(field) {
    if (!field.name || field.disabled || field.readOnly) return false;
    if (field.tagName === "TEXTAREA") return true;
    return field.tagName === "INPUT" && TYPES.indexOf(field.type) !== -1;
  }

  function keyOf(form, field) {
    return PREFIX + new URL(form.action, window.location.href).pathname + "|" + field.name;
  }

  function clearDrafts() {
    for (var i = store.length - 1; i >= 0; i -= 1) {
      var key = store.key(i);
      if (key && key.indexOf(PREFIX) === 0) store.removeItem(key);
    }
  }

  function restore() {
    Array.prototype.forEach.call(document.querySelectorAll("form"), function (form) {
      Array.prototype.forEach.call(form.elements, function (field) {
        if (!keep(field) || field.value) return;
        var text = store.getItem(keyOf(form, field));
        if (text) field.value = text;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.querySelector("[data-drafts-kept]")) {
      store.setItem(RESTORE, "1");
      return;
    }
    if (store.getItem(RESTORE)) restore();
    store.removeItem(RESTORE);
    clearDrafts();
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if ((form.getAttribute("method") || "").toLowerCase() !== "post") return;
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!keep(field) || !field.value) return;
      try {
        store.setItem(keyOf(form, field), field.value);
      } catch (error) {
        // Storage full: the browser's own back button may still hold the text.
      }
    });
  });
})();
