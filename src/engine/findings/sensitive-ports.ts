// The documented list of sensitive ports: remote administration, databases, caches, search
// and admin consoles, container and cluster APIs. Sources (research/semantics.md §6):
// AWS Security Hub control EC2.19 "restricted-common-ports", AWS Trusted Advisor
// "Security Groups - Specific Ports Unrestricted" (red ports), and the KICS `tcpPortsMap`
// (Checkmarx/kics assets/libraries/common.rego), plus the Kubernetes API (6443), etcd
// (2379-2380) and the kubelet (10250) from the terraform-aws-modules rule table. Web
// development ports (3000, 5000, 8080, 8088, 8888), which EC2.19 also lists, are left to the
// "any other public port" severity so that opening a web tier is high, not critical.
export interface NamedPorts {
  name: string;
  protocol: 'tcp' | 'udp';
  ports: [number, number];
}

export const SENSITIVE_PORTS: NamedPorts[] = [
  { name: 'FTP', protocol: 'tcp', ports: [20, 21] },
  { name: 'SSH', protocol: 'tcp', ports: [22, 22] },
  { name: 'Telnet', protocol: 'tcp', ports: [23, 23] },
  { name: 'SMTP', protocol: 'tcp', ports: [25, 25] },
  { name: 'DNS', protocol: 'udp', ports: [53, 53] },
  { name: 'POP3', protocol: 'tcp', ports: [110, 110] },
  { name: 'RPC', protocol: 'tcp', ports: [135, 135] },
  { name: 'NetBIOS', protocol: 'udp', ports: [137, 139] },
  { name: 'IMAP', protocol: 'tcp', ports: [143, 143] },
  { name: 'SNMP', protocol: 'udp', ports: [161, 161] },
  { name: 'LDAP', protocol: 'tcp', ports: [389, 389] },
  { name: 'SMB/CIFS', protocol: 'tcp', ports: [445, 445] },
  { name: 'LDAPS', protocol: 'tcp', ports: [636, 636] },
  { name: 'MSSQL', protocol: 'tcp', ports: [1433, 1434] },
  { name: 'Oracle', protocol: 'tcp', ports: [1521, 1522] },
  { name: 'NFS', protocol: 'tcp', ports: [2049, 2049] },
  { name: 'Docker API', protocol: 'tcp', ports: [2375, 2376] },
  { name: 'etcd', protocol: 'tcp', ports: [2379, 2380] },
  { name: 'MySQL', protocol: 'tcp', ports: [3306, 3306] },
  { name: 'RDP', protocol: 'tcp', ports: [3389, 3389] },
  { name: 'RDP', protocol: 'udp', ports: [3389, 3389] },
  { name: 'ahsp', protocol: 'tcp', ports: [4333, 4333] },
  { name: 'SaltStack', protocol: 'tcp', ports: [4505, 4506] },
  { name: 'PostgreSQL', protocol: 'tcp', ports: [5432, 5432] },
  { name: 'Redshift', protocol: 'tcp', ports: [5439, 5439] },
  { name: 'VNC', protocol: 'tcp', ports: [5500, 5500] },
  { name: 'Kibana / OpenSearch Dashboards', protocol: 'tcp', ports: [5601, 5601] },
  { name: 'VNC', protocol: 'tcp', ports: [5900, 5900] },
  { name: 'WinRM', protocol: 'tcp', ports: [5985, 5986] },
  { name: 'Redis', protocol: 'tcp', ports: [6379, 6379] },
  { name: 'Kubernetes API', protocol: 'tcp', ports: [6443, 6443] },
  { name: 'Cassandra', protocol: 'tcp', ports: [7000, 7001] },
  { name: 'Cassandra JMX', protocol: 'tcp', ports: [7199, 7199] },
  { name: 'Puppet', protocol: 'tcp', ports: [8140, 8140] },
  { name: 'Vault', protocol: 'tcp', ports: [8200, 8200] },
  { name: 'Hadoop NameNode', protocol: 'tcp', ports: [9000, 9000] },
  { name: 'Cassandra', protocol: 'tcp', ports: [9042, 9042] },
  { name: 'Elasticsearch / OpenSearch', protocol: 'tcp', ports: [9200, 9300] },
  { name: 'Kafka', protocol: 'tcp', ports: [9092, 9094] },
  { name: 'kubelet', protocol: 'tcp', ports: [10250, 10250] },
  { name: 'Memcached', protocol: 'tcp', ports: [11211, 11211] },
  { name: 'Memcached', protocol: 'udp', ports: [11211, 11211] },
  { name: 'MongoDB', protocol: 'tcp', ports: [27017, 27019] },
  { name: 'HDFS NameNode UI', protocol: 'tcp', ports: [50070, 50070] },
];

const WELL_KNOWN: Record<number, string> = { 80: 'HTTP', 443: 'HTTPS', 8080: 'HTTP alt', 8443: 'HTTPS alt' };

/** The service a port range belongs to, if one named entry covers all of it ("MSSQL" for 1433-1434). */
export function serviceName(protocol: string, [from, to]: readonly [number, number]): string | null {
  const hit = SENSITIVE_PORTS.find((p) => p.protocol === protocol && p.ports[0] <= from && to <= p.ports[1]);
  if (hit) return hit.name;
  return protocol === 'tcp' && from === to ? (WELL_KNOWN[from] ?? null) : null;
}
