// The data worker's helper worker (see helper.ts).
import type { WorkerScope } from './host';
import { serveHelper } from './helper';

serveHelper(self as unknown as WorkerScope);
