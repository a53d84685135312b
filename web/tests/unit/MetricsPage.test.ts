import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import MetricsPage from '@/pages/manage/MetricsPage.vue';
import { i18n, setLocale } from '@/i18n';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const metric = (extra: Record<string, unknown>) => ({
  id: 1, code: 'm', name: '指标', kind: 'sum', source: 'transactions', sum_of: 'amount', unit: null, subject: 'staff', period: 'quarter',
  filter: {
    transaction_kinds: [], product_ids: [], product_types: [], exclude_money_market: false, client_id: null, department_id: null,
    key_person_visits_only: false, campaign_id: null, target_scope: null, target_metric: null, clients_with_target: null,
    net_of_redemptions_within_days: null,
  },
  created_at: '2026-11-01T00:00:00Z',
  ...extra,
});

/** Lists answer with `metrics` (campaigns with one); a new metric's POST body is kept, and
 *  answered with `refusal` when one is given. */
function stubApi(metrics: unknown[] = [], refusal?: Record<string, unknown>) {
  const sent: { body: Record<string, unknown> | null } = { body: null };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        sent.body = JSON.parse(String(init.body));
        if (refusal) return new Response(JSON.stringify(refusal), { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
        return json(201, metric({ ...sent.body, id: 9 }));
      }
      if (path.startsWith('/api/v1/metrics')) return json(200, { items: metrics, next_cursor: null });
      if (path.startsWith('/api/v1/campaigns')) return json(200, { items: [{ id: 2, name: '春季活动' }], next_cursor: null });
      return json(200, { items: [], next_cursor: null });
    }),
  );
  return sent;
}

/** The form item labelled `label` (the dialog is teleported to <body>). */
function field(label: string): HTMLElement {
  const labels = [...document.body.querySelectorAll('.el-form-item__label')];
  const found = labels.find((l) => l.textContent?.trim() === label);
  if (!found) throw new Error(`no field ${label}: ${labels.map((l) => l.textContent).join(', ')}`);
  return found.closest('.el-form-item') as HTMLElement;
}
const radio = async (label: string, text: string) => {
  const r = [...field(label).querySelectorAll('.el-radio, .el-radio-button')].find((e) => e.textContent?.trim().startsWith(text)) as HTMLElement;
  r.querySelector('input')!.click();
  await flushPromises();
};
/** Opens a select and clicks its option (Element Plus renders the options on <body>). */
async function choose(label: string, text: string) {
  (field(label).querySelector('.el-select__wrapper') as HTMLElement).click();
  await flushPromises();
  const option = [...document.body.querySelectorAll('.el-select-dropdown__item')].find((o) => o.textContent?.trim() === text) as HTMLElement;
  if (!option) throw new Error(`no option ${text}`);
  option.click();
  await flushPromises();
}
async function fill(name: string, value: string) {
  const input = document.body.querySelector(`input[name=${name}]`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}
/** Types into an Element Plus number input. */
async function typeNumber(name: string, value: string) {
  const input = document.body.querySelector(`input[name=${name}]`) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('change'));
  await flushPromises();
}
const netDays = () => document.body.querySelector('input[name=metric_net_of_redemptions_days]') as HTMLInputElement | null;
const netField = () => document.body.querySelector('[data-test=metric-net-of-redemptions]') as HTMLElement | null;
async function openNew() {
  const wrapper = mount(MetricsPage, { global: { plugins: [i18n] }, attachTo: document.body });
  await flushPromises();
  await wrapper.find('[data-test=metric-new]').trigger('click');
  await flushPromises();
  await fill('metric_name', '客户目标合计');
  await fill('metric_code', 'staff.quarter.client_targets');
  return wrapper;
}
const submit = async () => {
  (document.body.querySelector('[data-test=form-submit]') as HTMLElement).click();
  await flushPromises();
};

beforeEach(() => setLocale('zh-CN'));
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('a metric of targets', () => {
  it('sums the targets chosen: of people or departments, by the periods targets are set by, without a sum of what', async () => {
    const sent = stubApi();
    await openNew();
    await radio('统计对象', '目标');
    expect(document.body.textContent).toContain('哪些目标计入');
    expect(document.body.textContent).not.toContain('交易类型');
    expect(document.body.querySelector('.sum-of')).toBeNull();
    await radio('目标类型', '客户目标');
    await submit();
    expect(sent.body).toMatchObject({
      source: 'targets', kind: 'sum', subject: 'department', period: 'month',
      filter: { target_scope: 'client', target_metric: 'subscription', campaign_id: null },
    });
    expect(sent.body).not.toHaveProperty('sum_of');
  });

  it('names the campaign of campaign targets', async () => {
    const sent = stubApi();
    await openNew();
    await radio('统计对象', '目标');
    await radio('目标类型', '某一营销活动');
    await choose('营销活动', '春季活动');
    await choose('目标指标', '拜访次数');
    await submit();
    expect(sent.body).toMatchObject({ filter: { target_scope: 'campaign', target_metric: 'visits', campaign_id: 2 } });
  });
});

