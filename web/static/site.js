/* Small enhancements only: every page works without this file. */
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.top = "-1000px";
      document.body.appendChild(area);
      area.select();
      try {
        document.execCommand("copy") ? resolve() : reject(new Error("copy refused"));
      } catch (e) {
        reject(e);
      } finally {
        document.body.removeChild(area);
      }
    });
  }

  // "Sao chép trích dẫn": copies “passage” (document, section path).
  document.querySelectorAll(".copy-cite").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var status = button.parentNode.querySelector(".copy-status");
      copyText(button.getAttribute("data-citation")).then(function () {
        if (status) status.textContent = "Đã sao chép trích dẫn.";
        button.setAttribute("data-copied", "1");
      }, function () {
        if (status) status.textContent = "Không sao chép được; hãy bôi đen đoạn văn và nhấn Ctrl+C.";
      });
      window.setTimeout(function () { if (status) status.textContent = ""; }, 4000);
    });
  });

  // The outline starts collapsed on phones (it is a <details>, open without JavaScript).
  var outline = document.querySelector(".outline");
  if (outline && window.matchMedia("(max-width: 52rem)").matches) {
    outline.open = false;
  }
  // Closing the outline panel after picking a heading on phones.
  if (outline) {
    outline.addEventListener("click", function (e) {
      if (e.target.closest("a") && window.matchMedia("(max-width: 52rem)").matches) outline.open = false;
    });
  }

  // Keep the cited passage in view even when the page opens before layout settles.
  var hash = window.location.hash;
  if (/^#p-\d+$/.test(hash)) {
    var target = document.getElementById(hash.slice(1));
    if (target) {
      target.setAttribute("tabindex", "-1");
      window.requestAnimationFrame(function () {
        target.scrollIntoView({ block: "center" });
        target.focus({ preventScroll: true });
      });
    }
  }

  // Upload: say that indexing is running (it can take a while on large files).
  document.querySelectorAll(".upload-form").forEach(function (form) {
    form.addEventListener("submit", function () {
      var note = form.querySelector(".busy-note");
      if (note) note.hidden = false;
      var submit = form.querySelector("button[type=submit]");
      if (submit) { submit.disabled = true; submit.textContent = "Đang tải lên…"; }
    });
  });
})();
