// What a person does besides typing: copying, sharing a link, fixing a
// mistake, filtering drivers, pasting a string, using only the keyboard.
import { test, expect } from '@playwright/test';
import { CASES, HOSTILE_PASSWORD } from './cases.js';
import {
  expectedOutputs, field, fillForm, formParams, generatorElement, generatorPromise, openPage, readCards,
} from './helpers.js';

const hostileServerless = CASES.find((c) => c.name === 'hostile-serverless').params;

test.beforeEach(async ({ context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
});

async function clipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

test('every copy button puts the exact real text on the clipboard and says Copied', async ({ page }) => {
  await openPage(page);
  const root = generatorElement(page);
  await fillForm(root, hostileServerless);
  const expected = await expectedOutputs(hostileServerless);
  await expect.poll(async () => (await readCards(root)).map((c) => c.texts)).toEqual(expected.map((e) => e.shown));

  for (const output of expected) {
    const buttons = root.locator(`article[data-driver="${output.driver}"] button.copy`);
    await expect(buttons).toHaveCount(output.real.length);
    for (let i = 0; i < output.real.length; i++) {
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await buttons.nth(i).click();
      await expect(buttons.nth(i)).toContainText('Copied');
      expect(await clipboard(page)).toBe(output.real[i]);
    }
  }
});

test('copying works from the keyboard', async ({ page }) => {
  await openPage(page);
  const root = generatorElement(page);
  await fillForm(root, hostileServerless);
  const expected = await expectedOutputs(hostileServerless);
  const pgx = expected.find((e) => e.driver === 'pgx');
  // Located by its place, not its name: the name changes to "Copied ..." on copy.
  const button = root.locator('article[data-driver="pgx"] button.copy[data-block="connection"]');
  await expect(button).toHaveAccessibleName('Copy connection string for pgx');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toContainText('Copied');
  expect(await clipboard(page)).toBe(pgx.real[1]);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('Space');
  await expect.poll(() => clipboard(page)).toBe(pgx.real[1]);
});

test('the hash reproduces the form and never holds the password', async ({ page, browser }) => {
  await openPage(page);
  const root = generatorElement(page);
  const dedicated = CASES.find((c) => c.name === 'hostile-dedicated').params;
  await fillForm(root, dedicated);
  await root.locator('details.filter summary').click();
  await root.getByRole('checkbox', { name: 'Go', exact: true }).uncheck();
  await root.getByRole('checkbox', { name: 'Hibernate', exact: true }).uncheck();

  const url = page.url();
  const hash = new URL(url).hash;
  expect(hash).toContain('deployment=dedicated');
  // The password in any encoding a URL could carry it in.
  for (const form of [HOSTILE_PASSWORD, encodeURIComponent(HOSTILE_PASSWORD), new URLSearchParams({ p: HOSTILE_PASSWORD }).toString().slice(2)]) {
    expect(hash).not.toContain(form);
  }
  expect(new URLSearchParams(hash.slice(1)).has('password')).toBe(false);
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain('p@ss');

  const other = await browser.newPage();
  await openPage(other, url);
  const restored = generatorElement(other);
  await expect(restored.getByLabel('Dedicated', { exact: true })).toBeChecked();
  for (const name of ['username', 'host', 'database', 'rootCert']) {
    await expect(field(restored, name)).toHaveValue(dedicated[name]);
  }
  await expect(field(restored, 'password')).toHaveValue('');
  const g = await generatorPromise;
  const shownIds = (await readCards(restored)).map((c) => c.driver);
  expect(shownIds).toEqual(g.drivers.filter((d) => d.language !== 'go' && d.id !== 'hibernate').map((d) => d.id));
  await other.close();
});

test('a changed hash (a pasted link) updates the form', async ({ page }) => {
  await openPage(page);
  const root = generatorElement(page);
  await page.evaluate(() => { location.hash = 'deployment=self-hosted&username=roach&host=db.internal'; });
  await expect(root.getByLabel('Self-hosted', { exact: true })).toBeChecked();
  await expect(field(root, 'username')).toHaveValue('roach');
  await expect(field(root, 'host')).toHaveValue('db.internal');
  await expect(field(root, 'password')).toBeHidden();
});

test('diagnostics appear next to their field, are counted, and clear', async ({ page }) => {
  await openPage(page);
  const root = generatorElement(page);
  const serverless = CASES.find((c) => c.name === 'serverless').params;
  await fillForm(root, serverless);
  const summary = root.locator('.summary');
  await expect(summary).toHaveText('No problems found.');

  const port = field(root, 'port');
  await port.pressSequentially('99999');
  const g = await generatorPromise;
  const result = g.generate(formParams({ ...serverless, port: '99999' }));
  const portErrors = result.diagnostics.filter((d) => d.field === 'port');
  expect(portErrors.length).toBeGreaterThan(0);
  await expect(port).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await port.getAttribute('aria-describedby')).split(' ');
  const list = root.locator(`[id="${describedBy[1]}"]`);
  await expect(list.locator('li')).toHaveText(portErrors.map((d) => new RegExp(escapeRegExp(d.message))));
  await expect(port).toHaveAccessibleDescription(new RegExp(escapeRegExp(portErrors[0].message)));
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  await expect(summary).toContainText(`${errors} error${errors === 1 ? '' : 's'}`);
  const failing = result.outputs.filter((o) => !o.ok).map((o) => o.driver);
  expect(failing.length).toBeGreaterThan(0);
  for (const id of failing) {
    const card = root.locator(`article[data-driver="${id}"]`);
    await expect(card.locator('.card-status')).toBeVisible();
    await expect(card.locator('pre code')).toHaveCount(1);  // only the install command
  }

  await port.fill('26257');
  await expect(summary).toHaveText('No problems found.');
  await expect(port).not.toHaveAttribute('aria-invalid', 'true');
  await expect(list.locator('li')).toHaveCount(0);
  await expect(root.locator('.card-status:visible')).toHaveCount(0);
});

