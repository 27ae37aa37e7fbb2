// The mention picker: type part of a member's name, pick them, and "@[name](user:id)" is added to the message.
// Without JavaScript the picker stays hidden and a mention can still be typed in that form.
(function () {
  "use strict";
  function setUp(picker) {
    var form = picker.closest("form");
    var textarea = form && form.querySelector("textarea[name=body]");
    if (!textarea) return;
    var input = picker.querySelector("input");
    var results = picker.querySelector(".mention-results");
    var timer = null;
    picker.hidden = false;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var query = input.value.trim();
        results.textContent = "";
        if (query.length < 2) return;
        fetch(picker.dataset.membersUrl + "?q=" + encodeURIComponent(query), { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : { members: [] }; })
          .then(function (data) {
            results.textContent = "";
            data.members.forEach(function (member) {
              var item = document.createElement("li");
              var button = document.createElement("button");
              button.type = "button";
              button.className = "button button-secondary";
              button.textContent = "@" + member.name;
              button.addEventListener("click", function () {
                var token = "@[" + member.name.replace(/[\[\]\n]/g, "") + "](user:" + member.id + ") ";
                var at = textarea.selectionStart || textarea.value.length;
                textarea.value = textarea.value.slice(0, at) + token + textarea.value.slice(at);
                textarea.focus();
                results.textContent = "";
                input.value = "";
              });
              item.appendChild(button);
              results.appendChild(item);
            });
          });
      }, 200);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".mention-picker").forEach(setUp);
  });
})();
