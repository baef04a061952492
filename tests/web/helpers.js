// Shared steps of the browser tests: loading the page, filling the form the
// way a person does, reading what the cards show, and the expected outputs
// computed by the npm package itself (never hard-coded).
import { expect } from '@playwright/test';
import { createGenerator } from '../../wasm/index.js';
import { PASSWORD_STAND_IN, SHOWN_MASK } from '../../web/mask.js';
import { SHELLS, SYSTEMS } from '../../web/fields.js';

export const generatorPromise = Promise.resolve(createGenerator());

const LABELS = {
  username: 'Username', password: 'Password', host: 'Host', port: 'Port', database: 'Database',
  routingId: 'Routing ID', rootCert: 'CA certificate path', clientCert: 'Client certificate path',
  clientKey: 'Client key path', clusterId: 'Cloud cluster id', jdbcPk8Key: 'Point pgJDBC\'s sslkey at a .pk8 key',
};
const DEPLOYMENT_LABELS = { serverless: 'Serverless', dedicated: 'Dedicated', 'self-hosted': 'Self-hosted' };
const FIELDS_BY_DEPLOYMENT = {
  serverless: ['username', 'password', 'host', 'port', 'database', 'routingId', 'rootCert', 'clusterId'],
  dedicated: ['username', 'password', 'host', 'port', 'database', 'rootCert', 'clusterId'],
  'self-hosted': ['username', 'host', 'port', 'database', 'rootCert', 'clientCert', 'clientKey', 'jdbcPk8Key'],
};

export function generatorElement(page) {
  return page.locator('crdb-connect-generator');
}

export function field(scope, name) {
  return scope.getByLabel(LABELS[name], { exact: true });
}

// Opens a page and waits for the element to show its cards, setup steps
// included (they follow the code blocks by a frame).
export async function openPage(page, path = './') {
  await page.goto(path);
  await expect(page.locator('crdb-connect-generator article.card').first()).toBeVisible();
  await page.waitForFunction(() => [...document.querySelectorAll('crdb-connect-generator')].every((element) => element.ready));
}

// Picks the operating system (a radio) and the shell (a list) by their
// labels; shell '' is the list's first entry, the OS's usual shell.
export async function chooseSystem(scope, os = 'linux', shell = '') {
  const system = SYSTEMS.find((s) => s.id === os);
  await scope.getByLabel(system.label, { exact: true }).check();
  const label = shell ? SHELLS.find((s) => s.id === shell).label : `Usual for ${system.label} (${system.defaultShell})`;
  await scope.getByLabel('Shell', { exact: true }).selectOption({ label });
}

// Chooses the deployment and types every field it shows, key by key; then
// the OS and shell when the case names them.
export async function fillForm(scope, params) {
  await scope.getByLabel(DEPLOYMENT_LABELS[params.deployment], { exact: true }).check();
  for (const name of FIELDS_BY_DEPLOYMENT[params.deployment]) {
    const input = field(scope, name);
    if (name === 'jdbcPk8Key') {
      await input.setChecked(Boolean(params[name]));
      continue;
    }
    await input.clear();
    if (params[name]) await input.pressSequentially(params[name]);
  }
  if (params.os || params.shell) await chooseSystem(scope, params.os, params.shell);
}

// What the form sends to generate(): fields the deployment does not show are
// empty (false for the checkbox); Linux and its usual shell unless chosen.
export function formParams(params) {
  const full = { deployment: params.deployment, os: params.os || 'linux', shell: params.shell ?? '' };
  for (const name of Object.keys(LABELS)) {
    const shown = FIELDS_BY_DEPLOYMENT[params.deployment].includes(name);
    full[name] = name === 'jdbcPk8Key' ? shown && Boolean(params[name]) : shown ? params[name] ?? '' : '';
  }
  return full;
}

// The texts a card shows for an output, in order: install command,
// environment variable values (or the connection string when the snippet
// inlines it), snippet, variants, then its setup commands. An output that is
// not ok shows only its install command.
export function expectedTexts(output) {
  const texts = [output.install];
  if (!output.ok) return texts;
  if (output.env.length) texts.push(...output.env.map((v) => v.value));
  else if (output.connectionString) texts.push(output.connectionString);
  texts.push(output.snippet, ...output.variants.map((v) => v.value));
  texts.push(...output.setup.map((step) => step.command));
  return texts;
}

const mask = (text) => text.replaceAll(PASSWORD_STAND_IN, SHOWN_MASK);

