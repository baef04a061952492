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
    this.status = el('p', { class: 'card-status', hidden: true });
    this.problems = el('ul', { class: 'card-problems', hidden: true });
    this.blocks = el('div', { class: 'blocks' });
    this.notes = el('ul', { class: 'notes' });
    // The steps around the string for the chosen OS and shell.
    this.steps = new StepList({ owner: driver.name, headingLevel: 5, onCopy });
    // A plain div: a labelled section per card would make 13 landmarks all called "Setup".
    this.setup = el('div', { class: 'setup' }, [el('h4', { class: 'setup-title', text: 'Setup' }), this.steps.node]);
    this.docs = el('a', { class: 'docs', href: driver.docsUrl, target: '_blank', rel: 'noopener noreferrer' }, [
      `${driver.name} documentation`,
    ]);
    this.node = el('article', { class: 'card', 'aria-labelledby': titleId, 'data-driver': driver.id }, [
      el('header', { class: 'card-head' }, [
        el('h3', { id: titleId, text: driver.name }),
        el('span', { class: 'language', text: LANGUAGE_NAMES[driver.language] ?? driver.language }),
      ]),
      this.status,
      this.problems,
      this.blocks,
      this.setup,
      this.notes,
      el('p', { class: 'card-foot' }, [this.docs]),
    ]);
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

    this.status.hidden = real.ok;
    setText(this.status, real.ok ? '' : `No ${this.name} output for these values: fix the errors below.`);
    this.renderProblems(problemsFor(this.id, real, diagnostics));
    if (withDetails) {
      this.renderNotes(real.ok ? shown.notes.map(maskStandIn) : []);
      // Setup commands carry the connection string: not shown when it would not work.
      const steps = real.ok ? shown.setup : [];
      this.setup.hidden = steps.length === 0;
      this.steps.update(steps, real.ok ? real.setup : []);
    } else {
      this.setup.hidden = true;
      this.notes.hidden = true;
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
