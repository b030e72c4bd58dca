// Drafts save themselves: a form marked data-autosave is posted in the background
// a moment after the citizen stops typing. Without JavaScript, "Lưu nháp" does the same.
//
// Nothing typed is lost when a save fails. Until the server has it, what was typed is also
// kept in this tab's sessionStorage (gone when the tab closes), tagged with the draft's
// version the page was loaded with (data-draft-version). Opening the form again with the
// same version (after logging in again, or reloading once the connection is back) puts it
// back and saves it; a newer version on the server means it was saved, and the copy is dropped.
//
// The status line says when the draft was saved; a failure or a restore is also announced
// (#autosave-announce), not every save. Texts come translated from the page (data-*).
//
// Two tabs on one draft: every save sends the version the page holds (draft_version), and a
// save from a page that is behind is refused (409) with what changed and a link to reload;
// autosave then stops in this tab, whose typed values stay on the page ("Lưu nháp" shows both).
(function () {
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) return;
  var status = document.getElementById("autosave-status");
  var announce = document.getElementById("autosave-announce");
  var key = "portal-draft:" + window.location.pathname;
  var timer = null;
  var stale = false;

  function show(kind) {
    if (!status) return;
    var text = kind === "saved"
      ? status.dataset.saved + " " + new Date().toLocaleTimeString(document.documentElement.lang || "vi")
      : status.dataset[kind];
    status.classList.toggle("autosave-failed", kind === "failed" || kind === "expired");
    status.textContent = text;
    if (announce && kind !== "saved") announce.textContent = text;
  }

  function values() {
    var pairs = [];
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.type === "file" || el.type === "submit" || el.name === "csrfmiddlewaretoken") return;
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      pairs.push([el.name, el.value]);
    });
    return pairs;
  }

  function keep() {
    try {
      sessionStorage.setItem(key, JSON.stringify({ version: form.dataset.draftVersion, values: values() }));
    } catch (e) { /* storage full or disabled: the page still holds the values */ }
  }

  function restore() {
    var kept;
    try { kept = JSON.parse(sessionStorage.getItem(key) || "null"); } catch (e) { kept = null; }
    if (!kept || kept.version !== form.dataset.draftVersion) {
      sessionStorage.removeItem(key);
      return false;
    }
    var byName = {};
    kept.values.forEach(function (pair) { (byName[pair[0]] = byName[pair[0]] || []).push(pair[1]); });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.type === "file" || el.type === "submit" || el.name === "csrfmiddlewaretoken") return;
      var wanted = byName[el.name] || [];
      if (el.type === "radio" || el.type === "checkbox") el.checked = wanted.indexOf(el.value) !== -1;
      else if (wanted.length) el.value = wanted[0];
      el.dispatchEvent(new Event("change", { bubbles: false }));
    });
    return true;
  }

  function save(after) {
    var data = new FormData(form);
    data.append("autosave", "1");
    fetch(form.action || window.location.href, { method: "POST", body: data, credentials: "same-origin", redirect: "manual" })
      .then(function (response) {
        if (response.status === 204) {
          var version = response.headers.get("X-Draft-Version");
          if (version) {
            form.dataset.draftVersion = version;
            if (form.elements.draft_version) form.elements.draft_version.value = version;
          }
          sessionStorage.removeItem(key);
          show(after || "saved");
        } else if (response.status === 409) {
          stale = true;
          response.json().then(conflict, function () { show("failed"); });
        } else {
          // Sent to the login page (an opaque redirect), or refused: the session has ended.
          show(response.type === "opaqueredirect" || response.status === 403 ? "expired" : "failed");
        }
      })
      .catch(function () { show("failed"); });
  }

  function conflict(body) {
    if (!status) return;
    status.classList.add("autosave-failed");
    status.textContent = body.message + " ";
    var link = document.createElement("a");
    link.href = body.reload;
    link.textContent = body.reload_label;
    status.appendChild(link);
    if (announce) announce.textContent = body.message;
  }

  function changed(delay) {
    if (stale) return;
    keep();
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  }

  if (restore()) save("restored");
  form.addEventListener("submit", function () { clearTimeout(timer); });
  form.addEventListener("input", function () { changed(1500); });
  form.addEventListener("change", function (event) { if (event.isTrusted) changed(500); });
  window.addEventListener("online", function () { if (sessionStorage.getItem(key)) save(); });
})();
