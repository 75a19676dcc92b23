/**
 * Entry of the workspace scan's worker threads (bundled as dist/scan-worker.js, shipped in the .vsix): the folder
 * check's worker body (../cli/scan/worker.ts), which reads the files the scan sends and answers one compact result
 * per file. PDFs are left to the extension's reading worker.
 */
import { isScanWorker, runScanWorker } from '../cli/scan/worker';

if (isScanWorker()) runScanWorker();
