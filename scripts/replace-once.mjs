// The build's edits of files it does not own (the package's loader, the
// page's HTML) replace a literal that must appear exactly once: when the
// source changes shape, the build fails instead of shipping a page whose
// edit silently missed.
//
// file: named in the error; what: how the error names the literal.
export function replaceOnce(text, literal, replacement, file, what = literal) {
  const count = text.split(literal).length - 1;
  if (count !== 1) throw new Error(`${file}: expected ${what} once, found it ${count} times`);
  return text.replace(literal, () => replacement);
}
