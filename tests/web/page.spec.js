// The page as a whole: offline after load, accessible in both themes, usable
// on a phone, and embeddable in another site under a sub-path.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { CASES } from './cases.js';
import { expectedOutputs, fillForm, generatorElement, generatorPromise, openPage, readCards, watchConsole } from './helpers.js';

const hostileSelfHosted = CASES.find((c) => c.name === 'hostile-self-hosted').params;
const hostileServerless = CASES.find((c) => c.name === 'hostile-serverless').params;

// Records every request the page makes, from navigation on.
function recordRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

function offOrigin(urls, origin) {
  // data: URLs never leave the browser; everything else must be same-origin.
  return urls.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
}

test('no request leaves the page origin, before or after using every feature', async ({ page, baseURL, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  const urls = recordRequests(page);
  const problems = watchConsole(page);
  await openPage(page);
  const root = generatorElement(page);
  const loaded = urls.length;
  await fillForm(root, hostileServerless);
  await root.getByRole('button', { name: 'Show password' }).click();
  await root.getByRole('button', { name: 'Copy connection string for pgx' }).click();
  await root.locator('details.filter summary').click();
  await root.getByRole('checkbox', { name: 'Ruby', exact: true }).uncheck();
  await root.getByText('Paste a connection string').click();
  await root.getByLabel('Connection string', { exact: true }).fill('postgresql://a:b@localhost:26257/db');
  await root.getByRole('button', { name: 'Fill the form from this string' }).click();
  await root.getByRole('button', { name: 'Fill in the reference example' }).click();

  expect(urls.length).toBeGreaterThan(0);
  expect(offOrigin(urls, new URL(baseURL).origin)).toEqual([]);
  // After load, the only requests are the package's own parser module, fetched
  // once when the paste box opens: static files, with nothing typed in the URL.
  const afterLoad = urls.slice(loaded).map((url) => new URL(url));
  expect(afterLoad.map((url) => url.pathname.split('/').pop()).sort()).toEqual(['crdb-connect-full.mjs', 'crdb-connect-full.wasm']);
  expect(afterLoad.filter((url) => url.search || url.hash)).toEqual([]);
  expect(problems).toEqual([]);
});

test('the page declares a Content-Security-Policy without inline scripts', async ({ page }) => {
  await openPage(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self'( 'wasm-unsafe-eval')?;/);
  expect(csp).not.toContain('unsafe-inline');
  const inline = await page.locator('script:not([src])').count();
  expect(inline).toBe(0);
  // The page's one inline stylesheet is allowed by its hash, and applies.
  expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*';/);
  expect(await page.locator('body').evaluate((body) => getComputedStyle(body).margin)).toBe('0px');
  // An inline icon: without one the browser asks the server for /favicon.ico
  // after the load (a 404 on a plain static host). The CSP must let it load.
  expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/svg\+xml,/);
  expect(csp).toMatch(/img-src 'self' data:;/);
});

// Chrome compiles the page's script on the background thread that streams it
// only when the script opens with this comment (scripts/bundle-page.mjs):
// without it, ~170 functions are compiled on the main thread during the load.
test("the page's script asks to be compiled while it downloads", async ({ page, request }) => {
  await openPage(page);
  const src = await page.locator('script[type="module"]').getAttribute('src');
  const script = await (await request.get(new URL(src, page.url()).href)).text();
  expect(script.split('\n', 1)[0]).toBe('//# allFunctionsCalledOnLoad');
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations (${colorScheme} theme, every part open)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openPage(page);
    const root = generatorElement(page);
    await fillForm(root, { ...hostileSelfHosted, port: '0' });  // errors and warnings on screen
    await root.locator('details.filter summary').click();
    await root.getByText('Paste a connection string').click();
    await expect(root.locator('.diag.error').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('a phone-width viewport has one column and no horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openPage(page);
  await fillForm(generatorElement(page), hostileServerless);
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  const lefts = await generatorElement(page).locator('article.card').evaluateAll((cards) => new Set(cards.map((c) => Math.round(c.getBoundingClientRect().left))).size);
  expect(lefts).toBe(1);
});

test('a desktop viewport shows the cards side by side', async ({ page }) => {
  await openPage(page);
  const lefts = await generatorElement(page).locator('article.card').evaluateAll((cards) => new Set(cards.map((c) => Math.round(c.getBoundingClientRect().left))).size);
  expect(lefts).toBeGreaterThan(1);
});

test('the full page works under a docs sub-path', async ({ page, baseURL }) => {
  const urls = recordRequests(page);
  await openPage(page, 'docs/tools/connect/');
  const root = generatorElement(page);
  await fillForm(root, hostileSelfHosted);
  const expected = await expectedOutputs(hostileSelfHosted);
  await expect.poll(async () => (await readCards(root)).map((c) => c.texts)).toEqual(expected.map((e) => e.shown));
  expect(urls.every((url) => url.startsWith(`${new URL(baseURL).origin}/docs/tools/connect/`) || url.startsWith('data:'))).toBe(true);
});

test('the element embeds in another docs page with one script and one tag', async ({ page, baseURL }) => {
  const urls = recordRequests(page);
  const problems = watchConsole(page);
  await openPage(page, 'docs/guide/');
  const root = generatorElement(page);
  const g = await generatorPromise;
  // drivers="pgx,jdbc" and deployment="dedicated" from its attributes; order from the core.
  const order = g.drivers.map((d) => d.id).filter((id) => id === 'pgx' || id === 'jdbc');
  await expect(root.getByLabel('Dedicated', { exact: true })).toBeChecked();
  const dedicated = CASES.find((c) => c.name === 'hostile-dedicated').params;
  await fillForm(root, dedicated);
  const expected = (await expectedOutputs(dedicated)).filter((e) => order.includes(e.driver));
  await expect.poll(async () => readCards(root)).toEqual(expected.map((e) => ({ driver: e.driver, failed: !e.ok, texts: e.shown })));
  // The host page's loud styles stay outside the shadow root, and the element leaves the host's hash alone.
  const background = await root.locator('pre').first().evaluate((node) => getComputedStyle(node).backgroundColor);
  expect(background).not.toBe('rgb(255, 215, 0)');
  expect(new URL(page.url()).hash).toBe('');
  expect(offOrigin(urls, new URL(baseURL).origin)).toEqual([]);
  expect(problems).toEqual([]);
});

// The page is painted once, with the outputs in it (see web/page.css): while
// the element has no outputs, every part of the page but the hidden font
// specimen is held (content-visibility: hidden); the hold ends with the
// outputs, or with a load error on screen.
test('the page holds its first paint for the outputs, and never hides a load error', async ({ page, browser }) => {
  await page.addInitScript(() => {
    window.frames_ = [];
    const watch = () => {
      const element = document.querySelector('crdb-connect-generator');
      const header = document.querySelector('header');
      window.frames_.push({
        rendered: Boolean(element?.hasAttribute('rendered')),
        cards: element?.shadowRoot?.querySelectorAll('article.card pre').length ?? 0,
        headerShown: header ? getComputedStyle(header).contentVisibility !== 'hidden' : false,
      });
      if (!element?.ready) requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await openPage(page);
  const frames = await page.evaluate(() => window.frames_);
  expect(frames.length).toBeGreaterThan(0);
  for (const frame of frames) expect(frame.headerShown).toBe(frame.rendered);
  expect(frames.filter((f) => f.rendered).every((f) => f.cards > 0)).toBe(true);

  // The .wasm cannot be fetched: the error is shown at once, not held.
  const failing = await browser.newPage();
  await failing.route('**/*.wasm', (route) => route.abort());
  await failing.goto('./');
  const element = generatorElement(failing);
  await expect(element.getByText('The generator could not be loaded')).toBeVisible();
  await expect(element).toHaveAttribute('rendered', '');
  await expect(failing.locator('header')).toHaveCSS('content-visibility', 'visible');
  await failing.close();
});

// The first frame lays out a specimen of the page's font faces so that the
// browser's font lookups are done before the outputs' frame (web/page.css).
// Any text in a face the specimen lacks would bring a lookup back into it.
test('the font specimen holds every face the page and the element draw text in', async ({ page }) => {
  await openPage(page);
  const root = generatorElement(page);
  await fillForm(root, { ...hostileSelfHosted, port: '0' });  // diagnostics on screen
  await root.locator('details.filter summary').click();
  await root.getByText('Paste a connection string').click();
  const faces = await page.evaluate(() => {
    const face = (node) => {
      const style = getComputedStyle(node);
      return `${style.fontFamily} | ${style.fontSize} | ${style.fontWeight} | ${style.fontStyle}`;
    };
    const specimen = document.querySelector('.font-specimen');
    const has = new Set([...specimen.children].map(face));
    // Elements with text of their own, and form controls (their value and placeholder).
    const drawsText = (node) => ['INPUT', 'SELECT', 'TEXTAREA'].includes(node.tagName)
      || [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.data.trim());
    const elements = [...document.body.querySelectorAll('*'), ...document.querySelector('crdb-connect-generator').shadowRoot.querySelectorAll('*')];
    const used = new Set(elements.filter((node) => !specimen.contains(node) && drawsText(node)
      && node.checkVisibility({ contentVisibilityAuto: false })).map(face));
    return { used: [...used].sort(), missing: [...used].filter((f) => !has.has(f)).sort() };
  });
  expect(faces.used.length).toBeGreaterThan(3);
  expect(faces.missing).toEqual([]);
});

test('opening a link keeps it as it is until the form is edited', async ({ page }) => {
  // Not the order or the set of fields the page would write.
  const link = '#username=roach&deployment=self-hosted&host=db.internal';
  await openPage(page, `./${link}`);
  const root = generatorElement(page);
  await expect(root.getByLabel('Self-hosted', { exact: true })).toBeChecked();
  expect(new URL(page.url()).hash).toBe(link);
  await root.getByLabel('Database', { exact: true }).fill('bank');
  await expect.poll(() => new URL(page.url()).hash).toContain('database=bank');
  expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('host')).toBe('db.internal');
});
