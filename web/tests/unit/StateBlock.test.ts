import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import StateBlock from '@/components/StateBlock.vue';
import { NetworkError } from '@/api/problem';
import { i18n, setLocale } from '@/i18n';

beforeEach(() => setLocale('zh-CN'));

const mountWith = (props: { loading: boolean; error: unknown; empty?: boolean; emptyText?: string }) =>
  mount(StateBlock, { props, slots: { default: '<p class="content">rows</p>' }, global: { plugins: [i18n] } });

describe('StateBlock', () => {
  it('shows loading, then the content', async () => {
    const w = mountWith({ loading: true, error: null });
    expect(w.text()).toBe('加载中…');
    await w.setProps({ loading: false });
    expect(w.find('.content').exists()).toBe(true);
  });
  it('shows the empty text when there is nothing', () => {
    expect(mountWith({ loading: false, error: null, empty: true, emptyText: '没有客户' }).text()).toBe('没有客户');
  });
  it('says the network is down, with a retry that emits', async () => {
    const w = mountWith({ loading: false, error: new NetworkError(new TypeError('x')) });
    expect(w.find('[role=alert]').text()).toContain('网络不可用');
    await w.find('button').trigger('click');
    expect(w.emitted('retry')).toHaveLength(1);
  });
});
