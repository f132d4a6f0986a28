import { App } from 'cdktf';
import { buildApp } from './app';

const app = new App({ outdir: 'cdktf.out' });
buildApp(app);
app.synth();
