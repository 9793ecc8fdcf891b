// The complaints module's links on the public portal: the complaint form (with the unit chosen on a
// unit's page) and the tracking page.
import type { PublicLinkSource } from '../portal/index.ts';

export const complaintsPublicLinks: PublicLinkSource = async ({ unit }) => [
  { section: 'report', key: 'complaints.public.unit_page_link', href: unit ? `/publik/unit/${encodeURIComponent(unit.code)}/pengaduan` : '/pengaduan' },
  { section: 'report', key: 'complaints.public.track_link', href: '/pengaduan/lacak' },
];
