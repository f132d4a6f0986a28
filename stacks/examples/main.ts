import { App } from 'cdktf';
import { buildExampleApp } from './index';

// Usage: node dist/stacks/examples/main.js [outdir] [--leaky]
const args = process.argv.slice(2);
const leaky = args.includes('--leaky');
const outdir = args.find((a) => !a.startsWith('--')) ?? (leaky ? 'cdktf.out.example-leaky' : 'cdktf.out.example');
const app = new App({ outdir });
buildExampleApp(app, { leaky });
app.synth();
