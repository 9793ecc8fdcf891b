// The whistleblowing module's links on the public portal (the WBS is the regency's, on every page):
// what it is and how to report, and checking a report with its receipt.
import type { PublicLinkSource } from '../portal/index.ts';

export const wbsPublicLinks: PublicLinkSource = async () => [
  { section: 'report', key: 'wbs.title', href: '/wbs' },
  { section: 'report', key: 'wbs.action.check', href: '/wbs/cek' },
];
