/* The assistant widget: asks /api/v1/assistant/ and shows the answer in place. Without this script the widget's
   form posts to the chat page, which answers the same. Text is set with textContent only (answers are data). */
(function () {
  "use strict";
  var form = document.querySelector(".assistant-widget-form");
  if (!form || !window.fetch) return;
  var log = document.querySelector(".assistant-widget .assistant-log");
  var input = form.querySelector("input[name=question]");
  var context = form.querySelector("input[name=context]");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]");

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function link(item, className) {
    var a = el("a", className, item.label);
    a.href = item.url;
    return a;
  }

  function card(data) {
    var article = el("article", "assistant-card");
    article.setAttribute("aria-label", data.title);
    var title = el("h3");
    if (data.code) { title.appendChild(el("span", "code", data.code)); title.appendChild(document.createTextNode(" ")); }
    title.appendChild(document.createTextNode(data.title));
    article.appendChild(title);
    if (data.summary) article.appendChild(el("p", "", data.summary));
    if (data.facts.length) {
      var dl = el("dl", "facts");
      data.facts.forEach(function (fact) { dl.appendChild(el("dt", "", fact.label)); dl.appendChild(el("dd", "", fact.value)); });
      article.appendChild(dl);
    }
    [["papers", log.dataset.papers], ["places", log.dataset.places]].forEach(function (part) {
      var items = data[part[0]];
      if (!items.length) return;
      article.appendChild(el("h4", "", part[1]));
      var ul = el("ul");
      items.forEach(function (item) {
        var li = el("li", "", typeof item === "string" ? item : item.name);
        if (item.note) { li.appendChild(document.createTextNode(" — ")); li.appendChild(el("em", "", item.note)); }
        ul.appendChild(li);
      });
      article.appendChild(ul);
    });
    var actions = el("p", "assistant-actions");
    data.actions.forEach(function (action) {
      actions.appendChild(link(action, action.primary ? "button" : "button secondary"));
      actions.appendChild(document.createTextNode(" "));
    });
    article.appendChild(actions);
    return article;
  }

  function show(said, answer) {
    var turn = el("div", "assistant-turn");
    turn.appendChild(el("p", "assistant-question", said));
    var box = el("div", "assistant-answer assistant-" + answer.kind);
    box.appendChild(el("p", "assistant-text", answer.text));
    if (answer.options.length) {
      var options = el("div", "assistant-options");
      answer.options.forEach(function (option) {
        var button = el("button", "secondary", option.label);
        button.type = "button";
        button.addEventListener("click", function () {
          options.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
          ask({ choice: option.value, context: answer.context }, option.label);
        });
        options.appendChild(button);
      });
      box.appendChild(options);
    }
    answer.cards.forEach(function (data) { box.appendChild(card(data)); });
    if (answer.links.length) {
      var sources = el("p", "assistant-sources", (answer.kind === "unknown" ? log.dataset.support : log.dataset.sources) + ": ");
      answer.links.forEach(function (item, i) {
        if (i) sources.appendChild(document.createTextNode(" · "));
        sources.appendChild(link(item));
      });
      box.appendChild(sources);
    }
    turn.appendChild(box);
    log.appendChild(turn);
    context.value = answer.context || "";
    turn.scrollIntoView({ block: "nearest" });
  }

  function ask(body, said) {
    return fetch(form.dataset.api, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf ? csrf.value : "", "Accept": "application/json" },
      body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (answer) { show(said, answer); }, function () {
      context.value = ""; // an expired or refused conversation: the next question starts a new one
      var error = el("p", "assistant-error", log.dataset.error);
      error.setAttribute("role", "alert");
      log.appendChild(error);
    });
  }

  form.addEventListener("submit", function (event) {
    var question = input.value.trim();
    if (!question) return; // the chat page explains what is missing
    event.preventDefault();
    input.value = "";
    var body = { question: question };
    if (context.value) body.context = context.value;
    ask(body, question);
  });
})();
