# specconv: ECS resources for Kubernetes namespace shop

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "subnets" {
  type        = list(string)
  description = "private subnets of the tasks (awsvpc) and of internal load balancers"
  default     = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

variable "security_groups" {
  type        = list(string)
  description = "security groups of the tasks (workloads selected by a SecurityGroupPolicy use its groups instead)"
  default     = ["sg-0123456789abcdef0"]
}

variable "cluster" {
  type        = string
  description = "ECS cluster of the services"
  default     = "default"
}

variable "execution_role_arn" {
  type        = string
  description = "task execution role ARN; empty: this module creates one (ECR pulls, logs, and reading this namespace's parameters and secrets)"
  default     = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"
}

data "aws_partition" "current" {
}

data "aws_region" "current" {
}

data "aws_caller_identity" "current" {
}

locals {
  partition          = data.aws_partition.current.partition
  region             = data.aws_region.current.name
  account_id         = data.aws_caller_identity.current.account_id
  execution_role_arn = var.execution_role_arn != "" ? var.execution_role_arn : aws_iam_role.task_execution_role[0].arn
  cluster_arn        = "arn:${local.partition}:ecs:${local.region}:${local.account_id}:cluster/${var.cluster}"
}

resource "aws_iam_role" "task_execution_role" {
  count = var.execution_role_arn == "" ? 1 : 0
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "ecs-tasks.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "task_execution_role" {
  count      = var.execution_role_arn == "" ? 1 : 0
  role       = aws_iam_role.task_execution_role[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_iam_role_policy" "task_execution_role" {
  count = var.execution_role_arn == "" ? 1 : 0
  name  = "read-shop-configuration"
  role  = aws_iam_role.task_execution_role[0].name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssm:GetParameters"]
        Resource = "arn:${local.partition}:ssm:${local.region}:${local.account_id}:parameter/shop/*"
      },
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = "arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}:secret:shop/*"
      },
    ]
  })
}

resource "aws_ssm_parameter" "app_config_loglevel_parameter" {
  name        = "/shop/app-config/LOG_LEVEL"
  description = "ConfigMap shop/app-config"
  type        = "String"
  value       = "info"
}

resource "aws_ssm_parameter" "app_config_featurex_parameter" {
  name        = "/shop/app-config/FEATURE_X"
  description = "ConfigMap shop/app-config"
  type        = "String"
  value       = "true"
}

resource "aws_cloudwatch_log_group" "orders_log_group" {
  name              = "/ecs/shop/orders"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "orders_task_definition" {
  family = "orders"
  container_definitions = jsonencode([
    {
      name              = "orders"
      image             = "example/orders:7"
      cpu               = 256
      memoryReservation = 512
      essential         = true
      environment = [
        {
          name  = "LOG_LEVEL"
          value = "debug"
        },
      ]
      secrets = [
        {
          name      = "DB_PASSWORD"
          valueFrom = "/shop/db/password"
        },
        {
          name      = "FEATURE_X"
          valueFrom = "/shop/app-config/FEATURE_X"
        },
        {
          name      = "DB_password"
          valueFrom = "/shop/db/password"
        },
        {
          name      = "DB_username"
          valueFrom = "/shop/db/username"
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/shop/orders"
          "awslogs-region"        = local.region
          "awslogs-stream-prefix" = "orders"
        }
      }
      dockerLabels = {
        "specconv.io/k8s-workload-patch" = "{\"metadata\":{\"namespace\":\"shop\"},\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"orders\",\"app.kubernetes.io/name\":null}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"orders\",\"app.kubernetes.io/name\":null}},\"spec\":{\"containers\":[{\"name\":\"orders\",\"env\":[{\"name\":\"DB_PASSWORD\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"db\",\"key\":\"password\"}}},{\"name\":\"FEATURE_X\",\"$patch\":\"delete\"},{\"name\":\"DB_password\",\"$patch\":\"delete\"},{\"name\":\"DB_username\",\"$patch\":\"delete\"}],\"envFrom\":[{\"configMapRef\":{\"name\":\"app-config\"}},{\"secretRef\":{\"name\":\"db\"},\"prefix\":\"DB_\"}]}],\"resources\":null}},\"replicas\":null,\"strategy\":null}}"
        "specconv.io/k8s-ecs"            = "{\"\":{\"stopTimeout\":\"7675d677c45ad9e8\",\"taskSize\":\"33afe4454af56611\"},\"orders\":{\"healthCheck\":\"-\",\"cpu\":\"3865e3501cd5ab5c\",\"memory\":\"-\",\"memoryReservation\":\"63ae3e50355771a1\",\"resourceRequirements\":\"-\",\"portMappings\":\"-\",\"environment\":\"3038e14d83890585\",\"secrets\":\"b44245a45dbb3a8e\",\"user\":\"-\",\"readonlyRootFilesystem\":\"-\",\"privileged\":\"-\",\"linuxParameters\":\"-\"}}"
      }
    },
  ])
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = local.execution_role_arn
  depends_on               = [aws_ssm_parameter.app_config_featurex_parameter, aws_cloudwatch_log_group.orders_log_group]
}

resource "aws_ecs_service" "orders_service" {
  name                               = "orders"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.orders_task_definition.arn
  desired_count                      = 1
  launch_type                        = "FARGATE"
  deployment_maximum_percent         = 200
  deployment_minimum_healthy_percent = 75
  scheduling_strategy                = "REPLICA"
  network_configuration {
    subnets          = var.subnets
    security_groups  = var.security_groups
    assign_public_ip = false
  }
}

output "orders_task_definition_arn" {
  description = "task definition orders"
  value       = aws_ecs_task_definition.orders_task_definition.arn
}
