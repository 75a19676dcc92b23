'use strict';
/**
 * EDGAR replayed on this machine, from the recorded responses in ../shared/edgar-recorded (read there, never copied):
 * the client reaches it through its one redirection contract, FORM4_EDGAR_ORIGIN=http://127.0.0.1:PORT, which turns
 * https://HOST/PATH?QUERY into http://127.0.0.1:PORT/HOST/PATH?QUERY (HOST: www.sec.gov, data.sec.gov, efts.sec.gov).
 *
 * It answers as EDGAR does: the recorded status, headers and body (gzip when asked, since SEC compresses), a 304 to a
 * matching If-None-Match / If-Modified-Since, S3's NoSuchKey 404 for anything not recorded, SEC's "Undeclared
 * Automated Tool" 403 page to a request without a User-Agent, and a filing's documents under the folder of every CIK
 * on the filing (FILINGS.tsv), as EDGAR serves them. Saved fixtures (no recorded headers) get the type their file
 * implies and an ETag made from their body.
 *
 * Tests inject faults for the addresses they name (`fault()`): SEC's block pages, a 404, 429 and 503 with
 * Retry-After, a response that stalls past the client's time limit, a truncated body, malformed JSON, an oversized
 * body (plain or as a small gzip that unfolds), a redirect to another host. Every request is logged with its arrival
 * time (`requests`), so tests and the bench can count them and measure the rate.
 *
 *   const { ReplayServer } = require('./replay-server.cjs');
 *   const server = new ReplayServer(); const origin = await server.start(); ... await server.stop();
 *
 * Run alone (`node test/edgar/replay-server.cjs [--port N]`) it serves until stopped and prints its origin.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const zlib = require('node:zlib');
const { URL, URLSearchParams } = require('node:url');

const HOSTS = new Set(['www.sec.gov', 'data.sec.gov', 'efts.sec.gov']);
const DEFAULT_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'edgar-recorded');
const TYPES = {
  '.json': 'application/json',
  '.xml': 'text/xml',
  '.txt': 'text/plain',
  '.idx': 'text/plain',
  '.htm': 'text/html',
  '.html': 'text/html',
};
const DROPPED = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
]);

/** A URL with its query parameters sorted, so that the order a client writes them in does not matter. */
function key(url) {
  const u = new URL(url);
  const params = [...u.searchParams.entries()].sort((a, b) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1,
  );
  const q = new URLSearchParams(params).toString();
  return `${u.protocol}//${u.host}${u.pathname}${q ? `?${q}` : ''}`;
}

