import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { EMULATOR, run, tempDir } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..');

/** Installs Chromium on CI (or when asked); elsewhere says why the test does not run. */
function chromiumOrWhyNot(): string | null {
  if (process.env.CI || process.env.LEAKGUARD_E2E) {
    const r = spawnSync('bash', [join(ROOT, 'scripts', 'setup-chromium.sh')], { encoding: 'utf8', timeout: 600_000 });
    if (r.status !== 0) return `scripts/setup-chromium.sh failed: ${(r.stderr || r.stdout).trim().split('\n').pop()}`;
  }
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing; set LEAKGUARD_E2E=1 (or CI) to install it with scripts/setup-chromium.sh`;
  return null;
}

const why = chromiumOrWhyNot();
if (why) console.log(`SKIPPED drift HTML in headless Chromium: ${why}`);
const maybe = why ? test.skip : test;

function chromium(profile: string, ...args: string[]): string {
  return execFileSync(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, ...args],
    { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 32 * 1024 * 1024 },
  );
}

/** Width, height and how many distinct colours a sample of rows holds (PNG, 8-bit RGB(A), no interlace). */
function pngStats(file: string): { width: number; height: number; colours: number } {
  const png = readFileSync(file);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const channels = png[25] === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let i = 8; i < png.length; ) {
    const len = png.readUInt32BE(i);
    if (png.toString('ascii', i + 4, i + 8) === 'IDAT') idat.push(png.subarray(i + 8, i + 8 + len));
    i += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels + 1;
  const rows: Buffer[] = [];
  let prev = Buffer.alloc(width * channels);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * stride];
    const line = Buffer.from(raw.subarray(y * stride + 1, (y + 1) * stride));
    for (let x = 0; x < line.length; x++) {
      const a = x >= channels ? line[x - channels] : 0;
      const b = prev[x];
      const c = x >= channels ? prev[x - channels] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      line[x] = (line[x] + [0, a, b, (a + b) >> 1, paeth][filter]) & 0xff;
    }
    rows.push(line);
    prev = line;
  }
  const colours = new Set<string>();
  for (const line of rows.filter((_, y) => y % 4 === 0)) for (let x = 0; x < line.length; x += channels * 2) colours.add(line.subarray(x, x + 3).toString('hex'));
  return { width, height, colours: colours.size };
}

describe('HTML report in headless Chromium', () => {
  maybe('renders: a non-trivial screenshot, and the summary is in the rendered DOM', async () => {
    const dir = tempDir('leakguard-chromium-');
    const page = join(dir, 'drift.html');
    const r = await run('drift', join(EMULATOR, 'drift-plan.json'), '-f', 'html', '-o', page, '--now', '2026-11-28T08:00:00Z');
    expect(r.code).toBe(1);

    const png = join(dir, 'drift.png');
    chromium(join(dir, 'profile-shot'), `--screenshot=${png}`, '--window-size=1200,900', `file://${page}`);
    expect(existsSync(png)).toBe(true);
    expect(statSync(png).size).toBeGreaterThan(10_000);
    const stats = pngStats(png);
    expect([stats.width, stats.height]).toEqual([1200, 900]);
    // A blank or error page has a handful of colours; text, badges and two charts have many.
    expect(stats.colours).toBeGreaterThan(20);

    const dom = chromium(join(dir, 'profile-dom'), '--dump-dom', `file://${page}`);
    expect(dom).toMatch(/<p id="summary">4 drifted resources of 4 \(3 changed, 1 deleted out of band, 0 unmanaged\); \d+ policy findings? introduced by drift/);
    expect(dom).toContain('Drifted resources by control');
    expect(dom).not.toContain('LG-SECRET');
  });
});
