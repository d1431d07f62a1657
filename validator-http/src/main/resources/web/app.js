'use strict';
// The planner and designer page: every answer comes from the server's API, so the page shows
// exactly what the command line would say.

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = 'qualcheck-token';
let structure = null;   // the chosen qualification's structure
let planSeq = 0;        // drops answers that arrive after a newer question
let designSeq = 0;
let diagramSeq = 0;

function status(text) { $('status').textContent = text || ''; }

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers['Authorization'] = 'Bearer ' + token;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (response.status === 401) {
    $('token-box').hidden = false;
    $('token').focus();
  }
  return { ok: response.ok, status: response.status, body };
}

function postJson(path, value) {
  return api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) });
}

function problemText(answer) {
  const b = answer.body;
  return b && b.detail ? b.detail : 'the server answered ' + answer.status;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

async function drawDiagram(target, text) {
  target.replaceChildren();
  if (!text || !window.mermaid) return;
  const id = 'mermaid-' + (++diagramSeq);
  try {
    const { svg } = await window.mermaid.render(id, text);
    target.innerHTML = svg;
  } catch (e) {
    target.textContent = 'The diagram cannot be drawn.';
  } finally {
    const stray = document.getElementById('d' + id);
    if (stray) stray.remove();
  }
}

// ----- tabs -----

function selectTab(tab) {
  for (const t of document.querySelectorAll('[role=tab]')) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  tab.focus();
  if (tab.id === 'tab-designer') lintSoon(0);
}

function setUpTabs() {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
        selectTab(next);
        e.preventDefault();
      }
    });
  });
}

// ----- planner -----

async function loadQualifications() {
  const answer = await api('/api/qualifications');
  if (!answer.ok) { status(problemText(answer)); return; }
  const select = $('qualification');
  select.replaceChildren(el('option', { value: '', text: 'Choose a qualification' }));
  for (const q of answer.body.qualifications) {
    select.append(el('option', { value: q.code, text: q.code + ' \u2014 ' + q.title }));
  }
}

async function chooseQualification(code) {
  structure = null;
  $('groups').replaceChildren();
  $('rules').tBodies[0].replaceChildren();
  $('verdict').textContent = 'Choose units';
  $('verdict').className = 'verdict';
  $('credits').textContent = '';
  $('completion').textContent = '';
  $('add-completion').hidden = true;
  $('diagram').replaceChildren();
  if (!code) return;
  const answer = await api('/api/qualifications/' + encodeURIComponent(code));
  if (!answer.ok) { status(problemText(answer)); return; }
  structure = answer.body;
  for (const g of structure.groups) {
    const set = el('fieldset', { 'data-group': g.id },
      el('legend', { text: (g.id ? 'Group ' + g.id + ': ' : '') + g.title + ' (' + g.credits + ' credits)' }));
    for (const u of g.units) {
      const id = 'unit-' + g.id + '-' + u.number;
      const box = el('input', { type: 'checkbox', id, value: u.number, 'data-unit': u.number });
      box.addEventListener('change', () => syncTwins(u.number, box.checked));
      set.append(el('div', { class: 'unit' }, box,
        el('label', { for: id }, el('strong', { text: u.number }), ' ' + u.title + ' ',
          el('span', { class: 'meta', text: u.credits + ' cr \u00b7 ' + u.level })),
        el('span', { class: 'mark', 'data-mark': u.number })));
    }
    $('groups').append(set);
  }
  drawDiagram($('diagram'), structure.mermaid);
  await update();
}

/** A unit listed in two groups has a box in each; both say the same. */
function syncTwins(unit, checked) {
  for (const b of document.querySelectorAll('input[data-unit="' + CSS.escape(unit) + '"]')) b.checked = checked;
  update();
}

function chosenUnits() {
  const seen = new Set();
  for (const b of document.querySelectorAll('#groups input[type=checkbox]:checked')) seen.add(b.value);
  return [...seen];
}

function unitCredits(number) {
  for (const g of structure.groups) for (const u of g.units) if (u.number === number) return u.credits;
  return 0;
}

function noun(requirement, n) {
  const m = /\b(credit|unit|hour)s?\b/.exec(requirement);
  const word = m ? m[1] : '';
  return word ? ' ' + word + (n === 1 ? '' : 's') : '';
}

async function update() {
  if (!structure) return;
  const seq = ++planSeq;
  const units = chosenUnits();
  const base = '/api/qualifications/' + encodeURIComponent(structure.code);
  const [check, plan] = await Promise.all([
    postJson(base + '/check', { units }),
    postJson(base + '/plan', { units, whatIf: true }),
  ]);
  if (seq !== planSeq) return;
  if (!check.ok) { status(problemText(check)); return; }
  status('');
  const result = check.body;
  const verdict = $('verdict');
  verdict.textContent = result.met ? 'MET' : 'NOT MET';
  verdict.className = 'verdict ' + (result.met ? 'met' : 'not-met');
  $('credits').textContent = units.length + (units.length === 1 ? ' unit, ' : ' units, ') + result.credits + ' credits';
  const body = $('rules').tBodies[0];
  body.replaceChildren();
  for (const r of result.rules) {
    let text = 'met';
    let cls = 'met';
    if (!r.holds) {
      cls = 'short';
      text = r.shortfall > 0 ? 'short by ' + r.shortfall + noun(r.requirement, r.shortfall)
        : r.excess > 0 ? 'over by ' + r.excess + noun(r.requirement, r.excess) : 'not met: ' + r.explanation;
    }
    body.append(el('tr', { 'data-rule': r.id }, el('td', { text: r.id }), el('td', { text: r.requirement }),
      el('td', { class: cls, 'data-status': cls, text })));
  }
  showPlan(plan);
}

