import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The OpenAPI shape of POST /v1/suppressions; SuppressionsService.add validates it and names bad fields. */
export class AddSuppressionDto {
  @ApiProperty({ format: 'email', example: 'jane@example.com' })
  email!: string;

  @ApiPropertyOptional()
  customerId?: string;
}
