// Progressive enhancement only: every page works without this file.
document.addEventListener('change', (e) => {
  const el = e.target;
  if (el instanceof HTMLSelectElement && el.hasAttribute('data-autosubmit') && el.form) el.form.requestSubmit();
});
document.documentElement.classList.add('js');
window.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('[data-focus]');
  if (summary instanceof HTMLElement) summary.focus();
});
