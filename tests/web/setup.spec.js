// Setup steps per operating system and shell (issue 9): the choice made once
// at the top of the form, every card and the shared SQL-shell steps following
// it, checked against generate() from the npm package for the same params.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { CASES, HOSTILE_PASSWORD } from './cases.js';
import {
  chooseSystem, expectedOutputs, expectedShared, field, fillForm, formParams, generatorElement, generatorPromise,
  openPage, readCards, readSteps,
} from './helpers.js';
import { SHELLS, SYSTEMS } from '../../web/fields.js';

const hostile = (deployment) => CASES.find((c) => c.name === `hostile-${deployment}`).params;

async function expectSteps(root, params) {
  const expected = await expectedOutputs(params);
  const shared = await expectedShared(params);
  await expect.poll(async () => readSteps(root), { message: JSON.stringify({ os: params.os, shell: params.shell }) }).toEqual({
    cards: expected.map((e) => ({ driver: e.driver, steps: e.steps })),
    shared: shared.steps,
  });
  return { expected, shared };
}

async function clipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

for (const deployment of ['serverless', 'dedicated', 'self-hosted']) {
  test(`${deployment}, hostile values: every OS and shell gives generate()'s setup steps on every card`, async ({ page }) => {
    await openPage(page);
    const root = generatorElement(page);
    const params = { ...hostile(deployment), os: undefined, shell: undefined };
    await fillForm(root, params);
    let checkedSteps = 0;
    for (const system of SYSTEMS) {
      for (const shell of ['', ...SHELLS.map((s) => s.id)]) {
        await chooseSystem(root, system.id, shell);
        const { expected, shared } = await expectSteps(root, { ...params, os: system.id, shell });
        checkedSteps += expected.reduce((n, e) => n + e.steps.length, shared.steps.length);
      }
    }
    expect(checkedSteps).toBeGreaterThan(13 * SYSTEMS.length * 6);
    if (params.password) {
      // Shown on request, the steps are exactly the real ones.
      await root.getByRole('button', { name: 'Show password' }).click();
      const expected = await expectedOutputs({ ...params, os: 'windows', shell: 'dotenv' });
      const shared = await expectedShared({ ...params, os: 'windows', shell: 'dotenv' });
      await expect.poll(async () => readSteps(root)).toEqual({
        cards: expected.map((e) => ({ driver: e.driver, steps: e.realSteps })),
        shared: shared.realSteps,
      });
    }
  });
}

test('the Cloud cluster id fills the download command, with a placeholder when empty', async ({ page }) => {
  await openPage(page);
  const root = generatorElement(page);
  const params = { ...hostile('dedicated'), clusterId: '' };
  await fillForm(root, params);
  const clusterId = field(root, 'clusterId');
  await expect(clusterId).toHaveAttribute('placeholder', /.+/);
  const { expected } = await expectSteps(root, params);
  expect(expected.some((e) => e.steps.some((s) => s.command.includes('<cluster-id>')))).toBe(true);
  await clusterId.pressSequentially('0f2c8a1e-3b4d-4c5e-8f90-1a2b3c4d5e6f');
  await expectSteps(root, { ...params, clusterId: '0f2c8a1e-3b4d-4c5e-8f90-1a2b3c4d5e6f' });
  await root.getByLabel('Self-hosted', { exact: true }).check();
  await expect(clusterId).toBeHidden();
});

test('the .pk8 checkbox points pgJDBC at the converted key (self-hosted only)', async ({ page }) => {
  await openPage(page);
  const root = generatorElement(page);
  const params = { ...hostile('self-hosted'), jdbcPk8Key: false };
  await fillForm(root, params);
  const box = field(root, 'jdbcPk8Key');
  await expectSteps(root, params);
  const before = await readCards(root);
  await box.check();
  const { expected } = await expectSteps(root, { ...params, jdbcPk8Key: true });
  await expect.poll(async () => (await readCards(root)).map((c) => c.texts)).toEqual(expected.map((e) => e.shown));
  const jdbcBefore = before.find((c) => c.driver === 'jdbc').texts.join('\n');
  const jdbcAfter = expected.find((e) => e.driver === 'jdbc').shown.join('\n');
  expect(jdbcAfter).not.toEqual(jdbcBefore);  // the checkbox really changes the output
  await root.getByLabel('Dedicated', { exact: true }).check();
  await expect(box).toBeHidden();
});