function s3NotFound(keyPath) {
  const id = crypto.randomBytes(8).toString('hex').toUpperCase();
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>${keyPath.replace(/[<&]/g, '')}</Key><RequestId>${id}</RequestId></Error>`;
}

class ReplayServer {
  /** @param {{ dir?: string, folderAliases?: boolean, requireUserAgent?: boolean }} [options] */
  constructor(options = {}) {
    this.dir = options.dir || DEFAULT_DIR;
    this.requireUserAgent = options.requireUserAgent !== false;
    this.folderAliases = options.folderAliases !== false;
    this.responses = new Map();
    this.blockPages = {};
    this.aliases = new Map();
    this.faults = [];
    this.requests = [];
    this.sockets = new Set();
    this.server = null;
    this.origin = null;
    this.load();
  }

  static available(dir = DEFAULT_DIR) {
    return fs.existsSync(path.join(dir, 'INDEX.tsv'));
  }

  load() {
    const rdir = path.join(this.dir, 'responses');
    for (const name of fs.readdirSync(rdir).sort()) {
      if (!name.endsWith('.json')) continue;
      const r = JSON.parse(fs.readFileSync(path.join(rdir, name), 'utf8'));
      const entry = {
        id: name.slice(0, -5),
        status: r.status,
        headers: r.headers || {},
        bodyFile: r.body_file ? path.join(this.dir, r.body_file) : null,
        recordedHeaders: r.headers_recorded !== false,
        kind: r.kind,
      };
      if (r.kind === 'block-page') {
        const text = fs.readFileSync(entry.bodyFile, 'utf8');
        if (/Undeclared Automated Tool/i.test(text)) this.blockPages.undeclared = text;
        else if (/Request Rate Threshold/i.test(text)) this.blockPages.rate = text;
        continue;
      }
      if (r.url) this.responses.set(key(r.url), entry);
    }
    // Every CIK on a filing has its documents in its own folder: map each recorded document to the other folders.
    const tsv = fs.readFileSync(path.join(this.dir, 'FILINGS.tsv'), 'utf8').split(/\r?\n/).filter(Boolean);
    const head = tsv[0].split('\t');
    for (const line of tsv.slice(1)) {
      const row = Object.fromEntries(line.split('\t').map((v, i) => [head[i], v]));
      const ciks = [row.issuer_cik, ...(row.owner_ciks || '').split(',')].filter((c) => /^\d+$/.test(c));
      this.aliases.set(row.accession.replace(/-/g, ''), ciks);
    }
  }

  /** Start listening on 127.0.0.1 (an ephemeral port unless given); resolves to the origin for FORM4_EDGAR_ORIGIN. */
  start(port = 0) {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 5000;
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.origin = `http://127.0.0.1:${this.server.address().port}`;
        resolve(this.origin);
      });
    });
  }

  stop() {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /**
   * Answer requests whose SEC.gov address matches `match` (a substring, a RegExp or a function of the address) with
   * a fault, `times` times (default: always). Types: 'block-undeclared', 'block-rate', 'not-found', 'rate-limited'
   * (429), 'unavailable' (503), both with `retryAfter` seconds (omit it with retryAfter: null); 'slow' (headers and a
   * few bytes, then nothing); 'truncated'; 'malformed-json'; 'oversized' (`bytes`, default 64 MB; `gzip: true` for a
   * small compressed body that unfolds to that); 'redirect' (`location`, default another host).
   */
  fault(match, fault) {
    const f = { match, times: Infinity, ...fault, used: 0 };
    this.faults.push(f);
    return f;
  }

  clearFaults() {
    this.faults = [];
  }

  clearLog() {
    this.requests = [];
  }

  /** The largest number of requests that arrived within any `windowMs` window. */
  maxInWindow(windowMs = 1000) {
    const t = this.requests.map((r) => r.t).sort((a, b) => a - b);
    let max = 0;
    for (let lo = 0, hi = 0; hi < t.length; hi++) {
      while (t[hi] - t[lo] > windowMs) lo++;
      max = Math.max(max, hi - lo + 1);
    }
    return max;
  }

  matchFault(url) {
    for (const f of this.faults) {
      if (f.used >= f.times) continue;
      const m = f.match;
      const hit = typeof m === 'function' ? m(url) : m instanceof RegExp ? m.test(url) : url.includes(m);
      if (hit) {
        f.used++;
        return f;
      }
    }
    return null;
  }

  handle(req, res) {
    const t = performance.now();
    const m = /^\/([^/]+)(\/[^?]*)?(\?.*)?$/.exec(req.url || '');
    const host = m ? m[1] : '';
    const url = m && HOSTS.has(host) ? `https://${host}${m[2] || '/'}${m[3] || ''}` : null;
    const log = { t, method: req.method, url, headers: req.headers, status: 0 };
    this.requests.push(log);
    const send = (status, headers, body) => {
      log.status = status;
      res.writeHead(status, headers);
      res.end(body);
    };
    if (!url || req.method !== 'GET') return send(400, { 'Content-Type': 'text/plain' }, 'not an EDGAR address');
    if (this.requireUserAgent && !(req.headers['user-agent'] || '').trim())
      return send(403, { 'Content-Type': 'text/html' }, this.blockPages.undeclared);
    const fault = this.matchFault(url);
    if (fault) return this.serveFault(fault, url, req, res, log);
    const entry = this.lookup(url);
    if (!entry) {
      const u = new URL(url);
      if (host === 'www.sec.gov' && u.pathname.startsWith('/cgi-bin/'))
        return send(404, { 'Content-Type': 'text/html' }, '<html><body>Not Found</body></html>');
      return send(404, { 'Content-Type': 'application/xml' }, s3NotFound(u.pathname.slice(1)));
    }
    this.serveEntry(entry, req, res, log);
  }

  lookup(url) {
    const k = key(url);
    const hit = this.responses.get(k);
    if (hit || !this.folderAliases) return hit;
    const a = /^https:\/\/www\.sec\.gov\/Archives\/edgar\/data\/(\d+)\/(\d{18})\/(.+)$/.exec(k);
    const ciks = a && this.aliases.get(a[2]);
    if (!ciks || !ciks.includes(a[1])) return undefined;
    for (const cik of ciks) {
      const other = this.responses.get(`https://www.sec.gov/Archives/edgar/data/${cik}/${a[2]}/${a[3]}`);
      if (other) return other;
    }
    return undefined;
  }

  serveEntry(entry, req, res, log) {
    const body = entry.bodyFile ? fs.readFileSync(entry.bodyFile) : Buffer.alloc(0);
    const headers = {};
    for (const [k, v] of Object.entries(entry.headers)) if (!DROPPED.has(k.toLowerCase())) headers[k.toLowerCase()] = v;
    if (!headers['content-type'] && entry.bodyFile)
      headers['content-type'] = TYPES[path.extname(entry.bodyFile)] || 'application/octet-stream';
    if (!headers['etag'] && body.length) headers['etag'] = `"${crypto.createHash('sha1').update(body).digest('hex')}"`;
    let status = entry.status;
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    if (
      status === 200 &&
      ((inm && inm === headers['etag']) ||
        (!inm && ims && headers['last-modified'] && ims === headers['last-modified']))
    ) {
      log.status = 304;
      res.writeHead(304, {
        etag: headers['etag'],
        ...(headers['last-modified'] ? { 'last-modified': headers['last-modified'] } : {}),
      });
      return res.end();
    }
    let out = body;
    if (body.length > 512 && /\bgzip\b/.test(req.headers['accept-encoding'] || '') && status !== 304) {
      out = zlib.gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    if (status !== 304) headers['content-length'] = String(out.length);
    log.status = status;
    res.writeHead(status, headers);
    res.end(status === 304 ? undefined : out);
  }

  serveFault(f, url, req, res, log) {
    const send = (status, headers, body) => {
      log.status = status;
      log.fault = f.type;
      res.writeHead(status, headers);
      res.end(body);
    };
    const retry = f.retryAfter === null ? {} : { 'Retry-After': String(f.retryAfter ?? 1) };
    switch (f.type) {
      case 'block-undeclared':
        return send(403, { 'Content-Type': 'text/html' }, this.blockPages.undeclared);
      case 'block-rate':
        return send(403, { 'Content-Type': 'text/html' }, this.blockPages.rate);
      case 'not-found':
        return send(404, { 'Content-Type': 'application/xml' }, s3NotFound(new URL(url).pathname.slice(1)));
      case 'rate-limited':
        return send(429, { 'Content-Type': 'text/html', ...retry }, '<html><body>Too Many Requests</body></html>');
      case 'unavailable':
        return send(503, { 'Content-Type': 'text/html', ...retry }, '<html><body>Service Unavailable</body></html>');
      case 'slow': {
        log.status = 200;
        log.fault = f.type;
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
        res.write('{"cik": ');
        return; // and nothing more: the client's time limit ends it (stop() closes the socket otherwise)
      }
      case 'truncated': {
        const entry = this.lookup(url);
        const body = entry && entry.bodyFile ? fs.readFileSync(entry.bodyFile) : Buffer.alloc(20000, 'x');
        log.status = 200;
        log.fault = f.type;
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.length) });
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket && res.socket.destroy());
        return;
      }
      case 'malformed-json': {
        const entry = this.lookup(url);
        const body =
          entry && entry.bodyFile
            ? fs.readFileSync(entry.bodyFile)
            : Buffer.from('{"cik": "0000320193", "filings": {"recent": ');
        const half = body.subarray(0, Math.floor(body.length / 2));
        return send(200, { 'Content-Type': 'application/json', 'Content-Length': String(half.length) }, half);
      }
      case 'oversized': {
        const total = f.bytes || 64 * 1024 * 1024;
        log.status = 200;
        log.fault = f.type;
        if (f.gzip) {
          const packed = zlib.gzipSync(Buffer.alloc(total, 0x20), { level: 9 });
          res.writeHead(200, {
            'Content-Type': 'application/json',
            'Content-Encoding': 'gzip',
            'Content-Length': String(packed.length),
          });
          return res.end(packed);
        }
        res.writeHead(200, { 'Content-Type': 'text/xml' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < total) {
            sent += chunk.length;
            if (!res.write(chunk)) return res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => (sent = total));
        return pump();
      }
      case 'redirect':
        return send(
          302,
          { Location: f.location || 'https://edgar.example.com/phish', 'Content-Type': 'text/html' },
          '',
        );
      default:
        return send(500, { 'Content-Type': 'text/plain' }, `unknown fault ${f.type}`);
    }
  }
}

module.exports = { ReplayServer, DEFAULT_DIR, HOSTS };

if (require.main === module) {
  const i = process.argv.indexOf('--port');
  const server = new ReplayServer();
  server.start(i > 0 ? Number(process.argv[i + 1]) : 0).then((origin) => {
    console.log(`EDGAR replay from ${server.dir}\nFORM4_EDGAR_ORIGIN=${origin}`);
  });
}
