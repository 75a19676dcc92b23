/**
 * Writing files so that nothing is ever half-written under its final name: the bytes go to a temporary file beside
 * it (a hidden name with this process's id), which is then renamed into place. A process stopped in between leaves at
 * most that temporary file, which the next run removes (`removeStaleTemporaries`).
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** Temporary files this process has open, removed if it is interrupted (see `removeTemporariesNow`). */
const open = new Set<string>();

function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Write `data` to `file` through a temporary file in the same folder and a rename. */
export async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = temporaryName(file);
  open.add(tmp);
  try {
    await fsp.writeFile(tmp, data, { flag: 'wx' });
    await fsp.rename(tmp, file);
  } catch (e) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    open.delete(tmp);
  }
}

/** Remove the temporary files of writes still under way (for a process about to exit on a signal). */
export function removeTemporariesNow(rmSync: (p: string) => void): void {
  for (const tmp of open) {
    try {
      rmSync(tmp);
    } catch {
      /* already gone */
    }
  }
  open.clear();
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove temporary files that an interrupted earlier run left in `dir` (not those of this process). */
export async function removeStaleTemporaries(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await fsp.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = TEMPORARY.exec(name);
    if (!m || isAlive(Number(m[1]))) continue; // ours, or another run writing into the same folder right now
    await fsp.rm(path.join(dir, name), { force: true }).catch(() => undefined);
    removed++;
  }
  return removed;
}
