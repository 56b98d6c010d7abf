/* Filters by agency and document kind, paging of the document list, and, in one file,
   showing the section the address names. No request leaves the page. */
(function () {
  "use strict";
  var agencySelect = document.getElementById("filter-agency");
  var kindSelect = document.getElementById("filter-kind");
  var counter = document.getElementById("filter-count");
  var page = 0;

  function named(element, attribute, value) {
    if (!value) { return true; }
    var values = (element.getAttribute(attribute) || "").split("|");
    return values.indexOf(value) >= 0;
  }

  function matches(row) {
    return named(row, "data-agencies", agencySelect ? agencySelect.value : "") &&
      named(row, "data-kinds", kindSelect ? kindSelect.value : "");
  }

  function pageTable(table) {
    var size = parseInt(table.getAttribute("data-rows-per-page"), 10) || 50;
    var rows = Array.prototype.filter.call(table.tBodies[0].rows, function (row) {
      return row.getAttribute("data-match") === "1";
    });
    var pages = Math.max(1, Math.ceil(rows.length / size));
    page = Math.min(Math.max(page, 0), pages - 1);
    rows.forEach(function (row, i) { row.hidden = Math.floor(i / size) !== page; });
    var pager = table.nextElementSibling;
    if (pager && pager.classList.contains("pager")) {
      pager.hidden = pages < 2;
      pager.querySelector(".pager-label").textContent = "page " + (page + 1) + " of " + pages;
    }
  }

  function apply() {
    var shown = 0;
    document.querySelectorAll("[data-filter-row]").forEach(function (row) {
      var ok = matches(row);
      row.setAttribute("data-match", ok ? "1" : "0");
      row.hidden = !ok;
      if (ok && row.closest("table.documents")) { shown += 1; }
    });
    document.querySelectorAll("table.paged").forEach(pageTable);
    if (counter && document.querySelector("table.documents")) {
      counter.textContent = shown + " document(s) shown";
    }
  }

  function showAddressed() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    var section = target ? target.closest(".section") : null;
    document.querySelectorAll(".section.shown").forEach(function (s) { s.classList.remove("shown"); });
    document.querySelectorAll("mark.flash").forEach(function (m) { m.classList.remove("flash"); });
    document.body.classList.toggle("viewing", Boolean(section) && document.body.classList.contains("one-file"));
    if (!target) { return; }
    if (section) { section.classList.add("shown"); }
    if (target.tagName === "MARK") { target.classList.add("flash"); }
    if (target === section) { window.scrollTo(0, 0); } else { target.scrollIntoView({ block: "center" }); }
  }

  document.querySelectorAll(".pager button").forEach(function (button) {
    button.addEventListener("click", function () {
      page += parseInt(button.getAttribute("data-step"), 10);
      document.querySelectorAll("table.paged").forEach(pageTable);
    });
  });
  [agencySelect, kindSelect].forEach(function (select) {
    if (select) { select.addEventListener("change", function () { page = 0; apply(); }); }
  });
  window.addEventListener("hashchange", showAddressed);
  window.addEventListener("load", showAddressed); /* after the browser's own jump */
  apply();
  showAddressed();
}());
