// The studio's form: the pack as fields and grids, for authors who do not write JSON.
//
// It shows the pack the JSON text holds and hands every change back as the whole pack
// (`write`), which studio/json-edit.js turns into an edit of that text: the text stays
// the source of truth, and the problems, the preview and the balance follow a form edit
// as they follow typing. Each field's help is the schema's description
// (content.schema.json, generated from the widget's own types), and so are the limits
// on how many approaches, dimensions, questions and answers a pack may have.
//
// Every control carries `data-key`, the JSON path of what it edits in the validator's
// style (`questions[2].options[0].label`), so a problem's path finds its field, and the
// focus survives the form being drawn again.

import { valueAt } from './json-edit.js';

/** A path (keys and indices) in the validator's style: `questions[2].options[0].label`. */
export const pathKey = (path) => path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${key}`)).join('');

/** The path one step up from a path key, or null at the top. */
const parentKey = (key) => {
  const up = key.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
  return up === key ? null : up;
};

const asArray = (value) => (Array.isArray(value) ? value : []);
const asObject = (value) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {});
const asText = (value) => (value == null ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** Sets (or, for `undefined`, removes) the value at `path`, making objects on the way. */
function setAt(target, path, value) {
  let node = target;
  path.slice(0, -1).forEach((key, i) => {
    // A container of the wrong kind (a list where a map belongs) is replaced: the form
    // writes what the pack needs there.
    const list = typeof path[i + 1] === 'number';
    if (list ? !Array.isArray(node[key]) : asObject(node[key]) !== node[key]) node[key] = list ? [] : {};
    node = node[key];
  });
  const last = path[path.length - 1];
  if (value !== undefined) {
    node[last] = value;
    return;
  }
  delete node[last];
  // An answer's map left empty (no weight, no rule-out any more) leaves with its last key.
  const parent = valueAt(target, path.slice(0, -2));
  if (path.length > 1 && !Object.keys(node).length && !Array.isArray(node) && parent && !Array.isArray(parent)) delete parent[path[path.length - 2]];
}

/** `object` with key `from` renamed `to`, keeping the order of its keys. */
function renameKey(object, from, to) {
  if (Object.hasOwn(object, to)) return object; // a stray under the new id: left for the author
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key === from ? to : key, value]));
}

/** An id not yet among `taken`: `stem-2`, `stem-3`… */
function freshId(stem, taken) {
  const used = new Set(taken);
  for (let n = used.size + 1; ; n++) if (!used.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

let serial = 0;
const uniqueId = () => `form-${(serial += 1)}`;

/** A DOM element: `h('p', { class: 'hint' }, 'text', child)`. */
function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name === 'value') element.value = value;
    else if (name === 'checked' || name === 'disabled') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter((child) => child != null && child !== false));
  return element;
}

export class PackForm {
  /**
   * `host`: the element the form is drawn in. `schema`: content.schema.json (or null).
   * `write(pack)`: puts a changed pack into the JSON text.
   */
  constructor(host, { schema, write }) {
    this.host = host;
    this.schema = schema;
    this.write = write;
    this.pack = null;
    this.problems = [];
    this.followPointer();
  }

  /** Draws the form for `pack`, keeping the focus and the open sections where they were. */
  show(pack) {
    const active = this.host.contains(document.activeElement) ? document.activeElement : null;
    const focus = active?.dataset.key
      ? { key: active.dataset.key, value: active.value, start: active.selectionStart, end: active.selectionEnd }
      : null;
    const open = new Set([...this.host.querySelectorAll('details[open][data-key]')].map((d) => d.dataset.key));
    this.pack = pack;
    this.host.replaceChildren(...this.#sections(pack));
    for (const details of this.host.querySelectorAll('details[data-key]')) {
      if (open.has(details.dataset.key)) details.open = true;
    }
    this.#mark();
    if (focus) {
      const again = this.#find(focus.key);
      // What the author is typing there and has not committed yet (an id is written when
      // the field is left) stays as typed.
      if (again?.dataset.commit === 'on-leaving') again.value = focus.value;
      again?.focus();
      if (again && focus.start != null && 'setSelectionRange' in again && again.type !== 'number') {
        again.setSelectionRange(focus.start, focus.end);
      }
    }
  }

  /** Says the form cannot show the text (it is not a JSON object yet), and why. */
  showUnreadable(message) {
    this.pack = null;
    this.host.replaceChildren(h('p', { class: 'notice form-unreadable' },
      `The form cannot read the text yet: ${message} Fix it in the JSON text (the problem is listed under it), and the form comes back.`));
  }

  /** Shows the validator's problems beside the fields they are about. */
  setProblems(problems) {
    this.problems = problems;
    this.#mark();
  }

  /** Moves the focus to the field a problem's path names, or its nearest section. */
  focusPath(path) {
    for (let key = path; key !== null; key = parentKey(key)) {
      const target = this.#find(key);
      if (!target) continue;
      for (let up = target.parentElement; up && up !== this.host; up = up.parentElement) {
        if (up.tagName === 'DETAILS') up.open = true;
      }
      const control = target.matches('input, select, textarea, button')
        ? target : target.querySelector('input, select, textarea');
      if (!control) return false;
      control.focus();
      control.scrollIntoView({ block: 'center' });
      return true;
    }
    return false;
  }

  #find(key) {
    return this.host.querySelector(`[data-key="${CSS.escape(key)}"]`);
  }

  /** Writes the pack as `change` leaves it; draws the form again for a change of shape. */
  #edit(change, { redraw = false, focus } = {}) {
    if (!this.pack) return;
    const next = structuredClone(this.pack);
    change(next);
    this.pack = next;
    this.write(next);
    if (redraw) {
      this.show(next);
      // A group (an item) takes the focus on its first field.
      const target = focus ? this.#find(focus) : null;
      (target?.matches('input, select, textarea, button') ? target : target?.querySelector('input, select, textarea'))?.focus();
    }
  }

  /**
   * Draws the form again once the focus has left a field (names in legends and grid
   * headers follow it), not while the author types: a redraw under the cursor would
   * break an input method's composition.
   */
  #redrawAfterLeaving() {
    const redraw = () => setTimeout(() => {
      if (this.pack) this.show(this.pack);
    }, 0);
    // Left by a press of the mouse or a finger on another control: that control is
    // replaced only after its click, or the click would land on nothing.
    if (this.#pressing) document.addEventListener('click', redraw, { once: true, capture: false });
    else redraw();
  }

  #pressing = false;

  /** Follows presses of a pointer anywhere on the page (see `#redrawAfterLeaving`). */
  followPointer() {
    document.addEventListener('pointerdown', () => { this.#pressing = true; }, true);
    document.addEventListener('pointerup', () => { setTimeout(() => { this.#pressing = false; }, 0); }, true);
    document.addEventListener('pointercancel', () => { this.#pressing = false; }, true);
  }

  // -------------------------------------------------------------------------------------
  // Problems beside fields

  #mark() {
    for (const element of this.host.querySelectorAll('[aria-invalid]')) element.removeAttribute('aria-invalid');
    for (const element of this.host.querySelectorAll('.form-error')) {
      element.textContent = '';
      element.hidden = true;
    }
    for (const problem of this.problems) {
      if (!problem.path) continue;
      let invalid = null;
      for (let key = problem.path; key !== null; key = parentKey(key)) {
        const target = this.#find(key);
        if (!target) continue;
        const control = target.matches('input, select, textarea');
        if (control && !invalid) {
          invalid = target;
          target.setAttribute('aria-invalid', 'true');
        }
        // A grid's cell has no room for words: they go to the answer or dimension it is in.
        const error = control ? document.getElementById(target.dataset.error) : target.querySelector(':scope > .form-error');
        if (!error) continue;
        // A cell's message is its answer's or dimension's: the cell is described by it.
        if (invalid && invalid.dataset.error !== error.id) {
          error.id ||= uniqueId();
          const described = new Set((invalid.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean));
          invalid.setAttribute('aria-describedby', [...described, error.id].join(' '));
        }
        error.hidden = false;
        error.textContent = error.textContent ? `${error.textContent} ${problem.message}` : problem.message;
        break;
      }
    }
  }

  // -------------------------------------------------------------------------------------
  // The schema's words and limits

  #describe(definition, property) {
    const node = definition ? this.schema?.$defs?.[definition]?.properties?.[property] : this.schema?.properties?.[property];
    return (node?.description ?? '').replaceAll('`', '').replace(/\s*\n\s*/g, ' ');
  }

  #limits(property) {
    const node = this.schema?.properties?.[property] ?? {};
    return { min: node.minItems ?? 0, max: node.maxItems ?? Infinity };
  }

  // -------------------------------------------------------------------------------------
  // Fields

  /** A labelled field with its help and a place for its problems. */
  #field(path, label, help, control) {
    const id = uniqueId();
    const helpId = help ? `${id}-help` : null;
    const errorId = `${id}-error`;
    Object.assign(control, { id });
    control.dataset.key = pathKey(path);
    control.dataset.error = errorId;
    control.setAttribute('aria-describedby', [helpId, errorId].filter(Boolean).join(' '));
    return h('div', { class: 'form-field' },
      h('label', { for: id }, label),
      control,
      help ? h('p', { id: helpId, class: 'hint' }, help) : null,
      h('p', { id: errorId, class: 'form-error', hidden: true }));
  }

  /** A text field; `optional` ones leave the pack when emptied. */
  #text(path, label, help, { multiline = false, optional = false, type = 'text' } = {}) {
    const control = h(multiline ? 'textarea' : 'input', {
      type: multiline ? null : type, rows: multiline ? 2 : null, value: asText(valueAt(this.pack, path)), spellcheck: type === 'text' ? null : 'false',
      oninput: (event) => {
        const { value } = event.target;
        this.#edit((pack) => setAt(pack, path, optional && !value.trim() ? undefined : value));
      },
      onchange: () => this.#redrawAfterLeaving(),
    });
    return this.#field(path, label, help, control);
  }

  /** A number; emptied, the number leaves the pack (an answer's weight of nothing). */
  #numberControl(path, props) {
    const value = valueAt(this.pack, path);
    return h('input', {
      type: 'number', step: 'any', inputmode: 'decimal', value: typeof value === 'number' ? String(value) : asText(value), ...props,
      'data-key': pathKey(path),
      oninput: (event) => {
        const input = event.target;
        // Half typed ("-", "1e"): nothing to write yet.
        if (input.validity.badInput) return;
        this.#edit((pack) => setAt(pack, path, input.value === '' ? undefined : input.valueAsNumber));
      },
    });
  }

  /**
   * An id: written when the author leaves the field, with every reference renamed. An
   * `optional` one (a fact's) leaves the pack when emptied; a required one, emptied,
   * takes back the one it had.
   */
  #id(path, help, rename, { optional = false, label = 'Id' } = {}) {
    const control = h('input', {
      type: 'text', value: asText(valueAt(this.pack, path)), spellcheck: 'false', autocomplete: 'off', 'data-commit': 'on-leaving',
      onchange: (event) => {
        const to = event.target.value.trim();
        const from = valueAt(this.pack, path);
        if (!to && !optional) {
          event.target.value = asText(from);
          return;
        }
        this.#edit((pack) => {
          setAt(pack, path, to || undefined);
          if (rename && typeof from === 'string' && from && from !== to) rename(pack, from, to);
        });
        // The grids and menus write by id: they are drawn again for the new one.
        this.#redrawAfterLeaving();
      },
    });
    return this.#field(path, label, help, control);
  }

  /**
   * A menu of `choices` ({ id, name }) that writes the chosen id at `path`. A value that
   * is none of them (typed in the JSON text, or an item since removed) is kept as the
   * first entry, named as `what` it is not, until the author picks another.
   */
  #menu(path, label, help, choices, what, { fallback = '' } = {}) {
    const current = asText(valueAt(this.pack, path)) || fallback;
    const known = choices.some((c) => c.id === current);
    const control = h('select', {
      onchange: (event) => {
        this.#edit((p) => setAt(p, path, event.target.value));
        this.#redrawAfterLeaving();
      },
    }, ...(known ? [] : [h('option', { value: current }, current ? `${current} (not ${what})` : '(none)')]),
    ...choices.map((c) => h('option', { value: c.id }, c.name)));
    control.value = current;
    return this.#field(path, label, help, control);
  }

  /**
   * Keys of the map at `path` that name no approach (or dimension) of the pack, such as a
   * misspelt one typed in the JSON text: the grids cannot show them, so each is named
   * here with a button that removes it.
   */
  #strays(path, known, what) {
    const map = asObject(valueAt(this.pack, path));
    const ids = new Set(known.map((k) => k.id));
    return Object.keys(map).filter((key) => !ids.has(key)).map((key) => h('p', { class: 'form-stray' },
      `"${key}" in ${path[path.length - 1]} is not ${what}. `,
      this.#button('Remove it', `stray:${pathKey([...path, key])}`, (p) => setAt(p, [...path, key], undefined), {
        label: `"${key}" from ${path[path.length - 1]}`, focus: pathKey(path.slice(0, -1)),
      })));
  }

  /** A button that changes the pack's shape; the focus goes to `focus` afterwards. */
  #button(text, key, change, { disabled = false, focus, label } = {}) {
    return h('button', {
      // The visible words start the accessible name (WCAG 2.5.3); `label` says which item.
      type: 'button', class: 'form-button', 'data-key': key, disabled, 'aria-label': label ? `${text}: ${label}` : null,
      onclick: () => this.#edit(change, { redraw: true, focus: typeof focus === 'function' ? focus() : focus }),
    }, text);
  }

  /** A section of items (approaches, questions…) with its heading and problems. */
  #section(key, title, help, ...children) {
    const headingId = uniqueId();
    return h('section', { class: 'form-section', 'aria-labelledby': headingId, 'data-key': key || null },
      h('h3', { id: headingId }, title),
      help ? h('p', { class: 'hint' }, help) : null,
      h('p', { class: 'form-error', hidden: true }),
      ...children);
  }

  /** One item of a list, as a group named by its legend. */
  #item(path, legend, ...children) {
    return h('fieldset', { class: 'form-item', 'data-key': pathKey(path) },
      h('legend', {}, legend),
      h('p', { class: 'form-error', hidden: true }),
      ...children);
  }

  // -------------------------------------------------------------------------------------
  // The sections

  #sections(pack) {
    return [this.#about(), this.#approaches(pack), this.#dimensions(pack), this.#questions(pack), this.#facts(pack), this.#costs(pack), this.#tie(pack)];
  }

  #about() {
    return this.#section('', 'The quiz', null,
      this.#text(['title'], 'Title', this.#describe(null, 'title')),
      this.#text(['intro'], 'Introduction', this.#describe(null, 'intro'), { multiline: true }),
      h('div', { class: 'form-row' },
        this.#text(['lang'], 'Language', this.#describe(null, 'lang')),
        this.#text(['id'], 'Pack id', this.#describe(null, 'id'))));
  }

  /** Names of the approaches by id, as the grids' column headers say them. */
  #approachNames(pack) {
    return asArray(pack.approaches).map((a, i) => ({ id: asText(a?.id), name: asText(a?.shortName ?? a?.name) || `Approach ${i + 1}` }));
  }

  #approaches(pack) {
    const approaches = asArray(pack.approaches);
    const { min, max } = this.#limits('approaches');
    return this.#section('approaches', 'Approaches', `What the quiz can suggest: from ${min} to ${max}.`,
      ...approaches.map((approach, i) => this.#item(['approaches', i], `Approach ${i + 1}: ${asText(approach?.name) || '(no name yet)'}`,
        this.#text(['approaches', i, 'name'], 'Name', this.#describe('Approach', 'name')),
        this.#text(['approaches', i, 'shortName'], 'Short name (optional)', this.#describe('Approach', 'shortName'), { optional: true }),
        this.#text(['approaches', i, 'summary'], 'Summary', this.#describe('Approach', 'summary'), { multiline: true }),
        this.#steps(['approaches', i, 'steps']),
        this.#id(['approaches', i, 'id'], this.#describe('Approach', 'id'), renameApproach),
        this.#button('Remove this approach', `remove:approaches[${i}]`, (p) => removeApproach(p, i), {
          disabled: approaches.length <= min, label: `approach ${i + 1}`, focus: 'add:approaches',
        }))),
      this.#button('Add an approach', 'add:approaches', (p) => addApproach(p), {
        disabled: approaches.length >= max, focus: () => pathKey(['approaches', approaches.length, 'name']),
      }));
  }

  /** An approach's next steps, one per line. */
  #steps(path) {
    const control = h('textarea', {
      rows: 3, value: asArray(valueAt(this.pack, path)).map(asText).join('\n'),
      oninput: (event) => {
        const steps = event.target.value.split('\n').map((line) => line.trim()).filter(Boolean);
        this.#edit((pack) => setAt(pack, path, steps.length ? steps : undefined));
      },
    });
    return this.#field(path, 'Next steps (optional, one per line)', this.#describe('Approach', 'steps'), control);
  }

  #dimensions(pack) {
    const dimensions = asArray(pack.dimensions);
    const approaches = this.#approachNames(pack);
    const { min, max } = this.#limits('dimensions');
    const grid = h('div', { class: 'form-grid-wrap' }, h('table', { class: 'form-grid' },
      h('caption', {}, 'Ratings, from 1 (weak) to 5 (strong)'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Dimension'), ...approaches.map((a) => h('th', { scope: 'col' }, a.name)))),
      h('tbody', {}, ...dimensions.map((dimension, d) => h('tr', {},
        h('th', { scope: 'row' }, asText(dimension?.name) || `Dimension ${d + 1}`),
        ...approaches.map((a) => h('td', {}, this.#numberControl(['dimensions', d, 'ratings', a.id, 'score'], {
          min: 1, max: 5, 'aria-label': `${a.name} on ${asText(dimension?.name) || `dimension ${d + 1}`}`,
        }))))))));
    return this.#section('dimensions', 'Dimensions and ratings',
      `What the approaches are compared on, from ${min} to ${max}; every approach is rated on each, with a reason the reader can read.`,
      grid,
      ...dimensions.map((dimension, d) => this.#item(['dimensions', d], `Dimension ${d + 1}: ${asText(dimension?.name) || '(no name yet)'}`,
        this.#text(['dimensions', d, 'name'], 'Name', this.#describe('Dimension', 'name')),
        h('div', { class: 'form-error-anchor', 'data-key': pathKey(['dimensions', d, 'ratings']) }, h('p', { class: 'form-error', hidden: true })),
        ...approaches.map((a) => this.#text(['dimensions', d, 'ratings', a.id, 'reason'], `Why ${a.name} rates so`, null)),
        ...this.#strays(['dimensions', d, 'ratings'], approaches, 'an approach'),
        this.#id(['dimensions', d, 'id'], this.#describe('Dimension', 'id'), renameDimension),
        this.#button('Remove this dimension', `remove:dimensions[${d}]`, (p) => removeDimension(p, d), {
          disabled: dimensions.length <= min, label: `dimension ${d + 1}`, focus: 'add:dimensions',
        }))),
      this.#button('Add a dimension', 'add:dimensions', (p) => addDimension(p), {
        disabled: dimensions.length >= max, focus: () => pathKey(['dimensions', dimensions.length, 'name']),
      }));
  }

  #questions(pack) {
    const questions = asArray(pack.questions);
    const { min, max } = this.#limits('questions');
    return this.#section('questions', 'Questions', `From ${min} to ${max}, each with its answers.`,
      ...questions.map((question, q) => this.#question(pack, question, q, questions.length <= min)),
      this.#button('Add a question', 'add:questions', (p) => addQuestion(p), {
        disabled: questions.length >= max, focus: () => pathKey(['questions', questions.length, 'prompt']),
      }));
  }

  #question(pack, question, q, last) {
    const options = asArray(question?.options);
    const optionLimits = this.schema?.$defs?.Question?.properties?.options ?? {};
    const [minOptions, maxOptions] = [optionLimits.minItems ?? 2, optionLimits.maxItems ?? Infinity];
    const approaches = this.#approachNames(pack);
    const dimensions = asArray(pack.dimensions).map((d, i) => ({ id: asText(d?.id), name: asText(d?.name) || `Dimension ${i + 1}` }));
    const base = ['questions', q];
    const optionName = (option, o) => asText(option?.label) || `Answer ${o + 1}`;
    const grid = (caption, help, columns, cell) => [h('p', { class: 'hint' }, help), h('div', { class: 'form-grid-wrap' }, h('table', { class: 'form-grid' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Answer'), ...columns.map((c) => h('th', { scope: 'col' }, c.name)))),
      h('tbody', {}, ...options.map((option, o) => h('tr', {},
        h('th', { scope: 'row' }, optionName(option, o)),
        ...columns.map((c) => h('td', {}, cell(option, o, c))))))))];
    return this.#item(base, `Question ${q + 1}`,
      this.#text([...base, 'prompt'], 'Question', this.#describe('Question', 'prompt')),
      this.#text([...base, 'hint'], 'Hint (optional)', this.#describe('Question', 'hint'), { optional: true }),
      this.#id([...base, 'id'], this.#describe('Question', 'id'), renameQuestion),
      this.#numberQuestion(question, q),
      h('h4', {}, 'Answers'),
      h('div', { class: 'form-error-anchor', 'data-key': pathKey([...base, 'options']) }, h('p', { class: 'form-error', hidden: true })),
      ...options.map((option, o) => this.#item([...base, 'options', o], `Answer ${o + 1}`,
        h('div', { class: 'form-row' },
          this.#text([...base, 'options', o, 'label'], 'Answer', this.#describe('AnswerOption', 'label')),
          this.#id([...base, 'options', o, 'id'], this.#describe('AnswerOption', 'id'))),
        // A number question's bands: each answer but the last takes the numbers below its own.
        question?.number && o < options.length - 1
          ? this.#field([...base, 'options', o, 'below'], 'Numbers below this answer it', this.#describe('AnswerOption', 'below'),
            this.#numberControl([...base, 'options', o, 'below'], {}))
          : null,
        ...['weights', 'rulesOut', 'caveats'].flatMap((map) => this.#strays([...base, 'options', o, map], approaches, 'an approach')),
        ...this.#strays([...base, 'options', o, 'priorities'], dimensions, 'a dimension'),
        this.#button('Remove this answer', `remove:${pathKey([...base, 'options', o])}`, (p) => removeOption(p, q, o), {
          disabled: options.length <= minOptions, label: `answer ${o + 1} of question ${q + 1}`, focus: `add:${pathKey([...base, 'options'])}`,
        }))),
      this.#button('Add an answer', `add:${pathKey([...base, 'options'])}`, (p) => addOption(p, q), {
        disabled: options.length >= maxOptions, label: `question ${q + 1}`,
        focus: () => pathKey([...base, 'options', options.length, 'label']),
      }),
      grid('Points each answer gives each approach', 'Positive favours the approach, negative counts against it; empty gives none.', approaches,
        (option, o, a) => this.#numberControl([...base, 'options', o, 'weights', a.id], { 'aria-label': `Points for ${a.name} from "${optionName(option, o)}"` })),
      grid('How much more each answer makes a dimension matter', 'Empty: no more than the others. Each answer\'s priorities decide which ratings count most.', dimensions,
        (option, o, d) => this.#numberControl([...base, 'options', o, 'priorities', d.id], { 'aria-label': `Priority of ${d.name} from "${optionName(option, o)}"` })),
      h('details', { class: 'form-more', 'data-key': `more:${pathKey(base)}` },
        h('summary', {}, 'Rule-outs and caveats (optional)'),
        h('p', { class: 'hint' }, this.#describe('AnswerOption', 'rulesOut')),
        h('p', { class: 'hint' }, this.#describe('AnswerOption', 'caveats')),
        ...options.flatMap((option, o) => approaches.map((a) => h('div', { class: 'form-row' },
          this.#text([...base, 'options', o, 'rulesOut', a.id], `"${optionName(option, o)}" rules out ${a.name}, because (empty: it does not)`, null, { optional: true }),
          this.#text([...base, 'options', o, 'caveats', a.id], `If ${a.name} is suggested after "${optionName(option, o)}", what it takes`, null, { optional: true }))))),
      this.#button('Remove this question', `remove:questions[${q}]`, (p) => removeQuestion(p, q), {
        disabled: last, label: `question ${q + 1}`, focus: 'add:questions',
      }));
  }

  #facts(pack) {
    const facts = asArray(pack.facts);
    return this.#section('facts', 'Facts (optional)', this.#describe(null, 'facts'),
      ...facts.map((fact, f) => this.#item(['facts', f], `Fact ${f + 1}`,
        this.#text(['facts', f, 'text'], 'Fact', this.#describe('Fact', 'text'), { multiline: true }),
        h('div', { class: 'form-row' },
          this.#text(['facts', f, 'source', 'title'], 'Source\'s title', this.#describe('Source', 'title')),
          this.#text(['facts', f, 'source', 'url'], 'Source\'s address', this.#describe('Source', 'url'), { type: 'url' })),
        h('div', { class: 'form-row' },
          this.#text(['facts', f, 'date'], 'Date', this.#describe('Fact', 'date')),
          this.#id(['facts', f, 'id'], this.#describe('Fact', 'id'), renameFact, { optional: true, label: 'Id (optional)' })),
        this.#button('Remove this fact', `remove:facts[${f}]`, (p) => removeFact(p, f), { label: `fact ${f + 1}`, focus: 'add:facts' }))),
      this.#button('Add a fact', 'add:facts', (p) => {
        p.facts = [...asArray(p.facts), { text: '', source: { title: '', url: '' }, date: '' }];
      }, { focus: () => pathKey(['facts', facts.length, 'text']) }),
      this.#text(['reviewed'], 'Content last checked (optional)', this.#describe(null, 'reviewed'), { optional: true }));
  }

  /** Whether a question asks for a number, and its range, scale and unit when it does. */
  #numberQuestion(question, q) {
    const base = ['questions', q];
    const number = question?.number && typeof question.number === 'object' ? question.number : null;
    const key = `number-toggle:${pathKey(base)}`;
    const toggle = h('input', {
      type: 'checkbox', id: uniqueId(), checked: Boolean(number), 'data-key': key,
      onchange: (event) => this.#edit((p) => {
        setNumber(p.questions[q], event.target.checked);
        keepCostsOnANumber(p);
      }, { redraw: true, focus: key }),
    });
    const field = (name, label, control) => this.#field([...base, 'number', name], label, this.#describe('NumberQuestion', name), control);
    return [
      h('div', { class: 'form-check' }, toggle, h('label', { for: toggle.id }, 'Asks for a number (a slider and a typed field); the answers are its bands')),
      ...(number ? [
        h('div', { class: 'form-row' },
          this.#text([...base, 'number', 'unit'], 'Unit', this.#describe('NumberQuestion', 'unit')),
          this.#menu([...base, 'number', 'scale'], 'Scale', this.#describe('NumberQuestion', 'scale'),
            [{ id: 'linear', name: 'Linear' }, { id: 'log', name: 'Logarithmic' }], 'a scale', { fallback: 'linear' })),
        h('div', { class: 'form-row' },
          field('min', 'Smallest', this.#numberControl([...base, 'number', 'min'], {})),
          field('max', 'Largest', this.#numberControl([...base, 'number', 'max'], {})),
          field('start', 'Starts at', this.#numberControl([...base, 'number', 'start'], {}))),
      ] : []),
    ];
  }

  /** What each approach costs a month at the volume a number question asks for. */
  #costs(pack) {
    const costs = pack.costs && typeof pack.costs === 'object' ? pack.costs : null;
    const numberQuestions = asArray(pack.questions).map((q, i) => ({ q, i })).filter(({ q }) => q?.number)
      .map(({ q, i }) => ({ id: asText(q.id), name: asText(q.prompt) || asText(q.id) || `Question ${i + 1}` }));
    const facts = asArray(pack.facts).filter((f) => f?.id).map((f) => ({ id: asText(f.id), name: `${asText(f.id)}: ${asText(f.text).slice(0, 60)}` }));
    const approaches = this.#approachNames(pack);
    const kinds = termKinds(this.schema).map((kind) => ({ id: kind, name: KIND_NAMES[kind] ?? kind }));
    const toggle = h('input', {
      type: 'checkbox', id: uniqueId(), checked: Boolean(costs), 'data-key': 'costs-toggle', disabled: !costs && !numberQuestions.length,
      onchange: (event) => this.#edit((p) => {
        if (event.target.checked) p.costs = { question: numberQuestions[0].id, currency: 'USD', terms: [] };
        else delete p.costs;
      }, { redraw: true, focus: 'costs-toggle' }),
    });
    const terms = asArray(costs?.terms);
    return this.#section('costs', 'Costs (optional)', this.#describe(null, 'costs'),
      h('div', { class: 'form-check' }, toggle, h('label', { for: toggle.id }, !costs && !numberQuestions.length
        ? 'Chart what each approach costs (it needs a question that asks for a number)' : 'Chart what each approach costs')),
      costs ? [
        h('div', { class: 'form-row' },
          this.#menu(['costs', 'question'], 'At the number this question asks for', this.#describe('Costs', 'question'), numberQuestions, 'a number question'),
          this.#text(['costs', 'currency'], 'Currency', this.#describe('Costs', 'currency'))),
        h('div', { class: 'form-error-anchor', 'data-key': 'costs.terms' }, h('p', { class: 'form-error', hidden: true })),
        ...terms.map((term, t) => this.#item(['costs', 'terms', t], `Cost figure ${t + 1}`,
          h('div', { class: 'form-row' },
            this.#menu(['costs', 'terms', t, 'approach'], 'A cost of', this.#describe('Term', 'approach'), approaches, 'an approach'),
            this.#menu(['costs', 'terms', t, 'kind'], 'Kind', KIND_HELP, kinds, 'a kind')),
          h('div', { class: 'form-row' },
            this.#field(['costs', 'terms', t, 'low'], 'From', this.#describe('Term', 'low'), this.#numberControl(['costs', 'terms', t, 'low'], {})),
            this.#field(['costs', 'terms', t, 'high'], 'To', this.#describe('Term', 'high'), this.#numberControl(['costs', 'terms', t, 'high'], {}))),
          this.#menu(['costs', 'terms', t, 'fact'], 'Source (a fact with an id)', this.#describe('Term', 'fact'), facts, 'a fact with that id'),
          this.#button('Remove this figure', `remove:costs.terms[${t}]`, (p) => p.costs.terms.splice(t, 1), {
            label: `cost figure ${t + 1}`, focus: 'add:costs.terms',
          }))),
        this.#button('Add a cost figure', 'add:costs.terms', (p) => {
          p.costs.terms = [...asArray(p.costs.terms), { approach: approaches[0]?.id ?? '', kind: 'perMillion', low: 0, high: 0, fact: facts[0]?.id ?? '' }];
        }, { focus: () => pathKey(['costs', 'terms', terms.length, 'approach']) }),
      ] : null);
  }

  #tie(pack) {
    const tie = pack.tie && typeof pack.tie === 'object' ? pack.tie : null;
    const approaches = this.#approachNames(pack);
    const choose = (path, label, help) => this.#menu(path, label, help, approaches, 'an approach');
    const toggle = h('input', {
      type: 'checkbox', id: uniqueId(), checked: Boolean(tie), 'data-key': 'tie-toggle', disabled: !tie && approaches.length < 3,
      onchange: (event) => this.#edit((p) => {
        if (event.target.checked) {
          const ids = approaches.map((a) => a.id);
          p.tie = { between: [ids[0], ids[1]], margin: 1, recommend: ids[2] };
        } else {
          delete p.tie;
        }
      }, { redraw: true, focus: 'tie-toggle' }),
    });
    return this.#section('tie', 'Near-tie rule (optional)', this.#describe(null, 'tie'),
      h('div', { class: 'form-check' }, toggle, h('label', { for: toggle.id }, approaches.length < 3
        ? 'Use a near-tie rule (it needs three approaches)' : 'Use a near-tie rule')),
      tie ? [
        h('div', { class: 'form-row' },
          choose(['tie', 'between', 0], 'When this approach', null),
          choose(['tie', 'between', 1], 'and this one finish close', null)),
        this.#field(['tie', 'margin'], 'Within this many points', this.#describe('TieRule', 'margin'),
          this.#numberControl(['tie', 'margin'], { min: 0 })),
        choose(['tie', 'recommend'], 'Suggest this one instead', this.#describe('TieRule', 'recommend')),
      ] : null);
  }
}

