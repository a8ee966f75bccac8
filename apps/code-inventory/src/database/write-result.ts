/** TypeORM's Postgres driver answers `UPDATE`/`DELETE … RETURNING` with `[rows, affectedCount]` (INSERT with the rows alone). */
export type WriteResult<TRow> = readonly [readonly TRow[], number];
