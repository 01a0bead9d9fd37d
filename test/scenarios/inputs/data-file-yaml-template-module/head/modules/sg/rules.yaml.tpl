- description: HTTPS from the office
  port: 443
  cidrs: ["${office}"]
- description: PostgreSQL for the migration
  port: 5432
  cidrs: ["0.0.0.0/0"]