// ---------------------------------------------------------------------------------------
// Changes of shape: what a new or removed item, or a new id, means for the rest of the
// pack, so that it stays whole (every approach rated, no reference to a removed id).

function eachOption(pack, visit) {
  for (const question of asArray(pack.questions)) for (const option of asArray(question?.options)) if (option && typeof option === 'object') visit(option);
}

/**
 * Whether references to `from` may follow it to `to`: only when one item had `from` (the
 * rest could belong to another with the same id) and no other has `to`.
 */
const renamable = (items, from, to) => items.filter((item) => item?.id === to).length === 1
  && !items.some((item) => item?.id === from);

function renameApproach(pack, from, to) {
  if (!renamable(asArray(pack.approaches), from, to)) return; // a duplicate: the validator says so
  for (const dimension of asArray(pack.dimensions)) {
    if (Object.hasOwn(asObject(dimension?.ratings), from)) dimension.ratings = renameKey(dimension.ratings, from, to);
  }
  eachOption(pack, (option) => {
    for (const map of ['weights', 'rulesOut', 'caveats']) {
      if (Object.hasOwn(asObject(option[map]), from)) option[map] = renameKey(option[map], from, to);
    }
  });
  if (pack.tie && typeof pack.tie === 'object') {
    pack.tie.between = asArray(pack.tie.between).map((id) => (id === from ? to : id));
    if (pack.tie.recommend === from) pack.tie.recommend = to;
  }
  for (const term of costTerms(pack)) if (term.approach === from) term.approach = to;
}

