// Keeps the review form's risk matrix in step with the likelihood and impact being chosen.
(function () {
    "use strict";

    function update(matrix) {
        var form = matrix.closest("form");
        if (!form) return;
        matrix.querySelectorAll(".risk-matrix__items").forEach(function (list) {
            list.textContent = "";
        });
        form.querySelectorAll('select[name^="assessments-"][name$="-category"]').forEach(function (select) {
            var prefix = select.name.slice(0, -"category".length);
            var deleted = form.querySelector('[name="' + prefix + 'DELETE"]');
            if (deleted && (deleted.value === "1" || deleted.checked)) return;
            var likelihood = form.querySelector('[name="' + prefix + 'likelihood"]');
            var impact = form.querySelector('[name="' + prefix + 'impact"]');
            if (!select.value || !likelihood || !impact || !likelihood.value || !impact.value) return;
            var cell = matrix.querySelector('[data-risk-cell="' + likelihood.value + "-" + impact.value + '"] .risk-matrix__items');
            if (!cell) return;
            var item = document.createElement("li");
            item.textContent = select.options[select.selectedIndex].text;
            cell.appendChild(item);
        });
    }

    function init() {
        document.querySelectorAll("[data-risk-matrix]").forEach(function (matrix) {
            var form = matrix.closest("form");
            if (!form) return;
            var refresh = function () { update(matrix); };
            form.addEventListener("change", refresh);
            // Rows added or deleted by the inline panel change the form without a change event.
            new MutationObserver(function (mutations) {
                // Our own redrawing of the matrix is a mutation too: ignore it, or it loops.
                var outside = mutations.some(function (m) { return !matrix.contains(m.target); });
                if (outside) refresh();
            }).observe(form, { childList: true, subtree: true, attributes: true, attributeFilter: ["value"] });
            refresh();
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
