output "app_secret_name" {
  description = "Name of the app secret (Helm externalSecret.data[].remoteKey)."
  value       = aws_secretsmanager_secret.app.name
}

output "app_secret_arn" {
  description = "ARN of the app secret."
  value       = aws_secretsmanager_secret.app.arn
}

output "groq_secret_name" {
  description = "Name of the Groq secret (Helm externalSecret.data[GROQ_API_KEY].remoteKey)."
  value       = aws_secretsmanager_secret.groq.name
}

output "groq_secret_arn" {
  description = "ARN of the Groq secret."
  value       = aws_secretsmanager_secret.groq.arn
}

output "secret_arns" {
  description = "Every secret of this environment (IRSA and the External Secrets Operator may read them)."
  value       = [aws_secretsmanager_secret.app.arn, aws_secretsmanager_secret.groq.arn]
}
