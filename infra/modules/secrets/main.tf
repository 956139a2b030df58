# Secrets Manager entries the External Secrets Operator maps into the pods' Secret:
#   <prefix>/app  {DATABASE_URL, REDIS_URL, JWT_SECRET, ADMIN_PASSWORD}  managed here
#   <prefix>/groq {GROQ_API_KEY}                                         value set by an operator
# (aws secretsmanager put-secret-value; Terraform never overwrites it, so the key stays out of
# state and plans). An empty GROQ_API_KEY means the offline responder answers.

resource "random_password" "jwt" {
  length  = 64
  special = false
}

resource "random_password" "admin" {
  length  = 24
  special = false
}

resource "aws_secretsmanager_secret" "app" {
  name                    = "${var.name_prefix}/app"
  description             = "gpu-assistant server secrets (DATABASE_URL, REDIS_URL, JWT_SECRET, ADMIN_PASSWORD)"
  recovery_window_in_days = var.recovery_window_days
  tags                    = var.tags
}

resource "aws_secretsmanager_secret_version" "app" {
  secret_id = aws_secretsmanager_secret.app.id
  secret_string = jsonencode({
    DATABASE_URL   = var.database_url
    REDIS_URL      = var.redis_url
    JWT_SECRET     = random_password.jwt.result
    ADMIN_PASSWORD = random_password.admin.result
  })
}

resource "aws_secretsmanager_secret" "groq" {
  name                    = "${var.name_prefix}/groq"
  description             = "Groq API key for the gpu-assistant server (set out of band)"
  recovery_window_in_days = var.recovery_window_days
  tags                    = var.tags
}

resource "aws_secretsmanager_secret_version" "groq" {
  secret_id     = aws_secretsmanager_secret.groq.id
  secret_string = jsonencode({ GROQ_API_KEY = "" })

  lifecycle {
    ignore_changes = [secret_string]
  }
}
