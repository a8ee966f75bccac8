import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows whose code is printable ASCII: their case is changed in SQL, with `translate`, whatever the database's locale. */
const ASCII_ONLY = `code ~ '^[ -~]*$'`;
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

type Direction = 'lower' | 'upper';

/**
 * Codes were keyed upper case in pricing and lower case in code-inventory and the ledger; the one normal form is now
 * lower case (normalizeCode in libs/pricing-engine, C2, #22). Re-keys pricing's `promotion_codes` and `code_usage`.
 * The few non-ASCII codes are re-keyed here in JavaScript, so the fold is the one normalizeCode applies at runtime.
 * Two keys that fold to one add their uses (code_usage) or keep the promotion that already holds it (promotion_codes).
 */
export class LowerCaseCodeKeys1796649459584 implements MigrationInterface {
  name = 'LowerCaseCodeKeys1796649459584';

  async up(queryRunner: QueryRunner): Promise<void> {
    await rekey(queryRunner, 'lower');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await rekey(queryRunner, 'upper');
  }
}

async function rekey(queryRunner: QueryRunner, direction: Direction): Promise<void> {
  const folded = direction === 'lower' ? `translate(code, '${UPPER}', '${LOWER}')` : `translate(code, '${LOWER}', '${UPPER}')`;
  await queryRunner.query(
    `INSERT INTO code_usage (code, uses)
       SELECT ${folded}, sum(uses) FROM code_usage WHERE ${ASCII_ONLY} AND code <> ${folded} GROUP BY ${folded}
     ON CONFLICT (code) DO UPDATE SET uses = code_usage.uses + EXCLUDED.uses`,
  );
  await queryRunner.query(`DELETE FROM code_usage WHERE ${ASCII_ONLY} AND code <> ${folded}`);
  await queryRunner.query(
    `INSERT INTO promotion_codes (code, promotion_id)
       SELECT DISTINCT ON (${folded}) ${folded}, promotion_id FROM promotion_codes WHERE ${ASCII_ONLY} AND code <> ${folded} ORDER BY ${folded}, code
     ON CONFLICT (code) DO NOTHING`,
  );
  await queryRunner.query(`DELETE FROM promotion_codes WHERE ${ASCII_ONLY} AND code <> ${folded}`);

  const fold = (code: string): string => (direction === 'lower' ? code.toLowerCase() : code.toUpperCase());
  const usages: { code: string; uses: string }[] = await queryRunner.query(`SELECT code, uses FROM code_usage WHERE NOT (${ASCII_ONLY})`);
  for (const { code, uses } of usages) {
    if (fold(code) === code) continue;
    await queryRunner.query(`INSERT INTO code_usage (code, uses) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET uses = code_usage.uses + EXCLUDED.uses`, [fold(code), uses]);
    await queryRunner.query(`DELETE FROM code_usage WHERE code = $1`, [code]);
  }
  const codes: { code: string; promotion_id: string }[] = await queryRunner.query(`SELECT code, promotion_id FROM promotion_codes WHERE NOT (${ASCII_ONLY})`);
  for (const { code, promotion_id: promotionId } of codes) {
    if (fold(code) === code) continue;
    await queryRunner.query(`INSERT INTO promotion_codes (code, promotion_id) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING`, [fold(code), promotionId]);
    await queryRunner.query(`DELETE FROM promotion_codes WHERE code = $1`, [code]);
  }
}
