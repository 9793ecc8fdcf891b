import type { Router } from '../../kernel/http.tsx';

export function registerWbsRoutes(_r: Router): void {}
