// The posted Pakta form: the one confirmation box (the service refuses an unconfirmed signature).
import { z } from 'zod';
import { checkbox } from '../../kernel/validate.ts';

export const signForm = z.object({ confirm: checkbox() });
