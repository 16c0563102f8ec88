/**
 * Saves a full-page screenshot of a report.html for a human to look at:
 * `npx tsx tests/browser/screenshot-report.ts outputs/report.html /tmp/report.png [width] [slice]`.
 * With `slice` (pixels), also writes /tmp/report-01.png, ... of that height each.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './launch-chromium.ts';

const [file = 'outputs/report.html', out = '/tmp/report.png', width = '1400', slice = '0'] = process.argv.slice(2);
const { context, close } = await launchChromium({ width: Number(width), height: 900 });
try {
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.resolve(file)).href);
  await page.screenshot({ path: out, fullPage: true });
  const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
  const step = Number(slice);
  for (let y = 0, n = 1; step > 0 && y < height; y += step, n++) {
    const part = out.replace(/\.png$/, `-${String(n).padStart(2, '0')}.png`);
    await page.screenshot({ path: part, fullPage: true, clip: { x: 0, y, width: Number(width), height: Math.min(step, height - y) } });
  }
} finally {
  await close();
}