/** The cost model's terms, those that are objects. */
const costTerms = (pack) => asArray(pack.costs?.terms).filter((term) => term && typeof term === 'object');

function renameQuestion(pack, from, to) {
  if (!to || !renamable(asArray(pack.questions), from, to)) return;
  if (pack.costs && typeof pack.costs === 'object' && pack.costs.question === from) pack.costs.question = to;
}

/**
 * A fact's id renamed, or emptied (`to` is ''): the cost figures it sourced follow it, or
 * name no fact and say so until the author picks another.
 */
function renameFact(pack, from, to) {
  if (to && !renamable(asArray(pack.facts), from, to)) return;
  if (!to && asArray(pack.facts).some((fact) => fact?.id === from)) return; // another fact still has it
  for (const term of costTerms(pack)) if (term.fact === from) term.fact = to;
}

function removeFact(pack, index) {
  const [removed] = pack.facts.splice(index, 1);
  if (!pack.facts.length) delete pack.facts;
  if (typeof removed?.id === 'string' && removed.id) renameFact(pack, removed.id, '');
}

function removeQuestion(pack, index) {
  pack.questions.splice(index, 1);
  keepCostsOnANumber(pack);
}

/**
 * Costs follow a number question: when theirs is gone or no longer asks for a number,
 * they move to the first question that does, and without one the pack has no costs.
 */
