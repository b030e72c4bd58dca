/* Address fields (eservices.address): once a province is chosen, the commune list shows only its communes.
   Without this script the list shows every province's communes, grouped by province; the server checks
   that the commune belongs to the province either way. Safe to load more than once on a page. */
(function () {
  "use strict";
  function narrow(picker) {
    var selects = picker.querySelectorAll("select");
    if (selects.length < 2) { return; }
    var province = selects[0], commune = selects[1];
    var chosen = province.selectedIndex > 0 ? province.options[province.selectedIndex].text : "";
    Array.prototype.forEach.call(commune.querySelectorAll("optgroup"), function (group) {
      var mine = !chosen || group.label === chosen;
      group.hidden = !mine;
      group.disabled = !mine;
    });
    var selected = commune.options[commune.selectedIndex];
    if (selected && selected.parentNode.disabled) { commune.value = ""; }
  }
  function start() {
    document.querySelectorAll("[data-address]").forEach(function (picker) {
      if (picker.dataset.addressReady) { return; }
      picker.dataset.addressReady = "1";
      picker.querySelector("select").addEventListener("change", function () { narrow(picker); });
      narrow(picker);
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