test('a required field left empty is reported and blocks the cards', async ({ page }) => {
  await openPage(page);
  const root = generatorElement(page);
  await root.getByLabel('Serverless', { exact: true }).check();
  await expect(root.locator('#field-routingId-diagnostics li').first()).toBeVisible();
  await expect(root.locator('.card-status:visible')).toHaveCount(13);
});

test('an oversized field is refused: every card says so instead of keeping old text', async ({ page }) => {
  await openPage(page);
  const root = generatorElement(page);
  await fillForm(root, CASES.find((c) => c.name === 'serverless').params);
  await expect(root.locator('.card-status:visible')).toHaveCount(0);
  await field(root, 'database').fill('d'.repeat(5000));
  await expect(root.locator('.card-status:visible')).toHaveCount(13);
  await expect(root.locator('article[data-driver] pre code')).toHaveCount(13);  // the install commands only
  await expect(root.locator('#field-database-diagnostics li').first()).toBeVisible();
  await field(root, 'database').fill('bank');
  await expect(root.locator('.card-status:visible')).toHaveCount(0);
});

test('the deployment switch shows only the fields it uses', async ({ page }) => {
  await openPage(page);
  const root = generatorElement(page);
  const expectations = {
    Serverless: { shown: ['routingId', 'password', 'rootCert'], hidden: ['clientCert', 'clientKey'] },
    Dedicated: { shown: ['password', 'rootCert'], hidden: ['routingId', 'clientCert', 'clientKey'] },
    'Self-hosted': { shown: ['rootCert', 'clientCert', 'clientKey'], hidden: ['password', 'routingId'] },
  };
  for (const [label, { shown, hidden }] of Object.entries(expectations)) {
    await root.getByLabel(label, { exact: true }).check();
    for (const name of ['username', 'host', 'port', 'database', ...shown]) await expect(field(root, name)).toBeVisible();
    for (const name of hidden) await expect(field(root, name)).toBeHidden();
  }
});

test('the filter shows only the chosen drivers or languages', async ({ page }) => {
  await openPage(page);
  const root = generatorElement(page);
  const g = await generatorPromise;
  await root.locator('details.filter summary').click();
  await root.getByRole('checkbox', { name: 'Python', exact: true }).uncheck();
  let shown = (await readCards(root)).map((c) => c.driver);
  expect(shown).toEqual(g.drivers.filter((d) => d.language !== 'python').map((d) => d.id));
  await root.getByRole('checkbox', { name: 'Python', exact: true }).check();
  await root.getByRole('checkbox', { name: 'pgx', exact: true }).uncheck();
  shown = (await readCards(root)).map((c) => c.driver);
  expect(shown).toEqual(g.drivers.filter((d) => d.id !== 'pgx').map((d) => d.id));
  await expect(root.getByRole('checkbox', { name: 'Go', exact: true })).toHaveJSProperty('indeterminate', true);
});

