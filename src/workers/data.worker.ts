// The data worker: holds the loaded file, its dataset and its split (see data-handlers.ts).
import { dataHandlers } from './data-handlers';
import { serve, type WorkerScope } from './host';
import type { DataApi } from './protocol';

serve<DataApi>(self as unknown as WorkerScope, dataHandlers());
