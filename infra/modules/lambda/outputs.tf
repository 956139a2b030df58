output "function_name" {
  description = "Function name (CI: aws lambda update-function-code --function-name ...); null before the first image."
  value       = local.enabled ? aws_lambda_function.this[0].function_name : null
}

output "function_arn" {
  description = "Function ARN; null before the first image."
  value       = local.enabled ? aws_lambda_function.this[0].arn : null
}

output "role_arn" {
  description = "Execution role ARN."
  value       = aws_iam_role.this.arn
}
