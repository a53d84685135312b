// Builds Laurel's static web folder (web/dist) that `laurel serve` serves.
// Everything is bundled: nothing is fetched from the network at run time.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(web, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
cpSync(join(web, 'public'), dist, { recursive: true });

// The API documentation page: swagger-ui-dist's bundle beside our own index.html.
const swagger = join(web, 'node_modules', 'swagger-ui-dist');
for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']) {
  cpSync(join(swagger, file), join(dist, 'api-docs', file));
}
console.log(`web: built ${dist}`);
