// Latin words a Korean sentence may keep: AWS service, feature and API names as AWS's Korean console writes them
// (in English), DNS terms and units. One list for the timeline's unit test and the browser's walk of every screen.
export const AWS_TERMS: readonly string[] = [
  // Service and feature names, kept in English by AWS's own Korean pages.
  'Route', 'Global', 'Accelerator', 'Auto', 'Scaling', 'Transit', 'Gateway', 'Cost', 'Explorer', 'Savings', 'Plan', 'Plans',
  'Compute', 'Standard', 'Convertible', 'Budgets', 'Health', 'Access', 'Analyzer', 'Elastic', 'Load', 'Balancing', 'Balancer',
  'Lambda', 'Application', 'Classic', 'Linux', 'Windows', 'Shield', 'Advanced', 'Flow', 'Logs', 'Insights', 'Billing', 'Network', 'Firewall', 'Direct', 'Connect',
  // IAM policy grammar and CloudFormation parameter types, written as in a template.
  'Version', 'Statement', 'Effect', 'Action', 'Resource', 'Condition', 'Principal', 'Allow', 'Deny', 'String', 'Number', 'List', 'CommaDelimitedList',
  // CloudWatch statistics as the alarm's API says them, and the API names the timeline quotes.
  'Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount', 'RunInstances', 'RevokeSecurityGroupIngress', 'AuthorizeSecurityGroupIngress',
  // The root user's name as CloudTrail writes it.
  'root',
  // Keyboard keys, named as printed on Korean keyboards.
  'Tab', 'Enter', 'Delete', 'Esc', 'Space', 'Ctrl', 'Shift',
  // Acronyms, units and the game's own name.
  'VPC', 'VPN', 'CPU', 'AZ', 'DNS', 'TTL', 'ms', 'db.t3.micro', 't3.micro', 'Five', 'Nines',
];

export const AWS_TERM_SET: ReadonlySet<string> = new Set(AWS_TERMS);
