import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { PublicRoute, RequiresScope } from '@promo/platform';
import { AddSuppressionDto } from './dto/add-suppression.dto';
import type { SuppressionEntity } from './suppression.entity';
import { SuppressionsService } from './suppressions.service';

@Controller('v1')
export class SuppressionsController {
  constructor(private readonly suppressions: SuppressionsService) {}

  @Get('suppressions')
  @RequiresScope('admin')
  async list(): Promise<{ readonly items: readonly SuppressionEntity[] }> {
    return { items: await this.suppressions.list() };
  }

  @Post('suppressions')
  @RequiresScope('admin')
  @HttpCode(201)
  @ApiBody({ type: AddSuppressionDto })
  add(@Body() body: unknown): Promise<SuppressionEntity> {
    return this.suppressions.add(body);
  }

  @Delete('suppressions/:email')
  @RequiresScope('admin')
  @HttpCode(204)
  remove(@Param('email') email: string): Promise<void> {
    return this.suppressions.remove(email);
  }

  /** The signed link in every email (K3); the signature stands in for an API key. */
  @Get('unsubscribe')
  @PublicRoute()
  async unsubscribe(@Query('email') email?: string, @Query('sig') sig?: string): Promise<{ readonly unsubscribed: true }> {
    await this.suppressions.unsubscribe(email, sig);
    return { unsubscribed: true };
  }
}
