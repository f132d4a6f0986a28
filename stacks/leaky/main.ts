import { App } from 'cdktf';
import { buildLeakyApp } from './index';

// Usage: node dist/stacks/leaky/main.js [outdir]
const app = new App({ outdir: process.argv[2] ?? 'cdktf.out.leaky' });
buildLeakyApp(app);
app.synth();
