// Shared steps of the browser tests: loading the page, filling the form the
// way a person does, reading what the cards show, and the expected outputs
// computed by the npm package itself (never hard-coded).
import { expect } from '@playwright/test';
import { createGenerator } from '../../wasm/index.js';
import { PASSWORD_STAND_IN, SHOWN_MASK } from '../../web/mask.js';

export const generatorPromise = Promise.resolve(createGenerator());

const LABELS = {
  username: 'Username', password: 'Password', host: 'Host', port: 'Port', database: 'Database',
  routingId: 'Routing ID', rootCert: 'CA certificate path', clientCert: 'Client certificate path',
  clientKey: 'Client key path',
};
const DEPLOYMENT_LABELS = { serverless: 'Serverless', dedicated: 'Dedicated', 'self-hosted': 'Self-hosted' };
const FIELDS_BY_DEPLOYMENT = {
  serverless: ['username', 'password', 'host', 'port', 'database', 'routingId', 'rootCert'],
  dedicated: ['username', 'password', 'host', 'port', 'database', 'rootCert'],
  'self-hosted': ['username', 'host', 'port', 'database', 'rootCert', 'clientCert', 'clientKey'],
};

export function generatorElement(page) {
  return page.locator('crdb-connect-generator');
}

export function field(scope, name) {
  return scope.getByLabel(LABELS[name], { exact: true });
}

// Opens a page and waits for the element to show its cards.
export async function openPage(page, path = './') {
  await page.goto(path);
  await expect(page.locator('crdb-connect-generator article.card').first()).toBeVisible();
}

// Chooses the deployment and types every field it shows, key by key.
export async function fillForm(scope, params) {
  await scope.getByLabel(DEPLOYMENT_LABELS[params.deployment], { exact: true }).check();
  for (const name of FIELDS_BY_DEPLOYMENT[params.deployment]) {
    const input = field(scope, name);
    await input.clear();
    if (params[name]) await input.pressSequentially(params[name]);
  }
}

// What the form sends to generate(): fields the deployment does not show are empty.
export function formParams(params) {
  const full = { deployment: params.deployment };
  for (const name of Object.keys(LABELS)) {
    full[name] = FIELDS_BY_DEPLOYMENT[params.deployment].includes(name) ? params[name] ?? '' : '';
  }
  return full;
}

// The texts a card shows for an output, in order: install command,
// environment variable values (or the connection string when the snippet
// inlines it), snippet, variants. An output that is not ok shows only its
// install command.
export function expectedTexts(output) {
  const texts = [output.install];
  if (!output.ok) return texts;
  if (output.env.length) texts.push(...output.env.map((v) => v.value));
  else if (output.connectionString) texts.push(output.connectionString);
  texts.push(output.snippet, ...output.variants.map((v) => v.value));
  return texts;
}

export async function expectedOutputs(params) {
  const g = await generatorPromise;
  const real = g.generate(formParams(params));
  const hidden = params.password
    ? g.generate({ ...formParams(params), password: PASSWORD_STAND_IN })
    : real;
  return real.outputs.map((output, i) => ({
    driver: output.driver,
    ok: output.ok,
    real: expectedTexts(output),
    shown: expectedTexts({ ...hidden.outputs[i], ok: output.ok }).map((t) => t.replaceAll(PASSWORD_STAND_IN, SHOWN_MASK)),
  }));
}

// Every visible card: its driver id, whether it reports a problem, the texts of its code blocks.
export async function readCards(scope) {
  return scope.locator('article.card:visible').evaluateAll((cards) => cards.map((card) => ({
    driver: card.dataset.driver,
    failed: !card.querySelector('.card-status').hidden,
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
