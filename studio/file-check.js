// Opened from disk (a file:// address), the browser refuses the studio's modules and its
// Wasm (they need an http origin), so the page would stay on "Loading the studio…". This
// classic script does run there: it says so and how to serve the studio instead.
if (location.protocol === 'file:') {
  const status = document.getElementById('status');
  status.classList.add('notice');
  status.textContent = 'The studio cannot run from a file on disk: browsers load its code only from a web address. '
    + 'Serve dist/ instead: run make serve in the project and open http://127.0.0.1:8080/studio.html, '
    + 'or put dist/ on any web server and open studio.html there.';
  for (const button of document.querySelectorAll('[data-start]')) button.disabled = true;
}
