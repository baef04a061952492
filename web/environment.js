// "Your computer": the operating system and shell every card's setup steps
// are written for, chosen once at the top of the form. The shell list starts
// with the OS's usual shell, so changing the OS changes the default with it.
// A value the page does not know (from an edited link) is kept and sent to
// the core as typed, so its diagnostic explains it next to the control.
import { el } from './dom.js';
import { SHELLS, SYSTEMS } from './fields.js';

export class EnvironmentChoice {
  constructor(onInput) {
    this.radios = new Map();
    this.unknownOs = '';
    this.osDiagnostics = el('ul', { class: 'field-diagnostics', id: 'field-os-diagnostics' });
    this.shellDiagnostics = el('ul', { class: 'field-diagnostics', id: 'field-shell-diagnostics' });

    const radios = SYSTEMS.map((system) => {
      const radio = el('input', {
        type: 'radio', name: 'os', id: `os-${system.id}`, value: system.id, 'aria-describedby': this.osDiagnostics.id,
      });
      radio.addEventListener('change', () => {
        this.unknownOs = '';
        this.labelDefaultShell();
        onInput('os');
      });
      this.radios.set(system.id, radio);
      return el('div', { class: 'radio' }, [radio, el('label', { for: radio.id, text: system.label })]);
    });
    this.osGroup = el('fieldset', { class: 'os' }, [
      el('legend', { text: 'Operating system' }), el('div', { class: 'choices' }, radios), this.osDiagnostics,
    ]);

    this.defaultOption = el('option', { value: '' });
    this.unknownOption = el('option');
    this.shell = el('select', {
      id: 'field-shell', name: 'shell', 'aria-describedby': `field-shell-hint ${this.shellDiagnostics.id}`,
    }, [this.defaultOption, ...SHELLS.map((s) => el('option', { value: s.id, text: s.label }))]);
    this.shell.addEventListener('change', () => {
      this.unknownOption.remove();
      onInput('shell');
    });
    const shellRow = el('div', { class: 'field' }, [
      el('label', { for: this.shell.id, text: 'Shell' }),
      el('p', { class: 'hint', id: 'field-shell-hint', text: 'Where you will run the setup commands, or a .env file your app loads.' }),
      this.shell,
      this.shellDiagnostics,
    ]);

    this.node = el('fieldset', { class: 'environment' }, [
      el('legend', { text: 'Your computer' }), this.osGroup, shellRow,
    ]);
    this.os = 'linux';
  }

  get os() {
    for (const [id, radio] of this.radios) if (radio.checked) return id;
    return this.unknownOs || 'linux';
  }

  set os(id) {
    const radio = this.radios.get(id || 'linux');
    for (const r of this.radios.values()) r.checked = r === radio;
    this.unknownOs = radio ? '' : id;
    this.labelDefaultShell();
  }

  get shellValue() {
    return this.shell.value;
  }

  set shellValue(id) {
    const known = id === '' || SHELLS.some((s) => s.id === id);
    if (known) {
      this.unknownOption.remove();
      this.shell.value = id;
      return;
    }
    this.unknownOption.value = id;
    this.unknownOption.textContent = `${id} (not known)`;
    this.shell.append(this.unknownOption);
    this.shell.value = id;
  }

  labelDefaultShell() {
    const system = SYSTEMS.find((s) => s.id === this.os);
    this.defaultOption.textContent = system ? `Usual for ${system.label} (${system.defaultShell})` : 'Usual for the system';
  }

  // Where diagnostics about os and shell go: a list and the controls that
  // get aria-invalid, like any field's.
  diagnosticTargets() {
    return new Map([
      ['os', { list: this.osDiagnostics, controls: [...this.radios.values()] }],
      ['shell', { list: this.shellDiagnostics, controls: [this.shell] }],
    ]);
  }
}