function keepCostsOnANumber(pack) {
  if (!pack.costs || typeof pack.costs !== 'object') return;
  const numbers = asArray(pack.questions).filter((q) => q?.number && typeof q.id === 'string');
  if (numbers.some((q) => q.id === pack.costs.question)) return;
  if (numbers.length) pack.costs.question = numbers[0].id;
  else delete pack.costs;
}

/**
 * Makes `question` ask for a number (a range of 1 to 1,000 to start from, each answer but
 * the last taking an equal share of it) or a choice again (its bands removed).
 */
function setNumber(question, asks) {
  if (question === null || typeof question !== 'object') return;
  const options = asArray(question.options).filter((o) => o && typeof o === 'object');
  if (asks) {
    question.number = { unit: '', min: 1, max: 1000, scale: 'linear', start: 1 };
    options.forEach((option, o) => {
      if (o < options.length - 1) option.below ??= Math.round(1000 * (o + 1) / options.length);
      else delete option.below;
    });
  } else {
    delete question.number;
    for (const option of options) delete option.below;
  }
}

/** The kinds of cost term, as the schema's pattern for `kind` lists them. */
function termKinds(schema) {
  const pattern = schema?.$defs?.Term?.properties?.kind?.pattern ?? '';
  return pattern.match(/^\^\((.*)\)\$$/)?.[1].split('|') ?? Object.keys(KIND_NAMES);
}

