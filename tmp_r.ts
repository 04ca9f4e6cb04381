import { benchReport } from './bench/report.bench.ts';
await benchReport();
