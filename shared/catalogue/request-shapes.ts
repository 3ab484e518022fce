// What the scenario's request classes look like to a layer-7 load balancer: the method, host, path and
// headers a listener rule can match. The simulation does not model URLs; these shapes are the minimum that
// lets rules tell the classes apart (static files under /static/, the API under /api/, writes by POST), in
// the order of the simulation's classes (static, read, write, flood).

export interface RequestShape {
  method: string;
  host: string;
  path: string;
  /** Header names in lower case (HTTP header names are case-insensitive). */
  headers: Record<string, string>;
}

/** The site's host name: host-header rules compare with it. */
export const SITE_HOST = 'www.example.com';

export const requestShapes = {
  value: [
    { method: 'GET', host: SITE_HOST, path: '/static/app.js', headers: { 'user-agent': 'Mozilla/5.0', accept: '*/*' } },
    { method: 'GET', host: SITE_HOST, path: '/api/products', headers: { 'user-agent': 'Mozilla/5.0', accept: 'application/json' } },
    {
      method: 'POST',
      host: SITE_HOST,
      path: '/api/orders',
      headers: { 'user-agent': 'Mozilla/5.0', accept: 'application/json', 'content-type': 'application/json' },
    },
    // A flood hammers the front page with a script's user agent.
    { method: 'GET', host: SITE_HOST, path: '/', headers: { 'user-agent': 'flood-bot/1.0', accept: '*/*' } },
  ] as RequestShape[],
  unit: 'request',
  explain:
    'How each request class looks to listener rules: static files are GET /static/…, dynamic reads GET /api/…, writes POST /api/…, all on ' +
    `${SITE_HOST}; a flood is GET / from a bot. Rules are evaluated by priority, lowest first, and the first whose conditions all match decides; ` +
    'the default action takes what no rule matched. Game simplification: one URL per class.',
};
