output "role_arn" {
  description = "Role ARN (Helm serviceAccount.irsaRoleArn)."
  value       = aws_iam_role.this.arn
}

output "role_name" {
  description = "Role name."
  value       = aws_iam_role.this.name
}

output "external_secrets_role_arn" {
  description = "Role for the External Secrets Operator controller (its service account's eks.amazonaws.com/role-arn)."
  value       = try(aws_iam_role.platform["external-secrets"].arn, null)
}

output "cluster_autoscaler_role_arn" {
  description = "Role for the cluster-autoscaler's service account."
  value       = try(aws_iam_role.platform["cluster-autoscaler"].arn, null)
}
