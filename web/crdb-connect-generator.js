// <crdb-connect-generator>: the whole tool as one custom element, used by the
// full page and embeddable in any docs site with one module script and one
// tag. Attributes (read when the element is connected):
//   deployment="serverless|dedicated|self-hosted"  the deployment selected first
//   drivers="pgx,jdbc"                              only these drivers (core ids)
//   hash-state                                      keep the form in the URL hash
// Once everything is on the page (setup steps and notes come one frame after
// the code blocks) the element's `ready` is true and it fires
// crdb-connect-ready. From the first frame that shows its outputs, or says it
// could not load, it carries the `rendered` attribute: the full page holds its
// first paint for it (see page.css).
// Everything lives in a shadow root with its own stylesheet, so the host
// page's CSS neither leaks in nor is affected. The stylesheet comes inside
// the script (the build bundles generator.css as text; see
// scripts/bundle-page.mjs) and is applied when the element is connected: a
// page needs no second file, the element is never drawn unstyled, and every
// element on a page shares the one parsed sheet.
import { el } from './dom.js';
import { loadGenerator, preloadParser } from './engine.js';
import { ConnectionForm, diagnosticItem } from './form.js';
import { DriverFilter } from './filter.js';
import { PasteBox } from './paste.js';
import { DriverCard } from './cards.js';
import { StepList } from './steps.js';
import { copyText } from './copy.js';
import { listenForCopies, setCopyWord } from './code-block.js';
import { DEPLOYMENTS, EXAMPLE_VALUES } from './fields.js';
import { FALLBACK_SHELLS, PASSWORD_STAND_IN, maskedSteps } from './mask.js';
import { hashToState, stateToHash } from './hash-state.js';
import stylesheetText from './generator.css';

// The element's styles, parsed once for the page: every element adopts it.
let stylesheet;
function elementStylesheet() {
  if (!stylesheet) {
    stylesheet = new CSSStyleSheet();
    stylesheet.replaceSync(stylesheetText);
  }
  return stylesheet;
}
const COPIED_FOR_MS = 2000;

// Runs fn in the task after the next frame is rendered; at once in a hidden
// page, which renders no frames (and would otherwise wait until shown).
function afterNextPaint(fn) {
  if (document.hidden) fn();
  else requestAnimationFrame(() => setTimeout(fn));
}

