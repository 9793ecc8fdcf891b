import type { Router } from '../../kernel/http.tsx';

export function registerComplaintsRoutes(_r: Router): void {}
