// The "How to play" steps a level shows (the mission panel and the help card): they follow what the level lets
// players place, so a first level that offers one server never tells its player to add a load balancer.

/** Keys of `help.step.*` in the translations, in the order they are shown. */
export type HowToPlayStep = 'one' | 'oneServer' | 'two' | 'three' | 'four';

/** `allowedKinds`: the scenario's list of placeable resource kinds; absent, every kind is allowed. */
export function howToPlaySteps(allowedKinds: readonly string[] | undefined): HowToPlayStep[] {
  const allows = (kind: string) => !allowedKinds || allowedKinds.includes(kind);
  const balancer = allows('loadBalancer');
  // Servers in every zone behind a load balancer; without one, one server (users reach it directly).
  return [balancer ? 'one' : 'oneServer', ...(balancer ? (['two'] as const) : []), 'three', 'four'];
}
