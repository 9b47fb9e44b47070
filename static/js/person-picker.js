// The person picker (organisation/people_picker.py): a WAI-ARIA 1.2 combobox with a list of
// suggestions fetched as one types. Arrow keys move through the suggestions (announced via
// aria-activedescendant), Enter or a click picks one, Escape closes the list. A single picker
// keeps the chosen id in its hidden input; a multiple one adds a hidden input per person.
(function () {
  "use strict";
  var DELAY = 200;

  function init(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "1";
    var input = root.querySelector("[role=combobox]");
    var listbox = root.querySelector("[role=listbox]");
    var status = root.querySelector(".person-picker__status");
    var chosen = root.querySelector(".person-picker__chosen");
    var value = root.querySelector("[data-value]");
    var multiple = root.hasAttribute("data-multiple");
    var options = [];
    var active = -1;
    var timer = null;
    var request = 0;

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (li, i) {
        li.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function chosenIds() {
      if (!chosen) return [];
      return Array.prototype.map.call(
        chosen.querySelectorAll("input[type=hidden]"),
        function (el) { return el.value; }
      );
    }

    function addChip(person) {
      var li = document.createElement("li");
      var name = document.createElement("span");
      name.textContent = person.label;
      var hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = root.dataset.name;
      hidden.value = person.id;
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "person-picker__remove";
      remove.setAttribute("data-remove", "");
      remove.textContent = root.dataset.removeLabel.replace("%(name)s", person.label);
      li.append(name, hidden, remove);
      chosen.appendChild(li);
    }

    function pick(index) {
      var li = options[index];
      if (!li || li.getAttribute("aria-disabled") === "true") return;
      var person = { id: li.dataset.id, label: li.dataset.label };
      if (multiple) {
        if (chosenIds().indexOf(person.id) === -1) addChip(person);
        input.value = "";
      } else {
        value.value = person.id;
        input.value = person.label;
      }
      status.textContent = li.dataset.label;
      close();
      input.focus();
    }

    function render(data) {
      listbox.textContent = "";
      var taken = chosenIds();
      options = data.results.map(function (person, i) {
        var li = document.createElement("li");
        li.id = input.id + "-option-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.dataset.id = String(person.id);
        li.dataset.label = person.label;
        var name = document.createElement("span");
        name.className = "person-picker__name";
        name.textContent = person.label;
        var detail = document.createElement("span");
        detail.className = "person-picker__detail";
        detail.textContent = person.detail;
        li.append(name, detail);
        if (taken.indexOf(li.dataset.id) !== -1) li.setAttribute("aria-disabled", "true");
        li.addEventListener("mousedown", function (event) { event.preventDefault(); });
        li.addEventListener("click", function () { pick(i); });
        listbox.appendChild(li);
        return li;
      });
      status.textContent = data.message;
      if (options.length) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
        active = -1;
      } else {
        close();
      }
    }

    function search() {
      var term = input.value.trim();
      var mine = ++request;
      if (!term) {
        close();
        status.textContent = "";
        return;
      }
      var url = root.dataset.url + "?source=" + encodeURIComponent(root.dataset.source) +
        "&q=" + encodeURIComponent(term);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (data && mine === request) render(data);
        })
        .catch(function () {});
    }

    input.addEventListener("input", function () {
      // What is typed no longer names the chosen person until a suggestion is picked again.
      if (!multiple) value.value = "";
      clearTimeout(timer);
      timer = setTimeout(search, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      var open = !listbox.hidden;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open && options.length) {
          listbox.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        highlight(Math.min(active + 1, options.length - 1));
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        highlight(Math.max(active - 1, 0));
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault(); // pick, do not submit the form
        pick(active);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
    if (chosen) {
      chosen.addEventListener("click", function (event) {
        var button = event.target.closest("[data-remove]");
        if (!button) return;
        button.closest("li").remove();
        input.focus();
      });
    }
  }

  function scan() {
    document.querySelectorAll("[data-person-picker]").forEach(init);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
})();
