// A button marked data-print prints the page (the procedure's page): no inline onclick under the CSP.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-print]");
  if (button) { window.print(); }
});