function idList(text) {
  return text ? text.split(/[\s,]+/).filter(Boolean) : null;
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

class CrdbConnectGenerator extends HTMLElement {
  static observedAttributes = ['deployment'];

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    listenForCopies(this.shadowRoot);
  }

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    this.loading = el('p', { class: 'loading', role: 'status', text: 'Loading the connection string generator…' });
    this.shadowRoot.adoptedStyleSheets = [elementStylesheet()];
    this.shadowRoot.append(this.loading);
    loadGenerator().then(
      (generator) => this.start(generator),
      (error) => {
        this.loading.textContent = `The generator could not be loaded: ${error.message}`;
        this.toggleAttribute('rendered', true);
      },
    );
  }

  attributeChangedCallback(name, oldValue, value) {
    if (name === 'deployment' && this.form && value && oldValue !== value) {
      this.form.deployment = value;
      this.form.applyDeployment();
      this.refresh();
    }
  }

  start(generator) {
    this.generator = generator;
    const wanted = idList(this.getAttribute('drivers'));
    // The driver list and its order come from the core's table.
    this.drivers = generator.drivers.filter((d) => !wanted || wanted.includes(d.id));
    this.syncHash = this.hasAttribute('hash-state');

    this.form = new ConnectionForm({
      onInput: (what) => {
        if (what === 'deployment') this.form.applyDeployment();
        this.refresh();
      },
      onExample: () => this.fillExample(),
    });
    this.filter = new DriverFilter(this.drivers, () => this.refresh());
    this.paste = new PasteBox((text) => generator.parse(text), (params) => this.fillFrom(params), preloadParser);
    this.summary = el('p', { class: 'summary', id: 'summary', role: 'status' });
    this.general = el('ul', { class: 'general-diagnostics' });
    this.announcer = el('p', { class: 'visually-hidden', 'aria-live': 'polite' });
    this.empty = el('p', { class: 'empty', hidden: true, text: 'No drivers selected: choose some under "Drivers shown".' });
    const onCopy = (...args) => this.copy(...args);
    this.cards = this.drivers.map((d) => new DriverCard(d, onCopy));
    // Steps every driver shares (SQL shells), shown once rather than per card.
    this.sharedSteps = new StepList({ owner: 'every driver', headingLevel: 4, onCopy });
    this.shared = el('section', { class: 'shared-steps', 'aria-labelledby': 'shared-title' }, [
      el('h3', { id: 'shared-title', text: 'For every driver: open a SQL shell' }), this.sharedSteps.node,
    ]);
    this.grid = el('div', { class: 'cards' }, this.cards.map((card) => card.node));

    const layout = el('div', { class: 'layout' }, [
      el('section', { class: 'inputs', 'aria-labelledby': 'inputs-title' }, [
        el('h2', { id: 'inputs-title', text: 'Your cluster' }),
        this.form.node,
        this.paste.node,
      ]),
      el('section', { class: 'outputs', 'aria-labelledby': 'outputs-title' }, [
        el('h2', { id: 'outputs-title', text: 'Connection strings and code' }),
        this.summary,
        this.general,
        this.shared,
        this.filter.node,
        this.empty,
        this.grid,
      ]),
    ]);
    this.loading.replaceWith(layout, this.announcer);

    this.restore(this.syncHash ? hashToState(location.hash) : null);
    if (this.syncHash) {
      window.addEventListener('hashchange', () => {
        const state = hashToState(location.hash);
        if (state) {
          this.restore(state);
          this.refresh();
        }
      });
    }
    // The first frame shows the form and every card's code blocks; the cards'
    // setup steps and notes, most of the elements and mostly below the fold,
    // follow right after it is painted, which brings the outputs on screen
    // sooner (~10 ms less main-thread work before the first paint, traced).
    this.detailsShown = false;
    this.refresh();
    this.toggleAttribute('rendered', true);
    afterNextPaint(() => {
      this.detailsShown = true;
      this.refresh();
      // The hash follows the user's edits from now on; the load itself does
      // not rewrite the link it was opened with (replaceState costs ~2 ms).
      this.hashFollowsForm = true;
      this.ready = true;
      this.dispatchEvent(new CustomEvent('crdb-connect-ready', { bubbles: true, composed: true }));
    });
  }

  // Applies a saved state (from the hash) or the attributes' defaults. The
  // password is kept: it is never part of a saved state.
  restore(state) {
    const known = (id) => DEPLOYMENTS.some((d) => d.id === id);
    const attribute = this.getAttribute('deployment');
    this.form.deployment = [state?.deployment, attribute].find(known) ?? 'serverless';
    this.form.environment.os = state?.os ?? 'linux';
    this.form.environment.shellValue = state?.shell ?? '';
    if (state) {
      const password = this.form.inputs.get('password').value;
      this.form.setValues({ ...state.values, password });
    }
    this.filter.select(state?.drivers ?? null);
    this.form.applyDeployment();
  }

  fillExample() {
    this.form.setValues(EXAMPLE_VALUES[this.form.deployment]);
    this.refresh();
  }

  // A pasted string says nothing of the Cloud cluster id or the .pk8 choice: keep them.
  fillFrom(params) {
    if (DEPLOYMENTS.some((d) => d.id === params.deployment)) this.form.deployment = params.deployment;
    const { clusterId, jdbcPk8Key } = this.form.allValues();
    this.form.setValues({ clusterId, jdbcPk8Key, ...params });
    this.form.applyDeployment();
    this.refresh();
  }

  // One pass from the inputs to everything on screen. Runs on every input
  // event: the core's generate() is fast enough that no debounce is needed.
  refresh() {
    const params = this.form.params();
    const selected = this.filter.selected();
    const visible = new Set(selected ?? this.drivers.map((d) => d.id));
    const restricted = selected ?? (this.drivers.length < this.generator.drivers.length ? [...visible] : null);
    const request = restricted && restricted.length ? { ...params, drivers: restricted } : params;

    const real = this.generator.generate(request);
    const hidePassword = params.password !== '' && !this.form.passwordShown;
    const shown = hidePassword ? this.maskedResult(request, real) : real;

    this.renderSummary(real.diagnostics, this.form.showDiagnostics(real.diagnostics));
    const shownByDriver = new Map(shown.outputs.map((o) => [o.driver, o]));
    const realByDriver = new Map(real.outputs.map((o) => [o.driver, o]));
    for (const card of this.cards) {
      if (!visible.has(card.id)) continue;
      // An oversized input is refused with no outputs at all: every card then
      // says it has none, rather than keeping the previous keystroke's text.
      const output = realByDriver.get(card.id) ?? refusedOutput(this.generator.drivers.find((d) => d.id === card.id));
      card.update(shownByDriver.get(card.id) ?? output, output, real.diagnostics, this.detailsShown);
    }
    for (const card of this.cards) card.node.hidden = !visible.has(card.id);
    // The shared commands hold the URL: hidden while an error concerns every driver.
    const blocked = real.diagnostics.some((d) => d.severity === 'error' && d.drivers.length === 0);
    this.shared.hidden = blocked || shown.setup.length === 0;
    this.sharedSteps.update(blocked ? [] : shown.setup, blocked ? [] : real.setup);
    this.empty.hidden = visible.size > 0;
    if (this.syncHash && this.hashFollowsForm) this.saveHash(selected);
  }

  // The result shown while the password is hidden: generated with the
  // stand-in password, its setup steps put in the same shells' forms as the
  // real ones (see maskedSteps).
  maskedResult(request, real) {
    const masked = { ...request, password: PASSWORD_STAND_IN };
    const shown = this.generator.generate(masked);
    const fallbacks = FALLBACK_SHELLS[request.shell] ?? [];
    if (fallbacks.length === 0) return shown;
    const others = fallbacks.map((shell) => this.generator.generate({ ...masked, shell }));
    const candidates = (pick) => [shown, ...others].map((r) => pick(r) ?? []);
    return {
      ...shown,
      setup: maskedSteps(real.setup, candidates((r) => r.setup)),
      outputs: shown.outputs.map((output, i) => ({
        ...output,
        setup: maskedSteps(real.outputs[i].setup, candidates((r) => r.outputs[i].setup)),
      })),
    };
  }

  renderSummary(all, general) {
    const count = (severity) => all.filter((d) => d.severity === severity).length;
    const errors = count('error');
    const warnings = count('warning');
    const notes = count('info');
    const parts = [];
    if (errors) parts.push(plural(errors, 'error'));
    if (warnings) parts.push(plural(warnings, 'warning'));
    if (notes) parts.push(plural(notes, 'note'));
    const text = parts.length === 0
      ? 'No problems found.'
      : `${parts.join(', ')}${errors ? ': outputs affected by an error are not shown.' : '.'}`;
    if (this.summary.textContent !== text) this.summary.textContent = text;
    this.summary.dataset.errors = String(errors);
    this.summary.dataset.warnings = String(warnings);
    const signature = general.map((d) => d.message).join('\u0001');
    if (signature !== this.generalSignature) {
      this.generalSignature = signature;
      this.general.replaceChildren(...general.map(diagnosticItem));
    }
  }

  saveHash(selected) {
    const { os, shellValue: shell } = this.form.environment;
    const hash = stateToHash({ deployment: this.form.deployment, os, shell, values: this.form.allValues(), drivers: selected });
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
  }

  // text: the real text (never the masked one); what: "connection string for pgx".
  async copy(text, what, button) {
    const copied = await copyText(text, this.shadowRoot);
    setCopyWord(button, copied ? 'Copied' : 'Copy failed');
    this.announcer.textContent = copied
      ? `Copied ${what}.`
      : 'Copying failed: select the text and copy it by hand.';
    clearTimeout(button.copiedTimer);
    button.copiedTimer = setTimeout(() => setCopyWord(button, 'Copy'), COPIED_FOR_MS);
  }
}

if (!customElements.get('crdb-connect-generator')) {
  customElements.define('crdb-connect-generator', CrdbConnectGenerator);
}

// A card's output when the core rendered none (the input was refused): not ok,
// with only what the driver table says about the driver.
function refusedOutput(driver) {
  return {
    driver: driver.id, name: driver.name, language: driver.language, ok: false, connectionString: '', env: [],
    install: driver.install, snippet: '', snippetFile: driver.snippetFile, snippetLanguage: driver.snippetLanguage,
    docsUrl: driver.docsUrl, notes: [], variants: [], setup: [],
  };
}
