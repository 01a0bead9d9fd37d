# applied by CI after the automatic files: it wins
admin_cidrs = ["203.0.113.0/24"]
