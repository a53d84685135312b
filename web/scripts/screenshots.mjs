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
  // The salesperson's pages on both devices in Chinese; a manager's in Chinese and an admin's in
  // English (both languages are in the tour).
  const groups = [
    { user: sales, locale: 'zh-CN', devices: ['pc', 'phone'], shots },
    {
      user: 'cengjianhua',
      locale: 'zh-CN',
      devices: ['pc', 'phone'],
      shots: [
        { name: 'manage-pipeline', path: '/manage/pipeline', ready: '[data-test=pipeline] [data-stage]' },
        { name: 'manage-campaigns', path: '/manage/campaigns', ready: '[data-test=campaign-list]' },
        { name: 'manage-targets', path: '/manage/targets', ready: '[data-test=target-list]' },
        { name: 'manage-good-news', path: '/manage/good-news', ready: '[data-test=good-news-list] li' },
        { name: 'manage-good-news-rules', path: '/manage/good-news/rules', ready: '[data-test=rule-list] li' },
        {
          name: 'manage-metrics',
          path: '/manage/metrics',
          ready: '[data-test=metric-list] li',
          click: '[data-test="metric-department.weekly.bond_net_flow"]',
          previousPeriod: true, // last week: this one may have just begun
          then: '[data-test=metric-figures] tr',
        },
      ],
    },
    { user: 'cengjianhua', locale: 'zh-CN', devices: ['phone'], shots: [{ name: 'manage', path: '/manage', ready: '[data-test="hub-/manage/campaigns"]' }] },
    {
      user: 'admin',
      locale: 'en-GB',
      devices: ['pc'],
      shots: [
        { name: 'admin-calendar', path: '/admin/calendar', ready: '[data-test=calendar-total]' },
        { name: 'admin-users', path: '/admin/users', ready: '[data-test=role-list] dt' },
        { name: 'admin-departments', path: '/admin/departments', ready: '[data-test=staff-list]' },
      ],
    },
  ];
  const devices = { pc, phone };
  for (const group of groups) {
    for (const device of group.devices) {
      const settings = devices[device];
      const context = await browser.newContext({ ...settings, locale: group.locale });
      const page = await context.newPage();
      await signIn(page, laurel.base, group.user);
      for (const shot of group.shots) {
        if (shot.signedIn === false) {
          const fresh = await browser.newContext({ ...settings, locale: group.locale });
          const p = await fresh.newPage();
          await p.goto(`${laurel.base}${shot.path}`);
          await p.locator(shot.ready).first().waitFor();
          await p.screenshot({ path: join(out, `${device}-${shot.name}.png`) });
          await fresh.close();
          continue;
        }
        await page.goto(`${laurel.base}${shot.path}`);
        await page.locator(shot.ready).first().waitFor();
        if (shot.click) {
          await page.click(shot.click);
          if (shot.previousPeriod) {
            await page.click('[data-test=metric-period]');
            await page.locator('.el-select-dropdown__item:visible').nth(1).click();
            await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' });
          }
          await page.locator(shot.then).first().waitFor();
        }
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: join(out, `${device}-${shot.name}.png`), fullPage: device === 'pc' && !shot.name.startsWith('manage-pipeline') });
      }
      await context.close();
    }
  }
  console.log(`screenshots: ${out}`);
} finally {
  await browser.close();
  await laurel.stop();
}
