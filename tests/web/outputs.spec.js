// Every deployment, with the reference example and the hostile values, typed
// into the form: all 13 cards show what generate() from the npm package
// returns for the same parameters, with the password masked on screen and
// exact once the user asks to see it.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CASES } from './cases.js';
import {
  expectedOutputs, expectedShared, fillForm, generatorElement, generatorPromise, openPage, readCards, readSteps, watchConsole,
} from './helpers.js';

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/web-screenshots/', import.meta.url));

test('the cards follow the core driver table, all 13 of them', async ({ page }) => {
  const g = await generatorPromise;
  await openPage(page);
  const cards = await readCards(generatorElement(page));
  expect(g.drivers).toHaveLength(13);
  expect(cards.map((c) => c.driver)).toEqual(g.drivers.map((d) => d.id));
  const headings = await generatorElement(page).locator('article.card h3').allTextContents();
  expect(headings).toEqual(g.drivers.map((d) => d.name));
});

for (const { name, params } of CASES) {
  test(`${name}: typed values give generate()'s 13 outputs`, async ({ page }) => {
    const problems = watchConsole(page);
    await openPage(page);
    const root = generatorElement(page);
    await fillForm(root, params);
    const expected = await expectedOutputs(params);
    expect(expected).toHaveLength(13);

    await expect.poll(async () => readCards(root)).toEqual(expected.map((e) => ({
      driver: e.driver, failed: !e.ok, texts: e.shown,
    })));
    // Setup steps for the case's OS and shell, with titles and notes, and the shared ones.
    const shared = await expectedShared(params);
    expect(await readSteps(root)).toEqual({ cards: expected.map((e) => ({ driver: e.driver, steps: e.steps })), shared: shared.steps });
    if (params.password) {
      const screen = await root.locator('article.card').allInnerTexts();
      for (const text of screen) {
        expect(text).not.toContain(params.password);
        expect(text).not.toContain(encodeURIComponent(params.password));
      }
      await root.getByRole('button', { name: 'Show password' }).click();
      await expect.poll(async () => readCards(root)).toEqual(expected.map((e) => ({
        driver: e.driver, failed: !e.ok, texts: e.real,
      })));
      await root.getByRole('button', { name: 'Show password' }).click();
    }
    if (!name.startsWith('hostile')) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
    }
    expect(problems).toEqual([]);
  });
}
