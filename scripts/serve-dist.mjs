// Serves dist/ the way we deploy it: Debian's nginx with deploy/nginx/site.conf on a loopback
// port (only `listen` and `root` are rewritten). Where nginx is not installed (a laptop), a small
// Node server sends the same headers from deploy/headers.mjs, and says so.
// Usage: node scripts/serve-dist.mjs [--port 4321]
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { cacheRules, securityHeaders } from '../deploy/headers.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const dist = join(root, 'dist');
const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : process.env.PORT ?? 4321);

if (!existsSync(join(dist, 'index.html'))) {
  console.error('serve-dist: dist/ is missing; run `npm run build` first');
  process.exit(1);
}

const nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/opt/homebrew/bin/nginx', '/usr/local/bin/nginx'].find(existsSync)
  ?? (spawnSync('sh', ['-c', 'command -v nginx']).stdout?.toString().trim() || undefined);

if (nginx && process.env.SERVE_WITH !== 'node') {
  const prefix = join(tmpdir(), `fix401-nginx-${port}`);
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const site = readFileSync(join(root, 'deploy/nginx/site.conf'), 'utf8')
    .replace(/^(\s*)listen\s+80;/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root\s+[^;]+;/m, `$1root ${dist};`)
    .replaceAll('include security-headers.conf;', `include ${join(root, 'deploy/nginx/security-headers.conf')};`);
  writeFileSync(join(prefix, 'site.conf'), site);
  const mime = ['/etc/nginx/mime.types', '/opt/homebrew/etc/nginx/mime.types', '/usr/local/etc/nginx/mime.types'].find(existsSync);
  // As root, nginx's workers drop to "nobody", who cannot read a checkout in a private directory
  // (CI clones into a 0700 temp dir) and would answer 403. This server only listens on loopback.
  const runAsRoot = process.getuid?.() === 0;
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `worker_processes 1;
${runAsRoot ? 'user root;' : ''}
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'logs/error.log')} warn;
events { worker_connections 256; }
http {
  ${mime ? `include ${mime};` : ''}
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/body; proxy_temp_path ${prefix}/proxy; fastcgi_temp_path ${prefix}/fcgi;
  uwsgi_temp_path ${prefix}/uwsgi; scgi_temp_path ${prefix}/scgi;
  include ${join(prefix, 'site.conf')};
}
`,
  );
  console.log(`serve-dist: nginx (${nginx}) serving dist/ on http://127.0.0.1:${port}/`);
  const child = spawn(nginx, ['-c', join(prefix, 'nginx.conf'), '-p', prefix, '-g', 'daemon off;'], { stdio: 'inherit' });
  const stop = () => child.kill('SIGQUIT');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const types = {
    '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'application/javascript',
    '.json': 'application/json', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
    '.wasm': 'application/wasm', '.png': 'image/png', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json',
  };
  /** @param {string} p */
  const file = (p) => existsSync(p) && statSync(p).isFile() ? p : undefined;
  createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    const p = join(dist, rel);
    const hit = p.startsWith(dist) ? file(p) ?? file(join(p, 'index.html')) ?? file(`${p}.html`) : undefined;
    if (!hit && p.startsWith(dist) && existsSync(p) && !url.pathname.endsWith('/')) {
      res.writeHead(301, { Location: url.pathname + '/' + url.search, ...securityHeaders });
      return res.end();
    }
    const status = hit ? 200 : 404;
    const target = hit ?? join(dist, '404.html');
    const cache = cacheRules.find((r) => url.pathname.startsWith(r.prefix))?.cacheControl ?? 'no-cache';
    res.writeHead(status, { ...securityHeaders, 'Cache-Control': cache, 'Content-Type': types[extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(res);
  }).listen(port, '127.0.0.1', () => {
    console.log(`serve-dist: nginx not found; Node fallback (same headers) on http://127.0.0.1:${port}/`);
  });
}
