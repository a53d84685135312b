import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import LoginPage from '@/pages/LoginPage.vue';
import { i18n, setLocale } from '@/i18n';
import { session } from '@/session';

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

async function mountLogin() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', component: LoginPage },
      { path: '/', component: { template: '<p>home</p>' } },
      { path: '/clients/:id', component: { template: '<p>client</p>' } },
    ],
  });
  await router.push('/login?next=/clients/5');
  const wrapper = mount(LoginPage, { global: { plugins: [i18n, router] }, attachTo: document.body });
  return { wrapper, router };
}

beforeEach(() => setLocale('zh-CN'));

afterEach(() => {
  vi.unstubAllGlobals();
  setLocale('zh-CN');
});

describe('LoginPage', () => {
  it('asks for both fields before calling Laurel', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const { wrapper } = await mountLogin();
    await wrapper.find('form').trigger('submit');
    expect(wrapper.findAll('.field-error').map((e) => e.text())).toEqual(['请填写用户名', '请填写密码']);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows the API field error beside its field', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(400, {
      type: 'urn:laurel:problem:invalid-input', title: 'Invalid input', status: 400,
      detail: 'at most 64 characters', field: 'username',
    })));
    const { wrapper } = await mountLogin();
    await wrapper.find('input[name=username]').setValue('x'.repeat(70));
    await wrapper.find('input[name=password]').setValue('secret');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const usernameField = wrapper.find('input[name=username]').element.closest('label')!;
    expect(usernameField.querySelector('.field-error')?.textContent).toBe('at most 64 characters');
  });

  it('says the credentials are wrong in the chosen language', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(401, {
      type: 'urn:laurel:problem:unauthenticated', title: 'Unauthenticated', status: 401, detail: 'wrong username or password',
    })));
    setLocale('en');
    const { wrapper } = await mountLogin();
    await wrapper.find('input[name=username]').setValue('li.lei');
    await wrapper.find('input[name=password]').setValue('nope');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test=login-failure]').text()).toBe('Wrong username or password');
  });

  it('signs in, keeps the time zone and CSRF token, and goes where the user was headed', async () => {
    const fetch = vi.fn(async () => answer(200, {
      token: 'lss_x', token_type: 'Bearer', expires_at: '2026-12-02T00:00:00.000000Z', csrf_token: 'csrf-1',
      user: { id: 2, username: 'li.lei', display_name: '李雷', role: 'sales' }, time_zone: 'Europe/London',
    }));
    vi.stubGlobal('fetch', fetch);
    const { wrapper, router } = await mountLogin();
    await wrapper.find('input[name=username]').setValue('li.lei');
    await wrapper.find('input[name=password]').setValue('right');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(JSON.parse((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toEqual({ username: 'li.lei', password: 'right' });
    expect(session.user?.username).toBe('li.lei');
    expect(session.timeZone).toBe('Europe/London');
    expect(router.currentRoute.value.fullPath).toBe('/clients/5');
  });
});

describe('LoginPage after signing in', () => {
  it('never sends the user to another site named in ?next=', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(200, {
      token: 'lss_x', token_type: 'Bearer', expires_at: '2026-12-02T00:00:00.000000Z', csrf_token: 'c',
      user: { id: 2, username: 'li.lei', display_name: '李雷', role: 'sales' }, time_zone: 'Asia/Shanghai',
    })));
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/login', component: LoginPage }, { path: '/', component: { template: '<p>home</p>' } },
               { path: '/:rest(.*)*', component: { template: '<p>other</p>' } }],
    });
    await router.push('/login?next=//evil.example/x');
    const wrapper = mount(LoginPage, { global: { plugins: [i18n, router] } });
    await wrapper.find('input[name=username]').setValue('li.lei');
    await wrapper.find('input[name=password]').setValue('right');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/');
  });
});
