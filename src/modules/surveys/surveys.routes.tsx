import type { Router } from '../../kernel/http.tsx';

export function registerSurveysRoutes(_r: Router): void {}
