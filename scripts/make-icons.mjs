// Renders the app icons (PNG) from their SVG sources with the system Chromium, so every icon is
// made by the project. Run after editing an SVG: node scripts/make-icons.mjs
import { chromium } from '@playwright/test';
import { readFile } from 'node:fs/promises';

const icons = [
  ['assets/icons/icon.svg', 'assets/icons/icon-192.png', 192],
  ['assets/icons/icon.svg', 'assets/icons/icon-512.png', 512],
  ['assets/icons/maskable.svg', 'assets/icons/maskable-512.png', 512],
  ['assets/icons/icon.svg', 'assets/icons/apple-touch-icon.png', 180],
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const [source, target, size] of icons) {
  const svg = await readFile(source, 'utf8');
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: target, omitBackground: true });
  console.log(`${target} (${size}×${size})`);
}
await browser.close();
