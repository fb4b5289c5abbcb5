/* Targets page filters: plan, topic, year, kind. The table is complete without this script; the
   filters only hide rows, and need no request (they work from file://). */
(function () {
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-targets-filters]");
    var table = document.querySelector("[data-targets-table]");
    if (!form || !table) { return; }
    form.hidden = false;
    var count = form.querySelector("[data-targets-count]");
    function apply() {
      var plan = form.elements.plan.value, topic = form.elements.topic.value;
      var year = form.elements.year.value, kind = form.elements.kind.value;
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var d = row.dataset;
        var ok = (!plan || d.plan === plan) && (!kind || d.kind === kind) &&
          (!topic || (" " + d.topics + " ").indexOf(" " + topic + " ") >= 0) &&
          (!year || (" " + d.years + " ").indexOf(" " + year + " ") >= 0);
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = shown + " of " + table.tBodies[0].rows.length + " targets";
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  });
})();
