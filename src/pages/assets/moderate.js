// The moderators' workspace in the browser: keyboard first, live, with undo.
// Every action is also a plain form that works without this script.
const list = document.getElementById('mod-list');
const live = document.getElementById('mod-live');
const csrf = list?.dataset.csrf ?? '';
const undoStack = [];
let current = 0;

const items = () => [...document.querySelectorAll('.mod-item:not(.decided)')];
const say = (text) => {
  if (live) live.textContent = text;
};

/** Moves the focus to an item; false when none is left. */
function focusItem(i) {
  const all = items();
  if (all.length === 0) return false;
  current = Math.max(0, Math.min(i, all.length - 1));
  for (const el of document.querySelectorAll('.mod-item.current')) el.classList.remove('current');
  const el = all[current];
  el.classList.add('current');
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'nearest' });
  return true;
}

async function api(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: body ? JSON.stringify(body) : undefined,
    credentials: 'same-origin',
  });
  const json = await res.json().catch(() => ({}));
  return { ok: res.ok, status: res.status, json };
}

async function decide(el, action) {
  if (!el) return;
  const reason = el.querySelector('.mod-reason')?.value;
  const note = el.querySelector('input[name="note"]')?.value || undefined;
  const r = await api('POST', `/api/admin/moderate/comments/${el.dataset.id}/decision`, {
    action,
    version: Number(el.dataset.version),
    reason,
    note,
  });
  if (r.ok) {
    el.dataset.version = String(r.json.item.version);
    el.classList.add('decided');
    el.classList.remove('current');
    el.setAttribute('aria-label', `${action} done`);
    undoStack.push({ auditId: r.json.auditId, el });
    const more = focusItem(current);
    say(`${label(action)}: comment by ${el.dataset.authorName}. Press u to undo.${more ? '' : ' The queue is empty.'}`);
  } else if (r.status === 409 && r.json.error?.details?.current) {
    const cur = r.json.error.details.current;
    el.dataset.version = String(cur.version);
    say(`${r.json.error.message} (by ${cur.moderatedBy ?? 'someone'}).`);
  } else say(r.json.error?.message ?? 'That did not work.');
}

const label = (a) =>
  ({
    approve: 'Approved',
    approve_trust: 'Approved, author trusted',
    refuse: 'Refused',
    feature: 'Featured',
    unfeature: 'Unfeatured',
  })[a] ?? a;

async function undo() {
  const last = undoStack.pop();
  if (!last) return say('Nothing to undo.');
  const r = await api('POST', '/api/admin/moderate/undo', { auditId: last.auditId });
  if (!r.ok) return say(r.json.error?.message ?? 'Could not undo.');
  last.el.dataset.version = String(r.json.item.version);
  last.el.classList.remove('decided');
  focusItem(items().indexOf(last.el));
  say('Undone.');
}

function ban(el) {
  if (!el?.dataset.author) return say('This comment has no account to ban.');
  const dialog = document.getElementById('mod-ban');
  document.getElementById('mod-ban-who').textContent =
    `${el.dataset.authorName}: their pending comments will be refused too.`;
  const input = document.getElementById('mod-ban-reason');
  input.value = '';
  dialog.showModal();
  input.focus();
  dialog.onclose = async () => {
    if (dialog.returnValue !== 'ban' || !input.value.trim()) return focusItem(current);
    const r = await api('POST', `/api/admin/moderate/authors/${el.dataset.author}/sanction`, {
      kind: 'ban',
      reason: input.value.trim(),
    });
    say(
      r.ok
        ? `${el.dataset.authorName} is banned; ${r.json.refusedPending} pending comment${r.json.refusedPending === 1 ? '' : 's'} refused.`
        : (r.json.error?.message ?? 'Could not ban.'),
    );
    if (r.ok)
      for (const other of document.querySelectorAll(`.mod-item[data-author="${el.dataset.author}"]`))
        if (list?.dataset.queue === 'pending') other.classList.add('decided');
    focusItem(current);
  };
}

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (
    t instanceof HTMLInputElement ||
    t instanceof HTMLTextAreaElement ||
    t instanceof HTMLSelectElement ||
    document.querySelector('dialog[open]')
  )
    return;
  const el = items()[current];
  const keys = {
    j: () => focusItem(current + 1),
    k: () => focusItem(current - 1),
    a: () => decide(el, 'approve'),
    r: () => decide(el, 'refuse'),
    f: () => decide(el, 'feature'),
    b: () => ban(el),
    u: () => undo(),
    x: () => {
      const box = el?.querySelector('.mod-select');
      if (box) box.checked = !box.checked;
    },
    '?': () => document.getElementById('mod-help')?.showModal(),
  };
  const fn = keys[e.key];
  if (fn) {
    e.preventDefault();
    fn();
  }
});

// Bulk actions on the selected items.
for (const button of document.querySelectorAll('[data-bulk]')) {
  button.addEventListener('click', async () => {
    const chosen = [...document.querySelectorAll('.mod-select:checked')].map((b) => b.closest('.mod-item'));
    if (chosen.length === 0) return say('Select comments first (x, or their boxes).');
    for (const el of chosen) await decide(el, button.dataset.bulk);
  });
}

// The list as forms: when the script runs, decisions go through the API instead of a page load.
for (const form of document.querySelectorAll('.mod-item form.mod-actions')) {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const el = form.closest('.mod-item');
    current = items().indexOf(el);
    decide(el, e.submitter?.value ?? 'approve');
  });
}

// Live: new held, reported or appealed comments appear; decisions by others are shown.
if (list?.dataset.queue) {
  const source = new EventSource('/api/admin/moderate/events');
  source.addEventListener('moderation.queued', async (e) => {
    const { id } = JSON.parse(e.data);
    if (document.getElementById(`item-${id}`)) return;
    const res = await fetch(`/admin/moderate/fragment/${id}?queue=${list.dataset.queue}`, {
      credentials: 'same-origin',
    });
    if (res.status !== 200) return;
    list.insertAdjacentHTML('beforeend', await res.text());
    say('A new comment arrived at the end of the queue.');
  });
  source.addEventListener('moderation.decided', (e) => {
    const { id, by } = JSON.parse(e.data);
    if (by?.id === list.dataset.me) return; // our own decision, already shown
    const el = document.getElementById(`item-${id}`);
    if (el && !el.classList.contains('decided')) {
      el.classList.add('decided');
      say(`${by?.name ?? 'Another moderator'} decided a comment in this list.`);
    }
  });
}

if (!focusItem(0) && list) say('The queue is empty.');
