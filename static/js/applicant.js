// "Người được giải quyết": the boxes for filing on someone else's behalf are shown only when
// that is chosen. Without JavaScript they stay visible, with a hint saying when to fill them.
(function () {
  var block = document.querySelector("[data-applicant]");
  if (!block) return;
  var extra = block.querySelector("[data-on-behalf]");
  function update() {
    var checked = block.querySelector("input[type=radio]:checked");
    extra.hidden = !checked || checked.value === "self";
  }
  block.addEventListener("change", update);
  update();
})();
