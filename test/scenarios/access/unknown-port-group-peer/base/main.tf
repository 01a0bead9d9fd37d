# The service ports come from a map set per environment. The queue admits the workers on the
# queue port only: SSH from the workers (whose group the internet reaches on 443) is new.
variable "service_ports" {
  type = map(number)
}

resource "aws_security_group" "workers" {
  name        = "workers"
  description = "workers"
}

resource "aws_security_group" "queue" {
  name        = "queue"
  description = "message queue"
}

resource "aws_security_group_rule" "workers_public" {
  description       = "HTTPS from anywhere"
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.workers.id
}

resource "aws_security_group_rule" "workers_to_queue" {
  description              = "Workers to the queue"
  type                     = "egress"
  from_port                = var.service_ports["queue"]
  to_port                  = var.service_ports["queue"]
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.queue.id
  security_group_id        = aws_security_group.workers.id
}

resource "aws_security_group_rule" "queue_from_workers" {
  description              = "Queue from the workers"
  type                     = "ingress"
  from_port                = var.service_ports["queue"]
  to_port                  = var.service_ports["queue"]
  protocol                 = "tcp"
  source_security_group_id = aws_security_group.workers.id
  security_group_id        = aws_security_group.queue.id
}