test('the password field is masked and can be shown', async ({ page }) => {
  await openPage(page);
  const root = generatorElement(page);
  const password = field(root, 'password');
  await expect(password).toHaveAttribute('type', 'password');
  const toggle = root.getByRole('button', { name: 'Show password' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(password).toHaveAttribute('type', 'text');
  await toggle.click();
  await expect(password).toHaveAttribute('type', 'password');
});

test('the paste box loads the parser only when opened, and fills the form with parse()', async ({ page }) => {
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await openPage(page);
  const root = generatorElement(page);
  const g = await generatorPromise;
  const text = 'postgresql://maxroach:s%40cret@free-tier.gcp-us-central1.cockroachlabs.cloud:26257/bank?sslmode=verify-full&options=--cluster%3Dfunky-skunk-123';
  const parsed = await g.parse(text);
  expect(requested.filter((p) => p.includes('crdb-connect-full'))).toEqual([]);
  await root.getByText('Paste a connection string').click();
  await expect.poll(() => requested.some((p) => p.endsWith('/crdb-connect-full.wasm'))).toBe(true);
  await root.getByLabel('Connection string', { exact: true }).fill(text);
  await root.getByRole('button', { name: 'Fill the form from this string' }).click();
  await expect(root.getByLabel(parsed.params.deployment === 'serverless' ? 'Serverless' : parsed.params.deployment === 'dedicated' ? 'Dedicated' : 'Self-hosted', { exact: true })).toBeChecked();
  for (const name of ['username', 'host', 'database', 'routingId', 'password']) {
    if (parsed.params[name] !== undefined) await expect(field(root, name)).toHaveValue(parsed.params[name]);
  }
  expect(new URL(page.url()).hash).not.toContain('cret');
});

test('when the parser cannot be loaded the paste box says so, and a later try works', async ({ page }) => {
  await page.route('**/crdb-connect-full.wasm', (route) => route.abort('internetdisconnected'));
  await openPage(page);
  const root = generatorElement(page);
  await root.getByText('Paste a connection string').click();
  await root.getByLabel('Connection string', { exact: true }).fill('postgresql://root@db.example.com:26257/bank');
  const fill = root.getByRole('button', { name: 'Fill the form from this string' });
  await fill.click();
  await expect(root.locator('.paste-result')).toContainText('could not be loaded');
  await expect(field(root, 'host')).not.toHaveValue('db.example.com');
  await page.unroute('**/crdb-connect-full.wasm');
  await fill.click();
  await expect(field(root, 'host')).toHaveValue('db.example.com');
  await expect(root.locator('.paste-result')).not.toContainText('could not be loaded');
});

test('while the parser downloads, the paste box says so', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/crdb-connect-full.wasm', async (route) => { await held; await route.continue(); });
  await openPage(page);
  const root = generatorElement(page);
  await root.getByText('Paste a connection string').click();
  await root.getByLabel('Connection string', { exact: true }).fill('postgresql://root@db.example.com:26257/bank');
  await root.getByRole('button', { name: 'Fill the form from this string' }).click();
  await expect(root.locator('.paste-result')).toContainText('Loading the connection-string reader');
  release();
  await expect(field(root, 'host')).toHaveValue('db.example.com');
  await expect(root.locator('.paste-result')).not.toContainText('Loading');
});

test('keyboard only: tab from the first field reaches the cards, with a visible focus ring', async ({ page }) => {
  await openPage(page);
  const root = generatorElement(page);
  await root.getByLabel('Serverless', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(root.getByLabel('Dedicated', { exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(field(root, 'username')).toBeFocused();
  await page.keyboard.type('maxroach');
  const outline = await field(root, 'username').evaluate((node) => getComputedStyle(node).outlineStyle);
  expect(outline).not.toBe('none');
  let reachedCopy = false;
  for (let i = 0; i < 40 && !reachedCopy; i++) {
    await page.keyboard.press('Tab');
    reachedCopy = await page.evaluate(() => {
      const active = document.querySelector('crdb-connect-generator').shadowRoot.activeElement;
      return Boolean(active && active.classList.contains('copy'));
    });
  }
  expect(reachedCopy).toBe(true);
});

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