test('setup copy buttons copy the real commands, password included', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await openPage(page);
  const root = generatorElement(page);
  for (const [os, shell] of [['windows', 'cmd'], ['linux', 'dotenv'], ['macos', 'fish']]) {
    const params = { ...hostile('serverless'), os, shell };
    await fillForm(root, params);
    const { expected, shared } = await expectSteps(root, params);
    for (const output of expected) {
      const buttons = root.locator(`article[data-driver="${output.driver}"] li.step button.copy`);
      await expect(buttons).toHaveCount(output.realSteps.length);
      for (let i = 0; i < output.realSteps.length; i++) {
        await page.evaluate(() => navigator.clipboard.writeText(''));
        await buttons.nth(i).click();
        await expect(buttons.nth(i)).toContainText('Copied');
        expect(await clipboard(page)).toBe(output.realSteps[i].command);
      }
    }
    const sharedButtons = root.locator('section.shared-steps button.copy');
    await expect(sharedButtons).toHaveCount(shared.realSteps.length);
    for (let i = 0; i < shared.realSteps.length; i++) {
      await page.evaluate(() => navigator.clipboard.writeText(''));
      await sharedButtons.nth(i).click();
      const text = await clipboard(page);
      expect(text).toBe(shared.realSteps[i].command);
      expect(text).toContain(encodeURIComponent(HOSTILE_PASSWORD).slice(0, 6));
    }
  }
  // The screen itself never shows the password.
  const screen = (await root.locator('article.card, section.shared-steps').allInnerTexts()).join('\n');
  expect(screen).not.toContain(HOSTILE_PASSWORD);
  expect(screen).not.toContain(encodeURIComponent(HOSTILE_PASSWORD));
});

test('the OS and shell choice, cluster id and .pk8 choice survive the hash round trip', async ({ page, browser }) => {
  await openPage(page);
  const root = generatorElement(page);
  const params = { ...hostile('self-hosted'), os: 'macos', shell: 'fish', jdbcPk8Key: true };
  await fillForm(root, params);
  await root.getByLabel('Dedicated', { exact: true }).check();
  await field(root, 'clusterId').pressSequentially('0f2c8a1e-3b4d-4c5e-8f90-1a2b3c4d5e6f');
  await root.getByLabel('Self-hosted', { exact: true }).check();
  const hash = new URL(page.url()).hash;
  const query = new URLSearchParams(hash.slice(1));
  expect(query.get('os')).toBe('macos');
  expect(query.get('shell')).toBe('fish');
  expect(query.has('password')).toBe(false);

  const other = await browser.newPage();
  await openPage(other, page.url());
  const restored = generatorElement(other);
  await expect(restored.getByLabel('macOS', { exact: true })).toBeChecked();
  await expect(restored.getByLabel('Shell', { exact: true })).toHaveValue('fish');
  await expect(field(restored, 'jdbcPk8Key')).toBeChecked();
  await expectSteps(restored, params);
  await restored.getByLabel('Dedicated', { exact: true }).check();
  await expect(field(restored, 'clusterId')).toHaveValue('0f2c8a1e-3b4d-4c5e-8f90-1a2b3c4d5e6f');
  await other.close();

  // The usual shell follows the OS, and is what the list then says.
  await chooseSystem(root, 'windows', '');
  expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).has('shell')).toBe(false);
  await expect(root.getByLabel('Shell', { exact: true }).locator('option:checked')).toHaveText('Usual for Windows (PowerShell)');
  await expectSteps(root, { ...params, os: 'windows', shell: '' });
});

// Finds the diagnostic list a control points at and checks it holds exactly
// generate()'s messages for that field.
async function expectNextTo(root, control, diagnostics, field) {
  const messages = diagnostics.filter((d) => d.field === field).map((d) => d.message);
  expect(messages.length, `a diagnostic for ${field}`).toBeGreaterThan(0);
  const ids = (await control.getAttribute('aria-describedby')).split(' ');
  const list = root.locator(`[id="${ids[ids.length - 1]}"]`);
  await expect(list.locator('li')).toHaveText(messages.map((m) => new RegExp(m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))));
  return list;
}

