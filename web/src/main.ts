import { createApp, watch } from 'vue';
import App from './App.vue';
import { setUnauthenticatedHandler } from './api/client';
import { i18n } from './i18n';
import { closeOutbox, openOutbox } from './outbox';
import { router } from './router';
import { forgetSession, session } from './session';
import './styles.css';

// A 401 anywhere means the session ended: back to the login, keeping where the user was.
// Visits waiting in the outbox stay on the device and are sent after the next login.
setUnauthenticatedHandler(() => {
  if (!session.user) return;
  forgetSession();
  const here = router.currentRoute.value;
  if (here.name !== 'login') void router.push({ name: 'login', query: { next: here.fullPath } });
});

watch(
  () => session.user?.username,
  (username) => (username ? openOutbox(username) : closeOutbox()),
);

document.documentElement.lang = i18n.global.locale.value;
createApp(App).use(i18n).use(router).mount('#app');
