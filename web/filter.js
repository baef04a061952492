// "Drivers shown": a checkbox per driver, grouped by language, with a
// checkbox per language that selects its whole group.
import { el } from './dom.js';
import { LANGUAGE_NAMES } from './fields.js';

export class DriverFilter {
  constructor(drivers, onChange) {
    this.drivers = drivers;
    this.boxes = new Map();
    this.languageBoxes = new Map();
    this.summary = el('summary');

    const languages = [...new Set(drivers.map((d) => d.language))];
    const groups = languages.map((language) => {
      const members = drivers.filter((d) => d.language === language);
      const name = LANGUAGE_NAMES[language] ?? language;
      const all = el('input', { type: 'checkbox', id: `language-${language}`, 'data-language': language });
      all.addEventListener('change', () => {
        for (const d of members) this.boxes.get(d.id).checked = all.checked;
        this.sync();
        onChange();
      });
      this.languageBoxes.set(language, { box: all, members });
      const items = members.map((d) => {
        const box = el('input', { type: 'checkbox', id: `driver-${d.id}`, value: d.id, checked: true });
        box.addEventListener('change', () => {
          this.sync();
          onChange();
        });
        this.boxes.set(d.id, box);
        return el('li', {}, [box, el('label', { for: box.id, text: d.name })]);
      });
      return el('div', { class: 'filter-group', role: 'group', 'aria-labelledby': `language-${language}-label` }, [
        el('div', { class: 'filter-language' }, [
          all, el('label', { for: all.id, id: `language-${language}-label`, text: name }),
        ]),
        el('ul', {}, items),
      ]);
    });
    this.node = el('details', { class: 'filter' }, [this.summary, el('div', { class: 'filter-groups' }, groups)]);
    this.sync();
  }

  // The ids shown, in the core's order; null when every driver is shown.
  selected() {
    const ids = this.drivers.filter((d) => this.boxes.get(d.id).checked).map((d) => d.id);
    return ids.length === this.drivers.length ? null : ids;
  }

  select(ids) {
    const wanted = ids ? new Set(ids) : null;
    for (const [id, box] of this.boxes) box.checked = !wanted || wanted.has(id);
    this.sync();
  }

  // Keeps language boxes (checked, unchecked or mixed) and the count in step.
  sync() {
    for (const { box, members } of this.languageBoxes.values()) {
      const on = members.filter((d) => this.boxes.get(d.id).checked).length;
      box.checked = on === members.length;
      box.indeterminate = on > 0 && on < members.length;
    }
    const shown = [...this.boxes.values()].filter((b) => b.checked).length;
    this.summary.textContent = `Drivers shown: ${shown} of ${this.drivers.length}`;
  }
}