test('diagnostics about the OS, shell and cluster id appear next to their control and clear', async ({ page }) => {
  const g = await generatorPromise;
  await openPage(page);
  const root = generatorElement(page);
  const shellList = root.getByLabel('Shell', { exact: true });

  // cmd on Linux: shell-os-mismatch.
  const params = { ...hostile('serverless'), os: 'linux', shell: 'cmd', clusterId: 'not-a-uuid' };
  await fillForm(root, params);
  let result = g.generate(formParams(params));
  expect(result.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['shell-os-mismatch', 'cluster-id-invalid']));
  await expectNextTo(root, shellList, result.diagnostics, 'shell');
  await expectNextTo(root, field(root, 'clusterId'), result.diagnostics, 'clusterId');

  // cmd on Windows with the hostile password: shell-cannot-carry, and the mismatch is gone.
  await chooseSystem(root, 'windows', 'cmd');
  result = g.generate(formParams({ ...params, os: 'windows' }));
  expect(result.diagnostics.map((d) => d.code)).toContain('shell-cannot-carry');
  expect(result.diagnostics.map((d) => d.code)).not.toContain('shell-os-mismatch');
  await expectNextTo(root, shellList, result.diagnostics, 'shell');

  // Fixed: nothing next to the shell or the cluster id.
  await chooseSystem(root, 'windows', 'powershell');
  await field(root, 'clusterId').clear();
  await expect(root.locator('#field-shell-diagnostics li')).toHaveCount(0);
  await expect(root.locator('#field-clusterId-diagnostics li')).toHaveCount(0);

  // An edited link with values the page does not offer: os-invalid, shell-invalid.
  await page.evaluate(() => { location.hash = 'deployment=self-hosted&os=beos&shell=ksh&username=roach&host=localhost'; });
  await expect(root.getByLabel('Self-hosted', { exact: true })).toBeChecked();
  result = g.generate(formParams({ deployment: 'self-hosted', username: 'roach', host: 'localhost', os: 'beos', shell: 'ksh' }));
  expect(result.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['os-invalid', 'shell-invalid']));
  const linux = root.getByLabel('Linux', { exact: true });
  await expect(linux).not.toBeChecked();
  await expectNextTo(root, linux, result.diagnostics, 'os');
  await expectNextTo(root, shellList, result.diagnostics, 'shell');
  await expect(linux).toHaveAttribute('aria-invalid', 'true');
  await expect(shellList).toHaveAttribute('aria-invalid', 'true');
  await chooseSystem(root, 'linux', 'bash');
  await expect(root.locator('#field-os-diagnostics li')).toHaveCount(0);
  await expect(root.locator('#field-shell-diagnostics li')).toHaveCount(0);
  await expect(shellList).not.toHaveAttribute('aria-invalid', 'true');
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core passes with the OS and shell controls and setup steps on screen (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openPage(page);
    const root = generatorElement(page);
    await fillForm(root, { ...hostile('serverless'), os: 'linux', shell: 'cmd', clusterId: 'not-a-uuid' });
    await expect(root.locator('#field-shell-diagnostics li').first()).toBeVisible();
    await expect(root.locator('li.step').first()).toBeVisible();
    await expect(root.locator('section.shared-steps')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await root.getByLabel('Self-hosted', { exact: true }).check();
    await expect(field(root, 'jdbcPk8Key')).toBeVisible();
    const selfHosted = await new AxeBuilder({ page }).analyze();
    expect(selfHosted.violations.map((v) => v.id)).toEqual([]);
  });
}

test('a phone-width viewport shows the setup steps without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openPage(page);
  const root = generatorElement(page);
  for (const [os, shell] of [['windows', 'cmd'], ['linux', 'dotenv'], ['windows', 'powershell']]) {
    await fillForm(root, { ...hostile('self-hosted'), os, shell });
    await expect(root.locator('li.step').first()).toBeVisible();
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  }
});
