import { useState } from 'react';
import { useStore } from '../settings/store-context';
import { useAsync } from '../ui/use-async';
import { type Campaign, CampaignEditor } from './campaign-editor';
import { Suppressions } from './suppressions';

const NEW_CAMPAIGN: Campaign = { campaignId: '', name: '', enabled: true, kind: 'abandoned_cart', codeGroup: null, minimumCartValue: 0, frequencyCapHours: 24 };

/** Campaign settings and templates, and the suppression list. */
export function CampaignsPage() {
  const store = useStore();
  const campaigns = useAsync(() => store.api.campaigns.get('/v1/campaigns').then((a) => a.items), [store.api]);
  // The code groups a campaign's {{promocode}} can issue from (code-inventory), for the editors' selects.
  const groups = useAsync(() => store.api.codeInventory.get('/v1/groups').then((a) => a.groups), [store.api]);
  const groupList = groups.data ?? [];
  const [adding, setAdding] = useState(false);
  return (
    <div className="campaigns">
      <header className="page-header">
        <h1>Campaigns</h1>
        <button type="button" onClick={() => setAdding(true)}>New campaign</button>
      </header>
      {campaigns.error === null ? null : <p className="banner error" role="alert">{campaigns.error}</p>}
      {adding ? <CampaignEditor campaign={NEW_CAMPAIGN} groups={groupList} isNew onSaved={() => { setAdding(false); campaigns.reload(); }} /> : null}
      {(campaigns.data ?? []).map((campaign) => <CampaignEditor key={campaign.campaignId} campaign={campaign} groups={groupList} isNew={false} onSaved={campaigns.reload} />)}
      <Suppressions />
    </div>
  );
}
