import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CampaignDefinition, CampaignKind } from './campaign-definition';

@Entity({ name: 'campaigns' })
export class CampaignEntity {
  @PrimaryColumn({ type: 'text' })
  campaignId!: string;

  @Column({ type: 'text' })
  kind!: CampaignKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ type: 'jsonb' })
  definition!: CampaignDefinition;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}