/** What the kinds are for, in an author's words (the schema lists only their names). */
const KIND_HELP = 'A fixed amount a month, a price per million of the volume, or rented capacity: '
  + 'one unit\'s hourly price, the volume it serves a second, and how busy it is kept (from 0 to 1).';

/** Each kind of cost term in an author's words (`ovp_model::cost` says what each adds). */
const KIND_NAMES = {
  fixed: 'A month, whatever the volume (fixed)',
  perMillion: 'Price per million of the volume',
  unitHour: 'One unit of capacity an hour (a GPU)',
  unitPerSecond: 'Volume one unit serves a second',
  utilisation: 'Share of the time a unit is busy (0 to 1)',
};

function renameDimension(pack, from, to) {
  if (!renamable(asArray(pack.dimensions), from, to)) return;
  eachOption(pack, (option) => {
    if (Object.hasOwn(asObject(option.priorities), from)) option.priorities = renameKey(option.priorities, from, to);
  });
}

function addApproach(pack) {
  const id = freshId('approach', asArray(pack.approaches).map((a) => a?.id));
  pack.approaches = [...asArray(pack.approaches), { id, name: '', summary: '' }];
  for (const dimension of asArray(pack.dimensions)) {
    if (dimension && typeof dimension === 'object') dimension.ratings = { ...asObject(dimension.ratings), [id]: { score: 3, reason: '' } };
  }
}

