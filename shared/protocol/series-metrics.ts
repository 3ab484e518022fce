// A chart point's dashboard metrics on the wire (server/wire/match-state.ts SeriesPoint.metrics): the numbers as
// comma-separated text. A list nested in a new list item does not reach a client through its state view
// (Colyseus sends the item, not the nested list); a string does. One encoding, read and written here only.

export function metricsToWire(values: readonly number[] | undefined): string {
  return (values ?? []).join(',');
}

export function metricsFromWire(text: string | undefined): number[] {
  return text ? text.split(',').map(Number) : [];
}
