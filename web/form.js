// The connection form: deployment switch, fields with their hints and
// diagnostics, and the password's show/hide toggle. It owns no state beyond
// the inputs themselves; the element reads values from it and tells it which
// diagnostics to show.
import { el, setText } from './dom.js';
import { DEPLOYMENTS, FIELDS, forDeployment } from './fields.js';
import { EnvironmentChoice } from './environment.js';

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' };

export class ConnectionForm {
  constructor({ onInput, onExample }) {
    this.inputs = new Map();
    this.rows = new Map();
    this.hints = new Map();
    this.diagLists = new Map();
    this.diagSignatures = new Map();
    this.radios = new Map();
    this.passwordShown = false;
    this.environment = new EnvironmentChoice(onInput);

    const radios = DEPLOYMENTS.map((d) => {
      const radio = el('input', { type: 'radio', name: 'deployment', id: `deployment-${d.id}`, value: d.id });
      radio.addEventListener('change', () => onInput('deployment'));
      this.radios.set(d.id, radio);
      return el('div', { class: 'radio' }, [radio, el('label', { for: radio.id, text: d.label })]);
    });
    const deployment = el('fieldset', { class: 'deployment' }, [el('legend', { text: 'Deployment' }), ...radios]);

    const rows = FIELDS.map((field) => this.buildRow(field, onInput));
    // Diagnostics go next to the control they concern: a field's input, or
    // the OS radios and the shell list.
    this.diagTargets = this.environment.diagnosticTargets();
    for (const [name, input] of this.inputs) {
      this.diagTargets.set(name, { list: this.diagLists.get(name), controls: [input] });
    }
    const example = el('button', { type: 'button', class: 'secondary', text: 'Fill in the reference example' });
    example.addEventListener('click', onExample);
    this.node = el('form', { class: 'connection-form', 'aria-label': 'Connection details', novalidate: true }, [
      this.environment.node,
      deployment,
      el('div', { class: 'fields' }, rows),
      el('p', { class: 'form-actions' }, [example]),
    ]);
    // Enter in a field must not reload the page.
    this.node.addEventListener('submit', (event) => event.preventDefault());
  }

  buildRow(field, onInput) {
    const id = `field-${field.name}`;
    const input = el('input', {
      id, name: field.name, type: field.type ?? 'text', inputmode: field.inputmode,
      autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false',
      'aria-describedby': `${id}-hint ${id}-diagnostics`,
    });
    input.addEventListener('input', () => onInput(field.name));
    this.inputs.set(field.name, input);
    const hint = el('p', { class: 'hint', id: `${id}-hint` });
    this.hints.set(field.name, hint);
    const diagnostics = el('ul', { class: 'field-diagnostics', id: `${id}-diagnostics` });
    this.diagLists.set(field.name, diagnostics);

    if (field.type === 'checkbox') {
      // The label sits beside its box; the hint and diagnostics below both.
      const row = el('div', { class: 'field checkbox', 'data-field': field.name }, [
        el('div', { class: 'check' }, [input, el('label', { for: id, text: field.label })]), hint, diagnostics,
      ]);
      this.rows.set(field.name, row);
      return row;
    }
    let control = input;
    if (field.type === 'password') {
      const toggle = el('button', {
        type: 'button', class: 'secondary toggle', 'aria-pressed': 'false', 'aria-controls': id,
        text: 'Show password',
      });
      toggle.addEventListener('click', () => {
        this.passwordShown = !this.passwordShown;
        input.type = this.passwordShown ? 'text' : 'password';
        toggle.setAttribute('aria-pressed', String(this.passwordShown));
        onInput('showPassword');
      });
      control = el('div', { class: 'password-control' }, [input, toggle]);
    }
    const row = el('div', { class: 'field', 'data-field': field.name }, [
      el('label', { for: id, text: field.label }), hint, control, diagnostics,
    ]);
    this.rows.set(field.name, row);
    return row;
  }

  get deployment() {
    for (const [id, radio] of this.radios) if (radio.checked) return id;
    return 'serverless';
  }

  set deployment(id) {
    const radio = this.radios.get(id) ?? this.radios.get('serverless');
    radio.checked = true;
  }

  // Shows only the fields the deployment uses, with its placeholders and hints.
  applyDeployment() {
    const deployment = this.deployment;
    for (const field of FIELDS) {
      this.rows.get(field.name).hidden = !field.used.includes(deployment);
      const placeholder = forDeployment(field.placeholder, deployment);
      const input = this.inputs.get(field.name);
      if (placeholder) input.placeholder = placeholder; else input.removeAttribute('placeholder');
      setText(this.hints.get(field.name), forDeployment(field.hint, deployment));
    }
  }

  isShown(name) {
    const row = this.rows.get(name);
    return !row || !row.hidden;  // os and shell have no row: always shown
  }

  // Every field's text, shown or not: the hash keeps values of other
  // deployments so switching back and forth loses nothing. A checkbox is
  // '1' when checked.
  allValues() {
    const values = {};
    for (const [name, input] of this.inputs) values[name] = input.type === 'checkbox' ? (input.checked ? '1' : '') : input.value;
    return values;
  }

  // What generate() receives: only the fields this deployment uses, and the
  // computer the setup steps are for.
  params() {
    const params = { deployment: this.deployment, os: this.environment.os, shell: this.environment.shellValue };
    for (const [name, input] of this.inputs) {
      const shown = this.isShown(name);
      params[name] = input.type === 'checkbox' ? shown && input.checked : shown ? input.value : '';
    }
    return params;
  }

  setValues(values) {
    for (const [name, input] of this.inputs) {
      const value = values[name];
      if (input.type === 'checkbox') input.checked = value === true || value === '1' || value === 'true';
      else input.value = value ?? '';
    }
  }

  // Puts each diagnostic under its field; returns those with no shown field.
  showDiagnostics(diagnostics) {
    const byField = new Map();
    const general = [];
    for (const d of diagnostics) {
      if (d.field && this.diagTargets.has(d.field) && this.isShown(d.field)) {
        if (!byField.has(d.field)) byField.set(d.field, []);
        byField.get(d.field).push(d);
      } else {
        general.push(d);
      }
    }
    for (const [name, { list, controls }] of this.diagTargets) {
      const items = byField.get(name) ?? [];
      const signature = items.map((d) => `${d.severity}\u0000${d.message}`).join('\u0001');
      if (signature !== this.diagSignatures.get(name)) {
        this.diagSignatures.set(name, signature);
        list.replaceChildren(...items.map(diagnosticItem));
      }
      const invalid = items.some((d) => d.severity === 'error');
      for (const control of controls) {
        if (invalid) control.setAttribute('aria-invalid', 'true'); else control.removeAttribute('aria-invalid');
      }
    }
    return general;
  }
}

export function diagnosticItem(d) {
  return el('li', { class: `diag ${d.severity}`, 'data-code': d.code }, [
    el('strong', { text: `${SEVERITY_LABEL[d.severity] ?? d.severity}: ` }),
    d.message,
  ]);
}
