# terraform apply -var-file=envs/prod.tfvars
admin_cidrs = ["192.0.2.0/24"]
