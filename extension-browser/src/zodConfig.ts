import { z } from 'zod';

// MV3 pages forbid eval: without this, zod probes `new Function` and Chrome logs a CSP violation on every page.
z.config({ jitless: true });
