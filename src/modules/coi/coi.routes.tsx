import type { Router } from '../../kernel/http.tsx';

export function registerCoiRoutes(_r: Router): void {
}
