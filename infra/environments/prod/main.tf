# Production environment: NAT gateway per AZ, Multi-AZ PostgreSQL with deletion protection,
# Redis primary + replica with automatic failover, three AZs.

provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  environment   = "prod"
  name          = "${var.project}-${local.environment}"
  azs           = slice(data.aws_availability_zones.available.names, 0, var.az_count)
  secret_prefix = "${var.project}/${local.environment}"
  tags = {
    Project     = var.project
    Environment = local.environment
    ManagedBy   = "terraform"
  }
}

module "vpc" {
  source = "../../modules/vpc"

  name               = local.name
  cidr               = var.vpc_cidr
  azs                = local.azs
  cluster_name       = local.name
  single_nat_gateway = false
  tags               = local.tags
}

module "eks" {
  source = "../../modules/eks"

  name                = local.name
  kubernetes_version  = var.kubernetes_version
  vpc_id              = module.vpc.vpc_id
  private_subnet_ids  = module.vpc.private_subnet_ids
  public_access_cidrs = var.cluster_public_access_cidrs
  on_demand           = var.on_demand_nodes
  spot                = var.spot_nodes
  access_entries = {
    github-deploy = {
      principal_arn = module.github_oidc.role_arn
      policy_arn    = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
      namespaces    = []
    }
  }
  tags = local.tags
}

module "ecr" {
  source = "../../modules/ecr"

  name_prefix = local.name
  keep_images = 100
  tags        = local.tags
}

module "rds" {
  source = "../../modules/rds"

  name                       = local.name
  vpc_id                     = module.vpc.vpc_id
  subnet_ids                 = module.vpc.private_subnet_ids
  allowed_security_group_ids = [module.eks.cluster_security_group_id]
  instance_class             = var.db_instance_class
  multi_az                   = var.db_multi_az
  backup_retention_days      = var.db_backup_retention_days
  deletion_protection        = true
  apply_immediately          = false
  tags                       = local.tags
}

module "elasticache" {
  source = "../../modules/elasticache"

  name                       = local.name
  vpc_id                     = module.vpc.vpc_id
  subnet_ids                 = module.vpc.private_subnet_ids
  allowed_security_group_ids = [module.eks.cluster_security_group_id]
  node_type                  = var.redis_node_type
  num_cache_clusters         = var.redis_num_cache_clusters
  cluster_mode_enabled       = var.redis_cluster_mode
  num_node_groups            = var.redis_shards
  replicas_per_node_group    = var.redis_replicas_per_shard
  snapshot_retention_days    = 7
  apply_immediately          = false
  tags                       = local.tags
}

module "s3" {
  source = "../../modules/s3"

  bucket_name     = "${local.name}-images"
  allowed_origins = var.app_origins
  force_destroy   = false
  tags            = local.tags
}

module "secrets" {
  source = "../../modules/secrets"

  name_prefix          = local.secret_prefix
  database_url         = module.rds.database_url
  redis_url            = module.elasticache.redis_url
  recovery_window_days = 30
  tags                 = local.tags
}

module "irsa" {
  source = "../../modules/irsa"

  name              = "${local.name}-server"
  oidc_provider_arn = module.eks.oidc_provider_arn
  oidc_issuer_host  = module.eks.oidc_issuer_host
  namespace         = var.k8s_namespace
  service_account   = var.k8s_service_account
  bucket_arn        = module.s3.bucket_arn
  secret_arns       = module.secrets.secret_arns
  cluster_name      = local.name
  tags              = local.tags
}

module "lambda" {
  source = "../../modules/lambda"

  name        = "${local.name}-thumbnail"
  image_uri   = var.thumbnail_image_tag == "" ? "" : "${module.ecr.repository_urls["thumbnail"]}:${var.thumbnail_image_tag}"
  bucket_name = module.s3.bucket_name
  bucket_arn  = module.s3.bucket_arn
  tags        = local.tags
}

module "github_oidc" {
  source = "../../modules/github-oidc"

  name                 = "${local.name}-github-deploy"
  github_repository    = var.github_repository
  github_environment   = "production"
  create_oidc_provider = var.create_github_oidc_provider
  ecr_repository_arns  = values(module.ecr.repository_arns)
  eks_cluster_name     = local.name
  lambda_function_name = "${local.name}-thumbnail"
  tags                 = local.tags
}
