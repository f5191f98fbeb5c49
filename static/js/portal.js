// Small behaviours the pages share. Everything works without JavaScript except the tree's
// in-place opening and the filters' live update. The Content-Security-Policy refuses inline
// handlers (onclick=...): pages mark elements with data attributes, handled here.
(function () {
  "use strict";

  // <button data-print>: prints the page.
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
  });

  // <input data-submit-on-change>: a choice that sends its form at once (the month of a report).
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (!field.hasAttribute || !field.hasAttribute("data-submit-on-change") || !field.form) return;
    if (field.form.requestSubmit) field.form.requestSubmit(); else field.form.submit();
  });

  // A form is sent once: the submit button is disabled after the first click. (The server
  // also refuses a second submit of the same form; this only saves the person a wait.)
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("submit-once")) return;
    if (form.dataset.submitted) { event.preventDefault(); return; }
    form.dataset.submitted = "1";
    // A disabled button is left out of what the form sends: keep the clicked one's name.
    var submitter = event.submitter;
    if (submitter && submitter.name) {
      var keep = document.createElement("input");
      keep.type = "hidden";
      keep.name = submitter.name;
      keep.value = submitter.value;
      form.appendChild(keep);
    }
    form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
  });

  // A picker's search box and its "other unions too" box belong to no form: their changes
  // must not reach a filter form around them, which would reload the list for nothing.
  htmx.onLoad(function (root) {
    root.querySelectorAll(".record-picker").forEach(function (picker) {
      if (picker.dataset.ready) return;
      picker.dataset.ready = "1";
      picker.addEventListener("change", function (event) {
        if (event.target.hasAttribute("form")) event.stopPropagation();
      });
    });
  });

  // The union tree: the first click loads a node's units (htmx); later clicks fold and unfold.
  document.addEventListener("click", function (event) {
    var button = event.target.closest(".tree-toggle");
    if (!button) return;
    var id = button.closest("tr").id.replace("union-", "");
    var open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", String(!open));
    if (!button.dataset.loaded) { button.dataset.loaded = "1"; return; }
    if (open) {
      document.querySelectorAll('tr[data-ancestors~="' + id + '"]').forEach(function (row) {
        row.hidden = true;
        var toggle = row.querySelector(".tree-toggle");
        if (toggle) toggle.setAttribute("aria-expanded", "false");
      });
    } else {
      document.querySelectorAll('tr[data-parent="' + id + '"]').forEach(function (row) { row.hidden = false; });
    }
  });
})();
