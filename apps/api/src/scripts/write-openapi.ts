import fs from 'node:fs';
import path from 'node:path';
import { openApiDocument } from './openapi.ts';

const target = path.resolve(import.meta.dirname, '../../../../docs/openapi.json');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, await openApiDocument());
process.stdout.write(`wrote ${target}\n`);
