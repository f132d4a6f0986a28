import { App } from 'cdktf';
import { buildApp } from './app';

// No explicit outdir: `cdktf synth` passes its output folder through CDKTF_OUTDIR; plain
// `node dist/stacks/main.js` writes to cdktf.out.
const app = new App();
buildApp(app);
app.synth();
