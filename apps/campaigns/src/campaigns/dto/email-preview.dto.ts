import { ApiProperty } from '@nestjs/swagger';

// The OpenAPI shape of a preview request. Validation is EmailPreviewService's (the cart against the
// cart.updated schema of libs/contracts); this class only documents it.

export class EmailPreviewDto {
  @ApiProperty({ description: 'A cart as the cart.updated event carries it (a line may carry an imageUrl)', type: 'object', additionalProperties: true })
  cart!: Record<string, unknown>;
}