function removeApproach(pack, index) {
  const [removed] = pack.approaches.splice(index, 1);
  const id = removed?.id;
  for (const dimension of asArray(pack.dimensions)) if (dimension?.ratings) delete dimension.ratings[id];
  eachOption(pack, (option) => {
    for (const map of ['weights', 'rulesOut', 'caveats']) if (option[map]) delete option[map][id];
  });
  if (pack.tie && (asArray(pack.tie.between).includes(id) || pack.tie.recommend === id)) delete pack.tie;
  if (pack.costs && typeof pack.costs === 'object') pack.costs.terms = asArray(pack.costs.terms).filter((term) => term?.approach !== id);
}

function addDimension(pack) {
  const id = freshId('dimension', asArray(pack.dimensions).map((d) => d?.id));
  const ratings = Object.fromEntries(asArray(pack.approaches).map((a) => [a?.id, { score: 3, reason: '' }]));
  pack.dimensions = [...asArray(pack.dimensions), { id, name: '', ratings }];
}

function removeDimension(pack, index) {
  const [removed] = pack.dimensions.splice(index, 1);
  eachOption(pack, (option) => {
    if (option.priorities) delete option.priorities[removed?.id];
  });
}

function addQuestion(pack) {
  const id = freshId('question', asArray(pack.questions).map((q) => q?.id));
  pack.questions = [...asArray(pack.questions), {
    id, prompt: '', options: [{ id: 'answer-1', label: '' }, { id: 'answer-2', label: '' }],
  }];
}

/**
 * Removes an answer; on a number question the new last answer takes the rest of the
 * numbers, so it loses its `below`.
 */
function removeOption(pack, q, o) {
  const question = pack.questions[q];
  question.options.splice(o, 1);
  const last = asArray(question.options).at(-1);
  if (question.number && last && typeof last === 'object') delete last.below;
}

function addOption(pack, q) {
  const question = pack.questions[q];
  if (question === null || typeof question !== 'object') return;
  const options = asArray(question.options);
  // On a number question the answer that was last now ends where a new band begins:
  // halfway from where its band began to the largest number.
  const last = options.at(-1);
  if (question.number && last && typeof last === 'object' && typeof last.below !== 'number') {
    const start = options.length > 1 ? options.at(-2)?.below : question.number.min;
    const [from, to] = [Number(start), Number(question.number.max)];
    if (Number.isFinite(from) && Number.isFinite(to)) last.below = from + (to - from) / 2;
  }
  question.options = [...options, { id: freshId('answer', options.map((o) => o?.id)), label: '' }];
}
