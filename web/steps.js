// A list of setup steps (the core's {id, title, command, note}): each step's
// title, its command in a code block with a copy button, and its note. Used
// by every card ("Setup") and once for the steps all drivers share. Like the
// cards, it is rebuilt only when the steps themselves change and otherwise
// updated text by text.
import { el, setText } from './dom.js';
import { maskStandIn } from './mask.js';

export class StepList {
  // headingLevel: 4 inside a card (under its h3), 3 for the shared steps.
  // onCopy(text, what, button): copies text; `what` names it for the announcement.
  constructor({ owner, headingLevel, onCopy }) {
    this.owner = owner;
    this.heading = `h${headingLevel}`;
    this.onCopy = onCopy;
    this.signature = '';
    this.nodes = new Map();
    this.realCommands = new Map();
    this.node = el('ol', { class: 'steps' });
  }

  // shown: the steps generated with the password stand-in; real: the same
  // steps with the real password, which is what the copy buttons copy.
  update(shown, real) {
    this.realCommands = new Map(real.map((step) => [step.id, step.command]));
    const signature = shown.map((step) => `${step.id}\u0000${step.title}`).join('\u0001');
    if (signature !== this.signature) this.rebuild(shown, signature);
    for (const step of shown) {
      const { code, note } = this.nodes.get(step.id);
      setText(code, maskStandIn(step.command));
      setText(note, maskStandIn(step.note));
      note.hidden = step.note === '';
    }
  }

  rebuild(steps, signature) {
    this.signature = signature;
    this.nodes.clear();
    const items = steps.map((step) => {
      const code = el('code');
      const note = el('p', { class: 'step-note' });
      this.nodes.set(step.id, { code, note });
      const what = `command "${step.title}" for ${this.owner}`;
      const button = el('button', { type: 'button', class: 'copy', 'data-step': step.id }, [
        el('span', { class: 'copy-word', text: 'Copy' }),
        el('span', { class: 'visually-hidden', text: ` ${what}` }),
      ]);
      button.addEventListener('click', () => {
        const text = this.realCommands.get(step.id);
        if (text !== undefined) this.onCopy(text, what, button);
      });
      return el('li', { class: 'step', 'data-step': step.id }, [
        el('div', { class: 'block-head' }, [el(this.heading, { class: 'block-label', text: step.title }), button]),
        el('pre', {}, [code]),
        note,
      ]);
    });
    this.node.replaceChildren(...items);
  }
}
