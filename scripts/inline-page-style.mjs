#!/usr/bin/env node
// Puts the page's own stylesheet (page.css) into the built index.html as a
// <style> element, and lets that one element through the page's
// Content-Security-Policy by its SHA-256 hash ('unsafe-inline' stays out).
//
// Why: a stylesheet in <head> blocks every frame until it arrives, and on a
// cold load the page's requests leave the browser only ~15-20 ms after the
// HTML has been parsed. Inlined, nothing blocks the first frame, which then
// comes while the script and the .wasm are still on their way: page.css holds
// the page out of it and lays out only a hidden specimen of the page's font
// faces, so that the blocking font lookups are done before the outputs'
// frame rather than in it (see page.css).
//
//   node scripts/inline-page-style.mjs PAGE_DIR
// rewrites PAGE_DIR/index.html and removes PAGE_DIR/page.css.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceOnce } from './replace-once.mjs';
import { stripCssComments } from './strip-css-comments.mjs';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/inline-page-style.mjs PAGE_DIR');
  process.exit(2);
}
const htmlPath = join(dir, 'index.html');
const cssPath = join(dir, 'page.css');
let html = readFileSync(htmlPath, 'utf8');

const css = stripCssComments(readFileSync(cssPath, 'utf8'));
if (css.includes('</')) throw new Error(`${cssPath}: "</" cannot go inside a <style> element`);

// The hash covers the element's text exactly, newlines included.
const styleText = `\n${css}\n`;
const hash = createHash('sha256').update(styleText, 'utf8').digest('base64');
// Exactly once each: a changed page must fail the build, not ship a page
// whose stylesheet its own policy blocks.
html = replaceOnce(html, '<link rel="stylesheet" href="page.css">', `<style>${styleText}</style>`, htmlPath, 'the page.css link');
html = replaceOnce(html, "style-src 'self';", `style-src 'self' 'sha256-${hash}';`, htmlPath, "the CSP's style-src 'self'");
writeFileSync(htmlPath, html);
rmSync(cssPath);
