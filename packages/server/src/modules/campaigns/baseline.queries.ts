// Baselines taken from an import marked as the old 困难职工数据库: the files it brought (new, changed or
// already there, once committed) that are in the register, per region and unit. Reads the exchange module's imports and
// import_rows with the households they point to: a named read model, not an owner.
import type { Q } from '../../db/transaction.js';

/** The import, if it may give baselines: its status and whether it is marked as the old database. */
export async function oldDatabaseImport(db: Q, importId: number) {
  return db.selectFrom('imports').select(['id', 'status', 'old_database', 'file_name']).where('id', '=', importId).executeTakeFirst();
}

/** The files an import brought, per region and unit ('' for a county's own). */
export async function importedFilesByOrg(db: Q, importId: number) {
  // by the worker's identity number: a new row's file got its id at commit, not written back to the row
  const rows = await db.selectFrom('import_rows').innerJoin('households', 'households.id_number', 'import_rows.id_number')
    .select(['households.region_code', 'households.unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('import_rows.import_id', '=', importId).where('import_rows.status', 'in', ['new', 'changed', 'unchanged'])
    .where('households.status', 'not in', ['removed', 'exited'])
    .groupBy(['households.region_code', 'households.unit_id']).execute();
  return rows.map((r) => ({ regionCode: r.region_code, unitId: r.unit_id ?? '', n: Number(r.n) }));
}
