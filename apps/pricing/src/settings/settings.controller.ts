import { ApiBody, ApiHeader, ApiOkResponse } from '@nestjs/swagger';
import { Body, Controller, Get, Headers, Put, Res } from '@nestjs/common';
import { type HttpReply, RequiresScope, ApiProblemResponses } from '@promo/platform';
import type { Settings } from '@promo/pricing-engine';
import { STORE_SETTINGS_VIEW_EXAMPLE } from '../docs/admin-api.examples';
import { STORE_SETTINGS_SCHEMA, STORE_SETTINGS_VIEW_SCHEMA } from '../docs/admin-api.schemas';
import { etagOf, expectedVersion } from '../promotions/expected-version';
import type { StoredSettings } from './settings.repository';
import { SettingsService } from './settings.service';

type SettingsView = Settings & { readonly locale: string; readonly version: number };

const ETAG = { ETag: { description: 'The version of the settings answered, quoted ("3"): send it as If-Match to change them', schema: { type: 'string' } } };

/** Store promotion settings (P9) for the admin. */
@Controller('v1/settings')
@RequiresScope('admin')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @ApiOkResponse({ description: 'the settings in force', schema: STORE_SETTINGS_VIEW_SCHEMA, headers: ETAG, example: STORE_SETTINGS_VIEW_EXAMPLE })
  @Get()
  async get(@Res({ passthrough: true }) response: HttpReply): Promise<SettingsView> {
    return this.view(response, await this.settings.get());
  }

  // The body's shape is store-settings.schema.json, which parseSettings (the validator) agrees with: docs/promotion-schema.spec.ts.
  @ApiProblemResponses(400, 409, 413)
  @ApiOkResponse({ description: 'the settings written, at their next version', schema: STORE_SETTINGS_VIEW_SCHEMA, headers: ETAG, example: STORE_SETTINGS_VIEW_EXAMPLE })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag read ("3" or W/"3"): a stale one is a 409; without it (or a body version) the write is unconditional' })
  @Put()
  @ApiBody({ schema: STORE_SETTINGS_SCHEMA })
  async put(@Body() body: unknown, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) response: HttpReply): Promise<SettingsView> {
    const settingsBody = typeof body === 'object' && body !== null ? Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'version')) : body;
    return this.view(response, await this.settings.put(settingsBody, expectedVersion(ifMatch, body)));
  }

  private view(response: HttpReply, stored: StoredSettings): SettingsView {
    response.header('ETag', etagOf(stored.version));
    return { ...stored.settings, locale: stored.locale, version: stored.version };
  }
}
