// "Go back" links (data-back): the browser's history, without an inline javascript: address (CSP).
document.querySelectorAll("a[data-back]").forEach((link) => {
  link.addEventListener("click", (event) => {
    if (window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
});
