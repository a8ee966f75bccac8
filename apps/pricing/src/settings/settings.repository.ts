import { Injectable } from '@nestjs/common';
import { DEFAULT_SETTINGS, type Settings, parseSettings } from '@promo/pricing-engine';
import type { EntityManager } from 'typeorm';
import { DEFAULT_STORE_LOCALE, parseStoreLocale } from './store-locale';

export interface StoredSettings {
  readonly settings: Settings;
  /** The store's display locale (BCP 47), kept beside the engine's settings. */
  readonly locale: string;
  /** 0 until the merchant first saves settings (then the defaults apply). */
  readonly version: number;
  readonly changeSeq: number;
}

/** SQL of the one-row `pricing.store_settings` (P9). */
@Injectable()
export class SettingsRepository {
  async read(manager: EntityManager, forUpdate = false): Promise<StoredSettings> {
    const rows: { settings: unknown; version: number; changeSeq: string }[] = await manager.query(
      `SELECT settings, version, change_seq AS "changeSeq" FROM store_settings WHERE id = 1${forUpdate ? ' FOR UPDATE' : ''}`,
    );
    const row = rows[0];
    if (row === undefined) return { settings: DEFAULT_SETTINGS, locale: DEFAULT_STORE_LOCALE, version: 0, changeSeq: 0 };
    const parsed = parseSettings(row.settings);
    if (!parsed.ok) throw new Error(`stored settings are invalid: ${JSON.stringify(parsed.errors)}`);
    const storedLocale = typeof row.settings === 'object' && row.settings !== null && 'locale' in row.settings ? parseStoreLocale(row.settings.locale) : undefined;
    const locale = storedLocale?.ok === true ? storedLocale.locale : DEFAULT_STORE_LOCALE;
    return { settings: parsed.value, locale, version: row.version, changeSeq: Number(row.changeSeq) };
  }

  async write(manager: EntityManager, settings: Settings, locale: string, now: Date): Promise<StoredSettings> {
    const rows: { version: number; changeSeq: string }[] = await manager.query(
      `INSERT INTO store_settings (id, settings, version, change_seq, updated_at) VALUES (1, $1, 1, nextval('change_seq'), $2)
       ON CONFLICT (id) DO UPDATE SET settings = EXCLUDED.settings, version = store_settings.version + 1,
         change_seq = EXCLUDED.change_seq, updated_at = EXCLUDED.updated_at
       RETURNING version, change_seq AS "changeSeq"`,
      [JSON.stringify({ ...settings, locale }), now],
    );
    const row = rows[0];
    if (row === undefined) throw new Error('store settings were not written');
    return { settings, locale, version: row.version, changeSeq: Number(row.changeSeq) };
  }
}
