// The network a database test template stands in: a VPC with two subnets in two zones and the DB subnet group over
// them (RDS needs subnets in two AZs). Each test appends its own resources, two spaces in, under `Resources:`.
export const DB_NETWORK = `Resources:
  Net:
    Type: AWS::EC2::VPC
    Properties: {CidrBlock: 10.5.0.0/16}
  A:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Net, CidrBlock: 10.5.0.0/24, AvailabilityZone: us-east-1a}
  B:
    Type: AWS::EC2::Subnet
    Properties: {VpcId: !Ref Net, CidrBlock: 10.5.1.0/24, AvailabilityZone: us-east-1b}
  Group:
    Type: AWS::RDS::DBSubnetGroup
    Properties: {DBSubnetGroupDescription: db, SubnetIds: [!Ref A, !Ref B]}
`;
