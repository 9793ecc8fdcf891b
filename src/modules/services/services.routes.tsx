import type { Router } from '../../kernel/http.tsx';

export function registerServicesRoutes(_r: Router): void {}
