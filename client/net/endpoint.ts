/** Where the game server is: the page's own origin, unless the dev setup points elsewhere. */
export function serverEndpoint(): string {
  const configured = import.meta.env.VITE_SERVER_URL as string | undefined;
  return configured && configured.length > 0 ? configured : window.location.origin;
}
