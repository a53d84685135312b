// Builds Laurel's static web folder (web/dist) that `laurel serve` serves: the UI (Vite), and
// the API documentation page beside it. Everything is bundled: nothing is fetched at run time.
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(web, 'dist');
await build({ root: web, logLevel: 'warn' }); // copies public/ (api-docs) into dist too

// The API documentation page: swagger-ui-dist's bundle beside our own index.html.
const swagger = join(web, 'node_modules', 'swagger-ui-dist');
for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']) {
  cpSync(join(swagger, file), join(dist, 'api-docs', file));
}
console.log(`web: built ${dist}`);
