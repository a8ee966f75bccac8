import { ApiBody } from '@nestjs/swagger';
import { SettingsBodyDoc } from '../docs/request-bodies.doc';
import { Body, Controller, Get, Headers, Put, Res } from '@nestjs/common';
import { type HttpReply, RequiresScope, ApiProblemResponses } from '@promo/platform';
import type { Settings } from '@promo/pricing-engine';
import { etagOf, expectedVersion } from '../promotions/expected-version';
import type { StoredSettings } from './settings.repository';
import { SettingsService } from './settings.service';

type SettingsView = Settings & { readonly locale: string; readonly version: number };

/** Store promotion settings (P9) for the admin. */
@Controller('v1/settings')
@RequiresScope('admin')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  async get(@Res({ passthrough: true }) response: HttpReply): Promise<SettingsView> {
    return this.view(response, await this.settings.get());
  }

  @ApiProblemResponses(400, 409)
  @Put()
  @ApiBody({ type: SettingsBodyDoc })
  async put(@Body() body: unknown, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) response: HttpReply): Promise<SettingsView> {
    const settingsBody = typeof body === 'object' && body !== null ? Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'version')) : body;
    return this.view(response, await this.settings.put(settingsBody, expectedVersion(ifMatch, body)));
  }

  private view(response: HttpReply, stored: StoredSettings): SettingsView {
    response.header('ETag', etagOf(stored.version));
    return { ...stored.settings, locale: stored.locale, version: stored.version };
  }
}
