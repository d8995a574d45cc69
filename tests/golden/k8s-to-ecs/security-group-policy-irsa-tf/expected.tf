# specconv: ECS resources for Kubernetes namespace pay

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "vpc_id" {
  type        = string
  description = "VPC of the target groups and the Cloud Map namespace"
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

variable "service_discovery_namespace_name" {
  type        = string
  description = "Cloud Map private DNS namespace: <service>.<this name> resolves to the tasks (the default keeps the Kubernetes names <service>.<namespace>.svc.cluster.local working)"
  default     = "pay.svc.cluster.local"
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
  name  = "read-pay-configuration"
  role  = aws_iam_role.task_execution_role[0].name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssm:GetParameters"]
        Resource = "arn:${local.partition}:ssm:${local.region}:${local.account_id}:parameter/pay/*"
      },
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = "arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}:secret:pay/*"
      },
    ]
  })
}

resource "aws_service_discovery_private_dns_namespace" "service_discovery_namespace" {
  name        = var.service_discovery_namespace_name
  vpc         = var.vpc_id
  description = "Kubernetes namespace pay"
}

resource "aws_service_discovery_service" "payments_discovery" {
  name = "payments"
  dns_config {
    namespace_id   = aws_service_discovery_private_dns_namespace.service_discovery_namespace.id
    routing_policy = "MULTIVALUE"
    dns_records {
      ttl  = 10
      type = "A"
    }
  }
  health_check_custom_config {
    failure_threshold = 1
  }
}

resource "aws_cloudwatch_log_group" "payments_log_group" {
  name              = "/ecs/pay/payments"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "payments_task_definition" {
  family = "payments"
  container_definitions = jsonencode([
    {
      name              = "payments"
      image             = "example/payments:4"
      cpu               = 1024
      memoryReservation = 2048
      portMappings = [
        {
          containerPort = 9000
          protocol      = "tcp"
        },
      ]
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/pay/payments"
          "awslogs-region"        = local.region
          "awslogs-stream-prefix" = "payments"
        }
      }
      dockerLabels = {
        "specconv.io/k8s-workload-patch" = "{\"metadata\":{\"namespace\":\"pay\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"payments\",\"app.kubernetes.io/name\":null}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"payments\",\"app.kubernetes.io/name\":null}},\"spec\":{\"containers\":[{\"name\":\"payments\",\"ports\":[{\"containerPort\":9000,\"protocol\":null}]}],\"resources\":null}},\"strategy\":null}}"
        "specconv.io/k8s-ecs"            = "{\"\":{\"stopTimeout\":\"7675d677c45ad9e8\",\"taskSize\":\"c97381ebf6038359\"},\"payments\":{\"healthCheck\":\"-\",\"cpu\":\"efe914276e700a1c\",\"memory\":\"-\",\"memoryReservation\":\"8ffdb020efa78c8d\",\"resourceRequirements\":\"-\",\"portMappings\":\"347a439e5050bd23\",\"environment\":\"-\",\"secrets\":\"-\",\"user\":\"-\",\"readonlyRootFilesystem\":\"-\",\"privileged\":\"-\",\"linuxParameters\":\"-\"}}"
        "specconv.io/k8s-objects"        = "[{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"payments\",\"namespace\":\"pay\"},\"spec\":{\"selector\":{\"app\":\"payments\"},\"ports\":[{\"port\":9000}]}},{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"payments\",\"namespace\":\"pay\",\"annotations\":{\"eks.amazonaws.com/role-arn\":\"arn:aws:iam::123456789012:role/payments-irsa\"}}}]"
      }
    },
  ])
  task_role_arn            = "arn:aws:iam::123456789012:role/payments-irsa"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = local.execution_role_arn
  depends_on               = [aws_cloudwatch_log_group.payments_log_group]
}

resource "aws_ecs_service" "payments_service" {
  name                               = "payments"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.payments_task_definition.arn
  desired_count                      = 2
  launch_type                        = "FARGATE"
  deployment_maximum_percent         = 150
  deployment_minimum_healthy_percent = 75
  scheduling_strategy                = "REPLICA"
  network_configuration {
    subnets          = var.subnets
    security_groups  = ["sg-0a1b2c3d4e5f60718", "sg-0f1e2d3c4b5a69788"]
    assign_public_ip = false
  }
  service_registries {
    registry_arn = aws_service_discovery_service.payments_discovery.arn
  }
}

output "payments_task_definition_arn" {
  description = "task definition payments"
  value       = aws_ecs_task_definition.payments_task_definition.arn
}

output "service_discovery_namespace_name" {
  description = "Cloud Map namespace: <service>.<name> resolves to the tasks"
  value       = aws_service_discovery_private_dns_namespace.service_discovery_namespace.name
}
