import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The OpenAPI shape of a campaign body. Validation is parseCampaignInput (campaign-definition.ts), which
// names every bad field; these classes only document it, so keep the two in step.

export class EmailTemplateDto {
  @ApiProperty({ description: 'Subject; {{...}} variables and code macros (K3) are filled per email' })
  subject!: string;

  @ApiProperty({ description: 'Plain-text body; {{...}} variables and code macros (K3) are filled per email' })
  text!: string;

  @ApiPropertyOptional({ enum: ['plain', 'liquid'], default: 'plain', description: "plain: {{name}} variables and {{promocode 'GROUP'}} macros; liquid: LiquidJS, cart.lines a list, macros as tags ({% promocode 'GROUP' %})" })
  syntax?: 'plain' | 'liquid';

  @ApiPropertyOptional({ description: 'liquid only: the HTML message inside the default layout (values escaped); without it the HTML shows the text body' })
  html?: string;
}

export class AbandonedCartStepDto {
  @ApiProperty({ description: 'Minutes after the cart last changed; each step later than the one before', minimum: 1, maximum: 86_400 })
  delayMinutes!: number;

  @ApiProperty({ type: EmailTemplateDto })
  template!: EmailTemplateDto;
}

export class CampaignInputDto {
  @ApiProperty({ description: 'Taken from the path on PUT', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$', example: 'abandoned-cart' })
  campaignId!: string;

  @ApiProperty()
  name!: string;

  @ApiPropertyOptional({ default: true })
  enabled?: boolean;

  @ApiProperty({ enum: ['abandoned_cart', 'retention'] })
  kind!: 'abandoned_cart' | 'retention';

  @ApiPropertyOptional({ type: String, nullable: true, description: "The code-inventory group of the code macros that name none ({{promocode}}, {{last_promocode}}); required when a template uses them", pattern: '^[A-Za-z0-9_-]{1,64}$' })
  codeGroup?: string | null;

  @ApiPropertyOptional({ type: [AbandonedCartStepDto], minItems: 1, maxItems: 10, description: 'abandoned_cart: required' })
  steps?: AbandonedCartStepDto[];

  @ApiPropertyOptional({ description: 'abandoned_cart: minimum cart value in minor units', minimum: 0, default: 0 })
  minimumCartValue?: number;

  @ApiPropertyOptional({ description: 'at most one email of the kind (abandoned_cart or retention, any campaign) per customer within this many hours; 0: no cap', minimum: 0, maximum: 8_760, default: 24 })
  frequencyCapHours?: number;

  @ApiPropertyOptional({ description: 'retention: required; days without an order before an offer', minimum: 1, maximum: 3_650 })
  minimumDaysInactive?: number;

  @ApiPropertyOptional({ description: 'retention: days between two offers to one customer', minimum: 0, maximum: 3_650, default: 30 })
  coolDownDays?: number;

  @ApiPropertyOptional({ type: EmailTemplateDto, description: 'retention: required' })
  template?: EmailTemplateDto;
}
