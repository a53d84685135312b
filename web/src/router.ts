// Routes; each page is its own chunk, so a phone loads only what the page it opens needs.
import { createRouter, createWebHistory } from 'vue-router';
import { restoreSession, session } from '@/session';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('@/pages/LoginPage.vue'), meta: { public: true } },
    { path: '/', name: 'my-day', component: () => import('@/pages/MyDayPage.vue') },
    { path: '/clients', name: 'clients', component: () => import('@/pages/ClientsPage.vue') },
    { path: '/clients/:id(\\d+)', name: 'client', component: () => import('@/pages/ClientPage.vue'), props: true },
    { path: '/visits/new', name: 'log-visit', component: () => import('@/pages/LogVisitPage.vue') },
    { path: '/visits/backfill', name: 'backfill', component: () => import('@/pages/BackfillPage.vue') },
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
  return true;
});
