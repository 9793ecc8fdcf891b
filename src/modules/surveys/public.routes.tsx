import type { Router } from '../../kernel/http.tsx';

export function registerSurveyPublicRoutes(_r: Router): void {}