// The setup steps the screen shows while the password is hidden, computed
// from generate() alone: where cmd or .env cannot carry a real value, the
// core writes that line in another shell's form. Which shell is found by
// generating the real values for each shell and finding the one whose line
// is exactly the real line; the screen shows that shell's stand-in line.
function hiddenSteps(g, params, pick) {
  const real = pick(g.generate(params));
  const shells = [params.shell, 'bash', 'fish', 'powershell', 'cmd', 'dotenv'];
  const reals = shells.map((shell) => pick(g.generate({ ...params, shell })));
  const standIns = shells.map((shell) => pick(g.generate({ ...params, shell, password: PASSWORD_STAND_IN })));
  return real.map((step) => ({
    id: step.id,
    title: step.title,
    note: step.note,
    command: step.command.split('\n').map((line, i) => {
      const k = reals.findIndex((steps) => steps.find((s) => s.id === step.id)?.command.split('\n')[i] === line);
      expect(k, `a shell whose ${step.id} line ${i} is the real one`).toBeGreaterThanOrEqual(0);
      return mask(standIns[k].find((s) => s.id === step.id).command.split('\n')[i]);
    }).join('\n'),
  }));
}

// Each output's expected texts with the real password (`real`, what copy
// buttons copy and what "Show password" shows) and masked (`shown`), and its
// setup steps as the screen shows them by default (`steps`).
export async function expectedOutputs(params) {
  const g = await generatorPromise;
  const full = formParams(params);
  const real = g.generate(full);
  const hidden = params.password ? g.generate({ ...full, password: PASSWORD_STAND_IN }) : real;
  return real.outputs.map((output, i) => {
    const steps = !output.ok ? [] : params.password ? hiddenSteps(g, full, (r) => r.outputs[i].setup) : output.setup;
    const shown = expectedTexts({ ...hidden.outputs[i], ok: output.ok, setup: steps }).map(mask);
    return {
      driver: output.driver,
      ok: output.ok,
      real: expectedTexts(output),
      shown,
      steps: steps.map(({ id, title, command, note }) => ({ id, title, command, note: mask(note) })),
      realSteps: output.ok ? output.setup.map(({ id, title, command, note }) => ({ id, title, command, note })) : [],
    };
  });
}

// The steps every driver shares, as shown (masked) and real; empty while an
// error concerns every driver.
export async function expectedShared(params) {
  const g = await generatorPromise;
  const full = formParams(params);
  const real = g.generate(full);
  if (real.diagnostics.some((d) => d.severity === 'error' && d.drivers.length === 0)) return { steps: [], realSteps: [] };
  const steps = params.password ? hiddenSteps(g, full, (r) => r.setup) : real.setup;
  return {
    steps: steps.map(({ id, title, command, note }) => ({ id, title, command, note })),
    realSteps: real.setup.map(({ id, title, command, note }) => ({ id, title, command, note })),
  };
}

// The setup steps on screen: each visible card's, and the shared ones.
export async function readSteps(scope) {
  const cards = await scope.locator('article.card:visible').evaluateAll((cards) => cards.map((card) => ({
    driver: card.dataset.driver,
    steps: [...card.querySelectorAll('li.step')].map((item) => ({
      id: item.dataset.step,
      title: item.querySelector('.block-label').textContent,
      command: item.querySelector('pre code').textContent,
      note: item.querySelector('.step-note').textContent,
    })),
  })));
  const shared = await scope.locator('section.shared-steps').evaluate((section) => (section.hidden ? [] : [...section.querySelectorAll('li.step')].map((item) => ({
    id: item.dataset.step,
    title: item.querySelector('.block-label').textContent,
    command: item.querySelector('pre code').textContent,
    note: item.querySelector('.step-note').textContent,
  }))));
  return { cards, shared };
}

// Every visible card: its driver id, whether it reports a problem, the texts of its code blocks.
export async function readCards(scope) {
  return scope.locator('article.card:visible').evaluateAll((cards) => cards.map((card) => ({
    driver: card.dataset.driver,
    // A card makes its status line the first time it has one to show.
    failed: card.querySelector('.card-status:not([hidden])') !== null,
    texts: [...card.querySelectorAll('pre code')].map((code) => code.textContent),
  })));
}

// Fails the test on any console error (a CSP violation logs one) or page error.
export function watchConsole(page) {
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(String(error)));
  return problems;
}
