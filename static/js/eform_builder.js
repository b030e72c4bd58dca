/* E-form builder: live check and preview while typing, and only the settings that fit each field's type.
   Progressive enhancement: without this script every setting is shown and "Kiểm tra và xem trước" does the
   same check on the server. The server's answer is the authority; this only asks it sooner. */
(function () {
  "use strict";
  var form = document.getElementById("builder-form");
  if (!form) { return; }
  var frame = document.getElementById("builder-preview");
  var empty = document.getElementById("builder-preview-empty");
  var status = document.getElementById("builder-status");
  var general = document.getElementById("builder-general");
  var timer = null, sent = 0;

  // A field, or a repeating group's sub-field: each fits its own type (a group's settings hold its sub-fields').
  var SCOPE = ".builder-subfield, .builder-field";

  function fitKind(field) {
    var kind = field.querySelector("select[data-role=kind]");
    if (!kind) { return; }
    field.querySelectorAll("[data-only]").forEach(function (part) {
      if (part.parentNode.closest(SCOPE) !== field) { return; }
      part.hidden = part.dataset.only.split(" ").indexOf(kind.value) < 0;
    });
  }

  function show(answer) {
    form.querySelectorAll(".builder-error").forEach(function (node) {
      var message = answer.errors[node.id.slice(4)] || "";
      node.textContent = message;
      node.hidden = !message;
      node.parentNode.classList.toggle("has-error", !!message);
    });
    general.innerHTML = "";
    answer.general.forEach(function (message) {
      var item = document.createElement("li");
      item.textContent = message;
      general.appendChild(item);
    });
    general.hidden = !answer.general.length;
    if (answer.preview) { frame.srcdoc = answer.preview; }
    frame.hidden = !answer.preview;
    empty.hidden = !!answer.preview;
    status.textContent = answer.preview ? status.dataset.updated : status.dataset.invalid;
  }

  function check() {
    var body = new FormData(form), mine = ++sent;
    body.delete("form_file");
    body.delete("action");
    fetch(form.dataset.previewUrl, {method: "POST", body: body, credentials: "same-origin",
                                    headers: {"X-Requested-With": "fetch"}})
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
      .then(function (answer) { if (mine === sent) { show(answer); } })
      .catch(function () { status.textContent = status.dataset.failed; });
  }

  function later(event) {
    if (event.target.type === "file") { return; }
    var field = event.target.closest(SCOPE);
    if (field && event.target.dataset.role === "kind") { fitKind(field); }
    clearTimeout(timer);
    timer = setTimeout(check, 500);
  }

  form.querySelectorAll(SCOPE).forEach(fitKind);
  form.addEventListener("input", later);
  form.addEventListener("change", later);
})();
