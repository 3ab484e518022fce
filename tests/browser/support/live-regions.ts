// Everything a page's live regions say, as a screen reader would hear it: texts added under aria-live, an alert or a
// status, kept in `window.heard` in order. Given to addInitScript, so it listens from the page's first paint.
export function recordLiveRegions(): void {
  const heard: string[] = ((window as unknown as { heard: string[] }).heard = []);
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes) {
        const el = n instanceof Element ? n : n.parentElement;
        if (el?.closest('[aria-live], [role="alert"], [role="status"]') && n.textContent) heard.push(n.textContent);
      }
  }).observe(document, { childList: true, subtree: true });
}
