output "role_arn" {
  description = "Role for aws-actions/configure-aws-credentials (repository variable AWS_DEPLOY_ROLE_ARN)."
  value       = aws_iam_role.this.arn
}
