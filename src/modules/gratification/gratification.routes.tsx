// Pages of the gratification-control module under /gratifikasi. Every signed-in employee: report a
// gift received or refused (the form explains the rules of the version applying to the date of
// receipt), their own reports with the timeline, completion when asked, the KPK decision
// (report.routes.tsx). The UPG of a unit (gratification.handle): the reports of the unit with
// deadlines and late flags, the workflow steps, the KPK export (upg.routes.tsx); the custody register
// with receipts, the UPG settings, the campaign register (gratification.campaign), statistics and the
// periodic UPG report, counts only (gratification.stats) (staff.routes.tsx).
import type { Router } from '../../kernel/http.tsx';
import { registerReportRoutes } from './report.routes.tsx';
import { registerStaffRoutes } from './staff.routes.tsx';
import { registerUpgRoutes } from './upg.routes.tsx';

export function registerGratificationRoutes(r: Router): void {
  registerReportRoutes(r);
  registerUpgRoutes(r);
  registerStaffRoutes(r);
}
