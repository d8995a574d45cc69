# specconv: ECS resources for Kubernetes namespace default

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
  name  = "read-default-configuration"
  role  = aws_iam_role.task_execution_role[0].name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssm:GetParameters"]
        Resource = "arn:${local.partition}:ssm:${local.region}:${local.account_id}:parameter/default/*"
      },
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = "arn:${local.partition}:secretsmanager:${local.region}:${local.account_id}:secret:default/*"
      },
    ]
  })
}

resource "aws_lb_target_group" "dns53_target_group" {
  name        = "dns-53"
  protocol    = "UDP"
  port        = 53
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    protocol            = "TCP"
    interval            = 10
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_target_group" "dns5353_target_group" {
  name        = "dns-5353"
  protocol    = "TCP"
  port        = 53
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    protocol            = "TCP"
    interval            = 10
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb" "dns_network_load_balancer" {
  name               = "dns"
  load_balancer_type = "network"
  internal           = true
  subnets            = var.subnets
}

resource "aws_lb_listener" "dns_nlb_listener_udp53" {
  load_balancer_arn = aws_lb.dns_network_load_balancer.arn
  port              = 53
  protocol          = "UDP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.dns53_target_group.arn
  }
}

resource "aws_lb_listener" "dns_nlb_listener_tcp5353" {
  load_balancer_arn = aws_lb.dns_network_load_balancer.arn
  port              = 5353
  protocol          = "TCP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.dns5353_target_group.arn
  }
}

resource "aws_cloudwatch_log_group" "dns_log_group" {
  name              = "/ecs/default/dns"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "dns_task_definition" {
  family = "dns"
  container_definitions = jsonencode([
    {
      name              = "coredns"
      image             = "coredns/coredns:1.11.1"
      cpu               = 103
      memoryReservation = 128
      portMappings = [
        {
          containerPort = 53
          protocol      = "udp"
          name          = "dns-udp"
        },
        {
          containerPort = 53
          protocol      = "tcp"
          name          = "dns-tcp"
        },
      ]
      essential = true
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = "/ecs/default/dns"
          "awslogs-region"        = local.region
          "awslogs-stream-prefix" = "coredns"
        }
      }
      dockerLabels = {
        "specconv.io/k8s-workload-patch" = "{\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"dns\",\"app.kubernetes.io/name\":null}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"dns\",\"app.kubernetes.io/name\":null}},\"spec\":{\"containers\":[{\"name\":\"coredns\",\"resources\":{\"requests\":{\"cpu\":\"100m\"}}}],\"resources\":null}},\"strategy\":null}}"
        "specconv.io/k8s-ecs"            = "{\"\":{\"stopTimeout\":\"7675d677c45ad9e8\",\"taskSize\":\"33afe4454af56611\"},\"coredns\":{\"healthCheck\":\"-\",\"cpu\":\"3fbe8950209f28f3\",\"memory\":\"-\",\"memoryReservation\":\"3fb816502099f9dc\",\"resourceRequirements\":\"-\",\"portMappings\":\"d74c0a1ec656d9d9\",\"environment\":\"-\",\"secrets\":\"-\",\"user\":\"-\",\"readonlyRootFilesystem\":\"-\",\"privileged\":\"-\",\"linuxParameters\":\"-\"}}"
        "specconv.io/k8s-objects"        = "[{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"dns\",\"annotations\":{\"service.beta.kubernetes.io/aws-load-balancer-scheme\":\"internal\"}},\"spec\":{\"type\":\"LoadBalancer\",\"selector\":{\"app\":\"dns\"},\"ports\":[{\"name\":\"dns-udp\",\"port\":53,\"targetPort\":\"dns-udp\",\"protocol\":\"UDP\"},{\"name\":\"dns-tcp\",\"port\":5353,\"targetPort\":\"dns-tcp\",\"protocol\":\"TCP\"}]}}]"
      }
    },
  ])
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = local.execution_role_arn
  depends_on               = [aws_cloudwatch_log_group.dns_log_group]
}

resource "aws_ecs_service" "dns_service" {
  name                               = "dns"
  cluster                            = var.cluster
  task_definition                    = aws_ecs_task_definition.dns_task_definition.arn
  desired_count                      = 2
  launch_type                        = "FARGATE"
  deployment_maximum_percent         = 150
  deployment_minimum_healthy_percent = 75
  scheduling_strategy                = "REPLICA"
  network_configuration {
    subnets          = var.subnets
    security_groups  = var.security_groups
    assign_public_ip = false
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.dns53_target_group.arn
    container_name   = "coredns"
    container_port   = 53
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.dns5353_target_group.arn
    container_name   = "coredns"
    container_port   = 53
  }
  depends_on = [aws_lb_listener.dns_nlb_listener_udp53, aws_lb_listener.dns_nlb_listener_tcp5353]
}

output "dns_network_load_balancer_dns_name" {
  description = "Service default/dns: DNS name"
  value       = aws_lb.dns_network_load_balancer.dns_name
}

output "dns_network_load_balancer_arn" {
  description = "Service default/dns: ARN"
  value       = aws_lb.dns_network_load_balancer.arn
}

output "dns_task_definition_arn" {
  description = "task definition dns"
  value       = aws_ecs_task_definition.dns_task_definition.arn
}
