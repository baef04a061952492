// A list of setup steps (the core's {id, title, command, note}): each step's
// title, its command in a code block with a copy button, and its note. Used
// by every card ("Setup") and once for the steps all drivers share. Like the
// cards, it is rebuilt only when the steps themselves change and otherwise
// updated text by text.
import { codeBlock } from './code-block.js';
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
      const note = el('p', { class: 'step-note' });
      const what = `command "${step.title}" for ${this.owner}`;
      const { node, code } = codeBlock({
        tag: 'li', attrs: { class: 'step', 'data-step': step.id }, heading: this.heading, label: step.title,
        data: { 'data-step': step.id }, what, after: [note],
        onPress: (button) => {
          const text = this.realCommands.get(step.id);
          if (text !== undefined) this.onCopy(text, what, button);
        },
      });
      this.nodes.set(step.id, { code, note });
      return node;
    });
    this.node.replaceChildren(...items);
  }
}
