// Puts text on the clipboard. The async Clipboard API needs a secure context
// (https or localhost); a docs site served over plain http falls back to a
// selected, off-screen textarea and execCommand('copy').
export async function copyText(text, root) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: try the fallback below.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.className = 'offscreen';
  root.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } finally {
    area.remove();
  }
  return copied;
}
