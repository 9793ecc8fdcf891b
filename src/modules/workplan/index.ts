// Public surface of the workplan module: pencanangan, Pakta Integritas, Tim Kerja ZI, agen
// perubahan, the Rencana Kerja with its monthly schedule, and monev.
export * from './workplan.schema.ts';
