// The campaigns a manager's form or filter names (up to 200: a company runs a handful a year),
// read once per page; a failure leaves the list empty and the page still works.
import { onMounted, shallowRef } from 'vue';
import { get } from '@/api/client';
import type { Campaign } from '@/api/manageTypes';
import type { Page } from '@/api/types';

export function useCampaigns() {
  const campaigns = shallowRef<Campaign[]>([]);
  onMounted(async () => {
    campaigns.value = (await get<Page<Campaign>>('/api/v1/campaigns', { limit: 200 }).catch(() => ({ items: [] }))).items;
  });
  const campaignName = (id: number | null) => campaigns.value.find((c) => c.id === id)?.name ?? `#${id}`;
  return { campaigns, campaignName };
}
