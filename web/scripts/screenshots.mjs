// Renders the main pages, on a PC (1280 px) and a phone (375 px), into docs/screenshots/ for the
// README's tour: `make screenshots` (after `make build web`). Real Laurel on the demo company,
// real Chromium. Names given (`npm run screenshots -- board tv`) render just those shots.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiAs, launchBrowser, pc, phone, signIn, startLaurel } from '../tests/e2e/harness.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const only = process.argv.slice(2);

/** The ISO week before the one holding `day` (YYYY-MM-DD), as 2026-W48. */
function previousWeek(day) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 7 + 3 - ((d.getUTCDay() + 6) % 7)); // the Thursday of the week before
  const year = d.getUTCFullYear();
  const week = 1 + Math.round((d - Date.UTC(year, 0, 4)) / 86_400_000 / 7 - (3 - ((new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const laurel = await startLaurel();
const browser = await launchBrowser();
try {
  const admin = await apiAs(laurel.base, 'admin');
  const sales = (await admin.get('/api/v1/users?role=sales&limit=1')).items[0].username;
  const sales_api = await apiAs(laurel.base, sales);
  const day = await sales_api.get('/api/v1/me/day');
  const client = day.recent_clients[0].client_id;
  // The week's recognition: the latest full week with someone to celebrate (of the last eight).
  let lastWeek = previousWeek(day.today);
  for (let i = 0; i < 8; ++i) {
    const digest = await admin.get(`/api/v1/recognition/digest?week=${lastWeek}`);
    if (digest.company.people > 0) break;
    lastWeek = previousWeek(digest.from);
  }

  // Laurel's client target board, as a salesperson near its top who has achieved part of their
  // client targets (the tour's salesperson if so): their row highlighted and opened up.
  const boards = (await admin.get('/api/v1/boards?limit=200')).items;
  const clientBoard = boards.find((b) => b.built_in === 'client_target_achievement' && b.subject === 'staff');
  const userOfStaff = new Map((await admin.get('/api/v1/staff?limit=200')).items.map((s) => [s.id, s.user_id]));
  const salespeople = new Map((await admin.get('/api/v1/users?role=sales&limit=200')).items.map((u) => [u.id, u.username]));
  const near = (await admin.get(`/api/v1/boards/${clientBoard.id}/standings?limit=10`)).items
    .filter((r) => r.percent > 0 && salespeople.has(userOfStaff.get(r.subject_id)))
    .map((r) => salespeople.get(userOfStaff.get(r.subject_id)));
  const ranked = near.includes(sales) ? sales : (near[0] ?? sales);
  // TV mode shows a campaign's board of people: it ranks the whole campaign, never an empty new period.
  const tvBoard = boards.find((b) => b.built_in === 'campaign_achievement' && b.subject === 'staff');

  const shots = [
    { name: 'login', path: '/login', signedIn: false, ready: 'form' },
    { name: 'my-day', path: '/', ready: '[data-test=recent-clients]' },
    { name: 'clients', path: '/clients?q=nsh', ready: '[data-test=client-list]' },
    { name: 'client-people', path: `/clients/${client}?tab=people`, ready: '[data-test=client-name]' },
    { name: 'client-org-chart', path: `/clients/${client}?tab=org`, ready: '[data-test=org-tree]' },
    { name: 'client-visits', path: `/clients/${client}?tab=visits`, ready: '[data-test=visit-timeline]' },
    { name: 'log-visit', path: `/visits/new?client=${client}`, ready: '[data-test=visit-attendees]' },
    { name: 'my-points', path: '/points', ready: '[data-test=reward-shop] li' },
    { name: 'recognition-week', path: '/recognition?week=' + lastWeek, ready: '[data-test=week-totals]' },
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
        { name: 'manage-pipeline', path: '/manage/pipeline', ready: '[data-test=pipeline] [data-stage]', fullPage: false },
        { name: 'manage-campaigns', path: '/manage/campaigns', ready: '[data-test=campaign-list]' },
        { name: 'manage-targets', path: '/manage/targets', ready: '[data-test=target-list]' },
        { name: 'manage-good-news', path: '/manage/good-news', ready: '[data-test=good-news-list] li' },
        { name: 'manage-good-news-rules', path: '/manage/good-news/rules', ready: '[data-test=rule-list] li' },
        { name: 'manage-points', path: '/manage/points', ready: '[data-test=rule-list] li' },
        { name: 'manage-rewards', path: '/manage/rewards', ready: '[data-test=order-queue] li' },
        { name: 'manage-challenges', path: '/manage/challenges', ready: '[data-test=challenge-list] li' },
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
    // The boards as a manager sees them: Laurel's own marked 内置, what each ranks by (once the
    // metrics are read), the TV button, editing.
    {
      user: 'cengjianhua',
      locale: 'zh-CN',
      devices: ['pc', 'phone'],
      shots: [
        {
          name: 'boards',
          path: '/boards',
          ready: '[data-test=board-list] [data-test=built-in-tag]',
          then: '[data-test=board-list] .muted:has-text("指标：")',
          upTo: '[data-test=board-list] > li:last-child', // on a phone, the built-in ones at the end
        },
      ],
    },
    {
      user: ranked,
      locale: 'zh-CN',
      devices: ['pc', 'phone'],
      shots: [
        {
          name: 'board',
          path: `/boards/${clientBoard.id}`,
          ready: '[data-test=standings] [data-test=standing-me]',
          click: '[data-test=standing-me] [data-test=standing-toggle]',
          then: '[data-test=standing-detail] [data-test=client-target]',
          gone: '[data-test=client-target] a:text-matches("^#[0-9]+$")', // each client's name has arrived
          upTo: '[data-test=standing-detail]', // the podium down to my row opened up, not all 50 rows
        },
      ],
    },
    // The sales floor's TV (1080p), one board for the hour: no rotation, no fading in. It reads
    // its board again and again (each turn, each live change), so the board on screen is the wait.
    {
      user: sales,
      locale: 'zh-CN',
      devices: ['pc'],
      context: { viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' },
      shots: [{ name: 'tv', path: `/tv?boards=${tvBoard.id}&every=3600`, ready: `[data-test=tv-board-${tvBoard.id}] [data-test=tv-podium-3]`, fullPage: false, networkIdle: false }],
    },
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
    const shots = group.shots.filter((shot) => !only.length || only.includes(shot.name));
    if (!shots.length) continue;
    for (const device of group.devices) {
      const settings = { ...devices[device], ...group.context };
      const context = await browser.newContext({ ...settings, locale: group.locale });
      const page = await context.newPage();
      await signIn(page, laurel.base, group.user);
      for (const shot of shots) {
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
        }
        if (shot.then) await page.locator(shot.then).first().waitFor();
        if (shot.gone) await page.locator(shot.gone).first().waitFor({ state: 'detached' });
        if (shot.networkIdle !== false) await page.waitForLoadState('networkidle');
        // A click may have scrolled: a whole page is taken from its top (the top bar there, not halfway down).
        if (device === 'pc') await page.evaluate(() => window.scrollTo(0, 0));
        const path = join(out, `${device}-${shot.name}.png`);
        if (shot.upTo && device === 'pc') {
          // The page from its top down to a little below the element.
          const [bottom, end] = await page.locator(shot.upTo).first().evaluate((e) => [e.getBoundingClientRect().bottom + window.scrollY, document.documentElement.scrollHeight]);
          const height = Math.min(end, Math.max(settings.viewport.height, Math.ceil(bottom) + 120));
          await page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width: settings.viewport.width, height } });
        } else if (shot.upTo) {
          // A phone shows a screenful: the one ending with the element, just above the menu bar.
          await page.locator(shot.upTo).first().evaluate((e) => {
            e.scrollIntoView({ block: 'end' });
            window.scrollBy(0, (document.querySelector('.mainnav')?.offsetHeight ?? 0) + 8);
          });
          await page.screenshot({ path });
        } else {
          await page.screenshot({ path, fullPage: device === 'pc' && shot.fullPage !== false });
        }
      }
      await context.close();
    }
  }
  console.log(`screenshots: ${out}`);
} finally {
  await browser.close();
  await laurel.stop();
}
