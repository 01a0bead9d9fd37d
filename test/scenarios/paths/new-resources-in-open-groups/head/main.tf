# The web group is open on 443, the jump group on every TCP port: both before the change.
resource "aws_security_group" "web" {
  name   = "web"
  vpc_id = "vpc-0a1b2c"
  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "jump" {
  name   = "jump"
  vpc_id = "vpc-0a1b2c"
  ingress {
    description = "anything"
    from_port   = 0
    to_port     = 65535
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web_a" {
  ami                    = "ami-0a1"
  vpc_security_group_ids = [aws_security_group.web.id]
}

# a second web server in the web group: 443 only, no finding
resource "aws_instance" "web_b" {
  ami                    = "ami-0a1"
  vpc_security_group_ids = [aws_security_group.web.id]
}

# a public database in the jump group: PostgreSQL from the internet
resource "aws_db_instance" "ledger" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  publicly_accessible    = true
  vpc_security_group_ids = [aws_security_group.jump.id]
}

# a private one in the same group: reached through the tiers only, which paths review
resource "aws_db_instance" "archive" {
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  vpc_security_group_ids = [aws_security_group.jump.id]
}
