/**
 * The only addresses the preview links to besides "#": SEC.gov pages over HTTPS (the filing's EDGAR address and its
 * index). The address comes with the filing (a download manifest, a file name), so anything else, a `javascript:` or
 * `command:` URI above all, is shown as text and never made a link.
 */
export function secHrefOf(address: string): string | null {
  let u: URL;
  try {
    u = new URL(address);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase();
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return null;
  return host === 'sec.gov' || host.endsWith('.sec.gov') ? u.href : null;
}
