// The only way the page creates elements. Strings become text nodes or
// attribute values, never markup, so user input cannot inject HTML.
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === false || value == null) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child != null && child !== false) node.append(child);
  }
  return node;
}

// Sets text only when it changed: a keystroke then touches the few nodes whose
// text really differs, which keeps style and layout work small.
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
