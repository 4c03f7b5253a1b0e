// Record a fact: choosing another kind shows that kind's form (the "Show its form" button does the same without scripts).
(function () {
  "use strict";
  document.querySelectorAll("form.choose-kind select[name=kind]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
})();
