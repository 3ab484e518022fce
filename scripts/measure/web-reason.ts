// Whether a template would serve a web page in AWS, judged from its resources: instances behind an
// internet-facing load balancer, a CloudFront distribution, an S3 website, or an instance installing a web server.
// Container platforms (ECS, EKS, Beanstalk) are left out: the game does not model what they run.

export function webReason(template: unknown): string | undefined {
  const resources = (template as { Resources?: unknown })?.Resources;
  if (!resources || typeof resources !== 'object') return undefined;
  const list = Object.values(resources as Record<string, unknown>).map((r) => (r && typeof r === 'object' ? (r as Record<string, unknown>) : {}));
  const types = new Set(list.map((r) => String(r.Type ?? '')));
  const text = JSON.stringify(template);
  const compute = types.has('AWS::EC2::Instance') || types.has('AWS::AutoScaling::AutoScalingGroup');
  const containers = types.has('AWS::ECS::Service') || types.has('AWS::ECS::Cluster') || types.has('AWS::EKS::Cluster') || types.has('AWS::ElasticBeanstalk::Environment');
  const classic = types.has('AWS::ElasticLoadBalancing::LoadBalancer');
  const v2 = list.some(
    (r) => r.Type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' && (r.Properties as Record<string, unknown> | undefined)?.Type !== 'gateway',
  );
  const internal = /"Scheme":"internal"/.test(text) && !/"Scheme":"internet-facing"/.test(text);
  if (compute && !containers && (classic || v2) && !internal) return classic ? 'instances behind a Classic Load Balancer' : 'instances behind a load balancer';
  if (list.some((r) => r.Type === 'AWS::CloudFront::Distribution' && originInside(r, resources as Record<string, unknown>))) return 'a CloudFront distribution';
  if (list.some((r) => r.Type === 'AWS::S3::Bucket' && (r.Properties as Record<string, unknown> | undefined)?.WebsiteConfiguration)) return 'an S3 website';
  if (types.has('AWS::EC2::Instance') && !containers && /httpd|nginx|apache2|Install-WindowsFeature Web-Server|IIS|php|wordpress|tomcat/i.test(text)) {
    return 'a web server on an instance';
  }
  return undefined;
}

/**
 * A distribution whose origins name a resource of the template (or a literal domain). One whose origin is only a
 * parameter fronts something outside the template: whether it serves depends on what the parameter is given.
 */
function originInside(distribution: Record<string, unknown>, resources: Record<string, unknown>): boolean {
  const config = (distribution.Properties as { DistributionConfig?: { Origins?: unknown } } | undefined)?.DistributionConfig;
  const origins = JSON.stringify(config?.Origins ?? []);
  const names = [
    ...[...origins.matchAll(/"Ref":"([^"]+)"/g)].map((m) => m[1]!),
    ...[...origins.matchAll(/"Fn::GetAtt":\["([^"]+)"/g)].map((m) => m[1]!),
    ...[...origins.matchAll(/"Fn::GetAtt":"([^".]+)\./g)].map((m) => m[1]!),
    ...[...origins.matchAll(/\$\{([A-Za-z0-9]+)[.}]/g)].map((m) => m[1]!),
  ];
  const pseudo = (n: string) => n.startsWith('AWS::');
  const named = names.filter((n) => !pseudo(n));
  return named.length === 0 || named.some((n) => n in resources);
}