function showPlan(plan) {
  const button = $('add-completion');
  const text = $('completion');
  button.hidden = true;
  for (const m of document.querySelectorAll('[data-mark]')) { m.textContent = ''; m.className = 'mark'; }
  if (!plan.ok) { text.textContent = problemText(plan); return; }
  const p = plan.body;
  if (p.kind === 'already-met') {
    text.textContent = 'The plan meets the rules; nothing to add.';
  } else if (p.kind === 'completion' || p.kind === 'repair') {
    const added = p.add.reduce((s, u) => s + unitCredits(u), 0);
    const parts = [];
    if (p.add.length) parts.push('add ' + p.add.join(', ') + ' (' + added + ' credits)');
    if (p.remove.length) parts.push('remove ' + p.remove.join(', '));
    const said = parts.join(' and ') + '.';
    text.textContent = p.kind === 'repair' ? 'Adding alone cannot help; the smallest change: ' + said
      : said.charAt(0).toUpperCase() + said.slice(1);
    button.textContent = p.kind === 'repair' ? 'Make this change' : 'Add ' + p.add.join(', ');
    button.dataset.add = JSON.stringify(p.add);
    button.dataset.remove = JSON.stringify(p.remove);
    button.hidden = false;
  } else {
    text.textContent = 'No change can make this plan meet the rules' + (p.conflict ? ': ' + p.conflict.summary : '') + '.';
  }
  if (p.whatIf) {
    const chosen = new Set(chosenUnits());
    for (const m of document.querySelectorAll('[data-mark]')) {
      const u = m.dataset.mark;
      const effect = chosen.has(u) ? (p.whatIf.removable.includes(u) ? 'removable' : '') : p.whatIf.additions[u];
      if (effect) { m.textContent = effect; m.className = 'mark ' + effect; }
    }
  }
}

function applyCompletion() {
  const button = $('add-completion');
  const add = JSON.parse(button.dataset.add || '[]');
  const remove = JSON.parse(button.dataset.remove || '[]');
  for (const b of document.querySelectorAll('#groups input[type=checkbox]')) {
    if (add.includes(b.value)) b.checked = true;
    if (remove.includes(b.value)) b.checked = false;
  }
  update();
}

// ----- designer -----

const SAMPLE = `qualification:
  code: MY-AWARD
  title: My Award (draft)
  source: a draft

units:
  - {number: A1, title: Mandatory unit, credits: 4, level: 2}
  - {number: B1, title: Option one, credits: 5, level: 2}
  - {number: B2, title: Option two, credits: 3, level: 2}

groups:
  - {id: A, title: Mandatory, units: [A1]}
  - {id: B, title: Optional, units: [B1, B2]}

rules:
  - {id: mandatory, all-of: {groups: [A]}}
  - {id: one-from-B, total: {measure: units, groups: [B], min: 1}}
`;

let lintTimer = null;

function lintSoon(delay = 400) {
  clearTimeout(lintTimer);
  lintTimer = setTimeout(lint, delay);
}

function jumpTo(line, column) {
  const area = $('spec');
  const lines = area.value.split('\n');
  let start = 0;
  for (let i = 0; i < Math.min(line - 1, lines.length); i++) start += lines[i].length + 1;
  const end = start + (lines[line - 1] || '').length;
  area.focus();
  area.setSelectionRange(start + Math.max(0, (column || 1) - 1), end);
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
  area.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

function finding(line, column, severity, message, kind) {
  const where = line ? 'Line ' + line + (column ? ', column ' + column : '') + ': ' : '';
  const text = where + severity + ': ' + message + (kind ? ' [' + kind + ']' : '');
  const item = el('li', { class: severity });
  if (line) {
    const b = el('button', { type: 'button', 'data-line': String(line), text });
    b.addEventListener('click', () => jumpTo(line, column));
    item.append(b);
  } else {
    item.textContent = text;
  }
  return item;
}

async function lint() {
  const seq = ++designSeq;
  const yaml = $('spec').value;
  const options = { method: 'POST', headers: { 'Content-Type': 'application/yaml' }, body: yaml };
  const [report, shape] = await Promise.all([api('/api/lint', options), api('/api/structure', options)]);
  if (seq !== designSeq) return;
  const list = $('findings');
  list.replaceChildren();
  if (!report.ok) { status(problemText(report)); return; }
  status('');
  const file = report.body.files[0];
  for (const p of file.problems) list.append(finding(p.line, p.column, 'error', p.message, 'load-error'));
  for (const f of file.findings) list.append(finding(f.line, f.column, f.severity, f.message, f.kind));
  if (!list.children.length) list.append(el('li', { text: 'No findings.' }));
  if (shape.ok) {
    $('english').textContent = shape.body.english;
    drawDiagram($('designer-diagram'), shape.body.mermaid);
  } else {
    $('english').textContent = 'The spec cannot be loaded yet; see the findings.';
    $('designer-diagram').replaceChildren();
  }
}

// ----- start -----

document.addEventListener('DOMContentLoaded', () => {
  if (window.mermaid) window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'neutral', flowchart: { useMaxWidth: false } });
  setUpTabs();
  $('qualification').addEventListener('change', (e) => chooseQualification(e.target.value));
  $('add-completion').addEventListener('click', applyCompletion);
  $('spec').value = SAMPLE;
  $('spec').addEventListener('input', () => lintSoon());
  $('token-save').addEventListener('click', () => {
    sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
    $('token-box').hidden = true;
    loadQualifications();
  });
  loadQualifications();
});
