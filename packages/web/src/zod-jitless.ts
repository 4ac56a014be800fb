// Imported first by main.ts, so it runs before any module that parses with zod (the rules package validates its
// vocabulary when imported): the page's policy forbids eval, and zod's probe for it is reported as a violation.
import { config } from 'zod';

config({ jitless: true });
