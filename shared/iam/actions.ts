// The IAM actions the game checks, named as AWS names them, with each one's access level as AWS's Service
// Authorization Reference classifies it. The room maps every player action to one of these; policies, the
// least-privilege score and the IAM console all read this one list.

import { globMatches } from './glob.ts';

export const ACCESS_LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export interface IamAction<Name extends string = string> {
  name: Name;
  /** The service prefix: "ec2" for "ec2:RunInstances". */
  service: string;
  accessLevel: AccessLevel;
  description: string;
}

function action<const Name extends `${string}:${string}`>(name: Name, accessLevel: AccessLevel, description: string): IamAction<Name> {
  return { name, service: name.slice(0, name.indexOf(':')), accessLevel, description };
}

export const IAM_ACTIONS = [
  // EC2: instances.
  action('ec2:RunInstances', 'Write', 'Launch instances into a subnet'),
  action('ec2:TerminateInstances', 'Write', 'Terminate instances for good'),
  action('ec2:RebootInstances', 'Write', 'Restart instances in place'),
  action('ec2:StopInstances', 'Write', 'Stop running instances'),
  action('ec2:StartInstances', 'Write', 'Start stopped instances'),
  action('ec2:ModifyInstanceAttribute', 'Write', 'Change an instance, such as its type (scaling up needs a stop)'),
  action('ec2:CreateLaunchTemplate', 'Write', 'Create a launch template for Auto Scaling groups'),
  // EC2: networking.
  action('ec2:CreateVpc', 'Write', 'Create a VPC with a CIDR block'),
  action('ec2:DeleteVpc', 'Write', 'Delete a VPC'),
  action('ec2:CreateSubnet', 'Write', 'Create a subnet in a VPC and an availability zone'),
  action('ec2:DeleteSubnet', 'Write', 'Delete a subnet'),
  action('ec2:CreateVpcPeeringConnection', 'Write', 'Request a peering connection between two VPCs'),
  action('ec2:AcceptVpcPeeringConnection', 'Write', 'Accept a VPC peering request'),
  action('ec2:DeleteVpcPeeringConnection', 'Write', 'Delete a VPC peering connection'),
  action('ec2:CreateTransitGateway', 'Write', 'Create a transit gateway hub'),
  action('ec2:CreateCustomerGateway', 'Write', "Describe the office's VPN router to AWS"),
  action('ec2:DeleteCustomerGateway', 'Write', 'Delete a customer gateway'),
  action('ec2:CreateVpnGateway', 'Write', 'Create a virtual private gateway'),
  action('ec2:AttachVpnGateway', 'Write', 'Attach a virtual private gateway to a VPC'),
  action('ec2:DeleteVpnGateway', 'Write', 'Delete a virtual private gateway'),
  action('ec2:CreateVpnConnection', 'Write', 'Create a Site-to-Site VPN connection'),
  action('ec2:ModifyVpnConnection', 'Write', 'Change a Site-to-Site VPN connection'),
  action('ec2:DeleteVpnConnection', 'Write', 'Delete a Site-to-Site VPN connection'),
  action('ec2:EnableVgwRoutePropagation', 'Write', "Propagate a VPN's routes into a route table"),
  action('ec2:DisableVgwRoutePropagation', 'Write', "Stop propagating a VPN's routes into a route table"),
  action('ec2:CreateNetworkAcl', 'Write', 'Create a network ACL'),
  action('ec2:DeleteNetworkAcl', 'Write', 'Delete a network ACL'),
  action('ec2:CreateNetworkAclEntry', 'Write', 'Add a numbered rule to a network ACL'),
  action('ec2:ReplaceNetworkAclEntry', 'Write', 'Change a numbered rule of a network ACL'),
  action('ec2:DeleteNetworkAclEntry', 'Write', 'Delete a numbered rule of a network ACL'),
  action('ec2:ReplaceNetworkAclAssociation', 'Write', 'Associate a subnet with a network ACL'),
  action('ec2:DeleteTransitGateway', 'Write', 'Delete a transit gateway'),
  action('ec2:CreateTransitGatewayVpcAttachment', 'Write', 'Attach a VPC to a transit gateway'),
  action('ec2:CreateRouteTable', 'Write', 'Create a route table in a VPC'),
  action('ec2:AssociateRouteTable', 'Write', 'Associate a route table with a subnet'),
  action('ec2:CreateRoute', 'Write', 'Add a route to a route table'),
  action('ec2:DeleteRoute', 'Write', 'Remove a route from a route table'),
  action('ec2:CreateInternetGateway', 'Write', 'Create an internet gateway'),
  action('ec2:AttachInternetGateway', 'Write', 'Attach an internet gateway to a VPC'),
  action('ec2:CreateNatGateway', 'Write', 'Create a NAT gateway in a public subnet'),
  action('ec2:CreateSecurityGroup', 'Write', 'Create a security group'),
  action('ec2:DeleteSecurityGroup', 'Write', 'Delete a security group'),
  action('ec2:AuthorizeSecurityGroupIngress', 'Write', 'Open a port in a security group'),
  action('ec2:RevokeSecurityGroupIngress', 'Write', 'Close a port in a security group'),
  action('ec2:CreateFlowLogs', 'Write', 'Start recording VPC flow logs'),
  action('ec2:DeleteFlowLogs', 'Write', 'Stop recording VPC flow logs'),
  action('ec2:CreateTags', 'Tagging', 'Tag EC2 resources'),
  action('ec2:DeleteTags', 'Tagging', 'Remove tags from EC2 resources'),
  // EC2: reading the board.
  action('ec2:DescribeInstances', 'List', 'List instances and their state'),
  action('ec2:DescribeInstanceStatus', 'List', 'List instance health checks'),
  action('ec2:DescribeInstanceTypes', 'List', 'List instance types and their sizes'),
  action('ec2:DescribeVpcs', 'List', 'List VPCs'),
  action('ec2:DescribeSubnets', 'List', 'List subnets'),
  action('ec2:DescribeRouteTables', 'List', 'List route tables'),
  action('ec2:DescribeSecurityGroups', 'List', 'List security groups'),
  action('ec2:DescribeVpcPeeringConnections', 'List', 'List VPC peering connections'),
  action('ec2:DescribeTransitGateways', 'List', 'List transit gateways'),
  action('ec2:DescribeAvailabilityZones', 'List', 'List availability zones and their state'),
  action('ec2:DescribeRegions', 'List', 'List regions'),
  action('ec2:DescribeLaunchTemplates', 'List', 'List launch templates'),
  action('ec2:DescribeFlowLogs', 'List', 'List flow log configurations'),
  // Auto Scaling.
  action('autoscaling:CreateAutoScalingGroup', 'Write', 'Create an Auto Scaling group'),
  action('autoscaling:UpdateAutoScalingGroup', 'Write', "Change a group's size limits, zones or template"),
  action('autoscaling:DeleteAutoScalingGroup', 'Write', 'Delete an Auto Scaling group'),
  action('autoscaling:SetDesiredCapacity', 'Write', 'Set how many instances a group should run'),
  action('autoscaling:StartInstanceRefresh', 'Write', "Replace a group's instances with ones from its current launch template"),
  action('autoscaling:PutScalingPolicy', 'Write', 'Create or change a scaling policy'),
  action('autoscaling:DeletePolicy', 'Write', 'Delete a scaling policy'),
  action('autoscaling:PutScheduledUpdateGroupAction', 'Write', 'Schedule a change of group size'),
  action('autoscaling:CreateOrUpdateTags', 'Tagging', 'Tag Auto Scaling groups'),
  action('autoscaling:DescribeAutoScalingGroups', 'List', 'List Auto Scaling groups'),
  action('autoscaling:DescribeScalingActivities', 'List', 'List scaling activities'),
  action('autoscaling:DescribePolicies', 'List', 'List scaling policies'),
  // Elastic Load Balancing.
  action('elasticloadbalancing:CreateLoadBalancer', 'Write', 'Create an application or network load balancer'),
  action('elasticloadbalancing:ModifyLoadBalancerAttributes', 'Write', 'Change cross-zone balancing and other settings'),
  action('elasticloadbalancing:SetSubnets', 'Write', 'Change the zones a load balancer enables'),
  action('elasticloadbalancing:DeleteLoadBalancer', 'Write', 'Delete a load balancer'),
  action('elasticloadbalancing:CreateTargetGroup', 'Write', 'Create a target group with a health check'),
  action('elasticloadbalancing:ModifyTargetGroup', 'Write', "Change a target group's health check"),
  action('elasticloadbalancing:DeleteTargetGroup', 'Write', 'Delete a target group'),
  action('elasticloadbalancing:RegisterTargets', 'Write', 'Add targets to a target group'),
  action('elasticloadbalancing:DeregisterTargets', 'Write', 'Remove targets from a target group'),
  action('elasticloadbalancing:CreateListener', 'Write', 'Add a listener to a load balancer'),
  action('elasticloadbalancing:CreateRule', 'Write', 'Add a routing rule to a listener'),
  action('elasticloadbalancing:AddTags', 'Tagging', 'Tag load balancers and target groups'),
  action('elasticloadbalancing:DescribeLoadBalancers', 'Read', 'Describe load balancers'),
  action('elasticloadbalancing:DescribeTargetGroups', 'Read', 'Describe target groups'),
  action('elasticloadbalancing:DescribeTargetHealth', 'Read', 'See which targets are healthy'),
  action('elasticloadbalancing:DescribeListeners', 'Read', 'Describe listeners'),
  // RDS.
  action('rds:CreateDBInstance', 'Write', 'Create a database instance'),
  action('rds:ModifyDBInstance', 'Write', 'Change a database, such as its class or Multi-AZ'),
  action('rds:RebootDBInstance', 'Write', 'Restart a database (a forced failover when Multi-AZ)'),
  action('rds:PromoteReadReplica', 'Write', 'Promote a read replica to a standalone primary'),
  action('rds:CreateDBInstanceReadReplica', 'Write', 'Create a read replica of a database'),
  action('rds:DeleteDBInstance', 'Write', 'Delete a database'),
  action('rds:DeleteDBSnapshot', 'Write', 'Delete a DB snapshot (its storage is no longer billed)'),
  action('rds:AddTagsToResource', 'Tagging', 'Tag databases'),
  action('rds:DescribeDBInstances', 'List', 'List databases and their state'),
  // S3.
  action('s3:CreateBucket', 'Write', 'Create a bucket'),
  action('s3:DeleteBucket', 'Write', 'Delete a bucket'),
  action('s3:PutObject', 'Write', 'Upload content to a bucket'),
  action('s3:PutBucketPolicy', 'Permissions management', 'Set who may read a bucket'),
  action('s3:GetObject', 'Read', 'Read content from a bucket'),
  action('s3:GetBucketLocation', 'Read', 'See the region a bucket is in'),
  action('s3:ListBucket', 'List', "List a bucket's contents"),
  action('s3:ListAllMyBuckets', 'List', 'List buckets'),
  // CloudFront.
  action('cloudfront:CreateDistribution', 'Write', 'Create a distribution in front of an origin'),
  action('cloudfront:UpdateDistribution', 'Write', "Change a distribution's origins, TTLs or price class"),
  action('cloudfront:DeleteDistribution', 'Write', 'Delete a distribution'),
  action('cloudfront:CreateInvalidation', 'Write', 'Empty the edge caches of some paths'),
  action('cloudfront:GetDistribution', 'Read', 'Describe a distribution'),
  action('cloudfront:ListDistributions', 'List', 'List distributions'),
  // Route 53.
  action('route53:CreateHostedZone', 'Write', 'Create a hosted zone'),
  action('route53:ChangeResourceRecordSets', 'Write', 'Create or change DNS records and their routing policy'),
  action('route53:CreateHealthCheck', 'Write', 'Create a health check'),
  action('route53:DeleteHealthCheck', 'Write', 'Delete a health check'),
  action('route53:GetHealthCheck', 'Read', 'Describe a health check'),
  action('route53:GetHealthCheckStatus', 'Read', 'See what a health check currently reports'),
  action('route53:ListHostedZones', 'List', 'List hosted zones'),
  action('route53:ListResourceRecordSets', 'List', 'List DNS records'),
  // Global Accelerator.
  action('globalaccelerator:CreateAccelerator', 'Write', 'Create an accelerator with static anycast addresses'),
  action('globalaccelerator:UpdateAccelerator', 'Write', 'Change or disable an accelerator'),
  action('globalaccelerator:DeleteAccelerator', 'Write', 'Delete an accelerator'),
  action('globalaccelerator:CreateListener', 'Write', 'Add a listener to an accelerator'),
  action('globalaccelerator:CreateEndpointGroup', 'Write', 'Add a regional endpoint group'),
  action('globalaccelerator:UpdateEndpointGroup', 'Write', "Change an endpoint group's traffic dial or weights"),
  action('globalaccelerator:DescribeAccelerator', 'Read', 'Describe an accelerator'),
  action('globalaccelerator:ListAccelerators', 'List', 'List accelerators'),
  // WAF.
  action('wafv2:CreateWebACL', 'Write', 'Create a web ACL with rate-based and geographic rules'),
  action('wafv2:UpdateWebACL', 'Write', "Change a web ACL's rules"),
  action('wafv2:DeleteWebACL', 'Write', 'Delete a web ACL'),
  action('wafv2:AssociateWebACL', 'Write', 'Put a web ACL in front of a load balancer'),
  action('wafv2:GetWebACL', 'Read', 'Describe a web ACL'),
  action('wafv2:ListWebACLs', 'List', 'List web ACLs'),
  // CloudWatch and the logs behind VPC flow logs.
  action('cloudwatch:PutMetricAlarm', 'Write', 'Create or change an alarm'),
  action('cloudwatch:DeleteAlarms', 'Write', 'Delete alarms'),
  action('cloudwatch:SetAlarmState', 'Write', 'Force an alarm into a state (to test its actions)'),
  action('cloudwatch:PutDashboard', 'Write', 'Create or change a dashboard'),
  action('cloudwatch:DeleteDashboards', 'Write', 'Delete dashboards'),
  action('cloudwatch:GetMetricData', 'Read', 'Read metric values for charts'),
  action('cloudwatch:GetMetricStatistics', 'Read', 'Read statistics of one metric'),
  action('cloudwatch:GetDashboard', 'Read', 'Open a dashboard'),
  action('cloudwatch:DescribeAlarms', 'Read', 'List alarms and their state history'),
  action('cloudwatch:ListMetrics', 'List', 'List the metrics there are'),
  action('logs:CreateLogGroup', 'Write', 'Create a log group'),
  action('logs:PutRetentionPolicy', 'Write', "Set how long a log group keeps its events"),
  action('logs:DeleteLogGroup', 'Write', 'Delete a log group and its events'),
  action('logs:PutMetricFilter', 'Write', 'Turn matching log events into a metric'),
  action('logs:DeleteMetricFilter', 'Write', 'Delete a metric filter'),
  action('logs:DescribeMetricFilters', 'Read', "List a log group's metric filters"),
  action('logs:FilterLogEvents', 'Read', 'Search log events such as VPC flow logs'),
  action('logs:GetLogEvents', 'Read', 'Read one log stream'),
  // CloudFormation.
  action('cloudformation:CreateStack', 'Write', 'Deploy a template as a new stack'),
  action('cloudformation:UpdateStack', 'Write', 'Deploy a changed template to a stack'),
  action('cloudformation:DeleteStack', 'Write', 'Delete a stack and its resources'),
  action('cloudformation:DescribeStacks', 'List', 'List stacks and their state'),
  action('cloudformation:GetTemplate', 'Read', "Read a stack's template"),
  action('cloudformation:ValidateTemplate', 'Read', 'Check a template without deploying it'),
  action('cloudformation:ListStacks', 'List', 'List stack summaries'),
  // SNS (the SNS console: a player subscribes an address to an alarm's or a budget's topic).
  action('sns:Subscribe', 'Write', 'Subscribe an endpoint (an email address) to an SNS topic'),
  action('sns:Unsubscribe', 'Write', 'End a subscription to an SNS topic'),
  action('sns:ListSubscriptionsByTopic', 'List', "List a topic's subscriptions"),
  // Money.
  action('budgets:ModifyBudget', 'Write', 'Create or change a budget and its alerts'),
  action('budgets:CreateBudgetAction', 'Write', 'Create a budget action'),
  action('budgets:UpdateBudgetAction', 'Write', 'Change a budget action'),
  action('budgets:DeleteBudgetAction', 'Write', 'Delete a budget action'),
  action('budgets:ViewBudget', 'Read', 'See budgets and their alerts'),
  action('ce:GetCostAndUsage', 'Read', 'Break spend down by service, region and team'),
  action('ce:GetCostForecast', 'Read', 'Forecast spend to the end of the period'),
  action('ce:UpdateCostAllocationTagsStatus', 'Write', 'Activate or deactivate cost allocation tags for Cost Explorer'),
  action('ec2:PurchaseReservedInstancesOffering', 'Write', 'Buy Reserved Instances of one instance type in one region for a term'),
  action('savingsplans:CreateSavingsPlan', 'Write', 'Buy a Savings Plan: an hourly commitment for a 1- or 3-year term'),
  action('aws-portal:ViewBilling', 'Read', 'Open the billing console'),
  action('aws-portal:ViewUsage', 'Read', 'See usage reports'),
  action('aws-portal:ModifyBilling', 'Write', 'Change billing settings'),
  // CloudTrail.
  action('cloudtrail:CreateTrail', 'Write', 'Create a trail that delivers log files to an S3 bucket'),
  action('cloudtrail:PutEventSelectors', 'Write', "Choose a trail's management and data events"),
  action('cloudtrail:DeleteTrail', 'Write', 'Delete a trail'),
  action('cloudtrail:LookupEvents', 'Read', 'Search the record of who did what'),
  action('cloudtrail:DescribeTrails', 'Read', 'Describe trails'),
  // IAM and STS.
  action('iam:CreateUser', 'Write', 'Create a user'),
  action('iam:DeleteUser', 'Write', 'Delete a user'),
  action('iam:GetUser', 'Read', 'Describe a user'),
  action('iam:ListUsers', 'List', 'List users'),
  action('iam:CreateGroup', 'Write', 'Create a group'),
  action('iam:DeleteGroup', 'Write', 'Delete a group'),
  action('iam:ListGroups', 'List', 'List groups'),
  action('iam:AddUserToGroup', 'Write', 'Add a user to a group'),
  action('iam:RemoveUserFromGroup', 'Write', 'Remove a user from a group'),
  action('iam:CreatePolicy', 'Permissions management', 'Create a customer managed policy'),
  action('iam:DeletePolicy', 'Permissions management', 'Delete a customer managed policy'),
  action('iam:GetPolicy', 'Read', 'Read a managed policy'),
  action('iam:ListPolicies', 'List', 'List managed policies'),
  action('iam:AttachUserPolicy', 'Permissions management', 'Attach a managed policy to a user'),
  action('iam:AttachGroupPolicy', 'Permissions management', 'Attach a managed policy to a group'),
  action('iam:AttachRolePolicy', 'Permissions management', 'Attach a managed policy to a role'),
  action('iam:DetachUserPolicy', 'Permissions management', 'Detach a managed policy from a user'),
  action('iam:DetachGroupPolicy', 'Permissions management', 'Detach a managed policy from a group'),
  action('iam:DetachRolePolicy', 'Permissions management', 'Detach a managed policy from a role'),
  action('iam:PutUserPolicy', 'Permissions management', 'Write an inline policy on a user'),
  action('iam:PutGroupPolicy', 'Permissions management', 'Write an inline policy on a group'),
  action('iam:PutRolePolicy', 'Permissions management', 'Write an inline policy on a role'),
  action('iam:DeleteUserPolicy', 'Permissions management', "Delete a user's inline policy"),
  action('iam:CreateRole', 'Write', 'Create a role and say who may assume it'),
  action('iam:DeleteRole', 'Write', 'Delete a role'),
  action('iam:UpdateAssumeRolePolicy', 'Permissions management', 'Change who may assume a role'),
  action('iam:GetRole', 'Read', 'Describe a role'),
  action('iam:ListRoles', 'List', 'List roles'),
  action('iam:CreateAccessKey', 'Write', 'Create an access key for programmatic access'),
  action('iam:DeleteAccessKey', 'Write', 'Delete an access key (the answer to a leaked one)'),
  action('iam:ListAccessKeys', 'List', "List a user's access keys"),
  action('iam:TagUser', 'Tagging', 'Tag a user'),
  action('iam:CreateVirtualMFADevice', 'Write', 'Create a virtual MFA device for a user'),
  action('iam:EnableMFADevice', 'Write', 'Enable an MFA device: sign-ins then need its code'),
  action('iam:DeactivateMFADevice', 'Write', 'Deactivate an MFA device of a user'),
  action('iam:ListMFADevices', 'List', "List a user's MFA devices"),
  action('sts:AssumeRole', 'Write', "Take on a role's permissions for a limited time"),
  // IAM Access Analyzer: a least-privilege policy generated from a principal's CloudTrail activity.
  action('access-analyzer:StartPolicyGeneration', 'Write', "Generate a policy from a principal's CloudTrail activity"),
] as const;

export type IamActionName = (typeof IAM_ACTIONS)[number]['name'];

/** The catalogue entry for an action name, matched case-insensitively as IAM does. */
export function findAction(name: string): IamAction | undefined {
  // A catalogue name has no wildcards, so matching it as a pattern is a case-insensitive comparison.
  return IAM_ACTIONS.find((a) => globMatches(a.name, name, true));
}

/** The catalogue's actions an Action pattern covers ("ec2:Describe*" → every ec2 Describe action). */
export function actionsMatching(pattern: string): IamAction[] {
  return IAM_ACTIONS.filter((a) => globMatches(pattern, a.name, true));
}
