// Renders the page's charts from their inline specs and wires the table filters.
// Everything it needs is on the page or in assets/vega.js: it requests nothing.
(function () {
  "use strict";

  function renderCharts() {
    var charts = document.querySelectorAll(".chart[data-spec]");
    charts.forEach(function (element) {
      var spec = JSON.parse(document.getElementById(element.dataset.spec).textContent);
      // Inputs bound to chart parameters (currency, year) go above the chart.
      var controls = document.createElement("div");
      controls.className = "chart-controls";
      element.parentNode.insertBefore(controls, element);
      window
        .vegaEmbed(element, spec, { actions: false, renderer: "svg", bind: controls })
        .then(function () {
          element.dataset.rendered = "true";
        })
        .catch(function (error) {
          element.dataset.rendered = "error";
          element.textContent = "图表无法显示 The chart could not be drawn: " + error;
          console.error(error);
        });
    });
  }

  function wireTable(block) {
    var search = block.querySelector("[data-search]");
    var selects = Array.prototype.slice.call(block.querySelectorAll("select[data-filter]"));
    var rows = Array.prototype.slice.call(block.querySelectorAll("tbody tr"));
    var count = block.querySelector("[data-count]");

    function apply() {
      var needle = search ? search.value.trim().toLowerCase() : "";
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          return !select.value || row.getAttribute("data-f" + select.dataset.filter) === select.value;
        });
        if (visible && needle) {
          visible = row.textContent.toLowerCase().indexOf(needle) !== -1 ||
            (row.title || "").toLowerCase().indexOf(needle) !== -1;
        }
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) count.textContent = "显示 " + shown + " / " + rows.length + " 行 · showing " +
        shown + " of " + rows.length + " rows";
    }

    if (search) search.addEventListener("input", apply);
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    apply();
  }

  renderCharts();
  document.querySelectorAll("[data-table]").forEach(wireTable);
})();
