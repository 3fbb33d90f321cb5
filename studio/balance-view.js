// The balance panel: each approach's share of the answer sets it wins, ties and answer
// sets with no fit, whether every answer set was counted or a sample, how long it took,
// and the warnings, each a button that shows an answer set behind it.

const number = (n) => Number(n).toLocaleString('en');
const percent = (share) => `${(share * 100).toFixed(1)}%`;

function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'className') element.className = value;
    else element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

function duration(ms) {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function renderBalancePending(panel) {
  panel.setAttribute('aria-busy', 'true');
  panel.querySelector('.balance-state').textContent = 'Counting the answer sets…';
}

export function renderBalanceError(panel, message) {
  panel.removeAttribute('aria-busy');
  panel.querySelector('.balance-state').textContent = message;
  panel.querySelector('.balance-body').replaceChildren();
}

/**
 * Shows `result` (the studio Wasm's `balance()`), computed in `ms`; a warning's answer
 * set offers `onShowExample(example)`, which shows its result in the preview.
 */
export function renderBalance(panel, result, ms, onShowExample) {
  panel.removeAttribute('aria-busy');
  const examined = Number(result.examined);
  panel.querySelector('.balance-state').textContent = result.exact
    ? `Exact: every one of the ${number(result.answerSets)} answer sets, counted in ${duration(ms)}.`
    : `Sampled: ${number(examined)} answer sets drawn at random from ${number(result.answerSets)}, counted in ${duration(ms)}.`;

  const rows = result.approaches.map((approach, i) => {
    const bar = el('span', { className: `bar series-${i % 6}` });
    // A CSSOM property, which the studio's style-src 'self' allows (a style attribute it would not).
    bar.style.width = percent(approach.share);
    return el('tr', {},
      el('th', { scope: 'row' }, approach.name),
      el('td', { className: 'num' }, number(approach.wins)),
      el('td', { className: 'share' }, el('div', { className: 'share-cell' },
        el('span', { className: 'share-value' }, percent(approach.share)), el('span', { className: 'track', 'aria-hidden': 'true' }, bar))));
  });
  const table = el('table', { className: 'shares' },
    el('caption', {}, 'Who wins how often'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Approach'), el('th', { scope: 'col', className: 'num' }, 'Wins'), el('th', { scope: 'col' }, 'Share'))),
    el('tbody', {}, ...rows));

  const of = (n) => `${number(n)} (${percent(examined ? Number(n) / examined : 0)})`;
  const counts = el('ul', { className: 'counts' },
    el('li', {}, `Exact ties: ${of(result.ties)}`),
    el('li', {}, `Decided by the near-tie rule: ${of(result.nearTies)}`),
    el('li', {}, `No approach fits (all ruled out): ${of(result.noFit)}`));

  const example = el('div', { className: 'example', id: 'balance-example', hidden: '' });
  const warnings = result.warnings.map((warning, i) => {
    const button = el('button', { type: 'button', className: `warning ${warning.kind}`, 'aria-expanded': 'false', 'aria-controls': 'balance-example', 'data-warning': String(i) },
      warning.message);
    button.addEventListener('click', () => {
      const open = button.getAttribute('aria-expanded') !== 'true';
      for (const other of panel.querySelectorAll('button.warning')) other.setAttribute('aria-expanded', 'false');
      if (!open) {
        example.hidden = true;
        return;
      }
      button.setAttribute('aria-expanded', 'true');
      showExample(example, warning, onShowExample);
      example.hidden = false;
    });
    return el('li', {}, button);
  });
  const warningPart = warnings.length
    ? [el('h3', {}, `Warnings (${warnings.length})`), el('p', { className: 'hint' }, 'Each shows an answer set behind it.'), el('ul', { className: 'warnings' }, ...warnings), example]
    : [el('h3', {}, 'Warnings'), el('p', {}, 'None: every approach can win, none wins almost always, every question can change the advice.')];

  panel.querySelector('.balance-body').replaceChildren(table, counts, ...warningPart);
}

function showExample(container, warning, onShowExample) {
  const list = el('dl', {});
  for (const answer of warning.example) {
    list.append(el('dt', {}, answer.questionText), el('dd', {}, answer.optionText));
  }
  container.replaceChildren(
    el('h4', {}, 'An answer set behind it'),
    el('p', { className: 'example-of' }, warning.message),
    warning.example.length ? list : el('p', {}, 'No example answer set was given.'));
  if (warning.example.length && onShowExample) {
    const show = el('button', { type: 'button', className: 'show-example' }, 'Show this result in the preview');
    show.addEventListener('click', () => onShowExample(warning.example));
    container.append(show);
  }
}
