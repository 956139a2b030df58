# What the Helm chart and CI need (infra/README.md maps each output to a value).

output "region" {
  description = "AWS region (Helm config.AWS_REGION; CI vars.AWS_REGION)."
  value       = var.region
}

output "cluster_name" {
  description = "EKS cluster (aws eks update-kubeconfig --name; CI vars.EKS_CLUSTER_NAME)."
  value       = module.eks.cluster_name
}

output "cluster_endpoint" {
  description = "Kubernetes API endpoint."
  value       = module.eks.cluster_endpoint
}

output "irsa_role_arn" {
  description = "Server service account role (Helm serviceAccount.irsaRoleArn)."
  value       = module.irsa.role_arn
}

output "external_secrets_role_arn" {
  description = "Role of the External Secrets Operator controller (annotate its service account; the ClusterSecretStore uses it)."
  value       = module.irsa.external_secrets_role_arn
}

output "cluster_autoscaler_role_arn" {
  description = "Role of the cluster-autoscaler's service account."
  value       = module.irsa.cluster_autoscaler_role_arn
}

output "images_bucket_name" {
  description = "Images bucket (Helm config.S3_BUCKET)."
  value       = module.s3.bucket_name
}

output "app_secret_name" {
  description = "Secrets Manager secret with DATABASE_URL, REDIS_URL, JWT_SECRET, ADMIN_PASSWORD (Helm externalSecret.data[].remoteKey)."
  value       = module.secrets.app_secret_name
}

output "app_secret_arn" {
  description = "ARN of the app secret."
  value       = module.secrets.app_secret_arn
}

output "groq_secret_name" {
  description = "Secrets Manager secret with GROQ_API_KEY (set its value out of band)."
  value       = module.secrets.groq_secret_name
}

output "groq_secret_arn" {
  description = "ARN of the Groq secret."
  value       = module.secrets.groq_secret_arn
}

output "ecr_server_repository_url" {
  description = "Server image repository (Helm image.repository; CI vars.ECR_SERVER_REPOSITORY)."
  value       = module.ecr.repository_urls["server"]
}

output "ecr_thumbnail_repository_url" {
  description = "Thumbnail Lambda image repository (CI vars.ECR_THUMBNAIL_REPOSITORY)."
  value       = module.ecr.repository_urls["thumbnail"]
}

output "thumbnail_function_name" {
  description = "Thumbnail Lambda (null until thumbnail_image_tag is set; CI vars.THUMBNAIL_FUNCTION)."
  value       = module.lambda.function_name
}

output "ci_role_arn" {
  description = "Role GitHub Actions assumes with OIDC (CI vars.AWS_DEPLOY_ROLE_ARN)."
  value       = module.github_oidc.role_arn
}

output "vpc_cidr" {
  description = "VPC CIDR (Helm networkPolicy.databaseCidrs)."
  value       = module.vpc.vpc_cidr
}

output "database_address" {
  description = "RDS hostname (for operators; the app gets DATABASE_URL from the secret)."
  value       = module.rds.address
}

output "redis_primary_endpoint" {
  description = "ElastiCache primary endpoint (for operators; the app gets REDIS_URL from the secret)."
  value       = module.elasticache.primary_endpoint
}

output "redis_mode" {
  description = "ElastiCache shape: cluster or replication."
  value       = module.elasticache.mode
}

output "redis_cluster_nodes" {
  description = "Helm config.REDIS_CLUSTER_NODES (the cluster's configuration endpoint as host:port); empty without redis_cluster_mode."
  value       = module.elasticache.cluster_nodes
}

# Chart values that follow from this environment, for `helm upgrade -f` on top of the
# environment's values file:
#   terraform output -json helm_values > /tmp/infra-values.json
#   helm upgrade --install ... -f helm/gpu-assistant/values-ENV.yaml -f /tmp/infra-values.json
output "helm_values" {
  description = "Chart values from Terraform (image.repository, serviceAccount.irsaRoleArn, config.S3_BUCKET, config.AWS_REGION, config.REDIS_CLUSTER_NODES, networkPolicy.databaseCidrs)."
  value = {
    image          = { repository = module.ecr.repository_urls["server"] }
    serviceAccount = { irsaRoleArn = module.irsa.role_arn }
    config = {
      S3_BUCKET           = module.s3.bucket_name
      AWS_REGION          = var.region
      REDIS_CLUSTER_NODES = module.elasticache.cluster_nodes
    }
    networkPolicy = { databaseCidrs = [module.vpc.vpc_cidr] }
  }
}
