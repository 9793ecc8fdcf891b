// Progressive enhancement only: every page works without this file.
document.addEventListener('change', (e) => {
  const el = e.target;
  if (el instanceof HTMLSelectElement && el.hasAttribute('data-autosubmit') && el.form) el.form.requestSubmit();
});
document.documentElement.classList.add('js');

// Navigation menus (<details data-navmenu>): one open at a time; Escape or a click elsewhere closes.
document.addEventListener('toggle', (e) => {
  const d = e.target;
  if (!(d instanceof HTMLDetailsElement) || !d.hasAttribute('data-navmenu') || !d.open) return;
  document.querySelectorAll('details[data-navmenu][open]').forEach((o) => { if (o !== d) o.open = false; });
}, true);
document.addEventListener('click', (e) => {
  document.querySelectorAll('details[data-navmenu][open]').forEach((o) => { if (!o.contains(e.target)) o.open = false; });
});
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  const open = document.querySelector('details[data-navmenu][open]');
  if (!open) return;
  open.open = false;
  open.querySelector('summary')?.focus();
});
window.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('[data-focus]');
  if (summary instanceof HTMLElement) summary.focus();
});

// Autosave of LKE answers: a changed answer is posted in the background; the server answers with
// the new revision and the scores to refresh ([data-live] elements). Without JS the Save button posts.
const pending = new WeakMap();
async function autosave(form) {
  if (pending.get(form)) { pending.set(form, 'again'); return; }
  pending.set(form, 'busy');
  const status = form.querySelector('.autosave-status');
  try {
    const res = await fetch(form.action, { method: 'POST', body: new FormData(form), headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const data = await res.json().catch(() => null);
    if (!res.ok || !data || !data.ok) throw new Error((data && data.message) || form.dataset.failed || 'error');
    const rev = form.querySelector('input[name="rev"]');
    if (rev) rev.value = data.rev;
    for (const [key, text] of Object.entries(data.updates || {})) {
      document.querySelectorAll(`[data-live="${CSS.escape(key)}"]`).forEach((n) => { n.textContent = text; });
    }
    if (status) { status.textContent = form.dataset.saved || ''; status.classList.remove('autosave-status--error'); }
  } catch (err) {
    if (status) { status.textContent = err instanceof Error ? err.message : String(err); status.classList.add('autosave-status--error'); }
  } finally {
    const again = pending.get(form) === 'again';
    pending.delete(form);
    if (again) autosave(form);
  }
}
document.addEventListener('change', (e) => {
  const el = e.target;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
  const form = el.form;
  if (!form || !form.hasAttribute('data-autosave')) return;
  // an item answered with several counts is saved once every count is filled (or all are cleared)
  const counts = [...form.querySelectorAll('input[data-count="required"]')];
  if (counts.length && el.matches('input[data-count]')) {
    const filled = counts.filter((c) => c.value.trim() !== '').length;
    if (filled !== 0 && filled !== counts.length) return;
  }
  autosave(form);
});
document.addEventListener('submit', (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-autosave')) return;
  e.preventDefault();
  autosave(form);
});

// Scroll regions (ScrollRegion: role=region, tabindex=0, a label): without JavaScript each stays a
// focusable, labelled region; here one that does not overflow (a table as cards on a phone, a narrow
// table on a wide screen) leaves the tab order and the landmarks, and comes back when it overflows.
function updateScrollRegions() {
  document.querySelectorAll('[data-scroll-region]').forEach((el) => {
    const scrolls = el.scrollWidth > el.clientWidth + 1;
    if (scrolls) {
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', el.dataset.scrollRegion || '');
    } else if (document.activeElement !== el) {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
  });
}
window.addEventListener('DOMContentLoaded', updateScrollRegions);
let scrollRegionTimer = 0;
window.addEventListener('resize', () => { clearTimeout(scrollRegionTimer); scrollRegionTimer = setTimeout(updateScrollRegions, 150); });
