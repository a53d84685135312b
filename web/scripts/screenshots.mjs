// Renders the main pages, on a PC (1280 px) and a phone (375 px), into docs/screenshots/ for the
// README's tour: `make screenshots` (after `make build web`). Real Laurel on the demo company,
// real Chromium.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiAs, launchBrowser, pc, phone, signIn, startLaurel } from '../tests/e2e/harness.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const laurel = await startLaurel();
const browser = await launchBrowser();
try {
  const admin = await apiAs(laurel.base, 'admin');
  const sales = (await admin.get('/api/v1/users?role=sales&limit=1')).items[0].username;
  const sales_api = await apiAs(laurel.base, sales);
  const day = await sales_api.get('/api/v1/me/day');
  const client = day.recent_clients[0].client_id;

  const shots = [
    { name: 'login', path: '/login', signedIn: false, ready: 'form' },
    { name: 'my-day', path: '/', ready: '[data-test=recent-clients]' },
    { name: 'clients', path: '/clients?q=nsh', ready: '[data-test=client-list]' },
    { name: 'client-people', path: `/clients/${client}?tab=people`, ready: '[data-test=client-name]' },
    { name: 'client-org-chart', path: `/clients/${client}?tab=org`, ready: '[data-test=org-tree]' },
    { name: 'client-visits', path: `/clients/${client}?tab=visits`, ready: '[data-test=visit-timeline]' },
    { name: 'log-visit', path: `/visits/new?client=${client}`, ready: '[data-test=visit-attendees]' },
  ];
  for (const [device, settings] of [['pc', pc], ['phone', phone]]) {
    const context = await browser.newContext({ ...settings, locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, laurel.base, sales);
    for (const shot of shots) {
      if (shot.signedIn === false) {
        const fresh = await browser.newContext({ ...settings, locale: 'zh-CN' });
        const p = await fresh.newPage();
        await p.goto(`${laurel.base}${shot.path}`);
        await p.locator(shot.ready).first().waitFor();
        await p.screenshot({ path: join(out, `${device}-${shot.name}.png`) });
        await fresh.close();
        continue;
      }
      await page.goto(`${laurel.base}${shot.path}`);
      await page.locator(shot.ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(out, `${device}-${shot.name}.png`), fullPage: device === 'pc' });
    }
    await context.close();
  }
  console.log(`screenshots: ${out}`);
} finally {
  await browser.close();
  await laurel.stop();
}
