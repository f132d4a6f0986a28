import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// leakguard/constructs/<cloud> re-exports every construct module of that folder, so a construct
// added to the library is public the moment it exists.
const DIR = join(__dirname, '..', '..', 'stacks', 'constructs');

test.each(['aws', 'azure', 'common'])('constructs/%s/index.ts exports every module beside it', (cloud) => {
  const modules = readdirSync(join(DIR, cloud)).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, '')).sort();
  const exported = [...readFileSync(join(DIR, cloud, 'index.ts'), 'utf8').matchAll(/^export \* from '\.\/([\w-]+)';$/gm)].map((m) => m[1]).sort();
  expect(modules.length).toBeGreaterThan(3);
  expect(exported).toEqual(modules);
});
