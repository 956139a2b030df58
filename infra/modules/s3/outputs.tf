output "bucket_name" {
  description = "Bucket name (Helm config.S3_BUCKET)."
  value       = aws_s3_bucket.this.id
}

output "bucket_arn" {
  description = "Bucket ARN (IAM policies)."
  value       = aws_s3_bucket.this.arn
}

output "bucket_regional_domain_name" {
  description = "Regional endpoint host (a CDN origin for ASSET_BASE_URL)."
  value       = aws_s3_bucket.this.bucket_regional_domain_name
}
