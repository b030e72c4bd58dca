/* Repeating groups of an e-form (eservices/groups.py): "Thêm dòng" adds a blank row in place instead of sending the
   form back. Without this script the button sends the form and the server draws it again with one more row. */
(function () {
  "use strict";
  function addRow(group, button) {
    var body = group.querySelector("tbody");
    var rows = body.querySelectorAll("tr[data-row]");
    var last = rows[rows.length - 1];
    var count = group.querySelector("[data-rows-count]");
    var index = rows.length, name = group.dataset.rows;
    var max = parseInt(group.dataset.maxRows || "0", 10);
    if (!last || (max && index >= max)) { return; }
    var row = last.cloneNode(true);
    var from = name + "-" + (index - 1) + "-", to = name + "-" + index + "-";
    row.querySelector("th").textContent = String(index + 1);
    row.querySelectorAll("input, select, textarea").forEach(function (input) {
      input.name = input.name.replace(from, to);
      input.id = input.id.replace("-" + (index - 1) + "-", "-" + index + "-");
      var label = input.getAttribute("aria-label");
      if (label) { input.setAttribute("aria-label", label.replace(String(index), String(index + 1))); }
      if (input.type === "checkbox" || input.type === "radio") { input.checked = false; }
      else if (input.tagName === "SELECT") { input.selectedIndex = 0; }
      else { input.value = ""; }
      input.removeAttribute("aria-invalid");
    });
    body.appendChild(row);
    count.value = String(index + 1);
    if (max && index + 1 >= max) { button.hidden = true; }
    var first = row.querySelector("input, select, textarea");
    if (first) { first.focus(); }
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-add-row]");
    if (!button) { return; }
    var group = button.closest("[data-rows]");
    if (!group) { return; }
    event.preventDefault();
    addRow(group, button);
  });
})();
