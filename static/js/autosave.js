// Drafts save themselves: a form marked data-autosave is posted in the background
// a moment after the citizen stops typing. Without JavaScript, "Lưu nháp" does the same.
// The status line says when the draft was saved, or that it was not (lost connection,
// expired session) so the citizen can press "Lưu nháp" before leaving; its texts come
// translated from the page (data-saved, data-failed).
(function () {
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) return;
  var status = document.getElementById("autosave-status");
  var timer = null;
  function show(kind) {
    if (!status) return;
    status.classList.toggle("autosave-failed", kind === "failed");
    status.textContent = kind === "saved"
      ? status.dataset.saved + " " + new Date().toLocaleTimeString(document.documentElement.lang || "vi")
      : status.dataset.failed;
  }
  function save() {
    var data = new FormData(form);
    data.append("autosave", "1");
    fetch(form.action || window.location.href, { method: "POST", body: data, credentials: "same-origin", redirect: "manual" })
      .then(function (response) { show(response.status === 204 ? "saved" : "failed"); })
      .catch(function () { show("failed"); });
  }
  form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(save, 1500); });
  form.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(save, 500); });
})();
