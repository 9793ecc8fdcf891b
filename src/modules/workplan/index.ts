// Public surface of the workplan module: pencanangan, Pakta Integritas, Tim Kerja ZI, agen
// perubahan, the Rencana Kerja with its monthly schedule, and monev. Each feature adds its exports here.
import type { NavItem } from '../../kernel/ui/view.ts';

export const workplanNav: NavItem[] = [];
