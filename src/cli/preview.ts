/** `npm run preview [dir] [--port N]`: serve the built site (default dist/) on localhost. */
import { resolve } from 'node:path';
import { serveStatic } from './serve.ts';

const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const port = portAt >= 0 ? Number(args[portAt + 1]) : Number(process.env.PORT ?? 4321);
const dir = resolve(args.find((a, i) => !a.startsWith('--') && !(portAt >= 0 && i === portAt + 1)) ?? 'dist');
const { origin } = await serveStatic(dir, port, 'localhost');
console.log(`Serving ${dir} at ${origin}/ (Ctrl-C to stop)`);
