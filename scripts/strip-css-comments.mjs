// The stylesheets' comments explain them in the source; the page the build
// ships need not carry them (they are a quarter of generator.css's bytes).
// Also drops trailing spaces and the blank lines the comments leave.
// Our stylesheets hold no "/*" inside a string or url(), which this would cut.
export function stripCssComments(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n').map((line) => line.trimEnd()).filter(Boolean).join('\n');
}
