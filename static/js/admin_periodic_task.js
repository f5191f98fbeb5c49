// The admin's periodic task form (django-celery-beat): under the crontab's help, the chosen
// schedule in words. django-celery-beat does this in an inline script, which the
// Content-Security-Policy refuses; this file replaces it (templates/admin/djcelery/).
(function () {
  "use strict";
  var source = document.getElementById("readable-crontabs");
  var select = document.getElementById("id_crontab");
  var help = document.querySelector(".field-crontab .help");
  if (!source || !select) return;
  var readable = JSON.parse(source.textContent);
  var label = document.currentScript.dataset.label;
  var original = help ? help.textContent : "";
  var translation = document.querySelector(".field-crontab_translation");
  if (translation) translation.style.display = "none";

  select.addEventListener("change", function () {
    if (!help) return;
    help.textContent = original;
    var words = readable[select.value];
    if (words) {
      help.appendChild(document.createElement("br"));
      help.appendChild(document.createTextNode(label + " " + words));
    }
  });
})();
