import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAMPAIGN_LIMITS } from '../campaign-definition';

// The OpenAPI shape of a campaign body. Validation is parseCampaignInput (campaign-definition.ts), which names
// every bad field; these classes only document it, with every limit read from CAMPAIGN_LIMITS, the parser's own.

const { campaignId, codeGroup, steps, delayMinutes, minimumCartValue, frequencyCapHours, minimumDaysInactive, coolDownDays } = CAMPAIGN_LIMITS;

export class EmailTemplateDto {
  @ApiProperty({ minLength: 1, description: 'Subject, not blank; {{...}} variables and code macros (K3) are filled per email' })
  subject!: string;

  @ApiProperty({ minLength: 1, description: 'Plain-text body, not blank; {{...}} variables and code macros (K3) are filled per email' })
  text!: string;

  @ApiPropertyOptional({ enum: ['plain', 'liquid'], default: 'plain', description: "plain: {{name}} variables and {{promocode 'GROUP'}} macros; liquid: LiquidJS, cart.lines a list, macros as tags ({% promocode 'GROUP' %})" })
  syntax?: 'plain' | 'liquid';

  @ApiPropertyOptional({ minLength: 1, description: 'liquid only: the HTML message inside the default layout (values escaped); without it the HTML shows the text body' })
  html?: string;
}

export class AbandonedCartStepDto {
  @ApiProperty({ type: 'integer', description: 'Minutes after the cart last changed; each step later than the one before', minimum: delayMinutes.min, maximum: delayMinutes.max })
  delayMinutes!: number;

  @ApiProperty({ type: EmailTemplateDto })
  template!: EmailTemplateDto;
}

export class CampaignInputDto {
  @ApiProperty({ description: 'Taken from the path on PUT', pattern: campaignId.source, example: 'abandoned-cart' })
  campaignId!: string;

  @ApiProperty({ minLength: 1, description: 'Not blank' })
  name!: string;

  @ApiPropertyOptional({ default: true })
  enabled?: boolean;

  @ApiProperty({ enum: ['abandoned_cart', 'retention'] })
  kind!: 'abandoned_cart' | 'retention';

  @ApiPropertyOptional({ type: String, nullable: true, description: "The code-inventory group of the code macros that name none ({{promocode}}, {{last_promocode}}); required when a template uses them", pattern: codeGroup.source })
  codeGroup?: string | null;

  @ApiPropertyOptional({ type: [AbandonedCartStepDto], minItems: steps.min, maxItems: steps.max, description: 'abandoned_cart: required' })
  steps?: AbandonedCartStepDto[];

  @ApiPropertyOptional({ type: 'integer', description: 'abandoned_cart: minimum cart value in minor units', minimum: minimumCartValue.min, maximum: minimumCartValue.max, default: minimumCartValue.default })
  minimumCartValue?: number;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'at most one email of the kind (abandoned_cart or retention, any campaign) per customer within this many hours; 0: no cap',
    minimum: frequencyCapHours.min,
    maximum: frequencyCapHours.max,
    default: frequencyCapHours.default,
  })
  frequencyCapHours?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'retention: required; days without an order before an offer', minimum: minimumDaysInactive.min, maximum: minimumDaysInactive.max })
  minimumDaysInactive?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'retention: days between two offers to one customer', minimum: coolDownDays.min, maximum: coolDownDays.max, default: coolDownDays.default })
  coolDownDays?: number;

  @ApiPropertyOptional({ type: EmailTemplateDto, description: 'retention: required' })
  template?: EmailTemplateDto;
}
