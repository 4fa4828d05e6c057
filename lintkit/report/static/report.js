// Filters by locale, rule family and severity. Without this script the page shows every finding.
// The state lives in the address (#locale=fr&severity=error), so a filtered view can be shared.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) {
    return;
  }
  var groups = ["locale", "family", "severity"];
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var counter = document.getElementById("shown");

  function boxes(group) {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="' + group + '"]'));
  }

  function wanted(group) {
    var values = {};
    boxes(group).forEach(function (box) {
      if (box.checked) {
        values[box.value] = true;
      }
    });
    return values;
  }

  function apply() {
    var want = {};
    groups.forEach(function (group) {
      want[group] = wanted(group);
    });
    var shown = 0;
    var total = 0;
    findings.forEach(function (finding) {
      var visible = groups.every(function (group) {
        return want[group][finding.getAttribute("data-" + group)] === true;
      });
      var count = Number(finding.getAttribute("data-count") || 1);  // a card may stand for several findings
      finding.hidden = !visible;
      shown += visible ? count : 0;
      total += count;
    });
    document.querySelectorAll("article.file").forEach(function (file) {
      file.hidden = !file.querySelector(".finding:not([hidden])");
    });
    document.querySelectorAll("section.locale").forEach(function (section) {
      var emptied = section.querySelector(".finding") && !section.querySelector(".finding:not([hidden])");
      section.hidden = !want.locale[section.getAttribute("data-locale")] || Boolean(emptied);
    });
    counter.textContent = "Showing " + shown + " of " + total + " findings on cards.";
  }

  function readAddress() {
    var state = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var pair = part.split("=");
      if (groups.indexOf(pair[0]) >= 0 && pair.length === 2) {
        state[pair[0]] = pair[1].split(",").map(decodeURIComponent);
      }
    });
    groups.forEach(function (group) {
      boxes(group).forEach(function (box) {
        box.checked = !state[group] || state[group].indexOf(box.value) >= 0;
      });
    });
  }

  function writeAddress() {
    var parts = [];
    groups.forEach(function (group) {
      var all = boxes(group);
      var on = all.filter(function (box) { return box.checked; });
      if (on.length !== all.length) {
        parts.push(group + "=" + on.map(function (box) { return encodeURIComponent(box.value); }).join(","));
      }
    });
    try {
      history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
    } catch (error) {
      // Some browsers refuse to rewrite addresses of local files; the filters still work.
    }
  }

  form.addEventListener("change", function () {
    apply();
    writeAddress();
  });
  form.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-group]");
    if (!button) {
      return;
    }
    boxes(button.getAttribute("data-group")).forEach(function (box) {
      box.checked = button.getAttribute("data-set") === "all";
    });
    apply();
    writeAddress();
  });
  window.addEventListener("hashchange", function () {
    readAddress();
    apply();
  });
  form.hidden = false;
  readAddress();
  apply();
  document.documentElement.setAttribute("data-filters", "ready");
})();
