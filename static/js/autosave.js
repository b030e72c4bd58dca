// Drafts save themselves: a form marked data-autosave is posted in the background
// a moment after the citizen stops typing. Without JavaScript, "Lưu nháp" does the same.
(function () {
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) return;
  var status = document.getElementById("autosave-status");
  var timer = null;
  function save() {
    var data = new FormData(form);
    data.append("autosave", "1");
    fetch(form.action || window.location.href, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        if (status && response.status === 204) {
          status.textContent = (document.documentElement.lang === "en" ? "Draft saved at " : "Đã tự động lưu nháp lúc ")
            + new Date().toLocaleTimeString();
        }
      });
  }
  form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(save, 1500); });
  form.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(save, 500); });
})();
