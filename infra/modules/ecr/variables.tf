variable "name_prefix" {
  description = "Repository name prefix (e.g. gpu-assistant-prod)."
  type        = string
}

variable "repositories" {
  description = "Repository suffixes: server (runtime target) and thumbnail (lambda-thumbnail target)."
  type        = set(string)
  default     = ["server", "thumbnail"]
}

variable "keep_images" {
  description = "Images kept per repository (older ones expire; rollbacks need a few)."
  type        = number
  default     = 50
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
