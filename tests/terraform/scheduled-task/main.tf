# Two scheduled Fargate tasks, one per AWS scheduling service, in the default VPC:
#   aws_scheduler_schedule.nightly_report     EventBridge Scheduler (cron, time zone, retry, dead-letter queue)
#   aws_cloudwatch_event_rule.cleanup + _target  an EventBridge rule on a rate, disabled
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

data "aws_vpc" "default" {
  default = true
}

data "aws_subnets" "default" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.default.id]
  }
}

resource "aws_ecs_cluster" "jobs" {
  name = "jobs"
}

resource "aws_security_group" "tasks" {
  name        = "scheduled-tasks"
  description = "egress only"
  vpc_id      = data.aws_vpc.default.id
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_iam_role" "scheduler" {
  name = "ecs-scheduler"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = ["scheduler.amazonaws.com", "events.amazonaws.com"] } }]
  })
}

resource "aws_sqs_queue" "schedule_dlq" {
  name = "nightly-report-dlq"
}

resource "aws_ecs_task_definition" "report" {
  family                   = "nightly-report"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name        = "report"
    image       = "public.ecr.aws/docker/library/python:3.12-slim"
    essential   = true
    command     = ["python", "-m", "report", "--daily"]
    environment = [{ name = "REPORT_BUCKET", value = "reports-dev" }, { name = "LOG_LEVEL", value = "info" }]
  }])
}

resource "aws_scheduler_schedule" "nightly_report" {
  name                         = "nightly-report"
  description                  = "weekday report at 02:30 Berlin time"
  schedule_expression          = "cron(30 2 ? * MON-FRI *)"
  schedule_expression_timezone = "Europe/Berlin"
  state                        = "ENABLED"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_ecs_cluster.jobs.arn
    role_arn = aws_iam_role.scheduler.arn
    input = jsonencode({
      containerOverrides = [{
        name        = "report"
        command     = ["python", "-m", "report", "--weekday"]
        environment = [{ name = "LOG_LEVEL", value = "debug" }]
      }]
    })

    ecs_parameters {
      task_definition_arn = aws_ecs_task_definition.report.arn
      task_count          = 1
      launch_type         = "FARGATE"
      platform_version    = "LATEST"
      network_configuration {
        subnets          = data.aws_subnets.default.ids
        security_groups  = [aws_security_group.tasks.id]
        assign_public_ip = false
      }
    }

    retry_policy {
      maximum_retry_attempts       = 2
      maximum_event_age_in_seconds = 3600
    }

    dead_letter_config {
      arn = aws_sqs_queue.schedule_dlq.arn
    }
  }
}

resource "aws_ecs_task_definition" "cleanup" {
  family                   = "tmp-cleanup"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  container_definitions = jsonencode([{
    name      = "cleanup"
    image     = "public.ecr.aws/docker/library/busybox:1.36"
    essential = true
    command   = ["sh", "-c", "find /scratch -mtime +1 -delete"]
  }])
}

resource "aws_cloudwatch_event_rule" "cleanup" {
  name                = "tmp-cleanup"
  description         = "every six hours; paused"
  schedule_expression = "rate(6 hours)"
  state               = "DISABLED"
}

resource "aws_cloudwatch_event_target" "cleanup" {
  rule     = aws_cloudwatch_event_rule.cleanup.name
  arn      = aws_ecs_cluster.jobs.arn
  role_arn = aws_iam_role.scheduler.arn
  input = jsonencode({
    containerOverrides = [{ name = "cleanup", environment = [{ name = "DRY_RUN", value = "false" }] }]
  })

  ecs_target {
    task_definition_arn = aws_ecs_task_definition.cleanup.arn
    task_count          = 2
    launch_type         = "FARGATE"
    network_configuration {
      subnets          = data.aws_subnets.default.ids
      assign_public_ip = false
    }
  }

  retry_policy {
    maximum_retry_attempts       = 3
    maximum_event_age_in_seconds = 600
  }
}
