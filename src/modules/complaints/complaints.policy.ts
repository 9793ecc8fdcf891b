import type { Policy } from '../../kernel/access.ts';

// Who sees what (decision 0011): complaint handlers of a unit handle its complaints; the unit head
// reads them (oversight) but does not handle; the regency administrator does everything everywhere.
// ZI team roles and the regency viewer see statistics only (counts, no complainant, no text);
// other employees see nothing. The public form and the tracking page need no account.
export const complaintsPolicy: Policy = {
  'complaints.public': 'public',
  'complaints.view': ['complaint_handler', 'unit_head', 'regency_admin'],
  'complaints.handle': ['complaint_handler', 'regency_admin'],
  'complaints.stats': ['complaint_handler', 'unit_head', 'zi_ketua', 'zi_sekretaris', 'regency_admin', 'regency_viewer'],
};
