import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import AmountInput from '@/components/AmountInput.vue';
import { i18n, setLocale } from '@/i18n';
import '@/i18n/manage';

// As a parent's v-model does: the emitted value comes back as the prop.
function mountInput(initial: string | null) {
  const model = ref<string | null>(initial);
  const wrapper = mount(AmountInput, {
    props: {
      modelValue: model.value,
      'onUpdate:modelValue': async (v: string | null) => {
        model.value = v;
        await wrapper.setProps({ modelValue: v });
      },
      name: 'target_amount',
    },
    global: { plugins: [i18n] },
  });
  return { wrapper, model };
}

beforeEach(() => setLocale('zh-CN'));

describe('AmountInput', () => {
  it('hands the form the exact decimal of what was typed and shows it back in 万/亿', async () => {
    const { wrapper, model } = mountInput(null);
    await wrapper.find('input').setValue('1.2亿');
    await nextTick();
    expect(model.value).toBe('120000000.00');
    expect(wrapper.text()).toContain('1.20亿');
    expect(wrapper.text()).toContain('120,000,000.00');
  });
  it('says when the text is not an amount, and hands the form null', async () => {
    const { wrapper, model } = mountInput('100.00');
    await wrapper.find('input').setValue('十万');
    await nextTick();
    expect(model.value).toBeNull();
    expect(wrapper.find('.hint').classes()).toContain('danger');
  });
  it('shows an amount it is given, in English as thousands and millions', async () => {
    setLocale('en');
    const { wrapper } = mountInput('3500000.00');
    await nextTick();
    expect((wrapper.find('input').element as HTMLInputElement).value).toBe('3500000.00');
    expect(wrapper.text()).toContain('3.50M');
  });
});
