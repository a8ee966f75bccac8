import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, ConflictError, NotFoundError, ValidationFailedError } from '@promo/platform';
import { DataSource } from 'typeorm';
import type { AbandonedCartDefinition, RetentionDefinition } from './campaign-definition';
import { parseCampaignInput } from './campaign-definition';
import { CampaignEntity } from './campaign.entity';
import { LiquidRenderer } from '../email/liquid.renderer';

export interface CampaignView {
  readonly campaignId: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly kind: string;
  readonly [field: string]: unknown;
}

export function toCampaignView(entity: CampaignEntity): CampaignView {
  const { kind, ...definition } = entity.definition;
  return { campaignId: entity.campaignId, name: entity.name, enabled: entity.enabled, kind, ...definition };
}

/** Campaign definitions (K1, K2): create, replace, read; validation names every bad field. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly liquid: LiquidRenderer,
  ) {}

  async create(body: unknown): Promise<CampaignView> {
    const { input, errors } = parseCampaignInput(body, this.liquid);
    if (!input) throw new ValidationFailedError(errors);
    const repository = this.dataSource.getRepository(CampaignEntity);
    const now = this.clock.now();
    const entity = repository.create({ ...input, kind: input.definition.kind, createdAt: now, updatedAt: now });
    // The insert itself decides, not a read before it: two requests (on two replicas) creating one id get a 201 and a 409, never a 500.
    const inserted = await repository.createQueryBuilder().insert().values(entity).orIgnore().returning('campaign_id').execute();
    const rows: unknown = inserted.raw;
    if (!Array.isArray(rows) || rows.length === 0) throw new ConflictError(`campaign ${input.campaignId} already exists`, 'campaign_exists');
    return toCampaignView(entity);
  }

  async replace(campaignId: string, body: unknown): Promise<CampaignView> {
    const { input, errors } = parseCampaignInput(body, this.liquid, campaignId);
    if (!input) throw new ValidationFailedError(errors);
    const repository = this.dataSource.getRepository(CampaignEntity);
    const existing = await repository.findOneBy({ campaignId });
    if (!existing) throw new NotFoundError(`campaign ${campaignId} does not exist`);
    if (existing.kind !== input.definition.kind) {
      throw new ValidationFailedError([{ field: 'kind', reason: 'immutable', detail: `a ${existing.kind} campaign cannot change kind` }]);
    }
    const entity = repository.merge(existing, { name: input.name, enabled: input.enabled, definition: input.definition, updatedAt: this.clock.now() });
    await repository.save(entity);
    return toCampaignView(entity);
  }

  async get(campaignId: string): Promise<CampaignView> {
    const entity = await this.dataSource.getRepository(CampaignEntity).findOneBy({ campaignId });
    if (!entity) throw new NotFoundError(`campaign ${campaignId} does not exist`);
    return toCampaignView(entity);
  }

  async list(): Promise<readonly CampaignView[]> {
    const entities = await this.dataSource.getRepository(CampaignEntity).find({ order: { campaignId: 'ASC' } });
    return entities.map(toCampaignView);
  }
}

/** The enabled campaigns of one kind, with their typed definitions. */
export async function enabledAbandonedCartCampaigns(dataSource: Pick<DataSource, 'getRepository'>): Promise<readonly { readonly campaignId: string; readonly definition: AbandonedCartDefinition }[]> {
  const entities = await dataSource.getRepository(CampaignEntity).findBy({ kind: 'abandoned_cart', enabled: true });
  return entities.flatMap((entity) => (entity.definition.kind === 'abandoned_cart' ? [{ campaignId: entity.campaignId, definition: entity.definition }] : []));
}

export async function enabledRetentionCampaigns(dataSource: Pick<DataSource, 'getRepository'>): Promise<readonly { readonly campaignId: string; readonly definition: RetentionDefinition }[]> {
  // By id: when two campaigns qualify within one frequency cap, the first by id is the one that emails.
  const entities = await dataSource.getRepository(CampaignEntity).find({ where: { kind: 'retention', enabled: true }, order: { campaignId: 'ASC' } });
  return entities.flatMap((entity) => (entity.definition.kind === 'retention' ? [{ campaignId: entity.campaignId, definition: entity.definition }] : []));
}
