// A labelled code block with a copy button, as cards and setup steps show
// them: the label, the button and the code as children of one element, which
// the stylesheet lays out as a grid (label and button on a row, the code under
// them). Five elements a block: the first frame holds ~40 blocks, and every
// element is one more to create, style and lay out before anything is shown.
import { el } from './dom.js';

// What each copy button does when pressed: one listener per element (see
// listenForCopies) finds the button's action here instead of each of ~90
// buttons having its own listener.
const copyActions = new WeakMap();

// The button's visible word is its first child, a text node, followed by the
// rest of its accessible name for screen readers: "Copy" + " main.go for pgx".
function copyButton(data, what, onPress) {
  const button = el('button', { type: 'button', class: 'copy', ...data }, [
    'Copy',
    el('span', { class: 'visually-hidden', text: ` ${what}` }),
  ]);
  copyActions.set(button, onPress);
  return button;
}

// Sets the button's visible word ("Copy", "Copied", "Copy failed").
export function setCopyWord(button, word) {
  button.firstChild.data = word;
}

// Lets the copy buttons under `root` work: one click listener (Enter and
// Space on a focused button click it too).
export function listenForCopies(root) {
  root.addEventListener('click', (event) => {
    const button = event.target.closest?.('button.copy');
    const action = button && copyActions.get(button);
    if (action) action(button);
  });
}

// tag/attrs: the block's own element (a card's <section>, a step's <li>);
// heading: the label's element and text; data: the button's data-* attributes;
// what: what the button copies, for its name; onPress(button): the copy.
// Returns the block and its <code>, whose text the caller keeps current.
export function codeBlock({ tag, attrs, heading, label, data, what, onPress, after = [] }) {
  const code = el('code');
  const node = el(tag, attrs, [
    el(heading, { class: 'block-label', text: label }),
    copyButton(data, what, onPress),
    el('pre', {}, [code]),
    ...after,
  ]);
  return { node, code };
}
