// The data worker's helper: reads the second half of a large file (see parts.ts).
import type { WorkerScope } from './host';
import { serveParts } from './parts';

serveParts(self as unknown as WorkerScope);
