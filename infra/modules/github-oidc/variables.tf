variable "name" {
  description = "Role name (e.g. gpu-assistant-prod-github-deploy)."
  type        = string
}

variable "github_repository" {
  description = "owner/name of the GitHub repository whose workflows may assume the role."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must be owner/name."
  }
}

variable "branch" {
  description = "Branch whose workflow runs may deploy."
  type        = string
  default     = "main"
}

variable "github_environment" {
  description = "GitHub environment of the deploy job (its token's sub claim names the environment)."
  type        = string
  default     = "production"
}

variable "create_oidc_provider" {
  description = "Create the account's GitHub OIDC provider (only one may exist per account; false = look it up)."
  type        = bool
  default     = true
}

variable "ecr_repository_arns" {
  description = "Repositories the workflow pushes to."
  type        = list(string)
}

variable "eks_cluster_name" {
  description = "Cluster the workflow deploys to (eks:DescribeCluster for update-kubeconfig)."
  type        = string
}

variable "lambda_function_name" {
  description = "Thumbnail function the workflow updates."
  type        = string
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
