// What the complaints module's pages share: where the staff pages live and the state and SLA badges.
import { Badge } from '../../kernel/ui/components.tsx';
import type { View } from '../../kernel/ui/view.ts';
import type { SlaStatus } from './complaints.rules.ts';

/** The staff pages (list, detail, entry). */
export const BASE = '/pengaduan/kelola';

export const slaTone = (s: SlaStatus) => (s === 'overdue' || s === 'late' ? 'danger' : s === 'near' ? 'warning' : s === 'met' ? 'success' : 'neutral');
const stateTone = (s: string) => (s === 'closed' ? 'success' : s === 'received' ? 'warning' : s === 'in_process' ? 'info' : 'neutral');

export function StateBadge({ v, state }: { v: View; state: string }) {
  return <Badge tone={stateTone(state)}>{v.t(`complaints.state.${state}`)}</Badge>;
}

/** A unit as the pickers show it: the public form and the staff pages name units in full. */
export const byName = (units: readonly { id: string; name: string }[]) => units.map((u) => ({ id: u.id, shortName: u.name }));
