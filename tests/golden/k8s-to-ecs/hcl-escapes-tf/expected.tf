# specconv: ECS resources for Kubernetes namespace esc

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
}

variable "security_groups" {
  type        = list(string)
  description = "security groups of the tasks (workloads selected by a SecurityGroupPolicy use its groups instead)"
}

variable "cluster" {
  type        = string
  description = "ECS cluster of the services"
  default     = "default"
}

variable "execution_role_arn" {
  type        = string
  description = "task execution role ARN; empty: this module creates one (ECR pulls, logs, and reading this namespace's parameters and secrets)"
  default     = ""
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
  name  = "read-esc-configuration"
  role  = aws_iam_role.task_execution_role[0].name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssm:GetParameters"]
        Resource = "arn:${local.partition}:ssm:${local.region}:${local.account_id}:parameter/esc/*"
      },
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = "arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}:secret:esc/*"
      },
    ]
  })
}

resource "aws_ssm_parameter" "scripts_start_sh_parameter" {
  name        = "/esc/scripts/start.sh"
  description = "ConfigMap esc/scripts"
  type        = "String"
  value       = "#!/bin/sh\necho \"$${HOME}\" %%{if x}\tC:\\dir ü 日本\nexit 0\n"
}

resource "aws_ssm_parameter" "scripts_template_parameter" {
  name        = "/esc/scripts/TEMPLATE"
  description = "ConfigMap esc/scripts"
  type        = "String"
  value       = "$$${not} %%%{a} $ % {}"
}

resource "aws_cloudwatch_log_group" "web_log_group" {
  name              = "/ecs/esc/web"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "web_task_definition" {
  family = "web"
  container_definitions = jsonencode([
    {
      name              = "web"
      image             = "nginx:1.27"
      cpu               = 256
      memoryReservation = 512
      essential         = true
      entryPoint        = ["sh", "-c", "echo $${GREETING} %%{x} && exec nginx -g 'daemon off;'"]
      environment = [
        {
          name  = "GREETING"
          value = "hello $${USER}\n\"quoted\" \\ back"
        },
      ]
      secrets = [
        {
          name      = "TEMPLATE"
          valueFrom = "/esc/scripts/TEMPLATE"
        },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/esc/web"
          "awslogs-region"        = local.region
          "awslogs-stream-prefix" = "web"
        }
      }
      dockerLabels = {
        "specconv.io/k8s-workload-patch" = "{\"metadata\":{\"namespace\":\"esc\"},\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"web\",\"app.kubernetes.io/name\":null}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\",\"app.kubernetes.io/name\":null},\"annotations\":{\"note\":\"say \\\"$${hi}\\\"\"}},\"spec\":{\"containers\":[{\"name\":\"web\",\"env\":[{\"name\":\"GREETING\"},{\"name\":\"TEMPLATE\",\"valueFrom\":{\"configMapKeyRef\":{\"name\":\"scripts\",\"key\":\"TEMPLATE\"},\"secretKeyRef\":null}}]}],\"resources\":null}},\"strategy\":null}}"
        "specconv.io/k8s-ecs"            = "{\"\":{\"stopTimeout\":\"7675d677c45ad9e8\",\"taskSize\":\"33afe4454af56611\"},\"web\":{\"healthCheck\":\"-\",\"cpu\":\"3865e3501cd5ab5c\",\"memory\":\"-\",\"memoryReservation\":\"63ae3e50355771a1\",\"resourceRequirements\":\"-\",\"portMappings\":\"-\",\"environment\":\"0900842743b49f34\",\"secrets\":\"470401e58d6978d3\",\"user\":\"-\",\"readonlyRootFilesystem\":\"-\",\"privileged\":\"-\",\"linuxParameters\":\"-\"}}"
      }
    },
  ])
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = local.execution_role_arn
  depends_on               = [aws_ssm_parameter.scripts_template_parameter, aws_cloudwatch_log_group.web_log_group]
}

resource "aws_ecs_service" "web_service" {
  name                               = "web"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.web_task_definition.arn
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

output "web_task_definition_arn" {
  description = "task definition web"
  value       = aws_ecs_task_definition.web_task_definition.arn
}
