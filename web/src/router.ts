// Routes; each page is its own chunk, so a phone loads only what the page it opens needs.
import { createRouter, createWebHistory } from 'vue-router';
import type { RoleName } from '@/api/types';
import { salesTeam } from '@/navigation';
import { restoreSession, session } from '@/session';

const managers: RoleName[] = ['admin', 'manager'];
const admins: RoleName[] = ['admin'];

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('@/pages/LoginPage.vue'), meta: { public: true } },
    { path: '/', name: 'my-day', component: () => import('@/pages/MyDayPage.vue') },
    { path: '/clients', name: 'clients', component: () => import('@/pages/ClientsPage.vue') },
    { path: '/clients/:id(\\d+)', name: 'client', component: () => import('@/pages/ClientPage.vue'), props: true },
    { path: '/visits/new', name: 'log-visit', component: () => import('@/pages/LogVisitPage.vue') },
    // My points: the rewards shop, my orders, my journal and badges, each with its "why".
    { path: '/points', name: 'my-points', component: () => import('@/pages/MyPointsPage.vue') },
    // The week's recognition: the parade of flags, badges, levels and challenges (?week=).
    { path: '/recognition', name: 'recognition', component: () => import('@/pages/RecognitionWeekPage.vue') },
    { path: '/visits/backfill', name: 'backfill', component: () => import('@/pages/BackfillPage.vue') },
    { path: '/boards', name: 'boards', component: () => import('@/pages/BoardsPage.vue'), meta: { roles: salesTeam } },
    { path: '/boards/:id(\\d+)', name: 'board', component: () => import('@/pages/BoardPage.vue'), props: true, meta: { roles: salesTeam } },
    // The sales floor's TV: full screen, no navigation around it (App.vue reads `bare`).
    { path: '/tv', name: 'tv', component: () => import('@/pages/TvPage.vue'), meta: { roles: salesTeam, bare: true } },
    { path: '/manage', name: 'manage', component: () => import('@/pages/ManageHubPage.vue'), meta: { roles: managers } },
    { path: '/manage/campaigns', component: () => import('@/pages/manage/CampaignsPage.vue'), meta: { roles: managers } },
    { path: '/manage/targets', component: () => import('@/pages/manage/TargetsPage.vue'), meta: { roles: managers } },
    { path: '/manage/pipeline', component: () => import('@/pages/manage/PipelinePage.vue'), meta: { roles: managers } },
    { path: '/manage/handover', component: () => import('@/pages/manage/HandoverPage.vue'), meta: { roles: managers } },
    { path: '/manage/metrics', component: () => import('@/pages/manage/MetricsPage.vue'), meta: { roles: managers } },
    { path: '/manage/good-news', component: () => import('@/pages/manage/GoodNewsPage.vue'), meta: { roles: managers } },
    { path: '/manage/good-news/rules', component: () => import('@/pages/manage/GoodNewsRulesPage.vue'), meta: { roles: managers } },
    { path: '/manage/challenges', component: () => import('@/pages/manage/ChallengesPage.vue'), meta: { roles: managers } },
    { path: '/manage/points', component: () => import('@/pages/manage/PointRulesPage.vue'), meta: { roles: managers } },
    { path: '/manage/badges', component: () => import('@/pages/manage/BadgesPage.vue'), meta: { roles: managers } },
    { path: '/manage/gaming', component: () => import('@/pages/manage/GamingFlagsPage.vue'), meta: { roles: managers } },
    { path: '/manage/rewards', component: () => import('@/pages/manage/RewardsPage.vue'), meta: { roles: managers } },
    { path: '/manage/imports', component: () => import('@/pages/manage/ImportsPage.vue'), meta: { roles: managers } },
    { path: '/admin/users', component: () => import('@/pages/admin/UsersPage.vue'), meta: { roles: admins } },
    { path: '/admin/departments', component: () => import('@/pages/admin/DepartmentsPage.vue'), meta: { roles: admins } },
    { path: '/admin/products', component: () => import('@/pages/admin/ProductsPage.vue'), meta: { roles: admins } },
    { path: '/admin/tokens', component: () => import('@/pages/admin/TokensPage.vue'), meta: { roles: admins } },
    { path: '/admin/chat', component: () => import('@/pages/admin/ChatBotsPage.vue'), meta: { roles: admins } },
    { path: '/admin/calendar', component: () => import('@/pages/admin/CalendarPage.vue'), meta: { roles: admins } },
    { path: '/admin/audit', component: () => import('@/pages/admin/AuditPage.vue'), meta: { roles: admins } },
    { path: '/admin/merge', component: () => import('@/pages/admin/MergePage.vue'), meta: { roles: admins } },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
});

router.beforeEach(async (to) => {
  if (!session.checked) {
    try {
      await restoreSession();
    } catch {
      // Laurel is unreachable: let the page show its own error state rather than the login.
      if (!to.meta.public) return true;
    }
  }
  if (!to.meta.public && !session.user) {
    return { name: 'login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
  }
  if (to.name === 'login' && session.user) return { path: '/' };
  // The API refuses these pages' calls anyway; the UI does not offer what the role cannot do.
  const roles = to.meta.roles as RoleName[] | undefined;
  if (roles && session.user && !roles.includes(session.user.role)) return { path: '/' };
  return true;
});
