import type { Router } from '../../kernel/http.tsx';

export function registerGratificationRoutes(_r: Router): void {
}
