/*
 * Search suggestions: turns every <input data-suggest-url> into an ARIA 1.2 combobox with a
 * list of title suggestions (WAI-ARIA Authoring Practices, "combobox with listbox popup").
 * Progressive enhancement: without JavaScript the field is a plain search field.
 *
 * Keys: Down/Up move through the suggestions, Enter opens the highlighted one (or submits the
 * form), Escape closes the list (a second Escape clears the field), Tab leaves as usual.
 */
(function () {
  "use strict";

  var MIN_CHARS = 2;
  var DELAY = 150;
  var counter = 0;

  function enhance(input) {
    var url = input.getAttribute("data-suggest-url");
    if (!url || input.getAttribute("role") === "combobox") return;
    counter += 1;
    var listId = "search-suggest-list-" + counter;
    var statusId = "search-suggest-status-" + counter;

    var wrapper = document.createElement("div");
    wrapper.className = "search-suggest";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggest__list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Vorschläge");
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("div");
    status.id = statusId;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var items = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = "";

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      var options = list.querySelectorAll("[role=option]");
      if (!options.length) return;
      if (index < 0) index = options.length - 1;
      if (index >= options.length) index = 0;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }

    function render(suggestions) {
      items = suggestions;
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!suggestions.length) {
        close();
        status.textContent = lastQuery.length >= MIN_CHARS ? "Keine Vorschläge." : "";
        return;
      }
      suggestions.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "search-suggest__option";
        var title = document.createElement("span");
        title.className = "search-suggest__title";
        title.textContent = item.title;
        var kind = document.createElement("span");
        kind.className = "search-suggest__kind";
        kind.textContent = item.kind;
        option.appendChild(title);
        option.appendChild(document.createTextNode(" "));
        option.appendChild(kind);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the field
        });
        option.addEventListener("click", function () {
          go(index);
        });
        list.appendChild(option);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent =
        suggestions.length === 1
          ? "1 Vorschlag. Mit Pfeiltasten auswählen."
          : suggestions.length + " Vorschläge. Mit Pfeiltasten auswählen.";
    }

    function go(index) {
      var item = items[index];
      if (item && item.url) window.location.href = item.url;
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      lastQuery = query;
      if (query.length < MIN_CHARS) {
        render([]);
        return;
      }
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      var separator = url.indexOf("?") === -1 ? "?" : "&";
      fetch(url + separator + "q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query) render(data.suggestions || []);
        })
        .catch(function () {
          /* aborted or offline: the plain search still works */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!open) {
            if (items.length) {
              list.hidden = false;
              input.setAttribute("aria-expanded", "true");
            } else {
              fetchSuggestions();
              return;
            }
          }
          setActive(event.altKey ? active : active + 1);
          break;
        case "ArrowUp":
          if (open) {
            event.preventDefault();
            setActive(active - 1);
          }
          break;
        case "Enter":
          if (open && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (open) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            render([]);
          }
          break;
        default:
          break;
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });
  }

  function init() {
    var inputs = document.querySelectorAll("input[data-suggest-url]");
    for (var i = 0; i < inputs.length; i++) enhance(inputs[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
