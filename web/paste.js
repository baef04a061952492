// "Paste a connection string": reads an existing string with the core's
// parser and hands the parameters to the form.
import { el } from './dom.js';
import { diagnosticItem } from './form.js';

export class PasteBox {
  // parse(text) returns a promise: the parser is in the package's full module,
  // which the page fetches only when this box is first opened (prepare()).
  constructor(parse, onParsed, prepare = () => {}) {
    this.text = el('textarea', {
      id: 'paste-text', rows: '3', spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off',
      'aria-describedby': 'paste-hint paste-result',
    });
    this.result = el('div', { class: 'paste-result', id: 'paste-result', role: 'status' });
    const button = el('button', { type: 'button', text: 'Fill the form from this string' });
    button.addEventListener('click', () => this.fill(parse, onParsed));
    this.node = el('details', { class: 'paste' }, [
      el('summary', { text: 'Paste a connection string' }),
      el('label', { for: 'paste-text', text: 'Connection string' }),
      el('p', { class: 'hint', id: 'paste-hint', text: 'A URL, JDBC URL or key=value string. It is read on this page only.' }),
      this.text,
      el('p', {}, [button]),
      this.result,
    ]);
    this.node.addEventListener('toggle', () => { if (this.node.open) prepare(); });
  }

  async fill(parse, onParsed) {
    const text = this.text.value;
    if (!text.trim()) {
      this.result.replaceChildren(el('p', { text: 'Paste a connection string first.' }));
      return;
    }
    // Shown only while the parser is still downloading: once it is loaded the
    // result replaces this before the page paints again.
    this.result.replaceChildren(el('p', { text: 'Loading the connection-string reader…' }));
    let parsed;
    try {
      parsed = await parse(text);
    } catch {
      this.result.replaceChildren(el('p', {
        text: 'The connection-string reader could not be loaded, so the form cannot be filled from a string. Please type the values instead.',
      }));
      return;
    }
    const lines = [];
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    if (parsed.params) {
      onParsed(parsed.params);
      // The string usually holds a password: do not leave it on screen.
      if (errors.length === 0) this.text.value = '';
      const reason = parsed.deploymentReason ? ` ${parsed.deploymentReason}` : '';
      lines.push(el('p', { text: `Read a ${parsed.format || 'connection'} string as ${parsed.params.deployment}.${reason}` }));
    }
    const extras = namesOf(parsed.extraParams);
    if (extras.length) lines.push(el('p', { text: `Not used by the form: ${extras.join(', ')}.` }));
    if (Array.isArray(parsed.extraHosts) && parsed.extraHosts.length) {
      lines.push(el('p', { text: `Only the first host is used; also listed: ${parsed.extraHosts.join(', ')}.` }));
    }
    if (parsed.diagnostics.length) lines.push(el('ul', { class: 'paste-diagnostics' }, parsed.diagnostics.map(diagnosticItem)));
    this.result.replaceChildren(...lines);
  }
}

// Extra parameters may come as [name, value] pairs or {name, value} objects;
// only names are shown, since values can be secrets.
function namesOf(extra) {
  if (!Array.isArray(extra)) return [];
  return extra.map((item) => (Array.isArray(item) ? item[0] : item?.name ?? item?.key)).filter(Boolean);
}