describe('"only clients with a client target"', () => {
  it('is offered for trades of people by quarter, and sent', async () => {
    const sent = stubApi();
    await openNew();
    expect(document.body.textContent).not.toContain('有客户目标的客户'); // by week
    await choose('周期', '季度');
    await choose('有客户目标的客户', '仅限设有"认申购金额"客户目标的客户');
    await submit();
    expect(sent.body).toMatchObject({ source: 'transactions', period: 'quarter', filter: { clients_with_target: 'subscription' } });
  });

  it('is not sent where it does not apply', async () => {
    const sent = stubApi();
    await openNew();
    await submit();
    expect(sent.body!.filter).not.toHaveProperty('clients_with_target');
  });
});

describe('"net of redemptions within N days"', () => {
  it('is offered for a sum of trade amounts, with its hint, and sent when filled in', async () => {
    const sent = stubApi();
    await openNew();
    expect(field('扣除N天内赎回').textContent).toContain('同一客户在N天内赎回或转出同一基金的部分不计入');
    expect(netDays()!.disabled).toBe(false);
    await typeNumber('metric_net_of_redemptions_days', '30');
    await submit();
    expect(sent.body).toMatchObject({
      source: 'transactions', kind: 'sum', sum_of: 'amount',
      filter: { transaction_kinds: ['subscribe', 'purchase'], net_of_redemptions_within_days: 30 },
    });
  });

  it('is not sent when left empty', async () => {
    const sent = stubApi();
    await openNew();
    await submit();
    expect(sent.body!.filter).not.toHaveProperty('net_of_redemptions_within_days');
  });

  it('is not offered, nor sent, for a sum of net flows or a count', async () => {
    const sent = stubApi();
    await openNew();
    await typeNumber('metric_net_of_redemptions_days', '30');
    (document.body.querySelector('[data-test=metric-net-flow] input') as HTMLElement).click();
    await flushPromises();
    expect(netField()).toBeNull();
    await submit();
    expect(sent.body).toMatchObject({ sum_of: 'net_flow' });
    expect(sent.body!.filter).not.toHaveProperty('net_of_redemptions_within_days');
    await radio('统计方式', '计数');
    expect(netField()).toBeNull();
  });

  it('is off, saying why, with a redemption among the kinds or no kind at all', async () => {
    const sent = stubApi();
    await openNew();
    await typeNumber('metric_net_of_redemptions_days', '30');
    await choose('交易类型', '赎回');
    expect(netDays()!.disabled).toBe(true);
    expect(netDays()!.value).toBe('');
    expect(netField()!.textContent).toContain('交易类型含赎回或转换出时不可用');
    await submit();
    expect(sent.body!.filter).not.toHaveProperty('net_of_redemptions_within_days');
    await choose('交易类型', '赎回');
    expect(netDays()!.disabled).toBe(false);
    await choose('交易类型', '认购');
    await choose('交易类型', '申购');
    expect(netDays()!.disabled).toBe(true);
    expect(netField()!.textContent).toContain('请先在交易类型中选择要计入的流入');
  });

  it("shows the API's refusal at its field", async () => {
    stubApi([], {
      type: 'urn:laurel:problem:invalid-input', title: 'Invalid input', status: 400,
      detail: 'must be a whole number of days from 1 to 366, or null', field: 'filter.net_of_redemptions_within_days',
    });
    await openNew();
    await typeNumber('metric_net_of_redemptions_days', '30');
    await submit();
    expect(netField()!.classList).toContain('is-error');
    // Element Plus shows a form item's message a moment after its state turns to error.
    await vi.waitFor(() =>
      expect(netField()!.querySelector('.el-form-item__error')?.textContent?.trim()).toBe('must be a whole number of days from 1 to 366, or null'),
    );
    expect(document.body.querySelector('.filter > .field-error')).toBeNull();
  });
});

describe('the metrics list', () => {
  it('says what a metric of targets sums, and which trades count only clients with a target', async () => {
    stubApi([
      metric({ id: 1, source: 'targets', sum_of: 'amount', filter: { ...metric({}).filter, target_scope: 'client', target_metric: 'subscription' } }),
      metric({ id: 2, filter: { ...metric({}).filter, clients_with_target: 'subscription' } }),
    ]);
    const wrapper = mount(MetricsPage, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    const lines = wrapper.findAll('[data-test=metric-list] li').map((l) => l.text());
    expect(lines[0]).toContain('客户目标合计 · 认申购金额 · 目标 · 个人 · 季度');
    expect(lines[1]).toContain('金额 · 交易 · 个人 · 季度 · 仅有客户目标（认申购金额）的客户');
  });

  it('says when a sum is net of redemptions, in either language', async () => {
    const net = (id: number, days: number | null) => metric({ id, filter: { ...metric({}).filter, transaction_kinds: ['subscribe'], net_of_redemptions_within_days: days } });
    stubApi([net(1, 30), net(2, 1), net(3, null)]);
    const wrapper = mount(MetricsPage, { global: { plugins: [i18n] }, attachTo: document.body });
    await flushPromises();
    const lines = () => wrapper.findAll('[data-test=metric-list] li').map((l) => l.text());
    expect(lines()[0]).toContain('金额 · 交易 · 个人 · 季度 · 扣除30天内赎回');
    expect(lines()[2]).not.toContain('赎回');
    setLocale('en');
    await flushPromises();
    expect(lines()[0]).toContain('Amount · Transactions · person · Quarter · net of redemptions within 30 days');
    expect(lines()[1]).toContain('· net of redemptions within 1 day');
    expect(lines()[2]).not.toContain('redemptions');
  });
});
