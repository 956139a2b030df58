output "vpc_id" {
  description = "VPC id."
  value       = aws_vpc.this.id
}

output "vpc_cidr" {
  description = "VPC CIDR block (NetworkPolicy databaseCidrs in the Helm values)."
  value       = aws_vpc.this.cidr_block
}

output "private_subnet_ids" {
  description = "Private subnet ids, one per AZ (EKS nodes, RDS, ElastiCache)."
  value       = aws_subnet.private[*].id
}

output "public_subnet_ids" {
  description = "Public subnet ids, one per AZ (NAT gateways, internet-facing load balancers)."
  value       = aws_subnet.public[*].id
}

output "azs" {
  description = "Availability zones in use."
  value       = var.azs
}
