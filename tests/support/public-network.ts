// A public network as test templates write it: a VPC, its internet gateway and default route, and two public
// subnets in us-east-1a and us-east-1b on that route table. Each test appends its own resources, two spaces in,
// under the `Resources:` this text opens.
export function publicNetwork(cidr = '10.0.0.0/16', a = '10.0.1.0/24', b = '10.0.2.0/24'): string {
  return `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: ${cidr}}
  Gateway:
    Type: AWS::EC2::InternetGateway
  Attach:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Gateway}
  Routes:
    Type: AWS::EC2::RouteTable
    Properties: {VpcId: !Ref Vpc}
  Default:
    Type: AWS::EC2::Route
    DependsOn: Attach
    Properties: {RouteTableId: !Ref Routes, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Gateway}
  SubnetA:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: ${a}, AvailabilityZone: us-east-1a, MapPublicIpOnLaunch: true}
  SubnetB:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Vpc, CidrBlock: ${b}, AvailabilityZone: us-east-1b, MapPublicIpOnLaunch: true}
  RoutesA:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref SubnetA, RouteTableId: !Ref Routes}
  RoutesB:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {SubnetId: !Ref SubnetB, RouteTableId: !Ref Routes}
`;
}
