// One card per driver: its name and language, the code blocks of its output,
// the problems that concern it and its notes. A card is built once and then
// updated in place, so a keystroke only rewrites the text that changed.
import { codeBlock } from './code-block.js';
import { el, setText } from './dom.js';
import { LANGUAGE_NAMES } from './fields.js';
import { maskStandIn } from './mask.js';
import { StepList } from './steps.js';

// The code blocks an output shows, in order. `key` names a block across
// updates and between the shown (masked) and the real output.
function blocksOf(output) {
  const blocks = [{ key: 'install', label: 'Install', what: 'install command', text: output.install }];
  if (!output.ok) return blocks;
  for (const variable of output.env) {
    blocks.push({ key: `env:${variable.name}`, label: `${variable.name} (environment variable)`, what: `${variable.name} value`, text: variable.value });
  }
  if (output.env.length === 0 && output.connectionString) {
    blocks.push({ key: 'connection', label: 'Connection string', what: 'connection string', text: output.connectionString });
  }
  blocks.push({ key: 'snippet', label: output.snippetFile, what: output.snippetFile, text: output.snippet });
  output.variants.forEach((variant, index) => {
    blocks.push({ key: `variant:${index}`, label: variant.label, what: variant.label, text: variant.value });
  });
  return blocks;
}

// The diagnostics a card repeats: errors that stop it (any error naming it or
// naming no driver), and warnings or notes that name it specifically.
function problemsFor(driverId, output, diagnostics) {
  return diagnostics.filter((d) => {
    const names = d.drivers.includes(driverId);
    if (d.severity === 'error') return !output.ok && (names || d.drivers.length === 0);
    return names;
  });
}

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' };

export class DriverCard {
  constructor(driver, onCopy) {
    this.id = driver.id;
    this.name = driver.name;
    this.onCopy = onCopy;
    this.realTexts = new Map();
    this.blockSignature = '';
    this.blockNodes = new Map();
    this.problemSignature = '';
    this.noteSignature = '';

    const titleId = `card-${driver.id}-title`;
    // The status line, problem list, setup steps and notes are made the first
    // time there is something to show in them (see the getters below): most
    // cards never show a status or problems, and steps and notes come after
    // the first frame, which then holds ~80 fewer elements.
    this.parts = {};
    this.blocks = el('div', { class: 'blocks' });
    this.docs = el('a', { class: 'docs', href: driver.docsUrl, target: '_blank', rel: 'noopener noreferrer' }, [
      `${driver.name} documentation`,
    ]);
    this.foot = el('p', { class: 'card-foot' }, [this.docs]);
    this.node = el('article', { class: 'card', 'aria-labelledby': titleId, 'data-driver': driver.id }, [
      el('header', { class: 'card-head' }, [
        el('h3', { id: titleId, text: driver.name }),
        el('span', { class: 'language', text: LANGUAGE_NAMES[driver.language] ?? driver.language }),
      ]),
      this.blocks,
      this.foot,
    ]);
  }

  // The card's order: head, status, problems, blocks, setup, notes, foot.
  get status() {
    return this.parts.status ??= this.insert(el('p', { class: 'card-status', hidden: true }), this.parts.problems ?? this.blocks);
  }

  get problems() {
    return this.parts.problems ??= this.insert(el('ul', { class: 'card-problems', hidden: true }), this.blocks);
  }

  get steps() {
    if (!this.parts.steps) {
      // The steps around the string for the chosen OS and shell.
      this.parts.steps = new StepList({ owner: this.name, headingLevel: 5, onCopy: this.onCopy });
      // A plain div: a labelled section per card would make 13 landmarks all called "Setup".
      this.parts.setup = this.insert(el('div', { class: 'setup', hidden: true }, [
        el('h4', { class: 'setup-title', text: 'Setup' }), this.parts.steps.node,
      ]), this.parts.notes ?? this.foot);
    }
    return this.parts.steps;
  }

  get notes() {
    return this.parts.notes ??= this.insert(el('ul', { class: 'notes', hidden: true }), this.foot);
  }

  insert(node, before) {
    before.before(node);
    return node;
  }

  // shown: the output generated for the screen (password replaced by the
  // stand-in); real: the same output with the real password, for copying.
  // withDetails false leaves out the setup steps and notes: the element's
  // first render shows the code blocks alone and fills these in the next
  // task (see CrdbConnectGenerator.start), since they sit below the blocks,
  // mostly below the fold, and are over half of a card's elements.
  update(shown, real, diagnostics, withDetails = true) {
    const blocks = blocksOf({ ...shown, ok: real.ok });
    this.realTexts = new Map(blocksOf(real).map((b) => [b.key, b.text]));

    const signature = blocks.map((b) => `${b.key}\u0000${b.label}`).join('\u0001');
    if (signature !== this.blockSignature) this.rebuildBlocks(blocks, signature);
    for (const block of blocks) setText(this.blockNodes.get(block.key), maskStandIn(block.text));

    if (!real.ok || this.parts.status) {
      this.status.hidden = real.ok;
      setText(this.status, real.ok ? '' : `No ${this.name} output for these values: fix the errors below.`);
    }
    this.renderProblems(problemsFor(this.id, real, diagnostics));
    if (withDetails) {
      this.renderNotes(real.ok ? shown.notes.map(maskStandIn) : []);
      // Setup commands carry the connection string: not shown when it would not work.
      const steps = real.ok ? shown.setup : [];
      if (steps.length || this.parts.steps) {
        this.steps.update(steps, real.ok ? real.setup : []);
        this.parts.setup.hidden = steps.length === 0;
      }
    } else {
      if (this.parts.setup) this.parts.setup.hidden = true;
      if (this.parts.notes) this.parts.notes.hidden = true;
    }
    if (shown.docsUrl && this.docs.getAttribute('href') !== shown.docsUrl) this.docs.setAttribute('href', shown.docsUrl);
  }

  rebuildBlocks(blocks, signature) {
    this.blockSignature = signature;
    this.blockNodes.clear();
    const nodes = blocks.map((block) => {
      const what = `${block.what} for ${this.name}`;
      const { node, code } = codeBlock({
        tag: 'section', attrs: { class: 'block', 'data-block': block.key }, heading: 'h4', label: block.label,
        data: { 'data-block': block.key }, what,
        onPress: (button) => {
          const text = this.realText(block.key);
          if (text !== undefined) this.onCopy(text, what, button);
        },
      });
      this.blockNodes.set(block.key, code);
      return node;
    });
    this.blocks.replaceChildren(...nodes);
  }

  renderProblems(problems) {
    const signature = problems.map((d) => `${d.severity}\u0000${d.message}`).join('\u0001');
    if (signature === this.problemSignature) return;
    this.problemSignature = signature;
    this.problems.hidden = problems.length === 0;
    this.problems.replaceChildren(...problems.map((d) => el('li', { class: `diag ${d.severity}` }, [
      el('strong', { text: `${SEVERITY_LABEL[d.severity] ?? d.severity}: ` }),
      d.message,
    ])));
  }

  renderNotes(notes) {
    const signature = notes.join('\u0001');
    if (signature === this.noteSignature) return;
    this.noteSignature = signature;
    this.notes.hidden = notes.length === 0;
    this.notes.replaceChildren(...notes.map((note) => el('li', { text: note })));
  }

  realText(key) {
    return this.realTexts.get(key);
  }
}
