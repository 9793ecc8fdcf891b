// The plan's schedule as a workbook: area, activity, person in charge, January–December marks,
// outputs, expected evidence and LKE codes; one row per activity, grouped by area.
import ExcelJS from 'exceljs';
import { MONTHS } from './plan.rules.ts';

export interface ScheduleRow { area: number; areaName: string; title: string; pic: string; months: number[]; outputs: string; evidence: string; lke: string }

export interface ScheduleLabels { sheet: string; title: string; area: string; activity: string; pic: string; months: string[]; outputs: string; evidence: string; lke: string }

export async function renderScheduleXlsx(labels: ScheduleLabels, rows: ScheduleRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Integritas';
  const ws = wb.addWorksheet(labels.sheet, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([labels.title]).font = { bold: true, size: 12 };
  ws.addRow([]);
  const head = ws.addRow([labels.area, labels.activity, labels.pic, ...labels.months, labels.outputs, labels.evidence, labels.lke]);
  head.font = { bold: true };
  head.eachCell((c) => { c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDBE4F0' } }; c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }; });
  ws.views = [{ state: 'frozen', ySplit: 3, xSplit: 2 }];
  for (const r of rows) {
    const row = ws.addRow([`${r.area}. ${r.areaName}`, r.title, r.pic, ...MONTHS.map((m) => (r.months.includes(m) ? '●' : '')), r.outputs, r.evidence, r.lke]);
    row.alignment = { vertical: 'top', wrapText: true };
    for (let i = 4; i < 16; i++) row.getCell(i).alignment = { horizontal: 'center', vertical: 'top' };
  }
  ws.columns.forEach((col, i) => { col.width = i === 0 ? 28 : i === 1 ? 42 : i === 2 ? 26 : i < 15 ? 5 : 30; });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
