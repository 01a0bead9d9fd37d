- description: HTTPS from the office
  port: 443
  cidrs: ["${office}"]
