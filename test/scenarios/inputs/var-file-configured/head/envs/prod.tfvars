# terraform apply -var-file=envs/prod.tfvars
admin_cidrs = ["0.0.0.0/0"]
