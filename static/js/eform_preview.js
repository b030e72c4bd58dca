// The admin's e-form preview (templates/admin/services/eform_change_form.html): the citizen's form as the
// schema, UI description and prefill maps typed above it would make it, refreshed as they are typed.
(function () {
  var names = ["form_schema", "form_ui", "prefill_map", "suggest_map"], boxes = {};
  names.forEach(function (name) { boxes[name] = document.getElementById("id_" + name); });
  var target = document.getElementById("eform-preview"), status = document.getElementById("eform-preview-status");
  var frame = document.getElementById("eform-preview-frame"), problem = document.getElementById("eform-preview-problem");
  var csrf = document.querySelector("input[name=csrfmiddlewaretoken]").value, timer = null;
  function refresh() {
    var body = new FormData();
    names.forEach(function (name) { if (boxes[name]) { body.append(name, boxes[name].value); } });
    fetch(target.dataset.url, {
      method: "POST", body: body, headers: {"X-CSRFToken": csrf}, credentials: "same-origin"
    }).then(function (r) {
      return r.text().then(function (html) {
        if (r.ok) { frame.srcdoc = html; problem.innerHTML = ""; } else { problem.innerHTML = html; }
        frame.hidden = !r.ok;
        // A short announcement, not the whole form read again on every keystroke.
        status.textContent = r.ok ? status.dataset.updated : status.dataset.invalid;
      });
    });
  }
  function later() { clearTimeout(timer); timer = setTimeout(refresh, 400); }
  names.forEach(function (name) { if (boxes[name]) { boxes[name].addEventListener("input", later); } });
})();
